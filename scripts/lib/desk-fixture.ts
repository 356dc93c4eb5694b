/**
 * A deterministic desk for the desk benchmarks: `articles` articles of 10 attributions each, three in ten
 * marked, one quotation in twenty articles shared across outlets (provenance). The same desk on every run,
 * in Node (bench:desk) and bundled into the desk page (bench:desk:browser).
 */
import { describePassage } from '../../src/shared/desk/anchor';
import { articleId, claimKey, DESK_SCHEMA_VERSION, MARKS, type StoredArticle, type StoredClaim } from '../../src/shared/desk/schema';
import { ARTICLE_KEY_PREFIX, deskIndex, INDEX_KEY, SCHEMA_KEY } from '../../src/shared/desk/store';

export const PER_ARTICLE = 10;

const SPEAKERS = ['Jane Smith', 'Tom Reyes', 'Ryan Dillon', 'Sergey Lavrov', 'Maria Chen', 'the ministry', 'U.S. officials', 'Ana Ruiz', 'Dillon', 'Smith'];
const OUTLETS = ['Daily Planet', 'Gotham Times', 'Metro Wire', 'News Example', 'Coast Herald', 'Valley Post', 'City Desk', 'Global Report'];
const WORDS = 'budget taxes strike report minister council vote plan families year health border court police water school energy market deal'.split(' ');

/** A deterministic pseudo-random stream, so every run stores the same desk. */
function stream(seed: number) {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

export function makeDesk(articleCount: number): StoredArticle[] {
  const random = stream(7);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const articles: StoredArticle[] = [];
  for (let a = 0; a < articleCount; a++) {
    const url = `https://${pick(OUTLETS).toLowerCase().replace(/\s+/g, '')}.example/story-${a}`;
    const sentences = Array.from({ length: PER_ARTICLE }, (_, c) =>
      // One in twenty quotations is shared across articles (provenance), the rest are the article's own.
      c === 0 && a % 20 === 0 ? 'We will not raise taxes on working families this year' : Array.from({ length: 14 }, () => pick(WORDS)).join(' ') + ` ${a}-${c}`,
    );
    const text = sentences.map((sentence) => `Someone said "${sentence}." More context follows here.`).join(' ');
    const claims: StoredClaim[] = sentences.map((sentence, c) => {
      const start = text.indexOf(sentence);
      const marked = random() < 0.3;
      return {
        key: claimKey(url, sentence, 0),
        speaker: pick(SPEAKERS),
        speakerType: 'person',
        aliases: [],
        cue: pick(['said', 'told', 'claimed', 'according to']),
        kind: c % 3 === 0 ? 'indirect' : 'direct',
        content: sentence,
        confidence: random(),
        certainty: { label: pick(['low', 'medium', 'high'] as const), score: random(), evidence: [] },
        framing: 'neutral',
        selector: describePassage(text, start, start + sentence.length),
        review: marked ? { mark: pick(MARKS), note: random() < 0.3 ? 'Checked against the record' : '', speaker: null, updatedAt: 1 } : null,
        seenAt: Date.UTC(2026, 0, 1) + a * 3_600_000,
      };
    });
    articles.push({
      id: articleId(url), url, title: `Story ${a}: ${pick(WORDS)} ${pick(WORDS)}`, outlet: pick(OUTLETS),
      published: new Date(Date.UTC(2026, 0, 1) + a * 3_600_000).toISOString(), firstSeen: 0, lastSeen: a, pinned: false, claims,
    });
  }
  return articles;
}

/** The storage items the desk store writes for these articles, its index last, in batches of `batch` articles (storage.local.set each). */
export function deskItems(articles: readonly StoredArticle[], batch = 100): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let at = 0; at < articles.length; at += batch) {
    const items: Record<string, unknown> = { [SCHEMA_KEY]: DESK_SCHEMA_VERSION };
    for (const article of articles.slice(at, at + batch)) items[`${ARTICLE_KEY_PREFIX}${article.id}`] = article;
    out.push(items);
  }
  out.push({ [INDEX_KEY]: deskIndex(articles) });
  return out;
}
