/**
 * What marks an element as article body or as page furniture, shared by the root scorer and the text
 * builder. Class and id hints follow Mozilla Readability's lists, extended with the furniture news
 * sites add inside and around the body (share bars, newsletter boxes, teasers, bylines).
 */
import { runWhole, STEP_UNITS, type Steps } from '../steps';

/**
 * Never text a reader reads as the article, whatever holds them. Lower case: compared with localName,
 * which is lower case for HTML and SVG alike (tagName is not).
 */
export const HARD_SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'video', 'audio', 'img', 'picture', 'source', 'figcaption', 'button', 'input', 'textarea',
  'select', 'option', 'label', 'dialog', 'whosaid-overlay', 'head', 'title', 'meta', 'link',
]);

/** Page furniture by tag: skipped unless it holds most of the article (some sites wrap the body in a form). */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu']);

/** ARIA landmark and widget roles of page furniture. */
export const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);

/** Elements that start a new line when rendered; their edges are paragraph boundaries in the text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);

/** Furniture words in a class or id, matched at the start of a word: "site-nav", "navbar", but not "canvas"; "related-articles", but not "unrelated". */
const FURNITURE_WORD_STARTS = [
  'comment', 'related', 'sidebar', 'side-bar', 'nav', 'menu', 'footer', 'header', 'masthead', 'promo', 'share', 'sharing',
  'social', 'teaser', 'subscri', 'signup', 'sign-up', 'byline', 'author', 'meta(?:[^a-z]|$)', 'dateline', 'date(?:[^a-z]|$)',
  'publish', 'caption', 'credit', 'advert', 'ads?(?:[^a-z]|$)', 'ad-', 'sponsor', 'recommend', 'popular', 'trending', 'most-',
  'more-(?:stories|from|news|articles|on|in|like|videos)', 'also-', 'breadcrumb', 'tags?(?:[^a-z]|$)', 'toolbar',
  'tools(?:[^a-z]|$)', 'print(?:[^a-z]|$)', 'sr-only', 'visually-hidden', 'screen-reader', 'offscreen', 'off-screen', 'skip',
  'cookie', 'gdpr', 'consent', 'banner', 'widget', 'pagination', 'pager', 'login', 'rss', 'disqus', 'shoutbox', 'skyscraper',
  'popup', 'modal-?close', 'newsfeed', 'feedback', 'survey', 'signature', 'auteur', 'opt-in', 'reviewed-?by', 'video',
];
/** Furniture words matched anywhere, as sites glue them to other words ("cnnplayer", "EmailOptin", "storytimestamp"). */
const FURNITURE_WORDS_ANYWHERE = ['player', 'noscript', 'newsletter', 'subscribe', 'outbrain', 'taboola', 'teads', 'inread', 'optin', 'timestamp'];

export const FURNITURE_HINT = new RegExp(
  `(?:^|[^a-z])(?:${FURNITURE_WORD_STARTS.join('|')})|${FURNITURE_WORDS_ANYWHERE.join('|')}`,
  'i',
);

/** Names publishers give the article body itself; they outweigh any furniture word in the same attribute. */
export const BODY_HINT = /(?:^|[^a-z])(?:article|story|entry|post)[-_]?(?:body|content|text)|(?:^|[^a-z])body[-_]?(?:text|copy)|articlebody/i;

/** Readability's negative and positive class/id weights for choosing the root (substring match, as there). */
export const NEGATIVE_HINT =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|nav|header|newsletter|teaser|subscribe|caption|byline|recommend|trending|popular/i;
export const POSITIVE_HINT = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;

/** Readability's "unlikely candidates": paragraphs under these are not scored, unless OK_MAYBE also matches. */
export const UNLIKELY_CANDIDATE =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|teaser|subscribe|promo/i;
export const OK_MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;

/** "class id" of an element; getAttribute, because className is an SVGAnimatedString on SVG elements. */
export function classAndId(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return cls && id ? `${cls} ${id}` : cls || id || '';
}

const HIDDEN_STYLE = /(?:^|;)\s*display\s*:\s*none/i;

type VisibilityCheck = { checkVisibility?: () => boolean };

