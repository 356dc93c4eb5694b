/**
 * Whether a page is an article worth analysing by itself (auto-run, isProbablyArticle). Cheap: no scoring
 * of the whole tree. Mozilla's readerable check (the one behind Firefox's Reader View icon) says whether
 * there is enough paragraph text; page metadata says whether the publisher calls the page an article.
 * And whether a page asked for by name (the CLI) is a front page or a list of links to refuse
 * (looksLikeNoArticle), which may score the tree for its article root.
 */
import { linkDensity, OK_MAYBE_CANDIDATE, UNLIKELY_CANDIDATE } from './hints';
import { findArticleRoot } from './root';
import { runWhole, STEP_UNITS, type Steps } from '../steps';

/** schema.org types of an article page: Article and its subtypes (NewsArticle, ReportageNewsArticle, …), blog posts, reports. */
const JSON_LD_ARTICLE = /"@type"\s*:\s*(?:\[[^\]]*?)?"(?:[A-Za-z]*Article|BlogPosting|LiveBlogPosting|Report)"/;

export interface ArticleSignals {
  /** og:type, lower case; null when the page has none. */
  ogType: string | null;
  /** A JSON-LD block declares an Article type. */
  jsonLdArticle: boolean;
  /** The page has an <article> element. */
  articleElement: boolean;
}

export function articleSignals(doc: Document): ArticleSignals {
  const og = doc.querySelector('meta[property="og:type"], meta[name="og:type"]')?.getAttribute('content');
  let jsonLdArticle = false;
  // A regex over the raw JSON, not JSON.parse: publishers ship broken JSON-LD (guardian-1 does).
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    if (JSON_LD_ARTICLE.test(script.textContent ?? '')) {
      jsonLdArticle = true;
      break;
    }
  }
  return {
    ogType: og ? og.trim().toLowerCase() : null,
    jsonLdArticle,
    articleElement: doc.querySelector('article') !== null,
  };
}

/** What a paragraph must hold to count toward the readable test, in characters (Readability's figure). */
const MIN_PARAGRAPH_TEXT = 140;
/** JavaScript's trim() removes these: white space and line terminators. */
const SPACE = /\s/;
/** Characters read at a time from either end of a text while looking past its white space. */
const SPACE_CHUNK = 64;

/**
 * Mozilla's readerable test (the one behind Firefox's Reader View icon), its measure bounded: the page is readable
 * when its visible paragraphs (<p>, <pre>, <article>, a <div> of lines broken by <br>), outside unlikely
 * candidates (this project's list: Readability's and four words more) and list items, each holding at least MIN_PARAGRAPH_TEXT characters, score more than `minScore`, a
 * paragraph scoring the square root of its length past that. Readability's own reads each paragraph's whole
 * textContent: 82 ms in one task for a 5 MB <p> (bench:giant, profiled), while no paragraph can score more than it
 * takes to pass alone, so here each is read only that far.
 */
export function isProbablyReadable(doc: Document, minScore = 20): boolean {
  return runWhole(isProbablyReadableSteps(doc, minScore));
}

/** isProbablyReadable in steps: 20,000 short paragraphs that never reach the score took 32 ms in one task (bench:giant, profiled). */
export function* isProbablyReadableSteps(doc: Document, minScore = 20): Steps<boolean> {
  const enough = MIN_PARAGRAPH_TEXT + minScore * minScore + 1;
  // The metadata the caller read and the walks for the lists below are steps apart.
  yield;
  let score = 0;
  let units = 0;
  for (const node of readableCandidates(doc)) {
    if (++units % STEP_UNITS === 0) yield;
    if ((node as HTMLElement).style?.display === 'none' || node.hasAttribute('hidden')) continue;
    if (node.getAttribute('aria-hidden') === 'true' && !String(node.className).includes('fallback-image')) continue;
    const hint = `${String(node.className)} ${node.id}`;
    if (UNLIKELY_CANDIDATE.test(hint) && !OK_MAYBE_CANDIDATE.test(hint)) continue;
    if (node.matches('li p')) continue;
    const length = trimmedTextLength(node, enough);
    if (length < MIN_PARAGRAPH_TEXT) continue;
    score += Math.sqrt(length - MIN_PARAGRAPH_TEXT);
    if (score > minScore) return true;
  }
  return false;
}

/**
 * Readability's candidates for the readable test: every <p>, <pre> and <article>, then every <div> holding a <br>,
 * each once. Read from the static lists one at a time: a Set made of them at once took 20 ms in one task on a page
 * of 20,000 paragraphs (bench:giant), most of it making the script's handle of every element before any was needed.
 */
function* readableCandidates(doc: Document): Generator<Element> {
  const blocks = doc.querySelectorAll('p, pre, article');
  for (let i = 0; i < blocks.length; i++) yield blocks[i];
  // A <div> is none of the tags above, so no element comes twice but a <div> with several <br>.
  const seen = new Set<Element>();
  const breaks = doc.querySelectorAll('div > br');
  for (let i = 0; i < breaks.length; i++) {
    const parent = breaks[i].parentElement;
    if (parent && !seen.has(parent)) {
      seen.add(parent);
      yield parent;
    }
  }
}

