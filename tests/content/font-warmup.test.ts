import { warmOverlayFonts } from '../../src/content/font-warmup';
import { OVERLAY_FONT_STACK, OVERLAY_FONT_WEIGHTS } from '../../src/shared/overlay-font';
import { OVERLAY_CSS } from '../../src/overlay/styles';

/** A document whose window has an OffscreenCanvas that records each face it is asked to measure, with the task it ran in. */
function recordingDocument() {
  const measured: Array<{ font: string; task: number }> = [];
  let task = 0;
  class RecordingCanvas {
    getContext() {
      const context = { font: '', measureText: () => measured.push({ font: context.font, task }) };
      return context;
    }
  }
  const doc = { defaultView: { OffscreenCanvas: RecordingCanvas }, createElement: () => { throw new Error('no DOM canvas needed'); } } as unknown as Document;
  return { doc, measured, nextTask: () => (task += 1) };
}

describe('the overlay’s fonts are found before its first frame', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('every face the overlay’s styles use, one per task, in the overlay’s own stack', async () => {
    const { doc, measured, nextTask } = recordingDocument();
    await warmOverlayFonts(doc, undefined, async () => void nextTask());
    expect(measured.map((m) => m.font)).toEqual(OVERLAY_FONT_WEIGHTS.map((weight) => `${weight} 13px ${OVERLAY_FONT_STACK}`));
    expect(new Set(measured.map((m) => m.task)).size).toBe(OVERLAY_FONT_WEIGHTS.length);
  });

  test('the weights listed are the weights the styles use, and the stack is theirs', () => {
    const used = new Set([...OVERLAY_CSS.matchAll(/font(?:-weight)?:\s*(\d{3})\b/g)].map((m) => Number(m[1])));
    expect([...used].sort()).toEqual([...OVERLAY_FONT_WEIGHTS].sort());
    expect(OVERLAY_CSS).toContain(OVERLAY_FONT_STACK);
  });

  test('an aborted run stops and a later one starts over; once done, never again in that document; no canvas, nothing to do', async () => {
    const { doc, measured } = recordingDocument();
    const aborted = new AbortController();
    aborted.abort();
    const first = warmOverlayFonts(doc, aborted.signal);
    await jest.advanceTimersByTimeAsync(10);
    await first;
    expect(measured).toEqual([]);
    const second = warmOverlayFonts(doc);
    await jest.advanceTimersByTimeAsync(10);
    await second;
    expect(measured).toHaveLength(OVERLAY_FONT_WEIGHTS.length);
    const third = warmOverlayFonts(doc);
    await jest.advanceTimersByTimeAsync(10);
    await third;
    expect(measured).toHaveLength(OVERLAY_FONT_WEIGHTS.length);
    const bare = { defaultView: {}, createElement: () => ({ getContext: () => null }) } as unknown as Document;
    await expect(warmOverlayFonts(bare)).resolves.toBeUndefined();
  });
});
