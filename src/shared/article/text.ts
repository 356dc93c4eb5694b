/**
 * The article text as a reader sees it, with a map back to the page's text nodes.
 *
 * Whitespace collapses as in rendered text, block elements separate paragraphs with "\n\n", <br> gives
 * "\n", and page furniture inside the root is left out. The map is a list of segments, each a run of
 * the text copied from one contiguous stretch of one Text node: a [start, end) range of the text maps
 * to a DOM Range in O(log n), and the map costs one object per run (usually one or two per text node),
 * never one per character. Characters the page does not hold as text (the paragraph breaks, the marks
 * a <q> element draws) belong to no segment.
 */
import type { ParagraphRange } from '../messages';
import { BLOCK_TAGS, FURNITURE_TAGS, HARD_SKIP_TAGS, isFurniture, isHidden, linkDensity, textLength } from './hints';
import { collapseWhitespace, findTitle } from './title';
import { runWhole, STEP_UNITS, type Steps } from '../steps';

export interface TextSegment {
  node: Text;
  /** Offset in node.data of the segment's first character. */
  nodeStart: number;
  /** Offsets in the article text, end exclusive; end - start characters of node.data from nodeStart. */
  start: number;
  end: number;
}

export interface ArticleText {
  title: string;
  text: string;
  paragraphs: ParagraphRange[];
  segments: TextSegment[];
  /** Where the text of each outermost <blockquote> lies: quoted passages that need no quotation marks. */
  blockQuotes: ParagraphRange[];
  /** True when the text stopped at maxChars. */
  truncated: boolean;
}

export interface TextOptions {
  /** Stop after this many characters (huge pages). Default 200,000. */
  maxChars?: number;
  /** Leave out blocks whose class or id names furniture (default); off, only furniture by tag, role and markup is left out. */
  furnitureByClass?: boolean;
}

export const DEFAULT_MAX_CHARS = 200_000;

/** Collapsible whitespace in CSS (white-space: normal); a no-break space is not. */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/** Blocks dropped when most of their text is link text: teaser lists and "Read more: …" lines. */
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'p', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LINK_LIST_DENSITY = 0.7;
/** A short box that is little but a link ("Share this on WhatsApp", "Close"): a button, not prose (trafilatura's test for short blocks). */
const LINK_BOX_DENSITY = 0.8;
const LINK_BOX_MAX_CHARS = 100;
/** Only small boxes are measured: a container of many blocks is read block by block. */
const LINK_BOX_MAX_CHILDREN = 3;

/** The whole text of an ad slot's label ("Advertisement"): a leaf element holding only this is no prose. */
const AD_LABEL = /^\s*(?:advert(?:isement)?|sponsored|anzeige|publicidad|publicit[ée]|pubblicit[àa]|reklama|iklan)\s*$/i;

const AD_LABEL_MAX_CHARS = 400;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const QUOTE_MARKS = [
  ['\u201C', '\u201D'],
  ['\u2018', '\u2019'],
];

class TextBuilder {
  readonly parts: string[] = [];
  readonly segments: TextSegment[] = [];
  readonly paragraphs: ParagraphRange[] = [];
  length = 0;
  full = false;
  /** Start of the open paragraph, -1 before any text. */
  private paragraphStart = -1;
  /** 0: none, 1: a line break ("\n"), 2: a paragraph break ("\n\n"), emitted before the next text. */
  private pendingBreak = 0;
  /** Text was emitted since the last break. */
  private lineHasText = false;
  /** Collapsible whitespace was seen since the last text: one space is owed. */
  private spaceOwed = false;
  private firstSpaceNode: Text | null = null;
  private firstSpaceAt = 0;
  private lastSpaceNode: Text | null = null;
  private lastSpaceEnd = 0;

  constructor(private readonly maxChars: number) {}

  blockEdge(): void {
    if (this.lineHasText || this.pendingBreak > 0) this.pendingBreak = 2;
    this.lineHasText = false;
    this.spaceOwed = false;
  }

  lineBreak(): void {
    if (this.lineHasText) this.pendingBreak = Math.max(this.pendingBreak, 1);
    else if (this.pendingBreak === 1) this.pendingBreak = 2;
    this.lineHasText = false;
    this.spaceOwed = false;
  }

