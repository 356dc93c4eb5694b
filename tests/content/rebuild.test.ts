import { REBUILD_LIMIT, REBUILD_MAX_WAIT_MS, REBUILD_QUIET_MS, watchRebuilds } from '../../src/content/rebuild';
import { parseDocument } from '../helpers/linkedom';

describe('watchRebuilds', () => {
  let clock = 0;
  const now = () => clock;
  /** Lets the observer's records through, then moves the clock and the timers on. */
  async function advance(ms: number): Promise<void> {
    await Promise.resolve();
    await new Promise((resolve) => jest.requireActual<typeof import('timers')>('timers').setImmediate(resolve));
    clock += ms;
    jest.advanceTimersByTime(ms);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
  });
  afterEach(() => jest.useRealTimers());

  function page() {
    const doc = parseDocument('<html><body><article><p>One.</p></article></body></html>');
    const replace = () => {
      const article = doc.querySelector('article')!;
      article.outerHTML = article.outerHTML;
    };
    return { doc, replace };
  }

  test('asks once the page has been quiet a moment, and calls back only when stale', async () => {
    const { doc, replace } = page();
    let stale = false;
    const calls: number[] = [];
    const watch = watchRebuilds(doc, () => stale, () => calls.push(clock), now);
    replace();
    await advance(REBUILD_QUIET_MS);
    expect(calls).toEqual([]);
    stale = true;
    replace();
    await advance(REBUILD_QUIET_MS / 2);
    expect(calls).toEqual([]);
    await advance(REBUILD_QUIET_MS);
    expect(calls).toHaveLength(1);
    watch.stop();
    replace();
    await advance(REBUILD_QUIET_MS * 2);
    expect(calls).toHaveLength(1);
  });

  test('a page that never goes quiet is looked at every REBUILD_MAX_WAIT_MS all the same', async () => {
    const { doc, replace } = page();
    const calls: number[] = [];
    const watch = watchRebuilds(doc, () => true, () => calls.push(clock), now);
    for (let t = 0; t < REBUILD_MAX_WAIT_MS * 3; t += 50) {
      replace();
      await advance(50);
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(3);
    watch.stop();
  });

  test('a page that keeps rebuilding gets at most REBUILD_LIMIT calls a minute', async () => {
    const { doc, replace } = page();
    const calls: number[] = [];
    const watch = watchRebuilds(doc, () => true, () => calls.push(clock), now);
    for (let round = 0; round < REBUILD_LIMIT * 2; round++) {
      replace();
      await advance(REBUILD_QUIET_MS * 2);
    }
    expect(calls).toHaveLength(REBUILD_LIMIT);
    await advance(60_000);
    replace();
    await advance(REBUILD_QUIET_MS * 2);
    expect(calls).toHaveLength(REBUILD_LIMIT + 1);
    watch.stop();
  });

  test('the Document node is watched: a replaced <html> (document.open) is seen', async () => {
    const { doc } = page();
    const calls: number[] = [];
    const watch = watchRebuilds(doc, () => true, () => calls.push(clock), now);
    doc.removeChild(doc.documentElement);
    doc.appendChild(doc.createElement('html'));
    await advance(REBUILD_QUIET_MS * 2);
    expect(calls).toHaveLength(1);
    watch.stop();
  });
});
