/**
 * Whether a page is an article worth analysing by itself (auto-run). Cheap: no scoring of the whole
 * tree. Mozilla's readerable check (the one behind Firefox's Reader View icon) says whether there is
 * enough paragraph text; page metadata says whether the publisher calls the page an article.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable';

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

/**
 * An article page: enough readable paragraph text, and no metadata calling the page something else.
 * A page that declares og:type other than "article" (a front page says "website") is not one unless
 * its JSON-LD says Article; a page with no article signal at all must pass a stricter text bar.
 */
export function isProbablyArticle(doc: Document): boolean {
  if (!doc.body) return false;
  const location = doc.location;
  // A site's home page is a front page, whatever its metadata.
  if (location && location.pathname === '/' && location.search === '') return false;
  const signals = articleSignals(doc);
  if (signals.jsonLdArticle) return isProbablyReaderable(doc);
  if (signals.ogType !== null && signals.ogType !== 'article') return false;
  if (signals.ogType === 'article' || signals.articleElement) return isProbablyReaderable(doc);
  return isProbablyReaderable(doc, { minScore: 40 });
}
