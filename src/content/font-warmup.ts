/**
 * Has the browser find the overlay's font faces before the overlay first draws. Finding a face of a font stack
 * for the first time in a tab costs its frame 11–12 ms of font matching (fontconfig on Linux: 5–6 ms a face);
 * on the 100,000-element page that frame was the longest task running WhoSaid's script (52–64 ms, npm run
 * bench:giant with BENCH_TASKS=all). A canvas that measures one word in each face does the same matching where
 * nothing waits on it (the renderer's font cache is shared), one face per task, with nothing added to the page.
 */
import { OVERLAY_FONT_STACK, OVERLAY_FONT_WEIGHTS } from '../shared/overlay-font';
import { yieldToPage } from '../shared/steps';

type MeasuringContext = { font: string; measureText(text: string): unknown };

/** A 2D context that lays out text off the page, or null where the browser has none (the DOM test tier). */
function measuringContext(doc: Document): MeasuringContext | null {
  try {
    const Offscreen = (doc.defaultView as (Window & { OffscreenCanvas?: typeof OffscreenCanvas }) | null)?.OffscreenCanvas;
    const canvas = Offscreen ? new Offscreen(1, 1) : doc.createElement('canvas');
    return (canvas.getContext('2d') as MeasuringContext | null) ?? null;
  } catch {
    return null;
  }
}

const warmed = new WeakSet<Document>();

/** Resolves the overlay's faces once per document, one per task; stops when `signal` aborts (a later run starts over). */
export async function warmOverlayFonts(doc: Document, signal?: AbortSignal, pause: () => Promise<void> = yieldToPage): Promise<void> {
  if (warmed.has(doc)) return;
  const context = measuringContext(doc);
  if (!context) return;
  warmed.add(doc);
  for (const weight of OVERLAY_FONT_WEIGHTS) {
    await pause();
    if (signal?.aborted) {
      warmed.delete(doc);
      return;
    }
    context.font = `${weight} 13px ${OVERLAY_FONT_STACK}`;
    context.measureText('WhoSaid');
  }
}
