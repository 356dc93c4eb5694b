import { anchorPassage, describePassage } from '../../src/shared/desk/anchor';

const ARTICLE = 'The minister said the plan was "fully funded." Critics said the plan was "fully funded" only on paper. Later the minister repeated: "fully funded."';

describe('anchoring a marked passage (text quote + position)', () => {
  const at = (text: string, from = 0) => ARTICLE.indexOf(text, from);

  test('describes the exact text, 32 characters either side, and the offsets', () => {
    const start = at('fully funded');
    const selector = describePassage(ARTICLE, start, start + 12);
    expect(selector.quote).toEqual({ type: 'TextQuoteSelector', exact: 'fully funded', prefix: ARTICLE.slice(start - 32, start), suffix: ARTICLE.slice(start + 12, start + 44) });
    expect(selector.position).toEqual({ type: 'TextPositionSelector', start, end: start + 12 });
  });

  test.each([
    ['the same text', (text: string) => text],
    ['markup changed around it: text added before the article', (text: string) => `Advertisement\n\nSubscribe now.\n\n${text}`],
    ['a paragraph re-flowed (whitespace changed)', (text: string) => text.replace(/ /g, '  ').replace('Critics said', 'Critics\n said')],
  ])('%s: each of three identical phrases goes back to its own place', (_name, change) => {
    const changed = change(ARTICLE);
    for (const occurrence of [0, 1, 2]) {
      let start = -1;
      for (let n = 0; n <= occurrence; n++) start = at('fully funded', start + 1);
      const placed = anchorPassage(changed, describePassage(ARTICLE, start, start + 12))!;
      expect(placed).not.toBeNull();
      // The same occurrence: the words after it in the changed text match the original's.
      const original = ARTICLE.slice(start + 12, start + 30).replace(/\s+/g, ' ');
      expect(changed.slice(placed.end).replace(/\s+/g, ' ').startsWith(original)).toBe(true);
      expect(changed.slice(placed.start, placed.end).replace(/\s+/g, ' ')).toBe('fully funded');
    }
  });

  test.each([
    ['the words were edited', ARTICLE.replace(/fully funded/g, 'partly funded')],
    ['the passage is gone', 'A different article altogether.'],
  ])('an orphan when %s: null, never a guess', (_name, changed) => {
    const start = at('fully funded');
    expect(anchorPassage(changed, describePassage(ARTICLE, start, start + 12))).toBeNull();
  });
});
