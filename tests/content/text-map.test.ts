import { buildArticleText, locateSpan, offsetAt, rangeForSpan } from '../../src/shared/article';
import { parseDocument } from '../helpers/linkedom';

const PAGE = `<html><body><div id="root">
  <p>First   <a href="/x">linked   words</a> and
     <em>emphasised <strong>strong</strong></em> end.</p>
  <p>Second<br>line with <q>a short quote</q> here.</p>
</div></body></html>`;

function setup() {
  const doc = parseDocument(PAGE);
  const root = doc.getElementById('root')!;
  const article = buildArticleText(root);
  return { doc, root, article };
}

/** The text a located span covers, read back from the DOM nodes it names. */
function domText(span: NonNullable<ReturnType<typeof locateSpan>>, nodes: Text[]): string {
  const from = nodes.indexOf(span.startNode);
  const to = nodes.indexOf(span.endNode);
  if (from === to) return span.startNode.data.slice(span.startOffset, span.endOffset);
  let out = span.startNode.data.slice(span.startOffset);
  for (let i = from + 1; i < to; i++) out += nodes[i].data;
  return out + span.endNode.data.slice(0, span.endOffset);
}

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else walk(child);
    }
  };
  walk(root);
  return out;
}

describe('the article text map', () => {
  test('renders text as a reader sees it', () => {
    const { article } = setup();
    expect(article.text).toBe('First linked words and emphasised strong end.\n\nSecond\nline with “a short quote” here.');
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual([
      'First linked words and emphasised strong end.',
      'Second\nline with “a short quote” here.',
    ]);
  });

  test.each([
    ['linked words', 'a'],
    ['emphasised strong', 'em'],
    ['strong', 'strong'],
    ['words and emphasised', null],
    ['First linked', null],
    ['a short quote', 'q'],
  ])('%j maps to the page nodes holding it (inside <%s>)', (phrase, element) => {
    const { article, root } = setup();
    const start = article.text.indexOf(phrase);
    const span = locateSpan(article, start, start + phrase.length)!;
    expect(span).not.toBeNull();
    expect(domText(span, textNodes(root)).replace(/\s+/g, ' ')).toBe(phrase);
    if (element) {
      expect(span.startNode.parentElement!.closest(element)).not.toBeNull();
      expect(span.endNode.parentElement!.closest(element)).not.toBeNull();
    }
  });

  test('an edge on a character the page does not hold moves inward', () => {
    const { article } = setup();
    const quoted = '“a short quote”';
    const start = article.text.indexOf(quoted);
    const span = locateSpan(article, start, start + quoted.length)!;
    expect(span.startNode.data.slice(span.startOffset, span.endOffset)).toBe('a short quote');
    const breakAt = article.text.indexOf('\n\n');
    expect(locateSpan(article, breakAt, breakAt + 2)).toBeNull();
  });

  test.each([
    [0, 0],
    [5, 5],
    [7, 2],
  ])('empty or reversed ranges map to nothing (%i, %i)', (start, end) => {
    expect(locateSpan(setup().article, start, end)).toBeNull();
  });

  test('offsetAt inverts the map, and knows nothing of nodes outside the article', () => {
    const { article, doc } = setup();
    for (let offset = 0; offset < article.text.length; offset++) {
      const span = locateSpan(article, offset, offset + 1);
      if (!span) continue;
      expect(offsetAt(article, span.startNode, span.startOffset)).toBe(offset);
    }
    expect(offsetAt(article, doc.createTextNode('elsewhere'), 0)).toBe(-1);
  });

  test('rangeForSpan builds a DOM Range from the located nodes', () => {
    const { article, doc } = setup();
    const calls: Array<[string, Node, number]> = [];
    (doc as unknown as { createRange: () => unknown }).createRange = () => ({
      setStart: (node: Node, offset: number) => calls.push(['start', node, offset]),
      setEnd: (node: Node, offset: number) => calls.push(['end', node, offset]),
    });
    const start = article.text.indexOf('linked words');
    const located = locateSpan(article, start, start + 12)!;
    expect(rangeForSpan(article, start, start + 12)).not.toBeNull();
    expect(calls).toEqual([
      ['start', located.startNode, located.startOffset],
      ['end', located.endNode, located.endOffset],
    ]);
    expect(rangeForSpan(article, 3, 3)).toBeNull();
  });

  test('segments are few: one per run of a text node, not one per character', () => {
    const { article } = setup();
    expect(article.segments.length).toBeLessThanOrEqual(14);
    for (const s of article.segments) expect(s.node.nodeType).toBe(3);
  });
});
