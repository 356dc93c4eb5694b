/**
 * Finds the element that holds the article body in the live DOM.
 *
 * Why not Readability itself: Readability.parse() works on a clone of the document, rewrites it and
 * returns HTML, so none of its nodes are the page's; highlights need the page's own text nodes. This is
 * a compact scorer in its spirit: paragraphs vote for their ancestors by length and comma count,
 * class and id hints weigh the ancestors, link-heavy candidates lose, and the winner grows to an
 * ancestor where Readability would have appended siblings (articles split over sibling containers).
 */
import { PAUSE, runWhole, STEP_UNITS, type Steps } from '../steps';
import { classAndId, FURNITURE_TAGS, HARD_SKIP_TAGS, isFurniture, isHidden, linkDensity, linkShare, linkTextLengthsSteps, NEGATIVE_HINT, OK_MAYBE_CANDIDATE, POSITIVE_HINT, textHead, textLengths, UNLIKELY_CANDIDATE } from './hints';

const MIN_PARAGRAPH_CHARS = 25;
/**
 * Readability's charThreshold: a root holding less paragraph text is looked for again without the
 * unlikely-candidate rule, and text read from a root shorter than this is read again without the class rules.
 */
export const CHAR_THRESHOLD = 500;
/** Paragraph-like elements scored at most; caps the work on huge pages. */
const MAX_SCORED_PARAGRAPHS = 3000;
/** Levels above the root searched for the rest of a split body, the paragraph text an ancestor must
 * add to be taken (at least a real paragraph, and a share of what the root holds), and the link
 * density above which an ancestor is a page of teasers, not a body. */
const GROW_LEVELS = 3;
const GROW_STEPS = 3;
const GROW_MIN_CHARS = 200;
const GROW_MIN_SHARE = 0.05;
const GROW_MAX_LINK_DENSITY = 0.33;
/** Candidates whose link density is measured (the costly step), by raw score. */
const LINK_DENSITY_CANDIDATES = 25;
/** How many ancestors a paragraph's score reaches, and the share each gets. */
const ANCESTOR_LEVELS = 5;
/**
 * Past this many characters a paragraph's commas are counted in its start only: a 5 MB paragraph (bench:giant)
 * held ~80,000 of them, matched into one array in the task. No news paragraph comes near it.
 */
const COUNTED_CHARS = 100_000;
const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;

const TAG_WEIGHT: Record<string, number> = {
  div: 5, article: 5, main: 5, section: 2, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

function hintWeight(el: Element): number {
  const hint = classAndId(el);
  if (hint === '') return 0;
  let weight = 0;
  if (NEGATIVE_HINT.test(hint)) weight -= 25;
  if (POSITIVE_HINT.test(hint)) weight += 25;
  return weight;
}

function initialScore(el: Element): number {
  return (TAG_WEIGHT[el.localName] ?? 0) + hintWeight(el);
}

/** Text of a <div> that is not inside a child element: divs used as paragraphs (text and <br>s). */
function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += (child as Text).data;
  }
  return text;
}

/** An element that holds the page's main content landmark is never an unlikely candidate, whatever its class ("row site_header"). */
function holdsMainContent(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'article' || tag === 'main' || tag === 'body') return true;
  const role = el.getAttribute('role');
  if (role === 'main' || role === 'article') return true;
  return el.querySelector('article, main, [role="main"]') !== null;
}

/**
 * Elements whose paragraphs never vote: furniture by tag or role, Readability's unlikely candidates
 * (unless stripUnlikely is off: the second look), markup that is not rendered as text (noscript,
 * template) and hidden subtrees. Memoised per element, as every paragraph walks up through the same
 * ancestors.
 */
function excludedFrom(body: Element, stripUnlikely: boolean): (el: Element) => boolean {
  const memo = new Map<Element, boolean>();
  const excludedSelf = (el: Element): boolean => {
    const tag = el.localName;
    if (HARD_SKIP_TAGS.has(tag) || (FURNITURE_TAGS.has(tag) && tag !== 'form')) return true;
    const role = el.getAttribute('role');
    if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner' || role === 'dialog') return true;
    const hint = classAndId(el);
    if (stripUnlikely && hint !== '' && UNLIKELY_CANDIDATE.test(hint) && !OK_MAYBE_CANDIDATE.test(hint) && !holdsMainContent(el)) return true;
    return isHidden(el);
  };
  const excluded = (el: Element): boolean => {
    const chain: Element[] = [];
    let verdict = false;
    for (let node: Element | null = el; node && node !== body; node = node.parentElement) {
      const known = memo.get(node);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(node);
    }
    // Resolve from the outermost unknown ancestor down, so each element is tested once.
    for (let i = chain.length - 1; i >= 0; i--) {
      verdict = verdict || excludedSelf(chain[i]);
      memo.set(chain[i], verdict);
    }
    return verdict;
  };
  return excluded;
}

