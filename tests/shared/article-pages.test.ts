/**
 * Article detection and extraction on the seed fixture and the twenty saved news pages, through
 * linkedom as the CLI runs it. Each page row names a sentence of its article that must be in the text
 * and a string of its page furniture (navigation, teasers, comments, sign-up boxes) that must not.
 */
import * as fs from 'fs';
import { parseDocument } from '../helpers/linkedom';
import { extractArticle, isProbablyArticle, looksLikeNoArticle, type ExtractedArticle } from '../../src/shared/article';
import { PAGE_SETS } from '../../scripts/eval-pages';
import { describeShared, sharedPath } from '../helpers/shared';

function load(...parts: string[]): Document {
  return parseDocument(fs.readFileSync(sharedPath(...parts), 'utf8'));
}

function paragraphTexts(article: ExtractedArticle): string[] {
  return article.paragraphs.map((p) => article.text.slice(p.start, p.end));
}

describeShared('extractArticle on the seed fixture', () => {
  const doc = load('fixtures', 'russia-isis-claim.html');
  const expected = JSON.parse(fs.readFileSync(sharedPath('fixtures', 'russia-isis-claim.expected.json'), 'utf8'));
  const article = extractArticle(doc)!;

  test('is an article', () => {
    expect(isProbablyArticle(doc)).toBe(true);
    expect(article).not.toBeNull();
    expect(article.title).toBe('Russia Claims They Killed ISIS Leader');
  });

  test.each([
    'Russia announced that they may have killed the leader of ISIS in an airstrike outside of Syria',
    'as the Russian Defense Ministry said the death was still “being verified through various channels.”',
    'The Associated Press reports:',
    'Russian Foreign Minister Sergey Lavrov said: “I don’t have a 100 percent confirmation of the information.”',
    '“There have been several past claims of this kind that have been proven false, and we have seen no definitive proof that this report is true either,” U.S. Army Col. Ryan Dillon said.',
    'last released an audio message Nov. 3',
    'CNN senior international correspondent Clarissa Ward warned',
    '“I wouldn’t believe the Russian sources based on anything they’re hearing out of Syria.”',
  ])('holds %j', (sentence) => {
    expect(article.text).toContain(sentence);
  });

  test('holds none of the forbidden strings', () => {
    for (const forbidden of expected.forbidden as string[]) expect(article.text).not.toContain(forbidden);
  });

  test.each([
    ['figure caption', 'Photo Credit'],
    ['byline', 'Posted on June 16'],
    ['comment form', 'Leave a Reply'],
    ['footer', 'All rights reserved'],
    ['title, given apart', 'Russia Claims They Killed ISIS Leader'],
  ])('leaves out the %s', (_what, text) => {
    expect(article.text).not.toContain(text);
  });

  test('keeps headings and block quotation paragraphs as paragraphs of their own', () => {
    const paragraphs = paragraphTexts(article);
    expect(paragraphs).toContain('Sources Have Not Concerned The Death');
    expect(paragraphs).toContain('Russia Has Made Similar Claims In Past');
    expect(paragraphs).toContain('CNN reports:');
    expect(paragraphs.filter((p) => p.startsWith('“'))).toHaveLength(3);
    expect(article.text.split('\n\n')).toEqual(paragraphs);
  });
});

/** [page, a sentence of the article, a string of the page around it]. */
const PAGES: Array<[string, string, string]> = [
  ['ars-1', 'A flaw in the wildly popular online game Minecraft makes it easy for just about anyone to crash the server hosting the game', 'You must login or create an account to comment.'],
  ['bbc-1', 'In an interview with the BBC, Mr Obama said it was "distressing" not to have made progress on the issue', 'Five things we learned from Obama interview'],
  ['breitbart', 'Snopes fact checker and staff writer David Emery posted to Twitter asking if there were “any un-angry Trump supporters?”', 'SIGN UP FOR OUR NEWSLETTER'],
  ['buzzfeed-1', 'Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April', 'Check out more articles on BuzzFeed.com!'],
  ['cnn', 'The report assessed poverty levels, income and wealth inequality, economic mobility and unemployment levels', 'Wilbur Ross pledges not to intimidate climate scientists'],
  ['engadget', "Despite all the power inside, the One X is Microsoft's smallest console to date.", 'Google is reportedly acquiring Lytro'],
  ['guardian-1', '“Man’s greed in the ocean is hurting the whales,” says Parata', 'Rescuers rush to help whale stranded in Scottish loch'],
  ['herald-sun-1', 'A HIGH-powered federal government team has been doing the rounds of media organisations', 'Doctor knows best, not Starbeam Fantapants'],
  ['lemonde-1', 'Les députés ont, sans surprise, adopté à une large majorité', 'Suivre ce journaliste sur twitter'],
  ['medicalnewstoday', "Many of us have noticed that we seem to get our best ideas when we're in the shower", 'Subscribe to our Newsletter'],
  ['nytimes-1', 'LONDON — After nearly 20 years of hostile relations, the American government plans to reverse its position', 'Comey Letter on Clinton Email Is Subject of Justice Dept. Inquiry'],
  ['nytimes-2', 'Yahoo’s $4.8 billion sale to Verizon is a complicated beast', 'Amazon to Add 100,000 Jobs'],
  ['salon-1', 'Horror stories about the increasingly unpopular taxi service Uber', 'The worst song of 2015 is here'],
  ['seattletimes-1', 'From the deck of his 106-year-old halibut schooner', 'Most Read Business Stories'],
  ['telegraph', 'Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arrest', 'Gin really does make you more tearful than beer or wine'],
  ['theverge', 'I still remember using the iPhone 4 for the first time in 2010.', 'Discord is laying off 17 percent of employees'],
  ['tmz-1', "Lupita Nyong'o's now-famous Oscar dress -- adorned in pearls -- was stolen right out of her hotel room", 'Drake Assaulted in Dubai Nightclub'],
  ['wapo-1', 'Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday', 'You must be logged in to report a comment.'],
  ['webmd-1', 'Life-threatening peanut allergies have mysteriously been on the rise in the past decade', 'The Worst Shoes for Your Feet'],
  ['yahoo-2', 'An unmanned Russian cargo spaceship heading to the International Space Station broke up', "Trump's Carrier deal raises red flags"],
];

