/**
 * Single-page sites change the article without loading a page (history.pushState, popstate). A
 * content script cannot wrap the page's history functions, which belong to the page's world, so it
 * learns of a new URL from the Navigation API's currententrychange where the browser has it (fired
 * after the URL is updated, and seen from every world), and elsewhere from popstate plus a poll of
 * location.href (one string compare a second). Only the path and query count: a new hash is a jump
 * within the same article.
 */

export const URL_POLL_MS = 1_000;

/** The parts of the window watched; the Navigation API is optional (older Firefox and Safari have none). */
export interface NavigationWindow {
  navigation?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** The URL of the document shown, without its hash. */
export function documentUrl(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/**
 * Calls `onChange` with the new document URL each time it changes, until `signal` aborts. `readHref`
 * is location.href (a function, so the value is read fresh and a test can move it).
 */
export function watchUrl(win: NavigationWindow, readHref: () => string, onChange: (url: string) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let current = documentUrl(readHref());
  const check = () => {
    if (signal.aborted) return;
    const next = documentUrl(readHref());
    if (next === current) return;
    current = next;
    onChange(next);
  };
  const navigation = win.navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', check);
    signal.addEventListener('abort', () => navigation.removeEventListener('currententrychange', check), { once: true });
    return;
  }
  win.addEventListener('popstate', check);
  const poll = setInterval(check, URL_POLL_MS);
  signal.addEventListener(
    'abort',
    () => {
      win.removeEventListener('popstate', check);
      clearInterval(poll);
    },
    { once: true },
  );
}
