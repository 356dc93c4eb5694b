/**
 * Which of an article's blocks are in or near the view, kept up to date on scroll, resize and changes of
 * the page's height. Used in place of an IntersectionObserver on every block: Chromium recomputes every
 * observed target's intersection on each frame the page changes, and 1,000 observed paragraphs under a
 * 60 Hz ticker cost 0.44 s of main thread in 5 s (9%) with nothing else running (0.37 s without the
 * observer, 0.81 s with it; scripts/probe-highlight-cost.cjs, medians of 3). Here a scroll costs one binary search over the blocks
 * (about 10 getBoundingClientRect calls) and a walk over those in view; a frame with no scroll costs nothing.
 */

export interface ViewWindow {
  /** The blocks in or near the view now. */
  readonly inView: ReadonlySet<Element>;
  /** Measures again now (the caller knows the layout moved). */
  refresh(): void;
  destroy(): void;
}

/** At most this many blocks are measured past the first one in view: a bound for pages whose order is not top to bottom. */
const MAX_WALK = 400;

/**
 * Watches `blocks` (in document order, which on an article is top to bottom) and reports, after each
 * change, the blocks that came into the band of the view widened by `margin` (a fraction of its height)
 * above and below, and those that left it.
 */
export function watchViewWindow(
  doc: Document,
  blocks: readonly Element[],
  margin: number,
  onChange: (entered: Element[], left: Element[]) => void,
  onMeasure?: (top: number, bottom: number, inView: ReadonlySet<Element>) => void,
): ViewWindow {
  const view = doc.defaultView;
  let inView = new Set<Element>();
  let frame = 0;
  let destroyed = false;

  function measure(): void {
    frame = 0;
    if (destroyed || !view) return;
    const height = view.innerHeight;
    const top = -height * margin;
    const bottom = height * (1 + margin);
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blocks[middle].getBoundingClientRect().bottom <= top) low = middle + 1;
      else high = middle;
    }
    // Blocks with no box (display: none) break the top-to-bottom order the search relies on: step back over
    // them to any block in the band that the search skipped.
    for (let k = low - 1, steps = 0; k >= 0 && steps < MAX_WALK; k--, steps++) {
      const box = blocks[k].getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.bottom <= top) break;
      low = k;
    }
    const next = new Set<Element>();
    for (let k = low; k < blocks.length && k < low + MAX_WALK; k++) {
      const box = blocks[k].getBoundingClientRect();
      if (box.top >= bottom) break;
      if (box.bottom > top && (box.width > 0 || box.height > 0)) next.add(blocks[k]);
    }
    const entered = [...next].filter((block) => !inView.has(block));
    const left = [...inView].filter((block) => !next.has(block));
    inView = next;
    if (entered.length > 0 || left.length > 0) onChange(entered, left);
    onMeasure?.(top, bottom, inView);
  }

  const schedule = () => {
    if (!frame && !destroyed && view) frame = view.requestAnimationFrame(measure);
  };
  const options: AddEventListenerOptions = { passive: true, capture: true };
  view?.addEventListener('scroll', schedule, options);
  view?.addEventListener('resize', schedule, options);
  // The page grows or shrinks (images arrive, a section opens): what is in view may have moved.
  const Resize = view?.ResizeObserver;
  const resized = Resize ? new Resize(schedule) : null;
  resized?.observe(doc.body ?? doc.documentElement);
  measure();

  return {
    get inView() {
      return inView;
    },
    refresh: measure,
    destroy() {
      destroyed = true;
      if (frame && view) view.cancelAnimationFrame(frame);
      frame = 0;
      view?.removeEventListener('scroll', schedule, options);
      view?.removeEventListener('resize', schedule, options);
      resized?.disconnect();
      inView = new Set();
    },
  };
}

/** Boxes of a long block's ranges by index, from the block's top (null: cannot be measured), while its layout holds. */
export type RangeBoxes = Map<number, { top: number; bottom: number } | null>;

/**
 * Within one long block: of `ranges` (in text order), the indexes [from, to) of those whose box reaches between
 * `top` and `bottom`. Two binary searches over the ranges' boxes: in 5 MB of text in one <p> one range's box
 * costs ~0.5 ms (Chromium walks the text's line boxes), so 2 × log2(n) boxes, never one per range; and `boxes`
 * keeps them from the block's top (`origin`), so the next scroll frame measures only the few new ones.
 */
export function rangesNear(
  doc: Document,
  ranges: readonly AbstractRange[],
  top: number,
  bottom: number,
  origin = 0,
  boxes: RangeBoxes = new Map(),
): [number, number] {
  const live = doc.createRange();
  const boxAt = (k: number) => {
    if (!boxes.has(k)) {
      let box = null;
      try {
        live.setStart(ranges[k].startContainer, ranges[k].startOffset);
        live.setEnd(ranges[k].endContainer, ranges[k].endOffset);
        const measured = live.getBoundingClientRect();
        box = { top: measured.top - origin, bottom: measured.bottom - origin };
      } catch {
        // Offsets past the end of a text that has since shrunk: taken as above the view.
      }
      boxes.set(k, box);
    }
    return boxes.get(k);
  };
  const search = (from: number, past: (box: { top: number; bottom: number }) => boolean) => {
    let low = from;
    let high = ranges.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const box = boxAt(middle);
      if (box && past(box)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const from = search(0, (box) => box.bottom + origin > top);
  return [from, search(from, (box) => box.top + origin >= bottom)];
}
