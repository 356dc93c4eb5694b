/**
 * Features for the two extractor stages. Stage one tags cue tokens (B/I/O) over a whole paragraph;
 * stage two tags source and content tokens in a window around one cue, with features relative to that cue.
 */
import type { Token } from '../core/tokens';
import { CLAIM_VERB_LEMMA } from '../lexicon/claim-words';

const IRREGULAR_LEMMAS: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', tells: 'tell', wrote: 'write', written: 'write', thought: 'think',
  found: 'find', shown: 'show', knew: 'know', known: 'know', felt: 'feel', saw: 'see', seen: 'see', gave: 'give',
  spoke: 'speak', spoken: 'speak', took: 'take', made: 'make', held: 'hold', swore: 'swear', sworn: 'swear',
  is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', has: 'have', had: 'have', did: 'do', does: 'do',
};

/** A rough lemma by suffix stripping; good enough to share weights between inflections of a verb. */
export function lemma(lower: string): string {
  const irregular = IRREGULAR_LEMMAS[lower];
  if (irregular) return irregular;
  if (lower.length <= 4) return lower;
  if (lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('ied')) return lower.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(lower)) return lower;
  if (/(sh|ch|x|z)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('ing')) return restoreE(lower.slice(0, -3));
  if (lower.endsWith('ed')) return restoreE(lower.slice(0, -2));
  if (lower.endsWith('es')) return lower.slice(0, -1);
  if (lower.endsWith('s')) return lower.slice(0, -1);
  return lower;
}

function restoreE(stem: string): string {
  if (/([^aeiou])\1$/.test(stem) && !/(ll|ss)$/.test(stem)) return stem.slice(0, -1);
  if (/[^aeiou][aeiou][cvzgs]$/.test(stem) || /(at|it|ot|ut|iz|ag|ur|as|is|os|us|ok)$/.test(stem) && stem.length > 3) return stem + 'e';
  return stem;
}

export function shape(token: Token): string {
  if (token.isPunct) return 'P';
  const text = token.text;
  if (/^\p{Lu}+$/u.test(text) && text.length > 1) return 'AA';
  if (/^\p{Lu}/u.test(text)) return 'Aa';
  if (/^\p{Ll}/u.test(text)) return 'a';
  if (/\p{N}/u.test(text)) return '0';
  return 'x';
}

/** Word identity for features: lowercased, numbers folded. */
function word(token: Token | undefined): string {
  if (!token) return '<none>';
  if (/^\p{N}/u.test(token.text)) return '<num>';
  return token.lower;
}

/** Cue-likelihood bucket of a word, from the training lexicon (share of its occurrences inside a cue). */
export function lexiconBucket(lexicon: Record<string, number>, lower: string): string {
  const p = lexicon[lower];
  if (p === undefined) return 'none';
  if (p < 0.05) return '0';
  if (p < 0.2) return '1';
  if (p < 0.5) return '2';
  if (p < 0.8) return '3';
  return '4';
}

const CLASS_TAGS = ['ClaimVerb', 'SubjectPronoun', 'ObjectPronoun', 'Determiner', 'Preposition', 'Auxiliary', 'Modal', 'Conjunction', 'Adverb', 'Honorific'];

/** A coarse word class: a closed-class tag from the compromise plugin, else the token's shape. */
export function wordClass(token: Token | undefined): string {
  if (!token) return '<>';
  for (const tag of CLASS_TAGS) if (token.tags.has(tag)) return tag;
  if (token.isPunct) return token.quote ? 'Q' + token.quote : token.text;
  return shape(token);
}

/*
 * Features are 30-bit hashes, not strings: a feature is its template's hash mixed with the hashes of the
 * values it combines, so scoring does integer Map lookups without building or hashing strings per token
 * (about four times faster). 30 bits keep the keys small integers; collisions among ~10^5 kept features
 * are a handful and harmless.
 */

/**
 * 32-bit multiply, the same result as Math.imul. Spelled out because Math.imul is not inlined when the
 * code runs in another realm's sandbox (jest's vm), where it made hashing six times slower.
 */
