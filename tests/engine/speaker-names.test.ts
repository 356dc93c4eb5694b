/**
 * A floor under the speaker-name check (npm run eval:speakers): who said each direct quotation of 72 PolNeAR train
 * articles annotated blind (eval/speaker-names/). Floors sit about 0.02 under what it printed when set (end of round
 * 18: right of shown 0.924 on half A, 0.863 on half B, 0.927 on batch C; right of all 0.852, 0.806 and 0.879); raise
 * them as the engine improves.
 */
import type { SpeakerNameCounts } from '../../eval/speaker-names';
import { scoreNamedArticles, type Half } from '../../scripts/eval-speaker-names';
import { describeShared } from '../helpers/shared';

describeShared('the speaker-name check on PolNeAR train', () => {
  let totals: Record<Half, SpeakerNameCounts>;

  beforeAll(() => {
    totals = scoreNamedArticles();
  }, 120_000);

  test('every annotated quotation is read', () => {
    expect(totals.A.items + totals.B.items + totals.C.items).toBe(678);
  });

  test.each([
    ['A', 0.88, 0.83],
    ['B', 0.85, 0.79],
    ['C', 0.90, 0.85],
  ] as const)('half %s: right of shown and of all stay at or above their floors', (half, shownFloor, allFloor) => {
    const counts = totals[half];
    expect(counts.right / (counts.right + counts.wrong)).toBeGreaterThanOrEqual(shownFloor);
    expect(counts.right / counts.speech).toBeGreaterThanOrEqual(allFloor);
  });
});
