/**
 * Probable split speakers on unannotated text: per article, pairs of person groups the panel would show apart
 * although one's name ends, opens or is contained in the other's as whole words ("Kennedy" beside "James P.
 * Kennedy Jr.", "Liu" beside "Liu Xiaming", "Gavin Newsom" beside "The governor of California Gavin Newsom").
 * Two people can share a surname, so this counts candidates, not errors: a change that lowers it on text nobody
 * read item by item (PolNeAR dev) folds what the shared pages only showed once.
 *
 *   npm run check:speaker-splits -- [--split dev|train] [--list]
 */
import { analyze } from '../src/engine/index';
import { loadSplit, type Split } from './polnear';

const words = (name: string): string[] => name.toLowerCase().replace(/[’']s$/, '').split(/\s+/).filter((word) => /\p{L}/u.test(word));

function contains(long: string[], short: string[]): boolean {
  for (let at = 0; at + short.length <= long.length; at++) if (short.every((word, k) => long[at + k] === word)) return true;
  return false;
}

function main(): void {
  const argv = process.argv.slice(2);
  const split = (argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : 'dev') as Split;
  const list = argv.includes('--list');
  let pairs = 0;
  let groups = 0;
  const articles = loadSplit(split);
  for (const article of articles) {
    const people = analyze(article.text).speakers.filter((speaker) => speaker.type === 'person' && !/ and /.test(speaker.name));
    groups += people.length;
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [a, b] = [words(people[i].name), words(people[j].name)].sort((x, y) => y.length - x.length);
        if (b.length === 0 || a.length === b.length || !contains(a, b)) continue;
        pairs++;
        if (list) console.log(`${article.id}: "${people[i].name}" | "${people[j].name}"`);
      }
    }
  }
  console.log(`PolNeAR ${split}: ${articles.length} articles, ${groups} person groups, ${pairs} pairs where one name is inside the other`);
}

main();
