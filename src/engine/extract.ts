/**
 * The attribution extractor: article text in, attributions (cue, source, content, kind) out.
 *   1. tokens (compromise/one, paragraph by paragraph)                        tokens.ts
 *   2. cue tagging, B/I/O over each paragraph, averaged perceptron + Viterbi  features.ts, perceptron.ts
 *   3. per cue, source and content tagging in a window around it             features.ts, perceptron.ts
 *   4. a deterministic quotation layer: boundaries snapped to quotation marks, follow-on quotations,
 *      quote kind                                                              quotes.ts
 * Weights come from PolNeAR (scripts/train.ts) and are bundled from model/weights.json.
 */
import type { Attribution, Span } from '../shared/attribution';
import { tokenize, type Token, type Tokenized } from './tokens';
import { cueFeatures, roleFeatures, roleWindow, cueLemma } from './features';
import { bioMask, compile, decode, type CompiledModel } from './perceptron';
import { CUE_LABELS, ROLE_LABELS, type ExtractorModel } from './extractor-model';
import { snapToQuotes, dropNarrationAfterQuote, quoteKind, followOnQuotations, blockQuotation, signedQuotations, isHeadline } from './quotes';
import trainedWeights from './model/weights.json';

const CUE_MASK = bioMask(CUE_LABELS);
const ROLE_MASK = bioMask(ROLE_LABELS);
/** Margin (in weight units; weights are scaled so the largest is 100) that maps to confidence 0.73. */
const CONFIDENCE_SCALE = 25;

/** Token ranges [start, end) labelled B… I… of one type in a decoded path. */
function chunks(path: Int32Array, begin: number, inside: number, offset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < path.length; k++) {
    if (path[k] !== begin) continue;
    let end = k + 1;
    while (end < path.length && path[end] === inside) end++;
    out.push([offset + k, offset + end]);
  }
  return out;
}

/**
 * A span from a token range, widened to whole hyphenated words: compromise splits "al-Baghdadi" into three
 * tokens, and a span must not end inside a name.
 */
export function spanOf(text: string, tokens: Token[], start: number, end: number): Span {
  const joined = (left: number): boolean => tokens[left].end === tokens[left + 1].start;
  const hyphenAt = (i: number): boolean => tokens[i]?.text === '-' && i > 0 && i + 1 < tokens.length
    && !tokens[i - 1].isPunct && !tokens[i + 1].isPunct && joined(i - 1) && joined(i);
  while (hyphenAt(end)) end += 2;
  while (hyphenAt(start - 1)) start -= 2;
  const from = tokens[start].start;
  const to = tokens[end - 1].end;
  return { start: from, end: to, text: text.slice(from, to) };
}

interface FoundCue { start: number; end: number; confidence: number }

function findCues(model: Compiled, tokenized: Tokenized): FoundCue[] {
  const cues: FoundCue[] = [];
  const { tokens } = tokenized;
  for (const [from, to] of tokenized.paragraphs) {
    if (isHeadline(tokens, from, to)) continue;
    const { path, emissions } = decode(model.cue, cueFeatures(tokens, from, to, model.lexicon, tokenized.sentences), CUE_MASK);
    for (const [start, end] of chunks(path, 1, 2, from)) {
      let margin = 0;
      for (let i = start; i < end; i++) {
        const row = (i - from) * 3;
        const label = i === start ? 1 : 2;
        margin += emissions[row + label] - emissions[row];
      }
      margin /= end - start;
      cues.push({ start, end, confidence: 1 / (1 + Math.exp(-margin / CONFIDENCE_SCALE)) });
    }
  }
  return cues;
}

interface Compiled { lexicon: Record<string, number>; cue: CompiledModel; role: CompiledModel }

const compiledModels = new WeakMap<ExtractorModel, Compiled>();

function compiled(model: ExtractorModel): Compiled {
  let ready = compiledModels.get(model);
  if (!ready) {
    ready = { lexicon: model.lexicon, cue: compile(model.cue), role: compile(model.role) };
    compiledModels.set(model, ready);
  }
  return ready;
}