  /**
   * Text of a node from `from` to `to`, whitespace collapsed; in <pre>, its newlines break lines. A node read in
   * pieces gives the text and segments it gives read whole: a word cut in two is one segment again (push), a
   * run of spaces cut in two still owes one space (noteSpace).
   */
  text(node: Text, preformatted: boolean, from = 0, to = node.length): boolean {
    // A piece is read with substringData, never the node's data whole: the first read of a 5 MB node's data cost
    // 72 ms in one task (bench:giant, profiled), and a reader stops at maxChars long before.
    const whole = from === 0 && to === node.length;
    const data = whole ? node.data : node.substringData(from, to - from);
    const base = whole ? 0 : from;
    if (preformatted && data.includes('\n')) {
      this.collapsed(node, data, base, 0, data.indexOf('\n'));
      for (let at = data.indexOf('\n'); at !== -1 && !this.full; ) {
        this.lineBreak();
        const next = data.indexOf('\n', at + 1);
        this.collapsed(node, data, base, at + 1, next === -1 ? data.length : next);
        at = next;
      }
    } else this.collapsed(node, data, base, from - base, to - base);
    return /\S/.test(data);
  }

  /** Characters the page draws but does not hold as text, such as the marks around a <q>. */
  virtual(chars: string): void {
    if (this.full) return;
    this.beforeText(null, 0);
    this.parts.push(chars);
    this.length += chars.length;
  }

  finish(): void {
    if (this.paragraphStart >= 0 && this.length > this.paragraphStart) this.paragraphs.push({ start: this.paragraphStart, end: this.length });
  }

  /** `data` holds the node's text from offset `base`; `from` and `to` index `data`. */
  private collapsed(node: Text, data: string, base: number, from: number, to: number): void {
    let at = from;
    COLLAPSIBLE.lastIndex = from;
    while (at < to && !this.full) {
      const space = COLLAPSIBLE.exec(data);
      const spaceStart = space && space.index < to ? space.index : to;
      if (spaceStart > at) this.run(node, data, base, at, spaceStart);
      if (spaceStart >= to) break;
      const spaceEnd = Math.min(spaceStart + space![0].length, to);
      this.noteSpace(node, base + spaceStart, base + spaceEnd);
      at = spaceEnd;
      COLLAPSIBLE.lastIndex = spaceEnd;
    }
  }

  private noteSpace(node: Text, start: number, end: number): void {
    if (!this.lineHasText) return;
    if (!this.spaceOwed) {
      this.spaceOwed = true;
      this.firstSpaceNode = node;
      this.firstSpaceAt = start;
    }
    this.lastSpaceNode = node;
    this.lastSpaceEnd = end;
  }

  private run(node: Text, data: string, base: number, start: number, end: number): void {
    this.beforeText(node, base + start);
    const room = this.maxChars - this.length;
    if (end - start >= room) {
      end = start + room;
      this.full = true;
    }
    this.push(node, base + start, data.slice(start, end));
  }

  /** Emits the owed break or space before text starting at `start` of `node` (null: virtual text). */
  private beforeText(node: Text | null, start: number): void {
    if (this.pendingBreak > 0 && this.paragraphStart >= 0) {
      if (this.pendingBreak === 2) {
        this.paragraphs.push({ start: this.paragraphStart, end: this.length });
        this.parts.push('\n\n');
        this.length += 2;
        this.paragraphStart = this.length;
      } else {
        this.parts.push('\n');
        this.length += 1;
      }
      this.spaceOwed = false;
    }
    this.pendingBreak = 0;
    if (this.paragraphStart < 0) this.paragraphStart = this.length;
    if (this.spaceOwed) {
      // Map the space to the whitespace next to the text it separates, so the segment stays one run.
      if (node && this.lastSpaceNode === node && this.lastSpaceEnd === start) this.push(node, start - 1, ' ');
      else this.push(this.firstSpaceNode!, this.firstSpaceAt, ' ');
      this.spaceOwed = false;
    }
    this.lineHasText = true;
  }

  private push(node: Text, nodeStart: number, chars: string): void {
    if (chars.length === 0) return;
    this.parts.push(chars);
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === this.length && last.nodeStart + (last.end - last.start) === nodeStart) {
      last.end += chars.length;
    } else {
      this.segments.push({ node, nodeStart, start: this.length, end: this.length + chars.length });
    }
    this.length += chars.length;
  }
}

/**
 * A link to a name with the next word glued to it ("<a>Alexis Madrigal</a>reports", salon-1): the page lost the
 * space between them, and the engine would read one word "Madrigalreports". Read with a space that belongs to
 * no text node. Only a capitalised last word before a lower-case word of three letters or more that is no
 * suffix, so a word split across markup on purpose ("<a>link</a>ed", "<a>Apple</a>’s", "<a>Tory</a>ism")
 * stays whole.
 */