function imul(a: number, b: number): number {
  const aHigh = (a >>> 16) & 0xffff;
  const aLow = a & 0xffff;
  return (aLow * b + (((aHigh * b) & 0xffff) << 16)) | 0;
}

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, value: number): number {
  h = imul(h ^ value, 0x9e3779b1);
  h ^= h >>> 15;
  h = imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

const MASK = 0x3fffffff;
const f1 = (template: number, a: number): number => mix(template, a) & MASK;
const f2 = (template: number, a: number, b: number): number => mix(mix(template, a), b) & MASK;
const f3 = (template: number, a: number, b: number, c: number): number => mix(mix(mix(template, a), b), c) & MASK;

/** Template ids, one per feature kind. */
const T: Record<string, number> = {};
for (const name of [
  'b', 'w', 'l', 's', 'x', 'k', 'x|q', 'k|q', 'suf', 'w-1', 'w+1', 'w-2', 'w+2', 'w-1|w', 'w|w+1', 'l|w+1', 'l-1|l',
  'x-1|x', 'x|x+1', 'q-1|x', 'q+1|x', 'first|x', 'k-1|k', 'k|k+1', 'k-1|x', 'x|k+1', 'k-2|k-1|x', 'x|k+1|k+2', 'l|k+1',
  'ctx|x', 'that|l', 'subj|l', 'afterclose|w', 'beforeopen|w', 'sq|x', 'sq|l', 'pos|x',
  'incue', 'incue|l', 'incue|w', 'd', 'so', 'q|dir', 'qq|dir', 'pc|dir', 'pc|so|dir', 'w|dir', 's|dir', 's|d', 'w-1|dir',
  'w+1|dir', 'l|dir', 'l|so|dir', 'l|q|dir', 'frame|dir', 'frame|so|q', 'para|dir', 'oc', 'cc|dir|q', 'w|d', 'l|w|d',
  'qm|dir|so', 'qm-1|dir', 'qm+1|dir', 'hon', 'k|dir', 'k|d', 'eos|so|dir', 'bos|so|dir', 'eos|q|dir', 'eos|w',
  'form|bos|dir', 'form|cc|dir', 'k-1|k|dir', 'k|k+1|dir', 'rw-2|dir', 'rw+2|dir', 'l-1|dir', 'l+1|dir',
]) T[name] = hashString(name);

const NONE = hashString('<none>');
const BUCKETS = ['none', '0', '1', '2', '3', '4'];
const QUOTE_MARKS = { open: 1, close: 2 } as const;
const quoteCode = (token: Token | undefined): number => (token?.quote ? QUOTE_MARKS[token.quote] : 0);

/** Per-token values the feature templates read several times, hashed once per document. */
interface TokenViews { w: number[]; lem: number[]; shp: number[]; bucket: number[]; cls: number[]; suf: number[]; clsName: string[]; shpName: string[] }

const viewCache = new WeakMap<Token[], TokenViews>();

function views(tokens: Token[], lexicon: Record<string, number>): TokenViews {
  const cached = viewCache.get(tokens);
  if (cached) return cached;
  const out: TokenViews = { w: [], lem: [], shp: [], bucket: [], cls: [], suf: [], clsName: [], shpName: [] };
  // What a word's own spelling gives, read once per distinct word and name: the 1 MB text has 20 times fewer distinct
  // words than tokens, and hashing and lemmatizing each token was a twentieth of the engine's time there.
  const ofWord = new Map<string, { w: number; lem: number; bucket: number; suf: number }>();
  const hashes = new Map<string, number>();
  const hashOf = (name: string): number => {
    let hash = hashes.get(name);
    if (hash === undefined) hashes.set(name, hash = hashString(name));
    return hash;
  };
  for (const token of tokens) {
    const w = word(token);
    let spelling = ofWord.get(w);
    if (!spelling) {
      spelling = { w: hashString(w), lem: hashString(lemma(w)), bucket: BUCKETS.indexOf(lexiconBucket(lexicon, w)), suf: hashString(w.slice(-3)) };
      ofWord.set(w, spelling);
    }
    const shp = shape(token);
    const cls = wordClass(token);
    out.w.push(spelling.w);
    out.lem.push(spelling.lem);
    out.shp.push(hashOf(shp));
    out.shpName.push(shp);
    out.bucket.push(spelling.bucket);
    out.cls.push(hashOf(cls));
    out.clsName.push(cls);
    out.suf.push(spelling.suf);
  }
  viewCache.set(tokens, out);
  return out;
}

/** Stage one: cue tagging features of every token in [from, to). */
export function cueFeatures(tokens: Token[], from: number, to: number, lexicon: Record<string, number>, sentences: Array<[number, number]>): number[][] {
  const out: number[][] = [];
  // Whether each sentence of the range holds a quotation mark (quoted speech and its cue share a sentence).
  const sentenceQuote: Record<number, number> = {};
  for (let i = from; i < to; i++) if (tokens[i].quote) sentenceQuote[tokens[i].sentence] = 1;
  for (let i = from; i < to; i++) sentenceQuote[tokens[i].sentence] ??= 0;
  const v = views(tokens, lexicon);
  const n = to - from;
  const at = (list: number[], k: number): number => (k < 0 ? 1 : k >= n ? 2 : list[from + k]);
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const t = tokens[i];
    const prev = k > 0 ? tokens[i - 1] : undefined;
    const next = k + 1 < n ? tokens[i + 1] : undefined;
    const w = v.w[i];
    const lem = v.lem[i];
    const bucket = v.bucket[i];
    const cls = v.cls[i];
    const quote = t.inQuote ? 1 : 0;
    const wPrev = at(v.w, k - 1);
    const wNext = at(v.w, k + 1);
    const clsPrev = at(v.cls, k - 1);
    const clsNext = at(v.cls, k + 1);
    let context = 0;
    for (let j = i + 1; j < Math.min(to, i + 5); j++) {
      if (tokens[j].lower === 'that') context |= 1;
      if (tokens[j].quote === 'open' || tokens[j].text === ':') context |= 2;
    }
    for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
      if (tokens[from + j].quote === 'close') context |= 4;
      if (v.clsName[from + j] === 'SubjectPronoun' || (v.shpName[from + j] === 'Aa' && j > 0 && tokens[from + j - 1].sentence === t.sentence)) context |= 8;
    }
    const first = prev === undefined || prev.sentence !== t.sentence ? 1 : 0;
    const [sentenceFrom, sentenceTo] = sentences[t.sentence];
    const position = Math.min(3, i - sentenceFrom) * 4 + Math.min(3, sentenceTo - 1 - i);
    const f = [
      T.b, f1(T.w, w), f1(T.l, lem), f1(T.s, v.shp[i]), f1(T.x, bucket), f1(T.k, cls), f2(T['x|q'], bucket, quote),
      f2(T['k|q'], cls, quote), f1(T.suf, v.suf[i]), f1(T['w-1'], wPrev), f1(T['w+1'], wNext), f1(T['w-2'], at(v.w, k - 2)),
      f1(T['w+2'], at(v.w, k + 2)), f2(T['w-1|w'], wPrev, w), f2(T['w|w+1'], w, wNext), f2(T['l|w+1'], lem, wNext),
      f2(T['l-1|l'], at(v.lem, k - 1), lem), f2(T['x-1|x'], at(v.bucket, k - 1), bucket), f2(T['x|x+1'], bucket, at(v.bucket, k + 1)),
      f2(T['q-1|x'], quoteCode(prev), bucket), f2(T['q+1|x'], quoteCode(next), bucket), f2(T['first|x'], first, bucket),
      f2(T['k-1|k'], clsPrev, cls), f2(T['k|k+1'], cls, clsNext), f2(T['k-1|x'], clsPrev, bucket), f2(T['x|k+1'], bucket, clsNext),
      f3(T['k-2|k-1|x'], at(v.cls, k - 2), clsPrev, bucket), f3(T['x|k+1|k+2'], bucket, clsNext, at(v.cls, k + 2)),
      f2(T['l|k+1'], lem, clsNext), f2(T['ctx|x'], context, bucket),
      f2(T['sq|x'], sentenceQuote[t.sentence], bucket), f2(T['sq|l'], sentenceQuote[t.sentence], lem), f2(T['pos|x'], position, bucket), f2(T['that|l'], context & 1, lem), f2(T['subj|l'], context & 8, lem),
    ];
    if (prev && prev.quote === 'close') f.push(f1(T['afterclose|w'], w));
    if (next && next.quote === 'open') f.push(f1(T['beforeopen|w'], w));
    out.push(f);
  }
  return out;
}