interface Votes {
  scores: Map<Element, number>;
  /** Every paragraph that voted, with its text length. */
  voters: Array<[Element, number]>;
}

function* scoreParagraphs(doc: Document, body: Element, stripUnlikely: boolean): Steps<Votes> {
  const scores = new Map<Element, number>();
  const voters: Array<[Element, number]> = [];
  const excluded = excludedFrom(body, stripUnlikely);
  /** `text`: the paragraph's text, or only its start when it is longer than COUNTED_CHARS (`longer` its whole length). */
  const vote = (paragraph: Element, text: string, longer = 0) => {
    const length = Math.max(text.trim().length, longer);
    if (length < MIN_PARAGRAPH_CHARS || excluded(paragraph)) return;
    voters.push([paragraph, length]);
    const score = 1 + (text.match(COMMAS)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    let ancestor = paragraph.parentElement;
    for (let level = 0; level < ANCESTOR_LEVELS && ancestor && ancestor !== doc.documentElement; level++) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, (scores.get(ancestor) ?? initialScore(ancestor)) + score / divider);
      ancestor = ancestor.parentElement;
    }
  };
  let units = 0;
  for (const el of body.querySelectorAll('p, pre, td')) {
    if (voters.length >= MAX_SCORED_PARAGRAPHS) break;
    // A 5 MB paragraph's textContent alone cost 89 ms in one task (bench:giant, profiled): its start is enough.
    const { head, length } = textHead(el, COUNTED_CHARS);
    if (length > COUNTED_CHARS) vote(el, head, length);
    else vote(el, head);
    if (++units % STEP_UNITS === 0) yield;
  }
  for (const el of body.querySelectorAll('div')) {
    if (voters.length >= MAX_SCORED_PARAGRAPHS) break;
    const text = ownText(el);
    if (text.length >= MIN_PARAGRAPH_CHARS) vote(el, text);
    if (++units % STEP_UNITS === 0) yield;
  }
  return { scores, voters };
}

/** A paragraph's kind: its tag and class. Article paragraphs share one; teasers ("p.standfirst") differ. */
function paragraphKind(paragraph: Element): string {
  return `${paragraph.localName}.${(paragraph.getAttribute('class') ?? '').trim()}`;
}

/**
 * Readability appends the top candidate's siblings that look like article text; a live root cannot
 * take siblings, so it grows instead to the nearest ancestor (a few levels up) that adds paragraphs of
 * the same kind as the root's own, with little text in links: a body split over sibling or cousin
 * containers (nytimes-2 splits it over two "story-body" wrappers; engadget sets its lede apart). A
 * teaser module beside the body (herald-sun-1's "other opinion columns") has paragraphs of another kind.
 */
function* growToCoverSplitBody(top: Element, body: Element, voters: Array<[Element, number]>): Steps<Element> {
  // Every step walks every voter up through the same elements.
  const furnitureMemo = new Map<Element, boolean>();
  const furnitureOnce = (el: Element): boolean => {
    let verdict = furnitureMemo.get(el);
    if (verdict === undefined) {
      verdict = isFurniture(el);
      furnitureMemo.set(el, verdict);
    }
    return verdict;
  };
  let root = top;
  for (let step = 0; step < GROW_STEPS; step++) {
    const ancestors: Element[] = [];
    for (let el = root.parentElement; el && el !== body && ancestors.length < GROW_LEVELS; el = el.parentElement) ancestors.push(el);
    if (ancestors.length === 0) break;

    const kinds = new Set<string>();
    let covered = 0;
    const outside: Array<[Element, number, number]> = [];
    let units = 0;
    for (const [paragraph, length] of voters) {
      if (++units % STEP_UNITS === 0) yield;
      // Walking up, a paragraph meets the root first if it is inside, else its lowest candidate ancestor.
      // One under furniture (a slideshow widget) would not reach the text, so it cannot justify growing.
      let furniture = false;
      for (let el: Element | null = paragraph; el && el !== body; el = el.parentElement) {
        if (el === root) {
          kinds.add(paragraphKind(paragraph));
          covered += length;
          break;
        }
        const level = ancestors.indexOf(el);
        if (level !== -1) {
          if (!furniture) outside.push([paragraph, length, level]);
          break;
        }
        furniture = furniture || furnitureOnce(el);
      }
    }
    const addedAtLevel = ancestors.map(() => 0);
    for (const [paragraph, length, level] of outside) if (kinds.has(paragraphKind(paragraph))) addedAtLevel[level] += length;

    let next: Element | null = null;
    let added = 0;
    for (let level = 0; level < ancestors.length && !next; level++) {
      added += addedAtLevel[level];
      if (added >= GROW_MIN_CHARS && added >= covered * GROW_MIN_SHARE && linkDensity(ancestors[level]) < GROW_MAX_LINK_DENSITY) next = ancestors[level];
    }
    if (!next) break;
    root = next;
  }
  return root;
}

