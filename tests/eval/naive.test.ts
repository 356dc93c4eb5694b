import { naiveAttributions } from '../../eval/naive';

describe('naive compromise peer', () => {
  test.each([
    // [text, cue, source, content]
    ['"We will win," said John Smith.', 'said', 'John Smith', '"We will win,"'],
    ['John Smith told reporters: “Taxes will fall.”', 'told', 'John Smith', '“Taxes will fall.”'],
    ['“Nothing changes,” he said.', 'said', null, '“Nothing changes,”'],
  ])('%s → cue %s, source %s, content %s', (text, cue, source, content) => {
    const [found, ...rest] = naiveAttributions(text);
    expect(rest).toHaveLength(0);
    expect(found.cue?.text).toBe(cue);
    expect(found.sources.map((s) => s.text)).toEqual(source ? [source] : []);
    expect(found.contents.map((c) => c.text)).toEqual([content]);
    for (const span of [found.cue!, ...found.sources, ...found.contents]) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  test.each([
    ['No quotation here, John Smith said.'],
    ['The film "Jaws" opened in 1975.'],
    [''],
  ])('nothing attributed: %s', (text) => {
    expect(naiveAttributions(text)).toEqual([]);
  });
});