/** Second sentences far from the first: the text must hold the whole body, not one part of it. */
const ALSO: Array<[string, string]> = [
  ['nytimes-2', 'In the second step, at the closing, Yahoo will sell the stock in the single subsidiary to Verizon.'],
  ['salon-1', 'This isn’t a “gotcha” exercise.'],
  ['engadget', 'The Xbox One X is the ultimate video game system.'],
  ['herald-sun-1', 'In their meetings this week, the government team'],
  ['guardian-1', 'So what is the sea telling us? We need to listen.”'],
];

describeShared('extractArticle on the saved news pages', () => {
  const cache = new Map<string, { doc: Document; article: ExtractedArticle | null }>();
  const page = (name: string) => {
    if (!cache.has(name)) {
      const doc = load('pages', `${name}.html`);
      cache.set(name, { doc, article: extractArticle(doc) });
    }
    return cache.get(name)!;
  };

  // The benchmark's pages (the two batches of eval:pages) are scored against their true bodies by
  // tests/eval/articles.test.ts; every other saved page must be in this table.
  test('the table covers every saved page that is not one of the benchmark batches', () => {
    const batches = new Set([...PAGE_SETS['first batch'], ...PAGE_SETS['second batch']]);
    const saved = fs.readdirSync(sharedPath('pages')).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));
    expect(PAGES.map(([name]) => name).sort()).toEqual(saved.filter((name) => !batches.has(name)).sort());
  });

  test.each(PAGES)('%s: holds the article sentence, not the furniture', (name, sentence, furniture) => {
    const { article } = page(name);
    expect(article).not.toBeNull();
    expect(article!.text).toContain(sentence);
    expect(article!.text).not.toContain(furniture);
  });

  test.each(ALSO)('%s: holds %j too', (name, sentence) => {
    expect(page(name).article!.text).toContain(sentence);
  });

  test.each(PAGES.filter(([name]) => name !== 'yahoo-2'))('%s is an article', (name) => {
    expect(isProbablyArticle(page(name).doc)).toBe(true);
  });

  test('yahoo-2, a front page (og:type website) with a story open over it, is not an article', () => {
    expect(isProbablyArticle(page('yahoo-2').doc)).toBe(false);
    // Its canonical address is the news section's front ("//us.yahoo.com/news/"): the CLI refuses it too.
    expect(looksLikeNoArticle(page('yahoo-2').doc)).toBe(true);
  });

  test.each(PAGES.filter(([name]) => name !== 'yahoo-2'))('%s is read by the CLI', (name) => {
    expect(looksLikeNoArticle(page(name).doc)).toBe(false);
  });

  test('lemonde-1: the French article, without its byline and dates', () => {
    const { article } = page('lemonde-1');
    expect(article!.title).toBe("Le projet de loi sur le renseignement massivement approuvé à l'Assemblée");
    // Le Monde sets a no-break space after «: kept, as the page renders it.
    expect(article!.text).toMatch(/a annoncé qu.il transmettrait un «\u00a0mémorandum argumenté »/);
    expect(article!.text).not.toContain('Mis à jour le');
    expect(article!.text).not.toContain('Journaliste au Monde');
  });

  test.each(PAGES.map(([name]) => [name]))('%s: every segment maps to the text it holds, in order', (name) => {
    const { article } = page(name);
    const { text, segments } = article!;
    let previousEnd = 0;
    for (const segment of segments) {
      expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
      expect(segment.end).toBeGreaterThan(segment.start);
      const fromNode = segment.node.data.slice(segment.nodeStart, segment.nodeStart + (segment.end - segment.start));
      // Collapsed whitespace reads as one space in the text, whatever the page wrote there.
      expect(text.slice(segment.start, segment.end)).toBe(fromNode.replace(/[ \t\n\r\f]/g, ' '));
      previousEnd = segment.end;
    }
    expect(segments.length).toBeLessThan(text.length / 4);
  });

  test.each(PAGES.map(([name]) => [name]))('%s: paragraphs are the text between paragraph breaks', (name) => {
    const { article } = page(name);
    expect(article!.text.split('\n\n')).toEqual(paragraphTexts(article!));
    for (const p of paragraphTexts(article!)) expect(p).toBe(p.replace(/^[ \n]+|[ \n]+$/g, ''));
  });
});