export interface CueContext {
  /** Token range of the cue, [start, end). */
  start: number;
  end: number;
  lemma: string;
  /** Token indices of other cues in the window (they belong to other attributions). */
  otherCue: Set<number>;
}

function distanceBucket(d: number): number {
  const a = Math.abs(d);
  const b = a <= 3 ? a : a <= 5 ? 5 : a <= 10 ? 10 : a <= 20 ? 20 : a <= 40 ? 40 : 99;
  return d < 0 ? -b - 1 : b;
}

const CLAUSE_PUNCTUATION = /[.,;:!?—–]/;

/** Stage two: role features of tokens [from, to) relative to one cue. */
export function roleFeatures(tokens: Token[], from: number, to: number, cue: CueContext, lexicon: Record<string, number>, sentences: Array<[number, number]>): number[][] {
  const out: number[][] = [];
  const v = views(tokens, lexicon);
  const cueFirst = tokens[cue.start];
  const cueSentence = cueFirst.sentence;
  const cueLemmaHash = hashString(cue.lemma);
  const beforeCue = cue.start > 0 ? tokens[cue.start - 1] : undefined;
  const afterCue = cue.end < tokens.length ? tokens[cue.end] : undefined;
  const cueQuote = cueFirst.inQuote ? 2 : 0;
  const form = cueForm(tokens, cue.start);
  const frame = hashString((beforeCue?.isPunct ? beforeCue.text : beforeCue ? shape(beforeCue) : '<') + '_' + (afterCue?.isPunct ? afterCue.text : afterCue ? shape(afterCue) : '>'));
  // Clause markers between the cue and each token: punctuation crossed, other cues crossed.
  const crossed = new Int32Array(to - from);
  const cuesCrossed = new Int32Array(to - from);
  for (let i = cue.start - 1, count = 0, cues = 0; i >= from; i--) {
    crossed[i - from] = count;
    cuesCrossed[i - from] = cues;
    if (tokens[i].isPunct && CLAUSE_PUNCTUATION.test(tokens[i].text)) count++;
    if (cue.otherCue.has(i) && !cue.otherCue.has(i - 1)) cues++;
  }
  for (let i = cue.end, count = 0, cues = 0; i < to; i++) {
    crossed[i - from] = count;
    cuesCrossed[i - from] = cues;
    if (tokens[i].isPunct && CLAUSE_PUNCTUATION.test(tokens[i].text)) count++;
    if (cue.otherCue.has(i) && !cue.otherCue.has(i + 1)) cues++;
  }
  for (let i = from; i < to; i++) {
    const k = i - from;
    const t = tokens[i];
    const w = v.w[i];
    const prev = i > from ? tokens[i - 1] : undefined;
    const next = i + 1 < to ? tokens[i + 1] : undefined;
    if (i >= cue.start && i < cue.end) {
      out.push([T.b, T.incue, f1(T['incue|l'], cueLemmaHash), f1(T['incue|w'], w)]);
      continue;
    }
    const d = i < cue.start ? i - cue.start : i - cue.end + 1;
    const dir = d < 0 ? 0 : 1;
    const dist = distanceBucket(d);
    const sentenceOffset = Math.max(-2, Math.min(2, t.sentence - cueSentence));
    const quote = t.inQuote ? 1 : 0;
    const punct = Math.min(3, crossed[k]);
    const f = [
      T.b, f1(T.d, dist), f1(T.so, sentenceOffset), f2(T['q|dir'], quote, dir), f2(T['qq|dir'], quote + cueQuote, dir),
      f2(T['pc|dir'], punct, dir), f3(T['pc|so|dir'], punct, sentenceOffset, dir),
      f2(T['w|dir'], w, dir), f2(T['s|dir'], v.shp[i], dir), f2(T['s|d'], v.shp[i], dist),
      f2(T['k|dir'], v.cls[i], dir), f2(T['k|d'], v.cls[i], dist),
      f2(T['w-1|dir'], i > from ? v.w[i - 1] : NONE, dir), f2(T['w+1|dir'], i + 1 < to ? v.w[i + 1] : NONE, dir),
      f2(T['l|dir'], cueLemmaHash, dir), f3(T['l|so|dir'], cueLemmaHash, sentenceOffset, dir), f3(T['l|q|dir'], cueLemmaHash, quote, dir),
      f2(T['frame|dir'], frame, dir), f3(T['frame|so|q'], frame, sentenceOffset, quote),
      f2(T['para|dir'], t.paragraph === cueFirst.paragraph ? 1 : 0, dir),
      f1(T.oc, cue.otherCue.has(i) ? 1 : 0), f3(T['cc|dir|q'], Math.min(2, cuesCrossed[k]), dir, quote),
    ];
    // Where the token sits in its sentence: contents mostly run to a sentence's end, or start at its start.
    const [sentenceFrom, sentenceTo] = sentences[t.sentence];
    const toEnd = Math.min(4, sentenceTo - 1 - i);
    const fromStart = Math.min(3, i - sentenceFrom);
    f.push(f3(T['eos|so|dir'], toEnd, sentenceOffset, dir), f3(T['bos|so|dir'], fromStart, sentenceOffset, dir),
      f3(T['eos|q|dir'], toEnd, quote, dir), f2(T['eos|w'], toEnd, w));
    // How the cue joins its clause decides how far back its source sits; word-class bigrams mark where a
    // noun phrase starts and stops (", who", "of the").
    f.push(f3(T['form|bos|dir'], form, fromStart, dir), f3(T['form|cc|dir'], form, Math.min(2, cuesCrossed[k]), dir),
      f3(T['k-1|k|dir'], i > from ? v.cls[i - 1] : NONE, v.cls[i], dir), f3(T['k|k+1|dir'], v.cls[i], i + 1 < to ? v.cls[i + 1] : NONE, dir));
    if (Math.abs(d) <= 3) f.push(f2(T['w|d'], w, dist), f3(T['l|w|d'], cueLemmaHash, w, dist));
    // Two words out and the neighbours' lemmas: where a noun phrase or clause around a source stops.
    f.push(f2(T['rw-2|dir'], i - 1 > from ? v.w[i - 2] : NONE, dir), f2(T['rw+2|dir'], i + 2 < to ? v.w[i + 2] : NONE, dir),
      f2(T['l-1|dir'], i > from ? v.lem[i - 1] : NONE, dir), f2(T['l+1|dir'], i + 1 < to ? v.lem[i + 1] : NONE, dir));
    if (t.quote) f.push(f3(T['qm|dir|so'], quoteCode(t), dir, sentenceOffset));
    if (prev?.quote) f.push(f2(T['qm-1|dir'], quoteCode(prev), dir));
    if (next?.quote) f.push(f2(T['qm+1|dir'], quoteCode(next), dir));
    if (t.tags.has('Honorific')) f.push(T.hon);
    out.push(f);
  }
  return out;
}

