import { buildArticleTextSteps, extractArticle, extractArticleSteps, findArticleRootSteps, isProbablyArticle, isProbablyArticleSteps } from '../../src/shared/article';
import { PAUSE, runWhole, STEP_UNITS, type Steps } from '../../src/shared/steps';
import { parseDocument } from '../helpers/linkedom';

/** Runs steps whole, counting the points where a slice could stop. */
function counted<T>(steps: Steps<T>): { value: T; stops: number } {
  let stops = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, stops };
    stops++;
  }
}

const NAMES = ['Maria Lopez', 'John Carter', 'Aiko Tanaka'];
const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, k) => `<p>“We vote on <b>plan ${k}</b> <i>soon</i>,” <a href="#p${k}">${NAMES[k % 3]}</a> said, adding more words.</p>`).join('\n');
const page = (body: string) => `<!doctype html><html><head><title>Council plans</title></head><body><nav><a href="/">Home</a></nav><article><h1>Council plans</h1>${body}</article></body></html>`;

describe('extraction in steps: the same article, with points to stop in between', () => {
  test('a page of 3,000 paragraphs: the whole text, with a point to stop every few hundred nodes', () => {
    const doc = parseDocument(page(paragraphs(3000)));
    const { value: stepped, stops } = counted(extractArticleSteps(doc, { maxChars: 1_000_000 }));
    expect(stepped!.root).toBe(doc.querySelector('article'));
    expect(stepped!.paragraphs).toHaveLength(3000);
    expect(stepped!.text.split('\n\n')[2999]).toBe('“We vote on plan 2999 soon,” Aiko Tanaka said, adding more words.');
    expect(extractArticle(doc, { maxChars: 1_000_000 })!.text).toBe(stepped!.text);
    // Roots scored, links measured and text walked: a point to stop at least every few hundred nodes.
    expect(stops).toBeGreaterThan(3000 * 5 / 256);
  });

  test('a short article passes no point to stop while walking its text', () => {
    const doc = parseDocument(page(paragraphs(3)));
    expect(counted(buildArticleTextSteps(doc.querySelector('article')!)).stops).toBe(0);
  });

  test.each([
    ['single spaces', ' '],
    ['runs of spaces and newlines', ' \n\t  '],
  ])('one text node longer than a piece (%s) is read in pieces and reads as the node collapsed, its map exact', (_what, gap) => {
    const words = Array.from({ length: 12_000 }, (_, k) => `w${k}`);
    const data = words.join(gap);
    const doc = parseDocument(page('<p id="giant"></p>'));
    doc.getElementById('giant')!.textContent = data;
    const root = doc.querySelector('article')!;
    const { value: article, stops } = counted(buildArticleTextSteps(root, { maxChars: 1_000_000 }));
    expect(stops).toBeGreaterThanOrEqual(Math.floor(data.length / 16_384));
    expect(article.text).toBe(words.join(' '));
    // Every segment maps to the characters it holds; a word cut between two pieces is one segment again.
    const node = doc.getElementById('giant')!.firstChild as Text;
    for (const segment of article.segments) {
      const held = node.data.slice(segment.nodeStart, segment.nodeStart + segment.end - segment.start);
      expect(held.replace(/\s/g, ' ')).toBe(article.text.slice(segment.start, segment.end));
    }
    expect(article.segments.every((segment) => segment.end - segment.start > 0)).toBe(true);
  });

  test('a piece stops at maxChars as the whole node did', () => {
    const data = 'word '.repeat(20_000);
    const doc = parseDocument(page('<p id="giant"></p>'));
    doc.getElementById('giant')!.textContent = data;
    const article = runWhole(buildArticleTextSteps(doc.querySelector('article')!, { maxChars: 40_000 }));
    expect(article.text.length).toBe(40_000);
    expect(article.truncated).toBe(true);
  });
});

describe('the readable test and the root finder in steps', () => {
  test('the readable test reads the page’s paragraphs as it goes: no step touches more than a few hundred', () => {
    const doc = parseDocument(page(paragraphs(3000)).replace(/article>/g, 'div>'));
    let touched = 0;
    const select = doc.querySelectorAll.bind(doc);
    // Counts the elements taken from every list the test asks the document for.
    (doc as unknown as { querySelectorAll(selector: string): unknown }).querySelectorAll = (selector: string) => {
      const list = select(selector);
      return new Proxy(list, {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) touched++;
          if (key === Symbol.iterator) {
            return function* () {
              for (let i = 0; i < target.length; i++) {
                touched++;
                yield target[i];
              }
            };
          }
          const value = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const steps = isProbablyArticleSteps(doc);
    let most = 0;
    let result: boolean | undefined;
    for (;;) {
      const step = steps.next();
      most = Math.max(most, touched);
      touched = 0;
      if (step.done) {
        result = step.value;
        break;
      }
    }
    // Short paragraphs: the test reads every one, so each step must have read only its share (a Set of all 3,000 at once before).
    expect(result).toBe(false);
    expect(most).toBeLessThanOrEqual(STEP_UNITS + 1);
  });

  test('the readable test takes a <div> of lines broken by <br> once, however many breaks it holds', () => {
    const line = 'The council met and agreed to fund the bridge.';
    const doc = parseDocument(`<!doctype html><html><head><title>t</title></head><body><div>${`${line}<br>`.repeat(30)}</div></body></html>`);
    // One div of 1,380 characters scores about 35, under the 40 a page with no metadata needs; counted twice it would pass.
    expect(Math.sqrt(doc.querySelector('div')!.textContent!.trim().length - 140)).toBeLessThan(40);
    expect(isProbablyArticle(doc)).toBe(false);
  });

  test('measuring the candidates’ text starts a slice of its own, after the links are measured', () => {
    const doc = parseDocument(page(paragraphs(600)));
    const values: unknown[] = [];
    const steps = findArticleRootSteps(doc);
    for (let step = steps.next(); !step.done; step = steps.next()) values.push(step.value);
    expect(values).toContain(PAUSE);
  });
});
