/**
 * The readable test (Firefox's Reader View icon), its measure bounded: the same answer as Mozilla's
 * isProbablyReaderable, and no paragraph read past what can change it.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable';
import { isProbablyReadable, trimmedTextLength } from '../../src/shared/article/detect';
import { ownTextLength, textHead } from '../../src/shared/article/hints';
import { extractArticle } from '../../src/shared/article';
import { parseDocument } from '../helpers/linkedom';

const sentence = 'The council met on Monday and agreed to fund the new bridge over the river. ';
const page = (body: string) => parseDocument(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);

describe('trimmedTextLength: textContent.trim().length, read no further than a cap', () => {
  test.each([
    ['one text', '<p id="x">  abc  </p>', 100, 3],
    ['white space in its own nodes at both ends', '<p id="x"> <b> </b>abc <i>de</i>\n <span> </span></p>', 100, 6],
    ['nothing but white space', '<p id="x"> <b>\n</b> </p>', 100, 0],
    ['a text longer than the cap', `<p id="x">${'a'.repeat(500)}</p>`, 200, 200],
  ])('%s', (_what, body, cap, expected) => {
    const el = page(body).getElementById('x')!;
    expect(trimmedTextLength(el, cap)).toBe(expected);
    if (expected < cap) expect(expected).toBe(el.textContent!.trim().length);
  });
});

describe('isProbablyReadable: Readability’s readerable answer', () => {
  test.each([
    ['one long paragraph', `<article><p>${sentence.repeat(20)}</p></article>`],
    ['many short paragraphs', `<p>${sentence}</p>`.repeat(30)],
    ['paragraphs just long enough, together', `<p>${sentence.repeat(2)}</p>`.repeat(8)],
    ['a hidden paragraph', `<p hidden>${sentence.repeat(20)}</p><p>short</p>`],
    ['a paragraph in a list item', `<ul><li><p>${sentence.repeat(20)}</p></li></ul>`],
    ['a paragraph of an unlikely class', `<p class="sidebar">${sentence.repeat(20)}</p>`],
    ['an unlikely class that may be a candidate', `<p class="sidebar-content">${sentence.repeat(20)}</p>`],
    ['lines broken by <br> in a div', `<div>${`${sentence}<br>`.repeat(20)}</div>`],
    ['aria-hidden', `<p aria-hidden="true">${sentence.repeat(20)}</p>`],
  ])('%s', (_what, body) => {
    for (const minScore of [20, 40]) {
      const doc = page(body);
      expect(isProbablyReadable(doc, minScore)).toBe(isProbablyReaderable(doc, { minScore }));
    }
  });

  test('a 2 MB paragraph is read only at its ends: never its data whole, never a textContent', () => {
    const doc = page(`<article><p id="x">${'word '.repeat(400_000)}</p></article>`);
    const text = doc.getElementById('x')!.firstChild as Text;
    const data = text.data;
    let charsRead = 0;
    Object.defineProperty(text, 'data', { get: () => { throw new Error('data read whole'); } });
    Object.defineProperty(text, 'length', { get: () => data.length });
    Object.defineProperty(text, 'substringData', { value: (offset: number, count: number) => ((charsRead += count), data.substr(offset, count)) });
    for (const el of [doc.querySelector('article')!, doc.getElementById('x')!]) {
      Object.defineProperty(el, 'textContent', { get: () => { throw new Error('textContent read'); } });
    }
    expect(isProbablyReadable(doc)).toBe(true);
    expect(charsRead).toBeLessThanOrEqual(128);
    expect(ownTextLength(doc.getElementById('x')!)).toBe(data.length);
  });
});

describe('ownTextLength: an element’s textContent length, without copying a text-only element’s text', () => {
  test.each([
    ['text only', '<p id="x">abc<!-- no -->de</p>', 5],
    ['with elements', '<p id="x">ab<b>cd</b>e</p>', 5],
    ['empty', '<p id="x"></p>', 0],
  ])('%s', (_what, body, expected) => {
    const el = page(body).getElementById('x')!;
    expect(ownTextLength(el)).toBe(expected);
    expect(ownTextLength(el)).toBe(el.textContent!.length);
  });
});

describe('a huge paragraph is never copied whole (bench:giant: textContent of a 5 MB paragraph cost 86–93 ms in one task)', () => {
  /** A page whose one paragraph's Text and every element above it throw when read whole; counts what substringData reads. */
  const trapped = (body: (paragraph: string) => string) => {
    const doc = page(body(`<p id="x">${'“We vote on the plan soon,” Maria Lopez said. The hall was full. '.repeat(30_000)}</p>`));
    const text = doc.getElementById('x')!.firstChild as Text;
    const data = text.data;
    const read = { chars: 0 };
    Object.defineProperty(text, 'data', { get: () => { throw new Error('data read whole'); } });
    Object.defineProperty(text, 'length', { get: () => data.length });
    Object.defineProperty(text, 'substringData', { value: (offset: number, count: number) => ((read.chars += count), data.substr(offset, count)) });
    for (let el: Element | null = doc.getElementById('x'); el; el = el.parentElement) {
      Object.defineProperty(el, 'textContent', { get: () => { throw new Error(`textContent of <${el!.localName}> read`); } });
    }
    return { doc, data, read };
  };

  test('extraction reads the start it keeps and the start it scores, nothing more', () => {
    const { doc, read } = trapped((paragraph) => `<article><h1>Council plans</h1>${paragraph}</article>`);
    const article = extractArticle(doc);
    expect(article?.text.length).toBe(200_000);
    expect(read.chars).toBeLessThan(400_000);
  });

  test('ownTextLength sums lengths below an element that holds others', () => {
    const { doc, data } = trapped((paragraph) => `<article><h1>Plans</h1>${paragraph}</article>`);
    expect(ownTextLength(doc.querySelector('article')!)).toBe('Plans'.length + data.length);
  });

  test('textHead: the first characters of a text-only paragraph and its whole length', () => {
    const { doc, data, read } = trapped((paragraph) => paragraph);
    expect(textHead(doc.getElementById('x')!, 1_000)).toEqual({ head: data.slice(0, 1_000), length: data.length });
    expect(read.chars).toBe(1_000);
  });
});

describe('ownTextLength and textHead agree with textContent', () => {
  const many = `<div id="x">${'<span>ab</span>'.repeat(3_000)}</div>`;
  test.each([
    ['text only', '<p id="x">abc<!-- no -->de</p>'],
    ['with elements', '<p id="x">ab<b>cd</b>e</p>'],
    ['more nodes than are worth walking', many],
  ])('%s', (_what, body) => {
    const el = page(body).getElementById('x')!;
    expect(ownTextLength(el)).toBe(el.textContent!.length);
    expect(textHead(el, 3)).toEqual({ head: el.textContent!.slice(0, 3), length: el.textContent!.length });
  });
});
