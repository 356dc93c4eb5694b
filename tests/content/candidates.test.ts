import { findCandidatePassages, hasClaimVerb, hasQuotationMark } from '../../src/content/candidates';

/** Passages that must be candidates: a quotation mark, a claim verb, or both. */
const MATCH: string[] = [
  '"We will not raise taxes this year," Mayor Jane Doe said.',
  '“Yes,” he replied.',
  'He said the deal was done.',
  'According to the police, two men were arrested.',
  'The ministry denied the report on Tuesday.',
  'Officials warned of long delays at the border.',
  'The figures were confirmed by two independent sources.',
  'Critics argue the law goes too far.',
  'The company, in a statement, apologised to customers.',
  'A spokeswoman for the hospital declined to comment.',
  'She called the decision ‘a disgrace’ and left.',
  'It is over,’ she wrote on Facebook.',
  'He called it a \'witch hunt\' on Friday.',
  '« Nous ne céderons pas », a lancé le ministre.',
  'Le ministre a déclaré que tout allait bien.',
  'Selon la police, deux hommes ont été arrêtés.',
  'Die Regierung sprach von einem „Erfolg“.',
  'The Associated Press reports:',
];

/** Passages that must not be: apostrophes, words that merely contain a claim verb, plain narration. */
const NO_MATCH: string[] = [
  'The weather was mild on Tuesday and the sea was calm.',
  'It’s a dog’s life, and that’s that.',
  "The salesman's pitch didn't land with Tuesday's crowd.",
  'The United States imposed sanctions in 1997.',
  'Reporters gathered outside the untold ruins of the old town hall.',
  'Addison’s disease is rare; the teller counted the notebooks.',
  'The vote passed 12–3 after a short debate.',
  'Prices rose 4% in the third quarter.',
  'Unsaid things and retold stories fill the book.',
];

describe('findCandidatePassages', () => {
  test.each(MATCH)('a candidate: %s', (passage) => {
    expect(hasQuotationMark(passage) || hasClaimVerb(passage)).toBe(true);
    expect(findCandidatePassages(passage, [{ start: 0, end: passage.length }])).toEqual([{ start: 0, end: passage.length }]);
  });

  test.each(NO_MATCH)('not a candidate: %s', (passage) => {
    expect(hasQuotationMark(passage)).toBe(false);
    expect(hasClaimVerb(passage)).toBe(false);
    expect(findCandidatePassages(passage, [{ start: 0, end: passage.length }])).toEqual([]);
  });

  test('returns the matching paragraphs of a text, by offset, in order', () => {
    const paragraphs = [NO_MATCH[0], MATCH[2], NO_MATCH[3], MATCH[1]];
    const text = paragraphs.join('\n\n');
    const ranges = paragraphs.map((p) => {
      const start = text.indexOf(p);
      return { start, end: start + p.length };
    });
    expect(findCandidatePassages(text, ranges)).toEqual([ranges[1], ranges[3]]);
  });
});
