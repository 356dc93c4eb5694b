import { rangesNear, watchViewWindow } from '../../src/content/view-window';

const VIEW_HEIGHT = 1000;

/**
 * An article of `count` blocks, each 100 px tall, stacked top to bottom; `scrollTo(y)` moves them as a scroll
 * would. Blocks listed in `hidden` have no box (display: none).
 */
function article(count: number, hidden: number[] = []) {
  const frames: Array<() => void> = [];
  const listeners = new Map<string, () => void>();
  const view = {
    innerHeight: VIEW_HEIGHT,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    cancelAnimationFrame: () => undefined,
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  const doc = { defaultView: view, body: {}, documentElement: {} } as unknown as Document;
  let scrollY = 0;
  let measured = 0;
  const blocks = Array.from({ length: count }, (_, k) => {
    const block = {} as Element;
    block.getBoundingClientRect = () => {
      measured++;
      if (hidden.includes(k)) return { top: 0, bottom: 0, width: 0, height: 0 } as DOMRect;
      const top = k * 100 - scrollY;
      return { top, bottom: top + 100, width: 600, height: 100 } as DOMRect;
    };
    return block;
  });
  return {
    doc,
    blocks,
    listeners,
    measured: () => measured,
    scrollTo(y: number) {
      scrollY = y;
      listeners.get('scroll')?.();
      for (const frame of frames.splice(0)) frame();
    },
  };
}

const indexes = (page: { blocks: Element[] }, set: Iterable<Element>) => [...set].map((block) => page.blocks.indexOf(block)).sort((a, b) => a - b);

describe('watchViewWindow: the blocks in or near the view', () => {
  test('in view at the top, then after a scroll: what entered and what left', () => {
    const page = article(1000);
    const changes: Array<[number[], number[]]> = [];
    const watch = watchViewWindow(page.doc, page.blocks, 0, (entered, left) => changes.push([indexes(page, entered), indexes(page, left)]));
    expect(indexes(page, watch.inView)).toEqual([...Array(10).keys()]);
    page.scrollTo(50_050);
    // Half of block 500 and half of block 510 show.
    expect(indexes(page, watch.inView)).toEqual([...Array(11).keys()].map((k) => 500 + k));
    expect(changes[1][1]).toEqual([...Array(10).keys()]);
    watch.destroy();
    expect(page.listeners.size).toBe(0);
  });

  test('a margin widens the band above and below by that share of the view', () => {
    const page = article(1000);
    const watch = watchViewWindow(page.doc, page.blocks, 0.25, () => undefined);
    page.scrollTo(50_000);
    expect(indexes(page, watch.inView)).toEqual([...Array(16).keys()].map((k) => 497 + k));
  });

  test('a scroll measures a handful of blocks, not every block', () => {
    const page = article(10_000);
    watchViewWindow(page.doc, page.blocks, 0, () => undefined);
    const before = page.measured();
    page.scrollTo(500_000);
    expect(page.measured() - before).toBeLessThan(40);
  });

  test('blocks with no box are never in view, and do not stop the walk', () => {
    const page = article(100, [2, 3]);
    const watch = watchViewWindow(page.doc, page.blocks, 0, () => undefined);
    expect(indexes(page, watch.inView)).toEqual([0, 1, 4, 5, 6, 7, 8, 9]);
  });

  test('nothing reported when a scroll changes nothing in view', () => {
    const page = article(100);
    const changes: unknown[] = [];
    watchViewWindow(page.doc, page.blocks, 0, (entered, left) => changes.push([entered, left]));
    page.scrollTo(0);
    expect(changes).toHaveLength(1);
  });
});

describe('rangesNear: the ranges of one long block near the view', () => {
  /** Ranges 20 px apart, one a line; a live range measures them, and throws for offsets past a shrunk text. */
  function block(count: number, stale: number[] = []) {
    let measured = 0;
    const doc = {
      createRange: () => {
        let at = 0;
        return {
          setStart: (_node: unknown, offset: number) => {
            if (stale.includes(offset)) throw new Error('IndexSizeError');
            at = offset;
          },
          setEnd: () => undefined,
          getBoundingClientRect: () => (measured++, { top: at * 20, bottom: at * 20 + 18 }) as DOMRect,
        };
      },
    } as unknown as Document;
    const ranges = Array.from({ length: count }, (_, k) => ({ startContainer: null, startOffset: k, endContainer: null, endOffset: k }) as unknown as AbstractRange);
    return { doc, ranges, measured: () => measured };
  }

  test('the indexes whose box reaches into the band, found in 2 × log2(n) measures', () => {
    const page = block(10_000);
    expect(rangesNear(page.doc, page.ranges, 2_000, 3_000)).toEqual([100, 150]);
    expect(page.measured()).toBeLessThanOrEqual(30);
    expect(rangesNear(page.doc, page.ranges, -500, -100)).toEqual([0, 0]);
  });

  test('a range that can no longer be measured does not stop the search', () => {
    const page = block(1_000, [120, 125]);
    const [from, to] = rangesNear(page.doc, page.ranges, 2_000, 3_000);
    expect(from).toBeGreaterThanOrEqual(100);
    expect(to).toBeLessThanOrEqual(151);
  });
});