/**
 * Hidden from a reader: the hidden attribute, aria-hidden, an inline display:none, and, in a browser,
 * display:none from style sheets through checkVisibility (linkedom has none, so Node sees only the
 * markup signals). A computed visibility:hidden does not count: pages hide the whole body that way
 * until their scripts have run (seattletimes-1 does), and the text is the reader's a moment later.
 */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const check = (el as Element & VisibilityCheck).checkVisibility;
  if (typeof check === 'function' && !check.call(el)) {
    // display:contents boxes report "not visible" but their children render.
    const view = el.ownerDocument.defaultView;
    return !view || view.getComputedStyle(el).display !== 'contents';
  }
  return false;
}

/** schema.org microdata marking the byline and dates (lemonde-1 marks its author box this way). */
const BYLINE_ITEMPROP = /^(?:author|creator|publisher|datePublished|dateModified|dateCreated)$/i;

/**
 * Text-level elements: a class on one of these styles words of a sentence ("meta-org" on a company
 * name in nytimes-2); it does not mark furniture.
 */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/** The class hints that apply to inline elements too: text only screen readers get, and bylines and dates. */
const INLINE_FURNITURE = /caption|sr-only|visually-?hidden|screen-?reader|off-?screen|element-invisible|byline|dateline|timestamp/i;

/** Furniture by tag, ARIA role, byline microdata or class/id hint (hidden and hard-skipped elements are tested apart). */
export function isFurniture(el: Element, byClass = true): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && BYLINE_ITEMPROP.test(itemprop)) return true;
  if (INLINE_TAGS.has(el.localName)) {
    if (!byClass) return false;
    const hint = classAndId(el).replace(NEGATED_HINT, ' ');
    return hint.trim() !== '' && INLINE_FURNITURE.test(hint);
  }
  if (FURNITURE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (!byClass || TABLE_PARTS.has(el.localName)) return false;
  // "no_caption", "no-ads": a class saying the furniture is absent (buzzfeed-1's lede item) is no furniture.
  const hint = classAndId(el).replace(NEGATED_HINT, ' ');
  return hint.trim() !== '' && FURNITURE_HINT.test(hint) && !BODY_HINT.test(hint);
}

/** A table's rows and cells are its data: a class there styles a row ("oddrow player-2020-416"), it does not mark furniture. */
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

const NEGATED_HINT = /(?:^|[^a-z])(?:no|without|hide)[-_][a-z-]+/gi;

/**
 * The length of a node's textContent without building the string: the Text and CDATA data below it, summed.
 * For a leaf or a few nodes only: walked from script, a subtree of 200,000 nodes took 230 ms where the
 * browser's textContent takes a few.
 */
export function textLength(node: Node): number {
  return summedTextLength(node, Infinity)!;
}

/** The Text and CDATA lengths below `node`, summed; null once more than `budget` nodes were walked. */
function summedTextLength(node: Node, budget: number): number | null {
  let length = 0;
  let walked = 0;
  for (let child: Node | null = node.firstChild; child; child = nextInside(node, child)) {
    if (++walked > budget) return null;
    if (child.nodeType === 3 || child.nodeType === 4) length += (child as CharacterData).length;
  }
  return length;
}

/**
 * Nodes walked from script before the browser's own textContent is the cheaper way: textContent copies the
 * text (86–93 ms for a 5 MB paragraph under an <article>, bench:giant profiled), the walk visits every node
 * (230 ms for 200,000). A few thousand nodes cost a millisecond or two either way.
 */
const WALK_BUDGET = 2_000;

/**
 * An element's textContent length: the Text and CDATA lengths below it, summed, or the browser's textContent
 * once the subtree holds more than WALK_BUDGET nodes. A Text's `length`, never its `data`: the first read of a
 * 5 MB node's data cost 72 ms in one task (bench:giant, profiled).
 */
export function ownTextLength(el: Element): number {
  return summedTextLength(el, WALK_BUDGET) ?? el.textContent?.length ?? 0;
}

/**
 * An element's text as textContent gives it, but only its first `max` characters, and its whole length: a huge
 * text-only paragraph is read in part (substringData), never copied whole. An element holding other elements
 * is read by textContent, which is quicker than a walk from script over many small nodes.
 */
