import { describePassage } from '../../../src/shared/desk/anchor';
import { claimKey, type ArticleMeta } from '../../../src/shared/desk/schema';
import type { ClaimSnapshot } from '../../../src/shared/desk/store';

export const ARTICLE_TEXT =
  'Ryan Dillon, a spokesman, said: "We cannot confirm the reports at this time." ' +
  'The ministry claimed the strike "may have" killed the leader. ' +
  'Dillon added that "we cannot confirm the reports at this time."';

export const META: ArticleMeta = { url: 'https://news.example/strike', title: 'Strike claim doubted', outlet: 'News Example', published: '2026-03-01T10:00:00Z' };

/** The claim on the first occurrence of `words` in ARTICLE_TEXT (or the nth). */
export function claimOn(words: string, speaker: string | null, options: { nth?: number; meta?: ArticleMeta; text?: string; kind?: ClaimSnapshot['kind'] } = {}): ClaimSnapshot {
  const text = options.text ?? ARTICLE_TEXT;
  let start = -1;
  for (let n = 0; n <= (options.nth ?? 0); n++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return {
    key: claimKey((options.meta ?? META).url, words, options.nth ?? 0),
    speaker,
    speakerType: 'person',
    aliases: [],
    cue: 'said',
    kind: options.kind ?? 'direct',
    content: words,
    confidence: 0.9,
    certainty: { label: 'high', score: 0.75, evidence: [] },
    framing: 'neutral',
    selector: describePassage(text, start, start + words.length),
  };
}
