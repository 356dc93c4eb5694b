/**
 * The speaker's own certainty about what they said: hedges and epistemic modals pull the score down,
 * boosters push it up, negation turns a booster into a hedge ("not sure"), questions and conditionals
 * pull down, and the cue itself counts ("claimed", "suggested" down; "insisted", "confirmed" up).
 *
 * Scope: only the content spans and the cue are read, never the rest of the sentence, and a quoted title
 * ("You May Be Wrong"), a hyphenated word ("no-fly zone"), the month May and the noun might ("military
 * might") are not signals. A flat statement starts high: the seed article's "there was no information to
 * corroborate the report" is high. Small regular expressions over the spans: no tagger, microseconds.
 */
import type { Attribution, Certainty, Framing } from '../../../shared/attribution';
import { cueWords, lemmatize } from '../../lexicon';

/** A flat statement with no signal; high, as a reader judges "there's no proof of death". */
const FLAT = 0.75;
/** A content that states no claim (a topic: "spoke about the economy"): medium. */
const TOPIC = 0.55;
const LOW_BELOW = 0.42;
const HIGH_FROM = 0.65;

const STRONG_HEDGE = -0.4;
const MODERATE_HEDGE = -0.2;
const BOOSTER = 0.15;
const CONDITIONAL = -0.25;

interface Word {
  /** Lower case, straight apostrophes. */
  lower: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
}

interface Signal {
  weight: number;
  evidence: string;
}

/** Words of a content, hyphenated compounds kept whole ("no-fly" is one word, not "no"). */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)) {
    const raw = match[0];
    // "don't" → "do" + "n't", so negation is one word wherever it is written.
    const contraction = /^(.+)(n['’]t)$/i.exec(raw);
    if (contraction) {
      const stemLength = contraction[1].length;
      words.push({ lower: contraction[1].toLowerCase(), text: contraction[1], start: match.index!, end: match.index! + stemLength });
      words.push({ lower: "n't", text: contraction[2], start: match.index! + stemLength, end: match.index! + raw.length });
      continue;
    }
    words.push({ lower: raw.toLowerCase().replace(/’/g, "'"), text: raw, start: match.index!, end: match.index! + raw.length });
  }
  return words;
}

/** Blanks quoted titles — two or more words, mostly capitalised ("‘The 411’", "You May Be Wrong") — keeping offsets. */
export function maskTitles(text: string): string {
  return text.replace(/[“"‘'«]([^“”"‘’'«»\n]{3,80})[”"’'»]/g, (whole, inner: string) => {
    const words = inner.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length < 2 || /[.!?,]$/.test(inner.trim())) return whole;
    const longWords = words.filter((w) => w.replace(/\P{L}/gu, '').length > 3);
    const capitalised = longWords.filter((w) => /^\P{L}*\p{Lu}/u.test(w));
    return longWords.length > 0 && capitalised.length / longWords.length >= 0.6 ? ' '.repeat(whole.length) : whole;
  });
}

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nobody', 'none', 'neither', 'nor', 'hardly', 'without', 'cannot']);

/** A negator within `reach` words before index i, in the same clause. */
function negatedAt(words: Word[], i: number, text: string, reach = 4): number {
  for (let k = i - 1; k >= Math.max(0, i - reach); k--) {
    if (/[,;:.!?]/.test(text.slice(words[k].end, words[k + 1].start))) return -1;
    if (NEGATORS.has(words[k].lower)) return k;
  }
  return -1;
}

/** Evidence for a negation starts at the whole word: "don’t", not "n’t". */
function evidenceStart(words: Word[], negator: number): number {
  return words[negator].lower === "n't" && negator > 0 ? words[negator - 1].start : words[negator].start;
}

/** Relative pronouns: a modal after one hedges a detail of the claim, not the claim. */
const RELATIVE = new Set(['who', 'which', 'whom', 'whose']);

