/**
 * Article detection and extraction, shared by the content script (on the live page) and the CLI (on
 * an .html file parsed with linkedom). DOM code only: it takes a Document and never changes it.
 *
 * CLI use:
 *   import { parseHTML } from 'linkedom';
 *   const { document } = parseHTML(html);
 *   const article = extractArticle(document);   // null: no article text found
 *   // article.text, article.paragraphs, article.title
 */
import { runWhole, type Steps } from '../steps';
import { CHAR_THRESHOLD, findArticleRootSteps } from './root';
import { buildArticleTextSteps, type ArticleText, type TextOptions } from './text';

export { addressIsFront, isProbablyArticle, isProbablyArticleSteps, looksLikeNoArticle, articleSignals, type ArticleSignals } from './detect';
export { findArticleRoot, findArticleRootSteps } from './root';
export { buildArticleText, buildArticleTextSteps, DEFAULT_MAX_CHARS, type ArticleText, type TextOptions, type TextSegment } from './text';
export { findTitle, type ArticleTitle } from './title';
export { locateSpan, offsetAt, rangeForSpan, staticRangeForSpan, type DomSpan, type TextMap } from './span-map';

export interface ExtractedArticle extends ArticleText {
  /** The live element the text was read from. */
  root: Element;
}

export interface ExtractOptions extends TextOptions {
  /** Read the whole <body> when no element looks like an article body (run on demand). */
  fallbackToBody?: boolean;
}

/**
 * The article of a document: its body root, text, paragraphs, title and text-node map. Null when no
 * element holds article text (and fallbackToBody is off) or the text is empty. Does not decide whether
 * the page is an article: callers that care ask isProbablyArticle first.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  return runWhole(extractArticleSteps(doc, options));
}

/** extractArticle in steps, for the content script to run in slices (src/shared/steps.ts). */
export function* extractArticleSteps(doc: Document, options: ExtractOptions = {}): Steps<ExtractedArticle | null> {
  const root = (yield* findArticleRootSteps(doc)) ?? (options.fallbackToBody ? doc.body : null);
  if (!root) return null;
  let article = yield* buildArticleTextSteps(root, options);
  if (article.text.length < CHAR_THRESHOLD) {
    // Readability's last resort when it read too little: read again without the class-name rules. Taken only
    // where those rules left out most of the root, so a short article keeps its share bar out.
    const again = yield* buildArticleTextSteps(root, { ...options, furnitureByClass: false });
    if (again.text.length >= CHAR_THRESHOLD && again.text.length > article.text.length * 3) article = again;
  }
  if (article.text.trim() === '') return null;
  return { ...article, root };
}