export function textHead(el: Element, max: number): { head: string; length: number } {
  if (el.firstElementChild !== null) {
    const text = el.textContent ?? '';
    return { head: text.length > max ? text.slice(0, max) : text, length: text.length };
  }
  let head = '';
  let length = 0;
  for (let child: Node | null = el.firstChild; child; child = nextInside(el, child)) {
    if (child.nodeType !== 3 && child.nodeType !== 4) continue;
    const data = child as CharacterData;
    if (head.length < max) head += data.length > max - head.length ? data.substringData(0, max - head.length) : data.data;
    length += data.length;
  }
  return { head, length };
}

/** The node after `at` in document order, within `node` (null past its end). */
function nextInside(node: Node, at: Node): Node | null {
  if (at.nodeType === 1 && at.firstChild) return at.firstChild;
  let child: Node = at;
  while (!child.nextSibling) {
    const parent = child.parentNode;
    if (!parent || parent === node) return null;
    child = parent;
  }
  return child.nextSibling;
}

/** Share of an element's text that sits inside links: high for menus, teaser lists and tag clouds. */
export function linkDensity(el: Element): number {
  let linkLength = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) linkLength += links[i].textContent?.length ?? 0;
  // Most paragraphs hold no link text: no need to read their whole text.
  if (linkLength === 0) return 0;
  return linkShare(linkLength, el.textContent?.length ?? 0);
}

/** linkDensity from lengths already measured. */
export function linkShare(linkLength: number, textLength: number): number {
  return textLength === 0 ? 0 : Math.min(1, linkLength / textLength);
}

/**
 * The textContent length of each of `elements`. Nested candidates repeat each other's text, so an
 * element holding one of the set below it sums its children (reading a child's text whole only where
 * no element of the set lies below it): every stretch of text is read once.
 */
export function textLengths(elements: Iterable<Element>): Map<Element, number> {
  const wanted = new Set(elements);
  const holdsWanted = new Set<Element>();
  for (const el of wanted) {
    for (let up = el.parentElement; up && !holdsWanted.has(up); up = up.parentElement) holdsWanted.add(up);
  }
  const lengths = new Map<Element, number>();
  const measure = (el: Element): number => {
    const known = lengths.get(el);
    if (known !== undefined) return known;
    let length = 0;
    if (!holdsWanted.has(el)) length = ownTextLength(el);
    else {
      for (let child = el.firstChild; child; child = child.nextSibling) {
        // textContent joins the Text (and CDATA section) descendants; comments and the like add nothing.
        if (child.nodeType === 3 || child.nodeType === 4) length += (child as CharacterData).length;
        else if (child.nodeType === 1) length += measure(child as Element);
      }
    }
    lengths.set(el, length);
    return length;
  };
  for (const el of wanted) measure(el);
  return lengths;
}

/**
 * The text length inside links of each of `elements` (as linkDensity counts it: every <a> below the
 * element, a link nested in a link twice). Nested candidates share most of their links, so each link's
 * text is read once, from the outermost elements, and added to every element of the set above it.
 */
export function linkTextLengths(elements: Iterable<Element>): Map<Element, number> {
  return runWhole(linkTextLengthsSteps(elements));
}

/** linkTextLengths in steps (src/shared/steps.ts): a page of 20,000 links reads their text in 62 ms. */
export function* linkTextLengthsSteps(elements: Iterable<Element>): Steps<Map<Element, number>> {
  const lengths = new Map<Element, number>();
  let units = 0;
  for (const el of elements) lengths.set(el, 0);
  for (const el of lengths.keys()) {
    let nested = false;
    for (let up = el.parentElement; up && !nested; up = up.parentElement) nested = lengths.has(up);
    if (nested) continue;
    const links = el.getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) {
      if (++units % STEP_UNITS === 0) yield;
      const length = links[i].textContent?.length ?? 0;
      if (length === 0) continue;
      for (let up = links[i].parentElement; up; up = up.parentElement) {
        const sum = lengths.get(up);
        if (sum !== undefined) lengths.set(up, sum + length);
        if (up === el) break;
      }
    }
  }
  return lengths;
}
