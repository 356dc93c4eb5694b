import { BUSY_AFTER_S, BUSY_CHANGES_PER_SECOND, CALM_AFTER_S, watchChurn } from '../../src/content/churn';

/** A document whose MutationObserver the test fires by hand, and a clock it moves. */
function page() {
  const observers: Array<{ fire(): void; options: unknown; connected: boolean }> = [];
  const MutationObserver = class {
    private readonly entry: { fire(): void; options: unknown; connected: boolean };
    constructor(callback: () => void) {
      this.entry = { fire: () => this.entry.connected && callback(), options: null, connected: false };
      observers.push(this.entry);
    }
    observe(_target: Node, options: unknown) {
      this.entry.options = options;
      this.entry.connected = true;
    }
    disconnect() {
      this.entry.connected = false;
    }
  };
  const doc = { defaultView: { MutationObserver }, documentElement: {} } as unknown as Document;
  const clock = { now: 0 };
  /** The page changes `perSecond` times a second for `seconds` seconds. */
  const churn = (perSecond: number, seconds: number) => {
    for (let k = 0; k < perSecond * seconds; k++) {
      clock.now += 1000 / perSecond;
      for (const observer of observers) observer.fire();
    }
  };
  return { doc, observers, clock, churn };
}

describe('watchChurn: a page that keeps rewriting itself', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a 60 Hz ticker makes the page busy within the window, then calm once it stops', () => {
    const { doc, clock, churn } = page();
    const changes: boolean[] = [];
    const watch = watchChurn(doc, (busy) => changes.push(busy), () => clock.now);
    churn(60, BUSY_AFTER_S - 1);
    expect(changes).toEqual([]);
    churn(60, 1);
    expect(changes).toEqual([true]);
    expect(watch.busy).toBe(true);
    // The ticker stops: calm again once a whole window has gone by under the rate.
    clock.now += (CALM_AFTER_S + 1) * 1000;
    jest.advanceTimersByTime((CALM_AFTER_S + 1) * 1000);
    expect(changes).toEqual([true, false]);
    expect(watch.busy).toBe(false);
    watch.destroy();
  });

  test.each([
    ['a clock ticking once a second', 1],
    ['a carousel and a live score together', 4],
    [`just under the rate (${BUSY_CHANGES_PER_SECOND} a second)`, BUSY_CHANGES_PER_SECOND],
  ])('must not call busy: %s', (_name, perSecond) => {
    const { doc, clock, churn } = page();
    const changes: boolean[] = [];
    watchChurn(doc, (busy) => changes.push(busy), () => clock.now);
    churn(perSecond, 30);
    expect(changes).toEqual([]);
  });

  test('a short burst (a section drawn at load) does not make the page busy', () => {
    const { doc, clock, churn } = page();
    const changes: boolean[] = [];
    watchChurn(doc, (busy) => changes.push(busy), () => clock.now);
    churn(200, 0.5);
    clock.now += 1000;
    churn(1, 10);
    expect(changes).toEqual([]);
  });

  test('watches text, nodes and attributes of the whole document, and stops with destroy', () => {
    const { doc, observers, clock, churn } = page();
    const changes: boolean[] = [];
    const watch = watchChurn(doc, (busy) => changes.push(busy), () => clock.now);
    expect(observers[0].options).toEqual({ childList: true, characterData: true, attributes: true, subtree: true });
    watch.destroy();
    expect(observers[0].connected).toBe(false);
    churn(60, 5);
    expect(changes).toEqual([]);
  });
});
