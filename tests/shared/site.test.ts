import { pageAddress, sameSite, siteOf } from '../../src/shared/site';

describe('same site, by the Public Suffix List', () => {
  test.each([
    ['evil.github.io', 'victim.github.io', false],
    ['evil.github.io', 'github.io', false],
    ['alice.blogspot.com', 'bob.blogspot.com', false],
    ['www.bbc.co.uk', 'bbc.co.uk', true],
    ['m.bbc.co.uk', 'www.bbc.co.uk', true],
    ['news.co.uk', 'other.co.uk', false],
    ['a.example.com', 'b.example.com', true],
    ['WWW.Example.COM.', 'example.com', true],
    ['example.com', 'example.org', false],
    ['news.com.au', 'abc.net.au', false],
    ['www.abc.net.au', 'abc.net.au', true],
    ['localhost', 'localhost', true],
    ['127.0.0.1', '127.0.0.2', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameSite(a, b)).toBe(same);
    expect(sameSite(b, a)).toBe(same);
  });

  test('a site is the registrable domain, a public suffix its own', () => {
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('evil.github.io')).toBe('evil.github.io');
    expect(siteOf('github.io')).toBe('github.io');
  });
});

describe('the address a page is filed and exported under', () => {
  test.each([
    ['a canonical link on the same site', 'https://m.news.example/story?utm=1#top', 'https://www.news.example/story', 'https://www.news.example/story'],
    ['a canonical on a country-code site', 'https://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1'],
    ['another github.io site: the page\'s own address', 'https://evil.github.io/story#top', 'https://victim.github.io/real-story', 'https://evil.github.io/story'],
    ['another site under the same country code', 'https://www.bbc.co.uk/news/1', 'https://evil.co.uk/x', 'https://www.bbc.co.uk/news/1'],
    ['another site', 'https://news.example/story#top', 'https://other.example/fake', 'https://news.example/story'],
    ['a script address', 'https://news.example/a', 'javascript:alert(1)', 'https://news.example/a'],
    ['no address declared', 'https://news.example/a#b', 'https://news.example/a#b', 'https://news.example/a'],
    ['an address too long to be one', 'https://news.example/a', `https://news.example/a?${'x'.repeat(3000)}`, 'https://news.example/a'],
    ['no page address to hold it to', '', 'https://news.example/a', 'https://news.example/a'],
  ])('%s', (_what, pageUrl, declared, expected) => {
    expect(pageAddress(pageUrl, declared)).toBe(expected);
  });
});
