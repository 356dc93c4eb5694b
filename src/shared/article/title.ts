/**
 * The article's title: its <h1> (inside the body root or just above it, as in <article><header><h1>),
 * else og:title, else document.title. An <h1> that shares no word with the page's metadata titles is a
 * site logo or section name, not the headline.
 */

export interface ArticleTitle {
  text: string;
  /** The <h1> the title came from, so the text builder leaves it out of the body text. */
  element: Element | null;
}

/** Ancestors of the root searched for the headline. */
const TITLE_SEARCH_LEVELS = 4;

export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2));
}

function agreesWith(headline: string, metaTitles: string[]): boolean {
  if (metaTitles.length === 0) return true;
  const own = words(headline);
  if (own.size === 0) return false;
  return metaTitles.some((meta) => {
    const other = words(meta);
    let shared = 0;
    for (const word of own) if (other.has(word)) shared++;
    return shared / own.size >= 0.5;
  });
}

function firstHeadline(scope: Element, metaTitles: string[]): Element | null {
  for (const h1 of scope.getElementsByTagName('h1')) {
    const text = collapseWhitespace(h1.textContent ?? '');
    if (text !== '' && agreesWith(text, metaTitles)) return h1;
  }
  return null;
}

export function findTitle(root: Element): ArticleTitle {
  const doc = root.ownerDocument;
  const ogTitle = collapseWhitespace(doc.querySelector('meta[property="og:title"], meta[name="og:title"]')?.getAttribute('content') ?? '');
  const docTitle = collapseWhitespace(doc.title ?? '');
  const metaTitles = [ogTitle, docTitle].filter((title) => title !== '');

  let scope: Element | null = root;
  for (let level = 0; scope && level <= TITLE_SEARCH_LEVELS; level++, scope = scope.parentElement) {
    const h1 = firstHeadline(scope, metaTitles);
    if (h1) return { text: collapseWhitespace(h1.textContent ?? ''), element: h1 };
    if (scope === doc.body) break;
  }
  return { text: ogTitle || docTitle, element: null };
}
