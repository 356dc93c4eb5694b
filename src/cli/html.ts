/**
 * An HTML page to its article: parsed with linkedom (no browser here), then the same article-body
 * detection the content script runs on the live page, so the CLI and the extension agree on the text.
 */
import { parseHTML } from 'linkedom';
import { err, ok, type Result } from '../shared/result';
import { extractArticle, looksLikeNoArticle } from '../shared/article';

export interface PageArticle {
  title: string | null;
  text: string;
  /** Where the page's <blockquote>s lie in the text. */
  blockQuotes: Array<{ start: number; end: number }>;
}

export function articleFromHtml(html: string, maxCharacters: number, anyPage = false): Result<PageArticle> {
  let document: Document;
  try {
    document = parseHTML(html).document as unknown as Document;
  } catch (error) {
    return err(`cannot parse the HTML: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A front page or a list of teasers is no article (yahoo-2): its headlines' quotations are other stories'.
  if (!anyPage && looksLikeNoArticle(document)) return err('no article in the page: it looks like a front page or a list of links (--any-page reads it anyway)');
  // Asked for this file by name, so where no element looks like an article body, read the whole body, as the extension does on demand.
  const article = extractArticle(document, { fallbackToBody: true, maxChars: maxCharacters });
  if (!article) return err('no article text found in the page');
  if (article.truncated) return err(`the article text is over ${maxCharacters} characters (raise the limit with --max-mb)`);
  return ok({ title: article.title.trim() || null, text: article.text, blockQuotes: article.blockQuotes });
}
