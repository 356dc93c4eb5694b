import { articleMeta } from '../../src/content/article-meta';
import { parseDocumentWithEvents } from '../helpers/linkedom';

function meta(head: string, body = '<p>x</p>', url = 'https://www.news.example/a#top') {
  const page = parseDocumentWithEvents(`<html><head><title>Doc title</title>${head}</head><body>${body}</body></html>`);
  page.restore();
  return articleMeta(page.doc, url, 'Headline');
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

  test('the URL loses its hash; the title is the article title', () => {
    expect(meta('')).toMatchObject({ url: 'https://www.news.example/a', title: 'Headline' });
  });
});
