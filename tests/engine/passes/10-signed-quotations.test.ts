/**
 * Pass 10, signed quotations: a quotation signed with a dash after its closing mark, as in collected reader or
 * voter quotes (“…” ― Pamela Padilla), is the signer's; the dash is the cue.
 */
import { signedQuotations } from '../../../src/engine/passes/10-signed-quotations';
import { texts, upTo } from '../../helpers/passes';

/** [cue, sources, contents, kind] of each attribution found by the end of the pass. */
const found = (text: string) => upTo(signedQuotations, text).found.map((a) => [a.cue?.text, texts(a.sources), texts(a.contents), a.kind]);

describe('signedQuotations: “…” ― Name', () => {
  test.each([
    ['a horizontal bar', '“He represents our greatest shame.” ― Sonya Herridge', [['―', ['Sonya Herridge'], ['“He represents our greatest shame.”'], 'direct']]],
    ['a no-break space and a full stop, as web pages write it', '“Maybe we can build a wall around him.” ―\u00a0Steve Quinlan.', [['―', ['Steve Quinlan'], ['“Maybe we can build a wall around him.”'], 'direct']]],
    ['an en dash', '“It is over for him” – Sonya Herridge', [['–', ['Sonya Herridge'], ['“It is over for him”'], 'direct']]],
    ['a name in capitals', '“He represents our greatest shame.” ― SONYA HERRIDGE', [['―', ['SONYA HERRIDGE'], ['“He represents our greatest shame.”'], 'direct']]],
    ['a name and where the signer is from: the name alone', '“He represents our greatest shame.” — Pamela Padilla, Reno', [['—', ['Pamela Padilla'], ['“He represents our greatest shame.”'], 'direct']]],
  ])('%s: %s', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('the signer’s attribution: confidence 0.9, lemma "say", the name as provisional speaker', () => {
    const [signed] = upTo(signedQuotations, '“He represents our greatest shame.” ― Sonya Herridge').found;
    expect(signed).toMatchObject({ confidence: 0.9, cueLemma: 'say', speaker: { name: 'Sonya Herridge', type: 'unnamed', aliases: [] } });
  });

  test.each([
    ['no quotation before the dash', 'The vote was close — Sonya Herridge'],
    ['no name after it', '“He represents our greatest shame.” — a voter from Reno'],
    ['more than a name after it', '“He represents our greatest shame.” — Pamela Padilla Of The Reno County Democratic Party Club'],
  ])('nothing for %s: %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  test('not a quotation another attribution already holds', () => {
    expect(found('Herridge said: “He represents our greatest shame.” ― Sonya Herridge').map(([cue]) => cue)).toEqual(['said:']);
  });
});