/** The length of `node`'s textContent trimmed, read no further than `cap` (a longer text gives `cap`). */
export function trimmedTextLength(node: Node, cap: number): number {
  let length = 0;
  let trailing = 0;
  let started = false;
  const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    // Only the ends of a text are read (substringData), never its data whole: see ownTextLength.
    const size = text.length;
    const from = started ? 0 : spacesFrom(text, 0, size, 1);
    if (from === size) continue;
    started = true;
    const end = spacesFrom(text, size, from, -1);
    trailing = end === from ? trailing + size - from : size - end;
    length += size - from;
    if (length - trailing >= cap) return cap;
  }
  return length - trailing;
}

/** Where the run of white space of `text` that starts at `at` ends, going in `step` direction and not past `stop`. */
function spacesFrom(text: CharacterData, at: number, stop: number, step: 1 | -1): number {
  while (at !== stop) {
    const count = Math.min(SPACE_CHUNK, Math.abs(stop - at));
    const chunk = text.substringData(step === 1 ? at : at - count, count);
    for (let k = 0; k < count; k++) {
      const char = chunk[step === 1 ? k : count - 1 - k];
      if (!SPACE.test(char)) return step === 1 ? at + k : at - k;
    }
    at += step * count;
  }
  return stop;
}

/**
 * An article page: enough readable paragraph text, and no metadata calling the page something else.
 * A page that declares og:type other than "article" (a front page says "website") is one when its JSON-LD
 * says Article, or when it passes looksLikeNoArticle's proof and the stricter text bar; a page with no
 * article signal at all must pass the stricter text bar.
 */
export function isProbablyArticle(doc: Document): boolean {
  return runWhole(isProbablyArticleSteps(doc));
}

/** isProbablyArticle in steps, for the content script to run sliced. */
export function* isProbablyArticleSteps(doc: Document): Steps<boolean> {
  if (!doc.body) return false;
  const location = doc.location;
  // A site's home page is a front page, whatever its metadata.
  if (location && location.pathname === '/' && location.search === '') return false;
  const signals = articleSignals(doc);
  if (signals.jsonLdArticle) return yield* isProbablyReadableSteps(doc);
  // og:type "website" is what many publishers' systems give every page: the same proof the CLI asks for (not a
  // front's address, an article root of prose), with the stricter text bar of a page that does not say "article".
  if (signals.ogType !== null && signals.ogType !== 'article') return !looksLikeNoArticle(doc) && (yield* isProbablyReadableSteps(doc, 40));
  if (signals.ogType === 'article' || signals.articleElement) return yield* isProbablyReadableSteps(doc);
  return yield* isProbablyReadableSteps(doc, 40);
}

/** Path segments of a section front: words only ("news", "politics"), no slug, id or date. */
const SECTION_WORD = /^\p{L}+$/u;
/** A front's path has at most this many segments ("/news/", "/news/world/"). */
const FRONT_MAX_SEGMENTS = 2;
/** Above this share of its text in links, an article root is a list of teasers, not prose (Readability's limit for a block it keeps whatever its class). */
const PROSE_MAX_LINK_DENSITY = 0.5;

/**
 * The page's own address, as it names it (its canonical link, else og:url, else where it was loaded), is a
 * site's home page or a section front: a path of at most two plain words ("/", "/news/"). An article's
 * address carries a slug, an id or a date.
 */
export function addressIsFront(doc: Document): boolean {
  const named =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"], meta[name="og:url"]')?.getAttribute('content') ??
    null;
  let path: string;
  try {
    if (named !== null && named.trim() !== '') path = new URL(named.trim(), doc.location?.href || 'https://page.invalid/').pathname;
    else if (doc.location && /^https?:$/.test(doc.location.protocol)) path = doc.location.pathname;
    else return false;
  } catch {
    return false;
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  return segments.length <= FRONT_MAX_SEGMENTS && segments.every((segment) => SECTION_WORD.test(segment));
}

/**
 * A page to refuse when asked for its article by name (the CLI): one that is no article, or whose main
 * content is a list of links. A page the publisher calls an article (og:type article, JSON-LD Article) is
 * read. og:type "website" is what many publishers' systems give every page, their articles too, so it
 * only asks for proof: such a page is read when its address is not a front's and its article root is
 * prose (little of its text in links, enough paragraph text). A page with no metadata is refused only
 * when it has neither an article root nor the paragraph text of one.
 */
export function looksLikeNoArticle(doc: Document): boolean {
  const signals = articleSignals(doc);
  if (signals.jsonLdArticle || signals.ogType === 'article') return false;
  if (signals.ogType !== null) {
    if (addressIsFront(doc)) return true;
    const root = findArticleRoot(doc);
    return root === null || linkDensity(root) > PROSE_MAX_LINK_DENSITY || !isProbablyReadable(doc);
  }
  return findArticleRoot(doc) === null && !isProbablyArticle(doc);
}
