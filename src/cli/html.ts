/**
 * An HTML page to its article: parsed with linkedom (no browser here), then the same article-body
 * detection the content script runs on the live page, so the CLI and the extension agree on the text.
 */
import { parseHTML } from 'linkedom';
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from 'parse5';
import { err, ok, type Result } from '../shared/result';
import { extractArticle, looksLikeNoArticle } from '../shared/article';

export interface PageArticle {
  title: string | null;
  text: string;
  /** Where the page's <blockquote>s lie in the text. */
  blockQuotes: Array<{ start: number; end: number }>;
}

type Parse5Element = DefaultTreeAdapterMap['element'];
type Parse5Template = DefaultTreeAdapterMap['template'];
type Parse5Parent = DefaultTreeAdapterMap['parentNode'];

/** An <html>, a <head> and a <body> start tag each appear in the source: linkedom's parser needs all three. */
const hasDocumentTags = (html: string) => /<html[\s/>]/i.test(html) && /<head[\s/>]/i.test(html) && /<body[\s/>]/i.test(html);

/**
 * The page as a browser builds it, for a source that leaves out <html>, <head> or <body> (they are optional in
 * HTML, and minifiers drop them). linkedom does not make the missing elements (it makes the first tag the
 * root, or has no root at all), so such a page is parsed by parse5, an HTML5 parser (head elements go to the
 * <head>, the rest to the <body>), and its tree copied into a linkedom document. The copy is a loop, not a
 * recursion, so a page nested thousands of elements deep is copied too.
 */
function browserParsed(html: string): Document {
  const tree = parse(html);
  const document = parseHTML('<!doctype html><html></html>').document as unknown as Document;
  const root = tree.childNodes.find((node): node is Parse5Element => defaultTreeAdapter.isElementNode(node));
  if (!root) return document;
  const pending: Array<[Parse5Parent, Node]> = [[root, document.documentElement]];
  copyAttributes(root, document.documentElement);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [from, to] = next;
    // A <template>'s children sit in its content fragment.
    const children = defaultTreeAdapter.isElementNode(from) && from.tagName === 'template' ? defaultTreeAdapter.getTemplateContent(from as Parse5Template).childNodes : from.childNodes;
    for (const child of children) {
      if (defaultTreeAdapter.isTextNode(child)) {
        to.appendChild(document.createTextNode(child.value));
      } else if (defaultTreeAdapter.isCommentNode(child)) {
        to.appendChild(document.createComment(child.data));
      } else if (defaultTreeAdapter.isElementNode(child)) {
        const element = child.namespaceURI === 'http://www.w3.org/1999/xhtml' ? document.createElement(child.tagName) : document.createElementNS(child.namespaceURI, child.tagName);
        copyAttributes(child, element);
        to.appendChild(element);
        pending.push([child, element]);
      }
    }
  }
  return document;
}

function copyAttributes(from: Parse5Element, to: Element): void {
  for (const attribute of from.attrs) {
    try {
      to.setAttribute(attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name, attribute.value);
    } catch {
      // A name the DOM refuses (a browser keeps it, but no article rule reads it): left out.
    }
  }
}

export function articleFromHtml(html: string, maxCharacters: number, anyPage = false): Result<PageArticle> {
  let document: Document;
  try {
    document = hasDocumentTags(html) ? (parseHTML(html).document as unknown as Document) : browserParsed(html);
  } catch (error) {
    return err(`cannot parse the HTML: ${error instanceof Error ? error.message : String(error)}`);
  }
  // An empty file, or one of only a doctype, comments or blank tags (read without document.body, whose getter adds a body where it finds none).
  if ((document.documentElement?.textContent ?? '').trim() === '') return err('no article text found in the page: it has no text');
  try {
    // A front page or a list of teasers is no article (yahoo-2): its headlines' quotations are other stories'.
    if (!anyPage && looksLikeNoArticle(document)) return err('no article in the page: it looks like a front page or a list of links (--any-page reads it anyway)');
    // Asked for this file by name, so where no element looks like an article body, read the whole body, as the extension does on demand.
    const article = extractArticle(document, { fallbackToBody: true, maxChars: maxCharacters });
    if (!article) return err('no article text found in the page');
    if (article.truncated) return err(`the article text is over ${maxCharacters} characters (raise the limit with --max-mb)`);
    return ok({ title: article.title.trim() || null, text: article.text, blockQuotes: article.blockQuotes });
  } catch (error) {
    return err(`the article detection failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
