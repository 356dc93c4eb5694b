/**
 * An error count on text no one annotated: he/she sources the speakers pass gives to a person whose first name
 * is of the other gender (firstNameGender). Articles do slip ("he said" after a woman), and a first-name list errs
 * ("Adel"), so the count is not zero at best; each it loses is a pronoun moved to a speaker of its own gender.
 *   npm run check:speaker-gender -- [--split dev|train] [--list]
 * Round 9, train: 110 of 2,655 before the pronoun rule of resolve.ts was changed, 68 after.
 */
import { analyze } from '../src/engine/index';
import { firstNameGender } from '../src/engine/lexicon/speakers';
import { loadSplit, type Split } from './polnear';

const PRONOUN_GENDER: Record<string, 'm' | 'f'> = { he: 'm', him: 'm', his: 'm', she: 'f', her: 'f', hers: 'f' };

function main(): void {
  const argv = process.argv.slice(2);
  const split = (argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : 'dev') as Split;
  const list = argv.includes('--list');
  let pronouns = 0;
  let crossed = 0;
  for (const article of loadSplit(split)) {
    for (const quote of analyze(article.text).quotes) {
      const written = quote.sources.map((span) => span.text).join(' ').toLowerCase();
      const gender = PRONOUN_GENDER[written];
      if (!gender || quote.speaker?.type !== 'person') continue;
      pronouns++;
      const named = firstNameGender(quote.speaker.name.split(/\s+/)[0]);
      if (!named || named === gender) continue;
      crossed++;
      if (list) console.log(`${article.id} @${quote.sources[0].start}: "${quote.sources[0].text}" → ${quote.speaker.name}`);
    }
  }
  console.log(`PolNeAR ${split}: ${pronouns} he/she sources given to a person, ${crossed} to a first name of the other gender`);
}

main();
