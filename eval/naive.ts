/**
 * The naive peer: what anyone would write first with compromise, and the baseline WhoSaid must beat
 * on accuracy and speed. For each quotation compromise finds (`quotations()`), in the same sentence:
 * the speech verb nearest the quotation is the cue, and the person or organization name nearest the
 * quotation is the source (none where the sentence names nobody). A quotation whose sentence has no
 * speech verb is not attributed. Published figures for this approach on PolNeAR: exact source 0.11,
 * cue 0.42, content 0.13, who-said-what F1 0.06.
 *
 * Used only by scripts/eval.ts and scripts/bench.ts, never by the product (the engine ships no full
 * compromise build for this).
 */
import nlp from 'compromise';
import type { Attribution, Span } from '../src/shared/attribution';

/** Infinitives of the verbs that report speech or a claim. */
const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'claim', 'announce', 'state', 'ask', 'explain', 'note', 'warn', 'report', 'write',
  'insist', 'argue', 'declare', 'reply', 'respond', 'answer', 'remark', 'comment', 'suggest', 'acknowledge',
  'admit', 'deny', 'confirm', 'contend', 'assert', 'allege', 'maintain', 'continue', 'recall', 'testify',
  'tweet', 'post', 'predict', 'promise', 'vow', 'urge', 'call', 'describe', 'believe', 'think', 'estimate',
  'concede', 'complain', 'boast', 'joke', 'quip', 'shout', 'yell', 'whisper', 'cry', 'exclaim', 'observe',
  'point out', 'emphasize', 'stress', 'repeat', 'reiterate', 'caution', 'conclude', 'agree', 'disagree',
]);

interface Located {
  text: string;
  start: number;
  end: number;
  type?: 'person' | 'organization';
}

interface OffsetJson {
  text: string;
  offset: { start: number; length: number };
}

const OPENING_QUOTE = /["“‘'«]/;

/**
 * compromise's offsets leave out a leading quotation mark (kept as the first term's punctuation) and
 * take in the white space after the last term; put the one back and drop the other, and trailing
 * sentence punctuation from names and verbs, so the spans are what a reader would mark.
 */
function located(text: string, json: OffsetJson, isQuotation = false): Located {
  let start = json.offset.start;
  let end = json.offset.start + json.offset.length;
  if (isQuotation && start > 0 && OPENING_QUOTE.test(text[start - 1])) start--;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (!isQuotation) while (end > start && /[,.;:!?]/.test(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end };
}

function span(text: string, at: Located): Span {
  return { start: at.start, end: at.end, text: text.slice(at.start, at.end) };
}

/** Distance between two ranges: 0 when they touch or overlap. */
function distance(a: Located, b: Located): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function nearest(target: Located, candidates: Located[]): Located | undefined {
  let best: Located | undefined;
  for (const candidate of candidates) {
    if (distance(candidate, target) === 0 && candidate.start >= target.start && candidate.end <= target.end) continue;
    if (!best || distance(candidate, target) < distance(best, target)) best = candidate;
  }
  return best;
}

/** Attributions found the naive way: compromise quotations + nearest name + a speech verb in the sentence. */
export function naiveAttributions(text: string): Attribution[] {
  const doc = nlp(text);
  const attributions: Attribution[] = [];
  doc.sentences().forEach((view) => {
    // forEach hands back the base View type; it is the full (three) build's view at run time.
    const sentence = view as typeof doc;
    const quotations = (sentence.quotations().json({ offset: true }) as OffsetJson[]).map((json) => located(text, json, true));
    if (quotations.length === 0) return;
    const names = [
      ...(sentence.people().json({ offset: true }) as OffsetJson[]).map((json) => ({ ...located(text, json), type: 'person' as const })),
      ...(sentence.organizations().json({ offset: true }) as OffsetJson[]).map((json) => ({ ...located(text, json), type: 'organization' as const })),
    ];
    const verbs = (sentence.verbs().json({ offset: true }) as Array<OffsetJson & { verb?: { infinitive?: string } }>)
      .filter((verb) => SPEECH_VERBS.has(verb.verb?.infinitive ?? ''))
      .map((json) => located(text, json));
    for (const quotation of quotations) {
      const cue = nearest(quotation, verbs);
      if (!cue) continue;
      const source = nearest(quotation, names);
      attributions.push({
        id: `n${attributions.length + 1}`,
        cue: span(text, cue),
        sources: source ? [span(text, source)] : [],
        contents: [span(text, quotation)],
        kind: 'direct',
        speaker: source ? { name: source.text, type: source.type ?? 'person', aliases: [] } : null,
        confidence: 0.5,
      });
    }
  });
  return attributions;
}