const SUFFIXES = new Set(['ing', 'ings', 'ism', 'isms', 'ist', 'ists', 'ian', 'ians', 'ite', 'ites', 'ers', 'ness', 'ship', 'less', 'like', 'ish', 'esque', 'ville', 'land', 'ward', 'wards', 'gate', 'mania', 'phobia', 'ization']);

function gluedToNextWord(link: Element): boolean {
  const next = link.nextSibling;
  const glued = next?.nodeType === 3 ? /^\p{Ll}+/u.exec((next as Text).substringData(0, 40))?.[0] : undefined;
  if (!glued || glued.length < 3 || SUFFIXES.has(glued)) return false;
  const words = (link.textContent ?? '').trim().split(/\s+/);
  return /^\p{Lu}[\p{Ll}\p{Lu}'’.-]*\p{Ll}$/u.test(words[words.length - 1] ?? '');
}

/** A block (not furniture by tag) whose text is mostly a <blockquote>: an embedded post (a tweet), quoted content of the article. */
function embedsQuote(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return false;
  const quote = el.querySelector('blockquote');
  return quote !== null && (quote.textContent?.length ?? 0) * 2 > (el.textContent?.length ?? 0);
}

/** Elements under a "Label: link" line at most: a few links, not a container of blocks. */
const LABELLED_LINKS_MAX_CHILDREN = 8;

/** A short "Label: link" line ("Tag: <a>digitimes.com</a>", "Related: <a>…</a>"): a pointer elsewhere, not prose. */
function isLabelledLinks(el: Element): boolean {
  if (el.childElementCount > LABELLED_LINKS_MAX_CHILDREN) return false;
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  const all = collapseWhitespace(el.textContent ?? '');
  if (all.length >= 100) return false;
  let outside = all;
  for (let i = 0; i < links.length; i++) outside = outside.replace(collapseWhitespace(links[i].textContent ?? ''), ' ');
  return /^\s*[\p{L}'’ ]{1,30}:[\s,|]*$/u.test(outside);
}

/** "[ Engadget ]", "— The Verge": a source set apart under a quotation, often a link to it. */
const CREDIT_LINE = /^(?:\[\s*[^[\]]{1,60}\]|[—–-]\s*[^—–-]{1,60})$/u;

/**
 * A credit line right after a block quotation: its link is the quotation's source, not a pointer elsewhere, so
 * the link-list test does not drop it (a roundup of reviews credits each excerpt so: the third round's half B).
 */
function isCreditAfterQuote(el: Element): boolean {
  if (el.localName !== 'p' || el.previousElementSibling?.localName !== 'blockquote') return false;
  const text = collapseWhitespace(el.textContent ?? '').trim();
  return CREDIT_LINE.test(text) && text.split(' ').length <= 8;
}

/** A caption's shape: a few words, no sentence-ending punctuation, no quotation marks. */
function isCaptionLike(el: Element): boolean {
  const text = collapseWhitespace(el.textContent ?? '');
  return text !== '' && text.split(' ').length <= 30 && !/[.!?:"“”]\s*$/.test(text) && !/["“”]/.test(text);
}

/**
 * The text of the article under `root`, its paragraphs, its title and the map to the page's nodes.
 * Headings inside the root stay, each its own paragraph; the title's <h1>, or a heading repeating the
 * title, is left out (it is `title`).
 */
export function buildArticleText(root: Element, options: TextOptions = {}): ArticleText {
  return runWhole(buildArticleTextSteps(root, options));
}

/** A text node longer than this is read in pieces, a point to stop between two (a 5 MB paragraph is one node). */
const TEXT_PIECE = 16_384;

/** buildArticleText in steps (src/shared/steps.ts). */
export function* buildArticleTextSteps(root: Element, options: TextOptions = {}): Steps<ArticleText> {
  const title = findTitle(root);
  const builder = new TextBuilder(options.maxChars ?? DEFAULT_MAX_CHARS);
  const byClass = options.furnitureByClass ?? true;
  let rootLength = -1;
  /** Furniture that holds most of the root's text is the article wrapped oddly (a page-wide <form>), not furniture. */
  const holdsMostOfRoot = (el: Element): boolean => {
    if (rootLength < 0) rootLength = root.textContent?.length ?? 0;
    return (el.textContent?.length ?? 0) * 2 > rootLength;
  };
  let quoteDepth = 0;
  const blockQuotes: ParagraphRange[] = [];
  let blockQuoteDepth = 0;

  // An explicit stack, not recursion: a page nested thousands of elements deep must not overflow the call stack.
  interface Frame {
    child: ChildNode | null;
    preformatted: boolean;
    afterFigure: boolean;
    /** Run when the element's children are done: closing marks and block edges. */
    exit: (() => void) | null;
  }
  const stack: Frame[] = [{ child: root.firstChild, preformatted: root.localName === 'pre', afterFigure: false, exit: null }];
  let units = 0;
  while (stack.length > 0 && !builder.full) {
    if (++units % STEP_UNITS === 0) yield;
    const frame = stack[stack.length - 1];
    const child = frame.child;
    if (!child) {
      stack.pop();
      frame.exit?.();
      continue;
    }
    frame.child = child.nextSibling;
    if (child.nodeType === 3) {
      const length = (child as Text).length;
      let heldText = false;
      if (length <= TEXT_PIECE || frame.preformatted) heldText = builder.text(child as Text, frame.preformatted);
      else {
        for (let from = 0; from < length && !builder.full; from += TEXT_PIECE) {
          heldText = builder.text(child as Text, false, from, Math.min(length, from + TEXT_PIECE)) || heldText;
          yield;
        }
      }
      if (heldText) frame.afterFigure = false;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.localName;
    // A figure is media with its caption and credit (guardian-1: a photo, an embed's link text), never the article's
    // prose; a short unpunctuated block right after one is its caption, written outside it.
    if (tag === 'figure' && !holdsMostOfRoot(el)) {
      frame.afterFigure = true;
      continue;
    }
    const captionAfterFigure = frame.afterFigure && isCaptionLike(el);
    frame.afterFigure = false;
    if (captionAfterFigure) continue;
    if (tag === 'br') {
      builder.lineBreak();
      continue;
    }
    if (HARD_SKIP_TAGS.has(tag) || el === title.element || isHidden(el)) continue;
    if (HEADINGS.has(tag) && collapseWhitespace(el.textContent ?? '') === title.text) continue;
    if (isFurniture(el, byClass) && !holdsMostOfRoot(el) && !embedsQuote(el)) continue;
    // An ad label is a word or two: a long leaf (a 5 MB paragraph) is not read whole to find out.
    if (el.childElementCount === 0 && textLength(el) < AD_LABEL_MAX_CHARS && AD_LABEL.test(el.textContent ?? '')) continue;
    if (LINK_LIST_TAGS.has(tag) && linkDensity(el) > LINK_LIST_DENSITY && !isCreditAfterQuote(el)) continue;
    if ((tag === 'div' || tag === 'p') && isLabelledLinks(el)) continue;
    if (tag === 'div' && el.childElementCount <= LINK_BOX_MAX_CHILDREN && linkDensity(el) > LINK_BOX_DENSITY && collapseWhitespace(el.textContent ?? '').length < LINK_BOX_MAX_CHARS) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) builder.blockEdge();
    let exit: () => void;
    if (tag === 'q') {
      const marks = QUOTE_MARKS[quoteDepth % 2];
      quoteDepth++;
      builder.virtual(marks[0]);
      exit = () => {
        builder.virtual(marks[1]);
        quoteDepth--;
        if (block) builder.blockEdge();
      };
    } else if (tag === 'blockquote') {
      const segmentsBefore = builder.segments.length;
      blockQuoteDepth++;
      exit = () => {
        blockQuoteDepth--;
        const added = builder.segments.slice(segmentsBefore);
        if (blockQuoteDepth === 0 && added.length > 0) blockQuotes.push({ start: added[0].start, end: added[added.length - 1].end });
        builder.blockEdge();
      };
    } else if (tag === 'a' && gluedToNextWord(el)) {
      exit = () => builder.virtual(' ');
    } else {
      exit = () => {
        if (block) builder.blockEdge();
      };
    }
    stack.push({ child: el.firstChild, preformatted: frame.preformatted || tag === 'pre', afterFigure: false, exit });
  }
  // Text stopped at maxChars: close what is open, so marks and block quotations end where the text does.
  while (stack.length > 0) stack.pop()!.exit?.();
  builder.finish();
  return {
    title: title.text,
    text: builder.parts.join(''),
    paragraphs: builder.paragraphs,
    segments: builder.segments,
    blockQuotes,
    truncated: builder.full,
  };
}
