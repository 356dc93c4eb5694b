import { articleMeta } from '../../src/content/article-meta';
import { MAX_OUTLET_CHARS, MAX_TITLE_CHARS } from '../../src/shared/meta-caps';
import { parseDocumentWithEvents } from '../helpers/linkedom';

function meta(head: string, body = '<p>x</p>', url = 'https://www.news.example/a#top', title = 'Headline') {
  const page = parseDocumentWithEvents(`<html><head><title>Doc title</title>${head}</head><body>${body}</body></html>`);
  page.restore();
  return articleMeta(page.doc, url, title);
}

describe('what the page states about its article', () => {
  test.each([
    ['Open Graph published time', '<meta property="article:published_time" content="2026-03-01T10:00:00+01:00">', '', '2026-03-01T09:00:00.000Z'],
    ['JSON-LD datePublished in a @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2026-02-03"}]}</script>', '', '2026-02-03T00:00:00.000Z'],
    ['<time> in the article', '', '<article><time datetime="2025-12-24T08:00:00Z">Dec 24</time><p>x</p></article>', '2025-12-24T08:00:00.000Z'],
    ['nothing stated', '', '<p>Posted last week</p>', null],
    ['a malformed JSON-LD block and a date that is no date', '<script type="application/ld+json">{oops</script><meta name="date" content="yesterday">', '', null],
  ])('%s', (_name, head, body, published) => expect(meta(head, body).published).toBe(published));

  test.each([
    ['og:site_name', '<meta property="og:site_name" content="The Daily Planet">', 'The Daily Planet'],
    ['the JSON-LD publisher', '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Gotham Times"}}</script>', 'Gotham Times'],
    ['else the host, without www', '', 'news.example'],
  ])('outlet from %s', (_name, head, outlet) => expect(meta(head).outlet).toBe(outlet));

  test('the dates stated in order of trust: Open Graph before a <time>, a meta with no date passed over', () => {
    const head = '<meta name="date" content="not a date"><meta property="article:published_time" content="2026-03-01T00:00:00Z">';
    expect(meta(head, '<article><time datetime="2020-01-01">old</time></article>').published).toBe('2026-03-01T00:00:00.000Z');
  });

  test('the document is walked once for all of it (a page of 100,000 elements spent 26 ms selector by selector)', () => {
    const page = parseDocumentWithEvents('<html><head><title>t</title><meta property="og:site_name" content="Planet"></head><body><p>x</p></body></html>');
    page.restore();
    const walks: string[] = [];
    const { querySelector, querySelectorAll } = page.doc;
    page.doc.querySelector = ((selector: string) => (walks.push(selector), querySelector.call(page.doc, selector))) as typeof page.doc.querySelector;
    page.doc.querySelectorAll = ((selector: string) => (walks.push(selector), querySelectorAll.call(page.doc, selector))) as typeof page.doc.querySelectorAll;
    expect(articleMeta(page.doc, 'https://news.example/a', 'Headline')).toMatchObject({ outlet: 'Planet', published: null });
    expect(walks).toHaveLength(1);
  });

  test('the URL loses its hash; the title is the article title', () => {
    expect(meta('')).toMatchObject({ url: 'https://www.news.example/a', title: 'Headline' });
  });

  describe('what a page states is capped: it is stored with the article and rewritten on every mark', () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    test('a 2 MB og:site_name', () => {
      const { outlet } = meta(`<meta property="og:site_name" content="Big ${huge}">`);
      expect(outlet.length).toBeLessThanOrEqual(MAX_OUTLET_CHARS);
      expect(outlet).toMatch(/^Big x+\u2026$/);
    });
    test('a 2 MB JSON-LD publisher name', () => {
      const { outlet } = meta(`<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"${huge}"}}</script>`);
      expect(outlet.length).toBeLessThanOrEqual(MAX_OUTLET_CHARS);
    });
    test('a 2 MB title, and a 2 MB <title> when the article has none', () => {
      expect(meta('', '<p>x</p>', undefined, huge).title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      const page = parseDocumentWithEvents(`<html><head><title>${huge}</title></head><body><p>x</p></body></html>`);
      page.restore();
      expect(articleMeta(page.doc, 'https://news.example/a', '').title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    });
    test('a 2 MB date is no date, even one Date.parse reads (a parenthesised comment)', () => {
      expect(meta(`<meta property="article:published_time" content="1 March 2026 10:00 GMT (${huge})">`).published).toBeNull();
    });
  });
});