/** Extraction with a given model; `extract` uses the committed weights. */
export function extractWith(trained: ExtractorModel, text: string): Attribution[] {
  const model = compiled(trained);
  const tokenized = tokenize(text);
  const { tokens, sentences, paragraphs } = tokenized;
  const cues = findCues(model, tokenized);
  const cueTokens = new Set<number>();
  for (const cue of cues) for (let i = cue.start; i < cue.end; i++) cueTokens.add(i);
  const found: Attribution[] = [];
  for (const cue of cues) {
    const [from, to] = roleWindow(tokens, sentences, paragraphs, cue.start);
    const otherCue = new Set<number>();
    for (let i = from; i < to; i++) if (cueTokens.has(i) && (i < cue.start || i >= cue.end)) otherCue.add(i);
    const lemma = cueLemma(tokens, cue.start, cue.end);
    const { path } = decode(model.role, roleFeatures(tokens, from, to, { start: cue.start, end: cue.end, lemma, otherCue }, model.lexicon, sentences), ROLE_MASK);
    const contentChunks = dropNarrationAfterQuote(tokens, chunks(path, 3, 4, from).map((range) => snapToQuotes(tokens, range, paragraphs)), cue.start, cue.end);
    const block = contentChunks.length ? null : blockQuotation(tokenized, cue.end);
    if (block) contentChunks.push(block);
    if (!contentChunks.length) continue;
    const sourceChunks = chunks(path, 1, 2, from);
    const nearest = sourceChunks.sort((a, b) => distance(a, cue) - distance(b, cue))[0];
    const sources = nearest ? [spanOf(text, tokens, nearest[0], nearest[1])] : [];
    const contents = contentChunks.map(([start, end]) => spanOf(text, tokens, start, end));
    found.push({
      id: '',
      cue: spanOf(text, tokens, cue.start, cue.end),
      sources,
      contents,
      kind: 'indirect',
      speaker: sources.length ? { name: sources[0].text, type: 'unnamed', aliases: [] } : null,
      confidence: Number(cue.confidence.toFixed(3)),
      cueLemma: lemma,
    });
  }
  giveSharedContentToNearestCue(found);
  found.splice(0, found.length, ...found.filter((attribution) => attribution.contents.length));
  shareSourceWithParticiple(text, found);
  for (const attribution of found) attribution.kind = quoteKind(tokens, attribution.contents);
  found.push(...signedQuotations(text, tokenized, found));
  const followOns = followOnQuotations(text, tokenized, found);
  const all = [...found, ...followOns.map((followOn) => followOn.attribution)];
  all.sort((a, b) => firstOffset(a) - firstOffset(b));
  all.forEach((attribution, k) => { attribution.id = 'q' + k; });
  for (const { attribution, follows } of followOns) attribution.continues = follows.id;
  return all;
}

/** How many neighbours (in cue order) can share content with an attribution: role windows are short. */
const SHARING_NEIGHBOURS = 8;

/**
 * Two cues claiming the same stretch of content ("Lavrov said: “…” A spokesman said …" with the
 * spokesman's content reaching back over Lavrov's quotation): the stretch stays with the nearer cue.
 * Attributions are in cue order, so only near neighbours are compared and long texts stay linear.
 */
function giveSharedContentToNearestCue(found: Attribution[]): void {
  const gap = (span: Span, cue: Span): number => (span.end <= cue.start ? cue.start - span.end : span.start - cue.end);
  found.forEach((a, k) => {
    for (let j = Math.max(0, k - SHARING_NEIGHBOURS); j < Math.min(found.length, k + SHARING_NEIGHBOURS + 1); j++) {
      const b = found[j];
      if (a === b || !a.cue || !b.cue) continue;
      a.contents = a.contents.filter((span) => !b.contents.some((other) => {
        const shared = Math.min(span.end, other.end) - Math.max(span.start, other.start);
        if (shared <= 0 || 2 * shared < 0.8 * (span.end - span.start + other.end - other.start)) return false;
        return gap(other, b.cue!) < gap(span, a.cue!);
      }));
    }
  });
}

/** The most characters between a main cue and a participle cue that shares its source. */
const PARTICIPLE_REACH = 250;

/**
 * "Ward warned that …, noting that …": a participle cue after a comma has the main clause's speaker, the
 * source of the attribution just before it in the paragraph (so in 332 of 381 such cues in PolNeAR train).
 */
function shareSourceWithParticiple(text: string, found: Attribution[]): void {
  for (let k = 1; k < found.length; k++) {
    const cue = found[k].cue;
    const previous = found[k - 1];
    if (!cue || !previous.cue || !previous.sources.length || !/^\p{L}+ing$/u.test(cue.text)) continue;
    if (!/,\s*$/.test(text.slice(Math.max(0, cue.start - 3), cue.start))) continue;
    const between = text.slice(previous.cue.end, cue.start);
    if (between.length > PARTICIPLE_REACH || between.includes('\n')) continue;
    found[k].sources = previous.sources.map((span) => ({ ...span }));
    found[k].speaker = { name: found[k].sources[0].text, type: 'unnamed', aliases: [] };
  }
}

function distance(range: [number, number], cue: FoundCue): number {
  return range[1] <= cue.start ? cue.start - range[1] : range[0] - cue.end;
}

function firstOffset(attribution: Attribution): number {
  return Math.min(attribution.cue?.start ?? Infinity, ...attribution.contents.map((span) => span.start));
}

export function extract(text: string): Attribution[] {
  return extractWith(trainedWeights as unknown as ExtractorModel, text);
}
