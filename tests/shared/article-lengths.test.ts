import { linkDensity, linkShare, linkTextLengths, textLength, textLengths } from '../../src/shared/article/hints';
import { parseDocument } from '../helpers/linkedom';

/** Nested candidates, links nested in links, a link holding a block, comments and script text: what the one-pass counts must read exactly as textContent does. */
const PAGE = `<!doctype html><html><head><title>t</title></head><body>
  <div id="page">
    <header id="top"><a href="/">Home</a> <a href="/news">News <b>today</b></a></header>
    <main id="main">
      <!-- a comment adds no text -->
      <article id="story">
        <p id="p1">First paragraph with <a href="#a">a link</a> and more words.</p>
        <div id="wrap"><p id="p2">Second <a id="outer" href="#b">link </a> text.</p></div>
        <a id="block-link" href="#d"><p id="p3">A paragraph inside a link.</p></a>
        <script>var tracked = "script text counts in textContent";</script>
      </article>
      <aside id="side"><ul id="list"><li><a href="#e">Teaser one</a></li><li><a href="#f">Teaser two</a></li></ul></aside>
    </main>
    <footer id="empty"></footer>
  </div>
</body></html>`;

const doc = parseDocument(PAGE);
// Built by hand: an HTML parser closes an open link where another starts, but scripts nest them.
const inner = doc.createElement('a');
inner.textContent = 'nested';
doc.getElementById('outer')!.append(inner);
const ids = ['page', 'top', 'main', 'story', 'p1', 'wrap', 'p2', 'block-link', 'p3', 'side', 'list', 'empty'];
const byId = (id: string) => doc.getElementById(id)!;

describe('textLengths', () => {
  test.each([
    ['every element at once', ids],
    ['nested candidates only', ['page', 'main', 'story', 'wrap']],
    ['siblings and a link', ['p1', 'block-link', 'side']],
    ['one element', ['empty']],
  ])('equals textContent.length for %s', (_what, chosen) => {
    const lengths = textLengths(chosen.map(byId));
    for (const id of chosen) expect([id, lengths.get(byId(id))]).toEqual([id, byId(id).textContent!.length]);
  });
});

describe('linkTextLengths', () => {
  test.each([
    ['every element at once', ids],
    ['nested candidates only', ['page', 'main', 'story', 'wrap']],
    ['the link holding a paragraph and that paragraph', ['block-link', 'p3']],
  ])('gives linkDensity for %s', (_what, chosen) => {
    const elements = chosen.map(byId);
    const links = linkTextLengths(elements);
    for (const el of elements) expect([el.id, linkShare(links.get(el)!, el.textContent!.length)]).toEqual([el.id, linkDensity(el)]);
  });

  test('counts a link nested in a link twice, as linkDensity does', () => {
    expect(linkTextLengths([byId('p2')]).get(byId('p2'))).toBe('link nested'.length + 'nested'.length);
  });

  test('a link does not count its own text', () => {
    expect(linkTextLengths([byId('block-link')]).get(byId('block-link'))).toBe(0);
  });
});

describe('textLength', () => {
  test.each(ids)('textLength of #%s is its textContent length, read without building it', (id) => {
    expect(textLength(byId(id))).toBe(byId(id).textContent!.length);
  });

});