const CUE_FORM_SKIPPABLE = new Set(['also', 'then', 'later', 'again', 'further', 'has', 'have', 'had', 'was', 'is', 'would', 'will']);

/** How a cue joins its clause; a joined cue's source is the subject of the clause it continues, not the nearest noun phrase. */
export enum CueForm {
  Other = 0,
  /** After "and"/"but": "… and said". */
  Coordinated = 1,
  /** A participle after a comma: "…, saying". */
  ParticipleAfterComma = 2,
  /** Another participle: "… while chanting", "by announcing". */
  Participle = 3,
}

export function cueForm(tokens: Token[], cueStart: number): CueForm {
  let before = cueStart - 1;
  while (before >= 0 && CUE_FORM_SKIPPABLE.has(tokens[before].lower)) before--;
  const joiner = before >= 0 && tokens[before].sentence === tokens[cueStart].sentence ? tokens[before].lower : '';
  if (joiner === 'and' || joiner === 'but') return CueForm.Coordinated;
  if (!tokens[cueStart].lower.endsWith('ing')) return CueForm.Other;
  return joiner === ',' ? CueForm.ParticipleAfterComma : CueForm.Participle;
}

/** Tokens the role window reaches either side of its cue at most, so run-on text stays linear. */
const ROLE_REACH = 120;