/**
 * The `count` best-scoring entries, best first, ties in map order: what a stable sort of all of them
 * would start with, without sorting the hundreds of ancestors that get a vote.
 */
function highestScores(scores: Map<Element, number>, count: number): Array<[Element, number]> {
  const best: Array<[Element, number]> = [];
  for (const entry of scores) {
    if (best.length === count && entry[1] <= best[count - 1][1]) continue;
    let at = best.length;
    while (at > 0 && best[at - 1][1] < entry[1]) at--;
    best.splice(at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * The live element holding the article body, or null when no paragraph text votes for any element
 * (an app page, an empty shell before its script runs).
 *
 * As Readability does, a root holding less than CHAR_THRESHOLD of paragraph text (or none) is looked
 * for again without the unlikely-candidate rule, and the one holding more text wins: a class name that
 * happens to hold an unlikely word ("PageBuilder-pageRow" holds "pager") must not leave an article page
 * with nothing but its "Skip Navigation" link.
 */
export function findArticleRoot(doc: Document): Element | null {
  return runWhole(findArticleRootSteps(doc));
}

/** findArticleRoot in steps (src/shared/steps.ts). */
export function* findArticleRootSteps(doc: Document): Steps<Element | null> {
  const body = doc.body;
  if (!body) return null;
  const first = yield* rootFromVotes(body, yield* scoreParagraphs(doc, body, true));
  if (first && first.chars >= CHAR_THRESHOLD) return first.root;
  const second = yield* rootFromVotes(body, yield* scoreParagraphs(doc, body, false));
  if (!first) return second?.root ?? null;
  return second && second.chars > first.chars ? second.root : first.root;
}

/** The root the votes elect, with the paragraph text (in characters) of the voters it holds. */
function* rootFromVotes(body: Element, { scores, voters }: Votes): Steps<{ root: Element; chars: number } | null> {
  if (scores.size === 0) return null;

  const byRawScore = highestScores(scores, LINK_DENSITY_CANDIDATES);
  const candidates = byRawScore.map(([el]) => el);
  const linkLengths = yield* linkTextLengthsSteps(candidates);
  // Reading the candidates' text is one step of its own: 17-20 ms for a root of 100,000 elements (bench:giant).
  yield PAUSE;
  const lengths = textLengths(candidates);
  yield;
  const ranked = byRawScore
    .map(([el, score]) => [el, score * (1 - linkShare(linkLengths.get(el)!, lengths.get(el)!))] as [Element, number])
    .sort((a, b) => b[1] - a[1]);
  for (const [el, score] of ranked) scores.set(el, score);
  let [top, topScore] = ranked[0];

  // Several near-best candidates under one ancestor: the article is that ancestor (Readability's rule).
  const close = ranked.slice(1, 5).filter(([, score]) => score >= topScore * 0.75).map(([el]) => el);
  if (close.length >= 3) {
    for (let ancestor = top.parentElement; ancestor && ancestor !== body; ancestor = ancestor.parentElement) {
      if (close.filter((el) => ancestor!.contains(el)).length >= 3) {
        top = ancestor;
        break;
      }
    }
  }

  // Climb while the parent scores higher than the child it holds.
  let lastScore = scores.get(top) ?? topScore;
  const floor = lastScore / 3;
  for (let parent = top.parentElement; parent && parent !== body; parent = parent.parentElement) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < floor) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
  }

  while (top.parentElement && top.parentElement !== body && top.parentElement.children.length === 1) top = top.parentElement;

  const root = yield* growToCoverSplitBody(top, body, voters);
  let chars = 0;
  for (const [paragraph, length] of voters) if (root.contains(paragraph)) chars += length;
  return { root, chars };
}
