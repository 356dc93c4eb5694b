import { documentUrl, URL_POLL_MS, watchUrl, type NavigationWindow } from '../../src/content/navigation';

/** A window with listeners the test can fire, and a location.href it can move. */
function fakeWindow(withNavigationApi: boolean) {
  const listeners = { window: new Map<string, Set<() => void>>(), navigation: new Map<string, Set<() => void>>() };
  const target = (map: Map<string, Set<() => void>>) => ({
    addEventListener: (type: string, listener: () => void) => {
      if (!map.has(type)) map.set(type, new Set());
      map.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: () => void) => map.get(type)?.delete(listener),
  });
  const fire = (map: Map<string, Set<() => void>>, type: string) => map.get(type)?.forEach((listener) => listener());
  const win: NavigationWindow = {
    ...target(listeners.window),
    navigation: withNavigationApi ? target(listeners.navigation) : undefined,
  };
  const count = (map: Map<string, Set<() => void>>) => [...map.values()].reduce((sum, set) => sum + set.size, 0);
  return {
    win,
    href: 'https://news.example/first',
    entryChanged: () => fire(listeners.navigation, 'currententrychange'),
    popstate: () => fire(listeners.window, 'popstate'),
    listeners: () => count(listeners.window) + count(listeners.navigation),
  };
}

function watch(withNavigationApi: boolean) {
  const page = fakeWindow(withNavigationApi);
  const changes: string[] = [];
  const lifetime = new AbortController();
  watchUrl(page.win, () => page.href, (url) => changes.push(url), lifetime.signal);
  return { page, changes, lifetime };
}

test('documentUrl drops the hash only', () => {
  expect(documentUrl('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
  expect(documentUrl('https://a.example/x')).toBe('https://a.example/x');
});

describe('with the Navigation API', () => {
  test('each new path or query is reported once; a new hash or the same URL is not', () => {
    const { page, changes } = watch(true);
    page.href = 'https://news.example/first#comments';
    page.entryChanged();
    page.entryChanged();
    page.href = 'https://news.example/second';
    page.entryChanged();
    page.entryChanged();
    page.href = 'https://news.example/second?page=2';
    page.entryChanged();
    expect(changes).toEqual(['https://news.example/second', 'https://news.example/second?page=2']);
  });

  test('no polling and no popstate listener are needed', () => {
    jest.useFakeTimers();
    try {
      const { page, changes } = watch(true);
      page.href = 'https://news.example/second';
      page.popstate();
      jest.advanceTimersByTime(URL_POLL_MS * 3);
      expect(changes).toEqual([]);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  test('aborting stops the reports and removes the listener', () => {
    const { page, changes, lifetime } = watch(true);
    lifetime.abort();
    expect(page.listeners()).toBe(0);
    page.href = 'https://news.example/second';
    page.entryChanged();
    expect(changes).toEqual([]);
  });
});

describe('without it', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('popstate (back, forward) is reported at once', () => {
    const { page, changes } = watch(false);
    page.href = 'https://news.example/second';
    page.popstate();
    expect(changes).toEqual(['https://news.example/second']);
  });

  test('pushState, which fires no event, is caught by the poll within URL_POLL_MS', () => {
    const { page, changes } = watch(false);
    page.href = 'https://news.example/second';
    jest.advanceTimersByTime(URL_POLL_MS - 1);
    expect(changes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(changes).toEqual(['https://news.example/second']);
    jest.advanceTimersByTime(URL_POLL_MS * 3);
    expect(changes).toHaveLength(1);
  });

  test('aborting stops the poll and removes the popstate listener', () => {
    const { page, changes, lifetime } = watch(false);
    lifetime.abort();
    expect(jest.getTimerCount()).toBe(0);
    expect(page.listeners()).toBe(0);
    page.href = 'https://news.example/second';
    page.popstate();
    expect(changes).toEqual([]);
  });
});
