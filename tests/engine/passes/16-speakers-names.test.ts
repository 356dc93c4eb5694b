import { indexText } from '../../../src/engine/passes/16-speakers/text-index';

const namesIn = (text: string) => indexText(text, []).names.map((mention) => mention.name);

describe('the text index: names written in the article', () => {
  test.each([
    // A title with a body's word before the name (round 16): the name follows it.
    ['Senate Minority Leader Mitch McConnell did not respond.', ['Mitch McConnell']],
    ['Illinois Attorney General Lisa Madigan said so.', ['Lisa Madigan']],
    ['Senator Bernie Sanders spoke.', ['Bernie Sanders']],
    // A gerund, an acronym or a compound with a word in lower case inside opens no name.
    ['Electing John Kasich was the goal.', ['John Kasich']],
    ['The film follows SEAL Chris Kyle home.', ['Chris Kyle']],
    ['Rallies Against Donald Trump grew.', ['Donald Trump']],
  ])('%s', (text, names) => {
    expect(namesIn(text)).toEqual(expect.arrayContaining(names));
    for (const name of namesIn(text)) expect(names.some((wanted) => name === wanted || !name.includes(wanted.split(' ')[1]))).toBe(true);
  });

  // Round 18: a first word with a capital inside was cut there ("Mr. McDonough" indexed as "Mc", "Ms. Shanklin-Hawkins" as
  // "Shanklin-", shown as speakers); a hyphenated first name and a name opened by an initial are names.
  test.each([
    ['Mr. McDonough said the plant would close.', 'McDonough'],
    ['Ms. Shanklin-Hawkins emphasized that she enjoyed her work.', 'Shanklin-Hawkins'],
    ['Mr. VandeHei said it was over.', 'VandeHei'],
    ['Hans-Peter Bartels, a member of the party, said so.', 'Hans-Peter Bartels'],
    ['C. Boyden Gray, who served as counsel, said so.', 'Boyden Gray'],
  ])('%s names %s whole', (text, name) => {
    expect(namesIn(text)).toContain(name);
  });

  test('a body named by its own words stays no person', () => {
    expect(namesIn('The Texas Senate voted.')).toEqual([]);
  });
});