/** Stage two's window around a cue: its sentence and up to two either side, within its paragraph. */
export function roleWindow(tokens: Token[], sentences: Array<[number, number]>, paragraphs: Array<[number, number]>, cueStart: number): [number, number] {
  const sentence = tokens[cueStart].sentence;
  const [paragraphFrom, paragraphTo] = paragraphs[tokens[cueStart].paragraph];
  const from = Math.max(paragraphFrom, sentences[Math.max(0, sentence - 2)][0], cueStart - ROLE_REACH);
  const to = Math.min(paragraphTo, sentences[Math.min(sentences.length - 1, sentence + 2)][1], cueStart + ROLE_REACH);
  return [from, to];
}

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'also', 'not', 'did', 'does', 'do', 'could', 'may', 'might', 'should', 'can', 'reportedly', 'later', 'previously', 'repeatedly', 'publicly', 'recently']);

/** The cue's lemma: "according to" as a phrase (and "per", its synonym before a name), otherwise the head verb ("has also said" → "say"). */
export function cueLemma(tokens: Token[], start: number, end: number): string {
  const words = tokens.slice(start, end).filter((token) => !token.isPunct).map((token) => token.lower);
  if (!words.length) return tokens[start].text;
  if (words[0] === 'according' || (words[0] === 'per' && words.length === 1)) return 'according to';
  const head = words.find((w) => !AUXILIARIES.has(w)) ?? words[0];
  return CLAIM_VERB_LEMMA.get(head) ?? lemma(head);
}