const PLAIN_HEDGES: Record<string, number> = {
  possibly: STRONG_HEDGE, perhaps: STRONG_HEDGE, maybe: STRONG_HEDGE, unclear: STRONG_HEDGE, uncertain: STRONG_HEDGE,
  unverified: STRONG_HEDGE, unconfirmed: STRONG_HEDGE, reportedly: STRONG_HEDGE, allegedly: STRONG_HEDGE,
  purportedly: STRONG_HEDGE, supposedly: STRONG_HEDGE, rumored: STRONG_HEDGE, rumoured: STRONG_HEDGE,
  speculation: STRONG_HEDGE, conceivably: STRONG_HEDGE,
  probably: MODERATE_HEDGE, likely: MODERATE_HEDGE, unlikely: MODERATE_HEDGE, apparently: MODERATE_HEDGE,
  presumably: MODERATE_HEDGE, seemingly: MODERATE_HEDGE, somewhat: MODERATE_HEDGE, arguably: MODERATE_HEDGE,
  seem: MODERATE_HEDGE, seems: MODERATE_HEDGE, seemed: MODERATE_HEDGE, suggests: MODERATE_HEDGE, suggested: MODERATE_HEDGE,
};
const BOOSTERS = new Set([
  'definitely', 'certainly', 'clearly', 'obviously', 'absolutely', 'undoubtedly', 'surely', 'undeniably',
  'indisputably', 'unquestionably', 'proven', 'proved', 'convinced', 'sure', 'certain', 'confident', 'clear', 'know',
  'knew', 'knows', 'knowing', 'confirmed', 'confirm', 'confirmation', 'verified', 'positive', 'guaranteed',
]);
/** Boosters that only count when negated ("not clear", "don't know", "no confirmation"): flat use is no signal. */
const NEGATION_ONLY = new Set(['sure', 'certain', 'confident', 'clear', 'know', 'knew', 'knows', 'knowing', 'confirmed', 'confirm', 'confirmation', 'verified', 'positive']);
const MODALS = new Set(['may', 'might', 'could']);
/** Words before "might" that make it the noun: "military might", "with all its might". */
const MIGHT_NOUN_BEFORE = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'military', 'economic', 'naval', 'industrial', 'financial', 'political', 'full', 'sheer', 'all', 'of', 'nuclear', 'american', 'russian', 'chinese', 'western', 'air', 'and']);
const PHRASE_SIGNALS: Array<[RegExp, number]> = [
  [/\bbeing (?:verified|checked|confirmed|investigated)\b/gi, STRONG_HEDGE],
  [/\b(?:yet to be|could not be|cannot be|can't be|can’t be) (?:independently )?(?:confirmed|verified|determined)\b/gi, STRONG_HEDGE],
  [/\b(?:too early|hard|difficult|impossible) to (?:tell|say|know)\b/gi, STRONG_HEDGE],
  [/\bno way of knowing\b/gi, STRONG_HEDGE],
  [/\bit is possible\b|\bit's possible\b|\bit’s possible\b|\bpossible that\b/gi, STRONG_HEDGE],
  [/\bnot necessarily\b/gi, MODERATE_HEDGE],
  [/\b(?:i|we) (?:think|believe|feel|guess|suspect|suppose|expect|hope|reckon)\b/gi, MODERATE_HEDGE],
  [/\b(?:i|we) (?:do not|don't|don’t) (?:think|believe|expect)\b/gi, MODERATE_HEDGE],
  [/\bin (?:my|our) (?:view|opinion)\b/gi, MODERATE_HEDGE],
  [/\b(?:it|that|this|there) (?:appears|appeared|seems|seemed)\b|\bappears? to\b|\bappeared to\b/gi, MODERATE_HEDGE],
  [/\bsort of\b|\bkind of like\b/gi, MODERATE_HEDGE],
  [/\bexpected to\b/gi, MODERATE_HEDGE],
  [/\bof course\b|\bno doubt\b|\bwithout (?:a )?doubt\b|\bthere is no question\b|\bmake no mistake\b|\bthe fact is\b|\bthe truth is\b|\bin fact\b/gi, BOOSTER],
  [/\b(?:i|we) know\b|\b(?:i am|i'm|i’m|we are|we're|we’re) (?:sure|certain|confident|convinced)\b|\b100 percent\b|\b100%/gi, BOOSTER],
];

/** Signals of one content span (titles already masked). */
function contentSignals(text: string): Signal[] {
  const signals: Signal[] = [];
  const words = wordsOf(text);
  const taken = new Set<number>();
  const claimedRange = (start: number, end: number) => {
    for (let k = start; k < end; k++) taken.add(k);
  };

  for (const [pattern, weight] of PHRASE_SIGNALS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      const at = words.findIndex((w) => w.start <= start && start < w.end);
      const negator = weight > 0 && at >= 0 ? negatedAt(words, at, text) : -1;
      const from = negator >= 0 ? evidenceStart(words, negator) : start;
      signals.push({ weight: negator >= 0 ? STRONG_HEDGE : weight, evidence: text.slice(from, end) });
      claimedRange(from, end);
    }
  }

  words.forEach((word, i) => {
    if (taken.has(word.start)) return;
    const { lower } = word;
    if (MODALS.has(lower)) {
      if (lower === 'may' && word.text === 'May' && i > 0) return; // the month, mid-sentence ("a May 28 airstrike")
      if (lower === 'may' && /^\d/.test(words[i + 1]?.text ?? '')) return; // "May 28"
      if (lower === 'might' && (i + 1 >= words.length || MIGHT_NOUN_BEFORE.has(words[i - 1]?.lower ?? '') || /^[,.;:!?)]/.test(text.slice(word.end).trimStart()))) return;
      if (words.slice(Math.max(0, i - 3), i).some((w) => RELATIVE.has(w.lower))) return; // a detail: "workers who could leak details"
      if (lower === 'could' && (words[i + 1]?.lower === 'not' || words[i + 1]?.lower === "n't")) return; // "could not attend": a flat past
      if (lower === 'could' && /^[^.;!?]*,\s*but\b/i.test(text.slice(word.end))) return; // concessive: "You could …, but"
      signals.push({ weight: STRONG_HEDGE, evidence: word.text });
      return;
    }
    if (lower in PLAIN_HEDGES) {
      signals.push({ weight: PLAIN_HEDGES[lower], evidence: word.text });
      return;
    }
    if (lower === 'if' || lower === 'unless') {
      const before = words[i - 1]?.lower ?? '';
      const after = words[i + 1]?.lower ?? '';
      if (['as', 'even', 'asked', 'ask', 'asking', 'wonder', 'wondered', 'see', 'know', 'whether'].includes(before)) return;
      if (after === 'any' || after === 'not' || after === 'anything' || after === 'so' || after === 'only') return;
      // A condition opening the clause governs the whole claim; one trailing a clause limits a detail.
      const opensClause = i === 0 || before === 'that' || /[.,;:!?“"—(]\s*$/.test(text.slice(words[i - 1].end, word.start));
      signals.push({ weight: opensClause ? CONDITIONAL : CONDITIONAL / 2.5, evidence: word.text });
      return;
    }
    if (BOOSTERS.has(lower)) {
      const negator = negatedAt(words, i, text);
      if (negator >= 0) {
        signals.push({ weight: STRONG_HEDGE, evidence: text.slice(evidenceStart(words, negator), word.end) });
        return;
      }
      if (!NEGATION_ONLY.has(lower)) signals.push({ weight: BOOSTER, evidence: word.text });
    }
  });
  return signals;
}

/** Share of the content's sentences that are questions (ends with "?", quotation marks aside). */
function questionShare(text: string): number {
  const sentences = text
    .replace(/[“”"‘’']/g, '')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  if (sentences.length === 0) return 0;
  return sentences.filter((s) => s.endsWith('?')).length / sentences.length;
}

const BELIEF_CUES = new Set(['think', 'believe', 'expect', 'hope', 'feel', 'fear', 'worry', 'estimate', 'suspect', 'guess', 'predict', 'project', 'anticipate', 'doubt', 'wonder']);
const QUESTION_CUES = new Set(['ask', 'wonder', 'question', 'inquire', 'ask about']);
/** Cues that say nothing is claimed, only talked about. */
const TOPIC_CUES = new Set(['discuss', 'talk about', 'speak about', 'speak of', 'talk', 'address', 'mention', 'ask about', 'comment on', 'focus on', 'refer to', 'question about', 'write about', 'speak', 'comment', 'think about', 'decline to', 'refuse to', 'respond to', 'reference']);
/** Verbs of talking about: anywhere in the cue ("went on to discuss") they make a verbless content a topic. */
const TOPIC_VERBS = new Set(['discuss', 'talk', 'speak', 'mention', 'address', 'comment']);
/** Communication cues that, with a bare noun-phrase content, name what was said about, not a claim ("noted the comments", "wrote his book"). */
const COMMUNICATION_CUES = new Set(['write', 'note', 'explain', 'repeat', 'mention', 'ask', 'raise', 'bring', 'tweet', 'post', 'answer', 'recall', 'remark', 'express', 'question', 'bristle', 'reference', 'go', 'cite', 'describe', 'detail', 'outline', 'release', 'publish']);
/** A negated or refused cue asserts nothing: "have not said when", "refused to pledge", "decided against". */
const NEGATED_CUE = /\b(?:not|never|no)\b|n['’]t\b|\b(?:refus|declin)\w*|\bdecided against\b/i;
const VERBISH = /\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did|not|n't|that|whether|to)\b|n['’]t\b|\b(?:there|it|that|he|she|what|who|this|here|where)['’]s\b|['’](?:re|ve|ll|d|m)\b|\b\p{L}{3,}ed\b|\b(?:i|we|he|she|they|you)\s+\p{L}/iu;

/** True when the attribution makes no claim: a topic ("spoke about the economy") or a negated cue. */
function isTopicOnly(content: string, lemma: string, cueText: string): boolean {
  if (TOPIC_CUES.has(lemma) || NEGATED_CUE.test(cueText)) return true;
  const words = content.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const nounPhrase = words.length <= 8 && !VERBISH.test(content) && !/[“"]/.test(content);
  if (!nounPhrase) return false;
  return COMMUNICATION_CUES.has(lemma.split(' ')[0]) || cueWords(cueText).some((word) => TOPIC_VERBS.has(lemmatize(word)));
}

const CUE_WEIGHT: Partial<Record<Framing, number>> = { distancing: -0.1, tentative: -0.25, emphatic: 0.1, endorsing: 0.1 };

export function labelOf(score: number): Certainty['label'] {
  return score < LOW_BELOW ? 'low' : score < HIGH_FROM ? 'medium' : 'high';
}

/** Certainty of one attribution, given its cue lemma and framing. */
export function certaintyOf(attribution: Attribution, lemma: string, framing: Framing): Certainty {
  const contents = attribution.contents.map((span) => maskTitles(span.text));
  const joined = contents.join(' … ');
  const cueText = attribution.cue?.text ?? '';
  const contentSignalsFound: Signal[] = contents.flatMap(contentSignals);

  const questions = questionShare(joined);
  const asksQuestion = QUESTION_CUES.has(lemma) && /^\W*(?:whether|if|why|how|what|who|when|where|which)\b/i.test(joined);
  if (questions >= 0.5 || asksQuestion) contentSignalsFound.push({ weight: STRONG_HEDGE, evidence: asksQuestion ? cueText : '?' });
  else if (questions > 0) contentSignalsFound.push({ weight: -0.1, evidence: '?' });

  // A topic makes no claim, so the cue's framing has nothing to strengthen or weaken.
  const topic = isTopicOnly(joined, lemma, cueText);
  const cueSignals: Signal[] = [];
  // A hedge that is itself the cue ("presumably", "reportedly") hedges the content it introduces.
  const cueHedge = cueWords(cueText).find((word) => word in PLAIN_HEDGES);
  const cueWeight = cueHedge ? PLAIN_HEDGES[cueHedge] : CUE_WEIGHT[framing] ?? 0;
  if (!topic && cueWeight !== 0 && attribution.cue) cueSignals.push({ weight: cueWeight, evidence: cueText });
  if (!topic && BELIEF_CUES.has(lemma) && framing !== 'tentative') cueSignals.push({ weight: MODERATE_HEDGE, evidence: cueText });

  const signals = [...contentSignalsFound, ...cueSignals];
  let score = topic ? TOPIC : FLAT;
  for (const signal of signals) score += signal.weight;
  score = Math.min(0.98, Math.max(0.02, score));
  const evidence = [...new Set(signals.map((signal) => signal.evidence).filter((text) => text !== ''))];
  return { label: labelOf(score), score: Number(score.toFixed(3)), evidence };
}
