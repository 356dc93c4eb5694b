/**
 * The attribution extractor: article text in, attributions (cue, source, content, kind) out.
 *   1. tokens (compromise/one, paragraph by paragraph)                        tokens.ts
 *   2. cue tagging, B/I/O over each paragraph, averaged perceptron + Viterbi  features.ts, perceptron.ts
 *   3. per cue, source and content tagging in a window around it             features.ts, perceptron.ts
 *      then one source chosen and tidied to PolNeAR's conventions            source-span.ts
 *   4. a deterministic quotation layer: boundaries snapped to quotation marks, follow-on quotations,
 *      quote kind                                                              quotes.ts
 * Weights come from PolNeAR (scripts/train.ts) and are bundled from model/weights.json.
 */
import type { Attribution, Span, TextHints } from '../shared/attribution';
import { tokenize, type Token, type Tokenized } from './tokens';
import { cueFeatures, roleFeatures, roleWindow, cueLemma, cueForm, CueForm } from './features';
import { bioMask, compile, decode, viterbi, type CompiledModel } from './perceptron';
import { CUE_LABELS, ROLE_LABELS, type ExtractorModel } from './extractor-model';
import { FINITE_AUXILIARY, reportsWithMissedCue } from './reports';
import { closingMark, isTitle, isWorkTitle, joinQuotationAfterAside, quotationsWithMissedCue, transcriptLines, snapToQuotes, dropNarrationAfterQuote, quoteKind, followOnQuotations, blockQuotation, signedQuotations, isHeadline, listAfterColon, blockQuotedPassages, quotationAfterDashedAside } from './quotes';
import { LY_NOUNS, withHeadBeforeCue, withHeadBeforePreposition, isOpeningParticiple, withRoleNounHead, invertedCueSource, accordingToSourceEnd, withoutTrailingScene, withoutSceneAfterName, withAppositionBeforeCue, isImplausibleSource, isImpressionCue, isPassiveCue, relativePronounSource, tidySource, agentAfterPassive } from './source-span';
import { nounClass } from './wordnet';
import trainedWeights from './model/weights.json';

const CUE_MASK = bioMask(CUE_LABELS);
const ROLE_MASK = bioMask(ROLE_LABELS);
/** A word that says nothing alone: a title, an article, a preposition or a manner adverb ("insisted quietly"; see the content filter in extractWith). */
const isLoneNonContent = (token: Token): boolean => token.tags.has('Honorific') || token.tags.has('Preposition') || /^(?:a|an|the)$/.test(token.lower)
  || (token.text === token.lower && /^\p{Ll}{3,}ly$/u.test(token.lower) && !LY_NOUNS.has(token.lower));
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

const CUE_ADVERBS = /^(?:also|just|still|often|once|never|later|not|even|already|again|repeatedly|publicly|privately|openly|previously|recently|\p{Ll}{3,}ly)$/u;
const CUE_AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'did', 'does', 'do', 'could', 'can', 'may', 'might', 'should', 'must', 'be', 'been', 'to']);
const CUE_PREPOSITIONS = new Set(['of', 'about', 'for', 'against', 'over']);
const SAY_VERBS = /^(?:say|says|said|saying|tell|tells|told|telling|write|writes|wrote|writing)$/;

/**
 * A tagged cue [start, end) brought to PolNeAR's edges (train gold): the adverbs and auxiliaries just before
 * its verb are inside ("has also said": -ly adverbs 358 in, 54 out; "also" 283/19; "has" 727/7; "to" 199/55),
 * and so is "of", "about", "for", "against" or "over" just after a verb other than say/tell/write ("accused
 * her of" aside, "complained about": 83–98% in). Within [from, to), the cue's paragraph.
 */
export function withCueEdges(tokens: Token[], start: number, end: number, from: number, to: number): [number, number] {
  const joinsBefore = (token: Token): boolean => !token.isPunct && token.text === token.lower && !LY_NOUNS.has(token.lower)
    && (CUE_ADVERBS.test(token.lower) || CUE_AUXILIARIES.has(token.lower));
  while (start > from && tokens[start - 1].sentence === tokens[start].sentence && joinsBefore(tokens[start - 1])) start--;
  const last = tokens[end - 1];
  if (end < to && CUE_PREPOSITIONS.has(tokens[end].lower) && tokens[end].sentence === last.sentence && !SAY_VERBS.test(last.lower)) end++;
  return [start, end];
}

function findCues(model: Compiled, tokenized: Tokenized): FoundCue[] {
  const cues: FoundCue[] = [];
  const { tokens } = tokenized;
  for (const [from, to] of tokenized.paragraphs) {
    if (isHeadline(tokens, from, to)) continue;
    const { path, emissions } = decode(model.cue, cueFeatures(tokens, from, to, model.lexicon, tokenized.sentences), CUE_MASK);
    for (let [start, end] of chunks(path, 1, 2, from)) {
      // "Theresa May said": a capitalised word inside a name is the name's, not a modal opening the cue.
      while (end - start > 1 && start > from && /^\p{Lu}/u.test(tokens[start].text) && tokens[start - 1].sentence === tokens[start].sentence
        && /^\p{Lu}\p{Ll}/u.test(tokens[start - 1].text)) start++;
      [start, end] = withCueEdges(tokens, start, end, from, to);
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

/**
 * "said on “Fox News Sunday,” that …": a quoted title after a preposition is where it was said, not what
 * (the content's other chunks say that).
 */
function isShowTitle(tokens: Token[], [start, end]: [number, number]): boolean {
  let last = end - 1;
  while (last > start && tokens[last].isPunct && !tokens[last].quote) last--;
  return tokens[start].quote === 'open' && tokens[last].quote === 'close' && start > 0 && tokens[start - 1].tags.has('Preposition')
    && isTitle(tokens, start + 1, last);
}

/** Words that stand for what was said without saying it. */
const POINTER_WORDS = new Set(['what', 'that', 'this', 'it', 'which', 'so']);

function onlyPointers(tokens: Token[], [start, end]: [number, number]): boolean {
  const words = tokens.slice(start, end).filter((token) => !token.isPunct);
  return words.length > 0 && words.length <= 2 && words.every((token) => POINTER_WORDS.has(token.lower));
}

/** The colon right behind the cue (or the tagger's cue's own last token), -1 without one. */
function cueColon(tokens: Token[], cue: FoundCue): number {
  if (tokens[cue.end]?.text === ':' && tokens[cue.end].sentence === tokens[cue.start].sentence) return cue.end;
  return cue.end - cue.start > 1 && tokens[cue.end - 1].text === ':' ? cue.end - 1 : -1;
}

/** The rest of the sentence after a colon right behind the cue, its full stop left out; null without one. */
function afterCueColon(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): [number, number] | null {
  const colon = cueColon(tokens, cue);
  if (colon < 0) return null;
  let end = sentences[tokens[cue.start].sentence][1];
  while (end > colon + 1 && tokens[end - 1].isPunct && !tokens[end - 1].quote) end--;
  return end > colon + 1 ? [colon + 1, end] : null;
}

/** Where a clause attached to a noun phrase begins: the reported phrase stops there. */
const PHRASE_ENDS = new Set(['when', 'while', 'because', 'as', 'after', 'before', 'if', 'since', 'although', 'though', 'until', 'whereas']);

/**
 * "Solnit wrote of the purpose, meaning and deep satisfaction people find when …": with the work's title
 * dropped, what the cue reports is the phrase after its "of" or "about", up to a clause of its own, a
 * semicolon or the sentence's end. Null where the cue has no such phrase.
 */
function phraseAfterOf(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): [number, number] | null {
  const after = tokens[cue.end];
  if (!after || (after.lower !== 'of' && after.lower !== 'about')) return null;
  const sentence = sentences.find(([start, end]) => start <= cue.start && cue.start < end);
  if (!sentence) return null;
  let end = cue.end + 1;
  while (end < sentence[1] && !PHRASE_ENDS.has(tokens[end].lower) && tokens[end].text !== ';' && !(tokens[end].isPunct && tokens[end].text === '.')) end++;
  while (end > cue.end + 1 && tokens[end - 1].isPunct) end--;
  return end - (cue.end + 1) >= 2 ? [cue.end + 1, end] : null;
}

/**
 * "said on “Fox News Sunday,” that the polls were rigged", "on CNN’s “State of the Union,” that …": a show
 * title opening the content, after a preposition and perhaps its network, is where it was said, not what.
 */
function withoutLeadingShowTitle(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  if (tokens[start].quote !== 'open') return range;
  let before = start - 1;
  while (before > 0 && start - before <= 3 && (/^['’]s?$/.test(tokens[before].text) || /^\p{Lu}/u.test(tokens[before].text))) before--;
  if (before < 0 || !tokens[before].tags.has('Preposition')) return range;
  const close = closingMark(tokens, start + 1, end);
  if (close < 0 || close >= end - 1 || !isTitle(tokens, start + 1, close)) return range;
  let next = close + 1;
  while (next < end && tokens[next].isPunct && !tokens[next].quote) next++;
  return next < end ? [next, end] : range;
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
export function extractWith(trained: ExtractorModel, text: string, hints: TextHints = {}): Attribution[] {
  const model = compiled(trained);
  const tokenized = tokenize(text);
  const { tokens, sentences, paragraphs } = tokenized;
  const cues = findCues(model, tokenized);
  const cueTokens = new Set<number>();
  for (const cue of cues) for (let i = cue.start; i < cue.end; i++) cueTokens.add(i);
  const found: Attribution[] = [];
  const picks: SourcePick[] = [];
  for (const cue of cues) {
    if (isAsTheyCallIt(tokens, cue)) continue;
    const [from, to] = roleWindow(tokens, sentences, paragraphs, cue.start);
    const otherCue = new Set<number>();
    for (let i = from; i < to; i++) if (cueTokens.has(i) && (i < cue.start || i >= cue.end)) otherCue.add(i);
    const lemma = cueLemma(tokens, cue.start, cue.end);
    const { path, emissions: roleEmissions } = decode(model.role, roleFeatures(tokens, from, to, { start: cue.start, end: cue.end, lemma, otherCue }, model.lexicon, sentences), ROLE_MASK);
    const contentChunks = dropNarrationAfterQuote(tokens, chunks(path, 3, 4, from).map((range) => snapToQuotes(tokens, range, paragraphs)), cue.start, cue.end)
      .map((range) => withReportedClause(tokens, sentences, range, cue, otherCue))
      .map((range) => throughScareQuote(tokens, sentences, range, cue))
      // A lone quotation mark or comma the tagger marked is no content, nor is a lone title, article or
      // preposition ("Mr.", "a", "from").
      .filter(([start, end]) => {
        const words = tokens.slice(start, end).filter((token) => !token.isPunct);
        return words.length > 1 || (words.length === 1 && !isLoneNonContent(words[0]));
      })
      .reduce(joinedOverComma(tokens), [])
      .filter((range, _k, all) => !(all.length > 1 && isShowTitle(tokens, range)))
      .map((range) => withoutLeadingShowTitle(tokens, range));
    // Only a work's title for content, and a phrase after "wrote of": the phrase is what was reported.
    if (contentChunks.length > 0 && contentChunks.every((range) => isWorkTitle(tokens, range))) {
      const phrase = phraseAfterOf(tokens, sentences, cue);
      if (phrase) contentChunks.splice(0, contentChunks.length, phrase);
    }
    // "It's exactly what the company promised: the fastest game console ever made.": a pronoun for content, and
    // the words after the cue's colon are what it stands for.
    if (contentChunks.length > 0 && contentChunks.every((range) => onlyPointers(tokens, range))) {
      const named = afterCueColon(tokens, sentences, cue);
      if (named) contentChunks.splice(0, contentChunks.length, named);
    } else if (cueColon(tokens, cue) >= 0 && contentChunks.some((range) => onlyPointers(tokens, range))) {
      contentChunks.splice(0, contentChunks.length, ...contentChunks.filter((range) => !onlyPointers(tokens, range)));
    }
    // The tagger leaves some sentence-opening "According to X, …" without content: the sentence's shape gives it.
    const opening = !contentChunks.length && lemma === 'according to' ? accordingToOpening(tokens, sentences, cue) : null;
    if (opening) contentChunks.push(opening.content);
    const block = contentChunks.length ? null : blockQuotation(tokenized, cue.end);
    if (block) contentChunks.push(block);
    const quotedAs = quotedAsSaying(tokens, sentences, cue);
    const passive = !quotedAs && isPassiveCue(tokens, cue.start, cue.end);
    const nested = contentChunks.length ? null : nestedClauseAfterCue(tokens, sentences, cue, otherCue, passive);
    if (nested) contentChunks.push(nested);
    const before = contentChunks.length ? null : clauseBeforeCue(tokens, sentences, cue, otherCue);
    if (before) contentChunks.push(before);
    const inverted = opening || quotedAs ? null : invertedReport(tokens, sentences, cue);
    if (inverted) contentChunks.splice(0, contentChunks.length, ...inverted.contents);
    if (quotedAs) contentChunks.splice(0, contentChunks.length, quotedAs.content);
    if (!contentChunks.length) continue;
    const sourceChunks = opening ? [opening.source] : quotedAs ? [quotedAs.source] : inverted ? [inverted.source] : chunks(path, 1, 2, from);
    if (!sourceChunks.length) sourceChunks.push(...forcedSourceChunks(model.role, roleEmissions, to - from, from));
    const subjectNotSource = passive || isImpressionCue(tokens, cue.start, cue.end) || isOpeningParticiple(tokens, cue.start);
    const candidates = (subjectNotSource ? sourceChunks.filter((chunk) => chunk[0] >= cue.end && tokens[chunk[0] - 1].lower === 'by') : sourceChunks)
      .filter((chunk) => !isImplausibleSource(tokens, chunk));
    const best = candidates.length ? bestChunk(candidates, roleEmissions, from) : undefined;
    const tidied = best && (best[1] <= cue.start
      ? withAppositionBeforeCue(tokens, tidySource(tokens, withHeadBeforePreposition(tokens, withRoleNounHead(tokens, withHeadBeforeCue(tokens, best, cue.start), cue.start)), cue.start), cue.start)
      : afterCueSource(tokens, tidySource(tokens, best, paragraphs[tokens[cue.start].paragraph][1], cue.end), lemma));
    const whole = tidied && tidied[1] <= cue.start ? withAgentNounAfter(tokens, withoutTrailingVerb(tokens, tidied), cue.start) : tidied;
    // Tidying can leave a lone word that names no one ("Basically ," → "Basically").
    const plausible = whole && !isImplausibleSource(tokens, whole) ? whole : undefined;
    const fallback = plausible ?? (subjectNotSource ? undefined : invertedCueSource(tokens, cue, paragraphs[tokens[cue.start].paragraph][1]));
    const picked = subjectNotSource ? plausible ?? (passive ? agentAfterPassive(tokens, cue, contentChunks) : undefined) : relativePronounSource(tokens, cue.start) ?? sharedSubject(tokens, cue, picks, fallback) ?? fallback ?? participleSubject(tokens, sentences, cue);
    picks.push({ cue, source: picked ?? null });
    const sources = picked ? [spanOf(text, tokens, picked[0], picked[1])] : [];
    // An attribution whose only content is its own source says nothing.
    const contents = withoutSource(tokens, contentChunks, picked).map(([start, end]) => spanOf(text, tokens, start, end));
    if (!contents.length) continue;
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
  for (const attribution of found) withQuantityModifier(text, attribution);
  found.splice(0, found.length, ...found.filter((attribution) => attribution.contents.length));
  for (const attribution of found) attribution.kind = quoteKind(tokens, attribution.contents);
  joinQuotationAfterAside(text, tokenized, found);
  quotationAfterDashedAside(text, tokenized, found);
  found.push(...quotationsWithMissedCue(text, tokenized, found));
  found.push(...reportsWithMissedCue(text, tokenized, found).map((report) => ({ ...report, kind: quoteKind(tokens, report.contents) })));
  found.push(...signedQuotations(text, tokenized, found));
  found.push(...transcriptLines(text, tokenized, found));
  const listItems = listAfterColon(text, tokenized, found);
  found.splice(0, found.length, ...found.filter((attribution) => attribution.contents.length));
  const quoted = [...found, ...listItems.map((item) => item.attribution)];
  const followOns = [...listItems, ...followOnQuotations(text, tokenized, quoted)];
  const blocks = blockQuotedPassages(text, tokenized, [...quoted, ...followOns.map((followOn) => followOn.attribution)], hints.blockQuotes ?? []);
  found.push(...blocks.signed);
  followOns.push(...blocks.followOns);
  const all = [...found, ...followOns.map((followOn) => followOn.attribution)];
  all.sort((a, b) => firstOffset(a) - firstOffset(b));
  all.forEach((attribution, k) => { attribution.id = 'q' + k; });
  for (const { attribution, follows } of followOns) attribution.continues = follows.id;
  return all;
}

/**
 * "Clinton plans to visit Charlotte, according to a campaign aide": the tagger, taught that other cues
 * belong to other attributions, stops this content after "plans"; but a content ending before its cue
 * that starts right after another cue reports that whole clause, subject and cue included (PolNeAR nests
 * attributions so). Widened back to the start of the sentence.
 */
function withReportedClause(tokens: Token[], sentences: Array<[number, number]>, range: [number, number], cue: FoundCue, otherCue: Set<number>): [number, number] {
  const [start, end] = range;
  if (end > cue.start || !otherCue.has(start - 1) || tokens[start - 1].sentence !== tokens[start].sentence) return range;
  const sentenceStart = sentences[tokens[start].sentence][0];
  for (let i = sentenceStart; i < start; i++) if (tokens[i].quote || (tokens[i].isPunct && /^[.;:!?]$/.test(tokens[i].text))) return range;
  return [sentenceStart, end];
}

/**
 * "the “new normal,” as they call it, would last for years": "as X call/put it" between commas names or phrases
 * something; the words after it are the sentence's, not X's. Unless a quotation follows ("As one official put it,
 * “We are flying blind.”"), such a cue reports nothing.
 */
function isAsTheyCallIt(tokens: Token[], cue: FoundCue): boolean {
  if (tokens[cue.end]?.lower !== 'it' || !/^(?:call|calls|called|put|puts)$/.test(tokens[cue.end - 1].lower)) return false;
  const sentence = tokens[cue.start].sentence;
  let as = cue.start - 1;
  while (as >= 0 && cue.start - as <= 4 && tokens[as].sentence === sentence && tokens[as].lower !== 'as') as--;
  if (as < 0 || tokens[as].lower !== 'as' || tokens[as].sentence !== sentence) return false;
  const after = tokens[cue.end + 1];
  const next = after && /^[,)—–-]$/.test(after.text) ? tokens[cue.end + 2] : after;
  return !next || next.sentence !== sentence || next.quote !== 'open' && !/^[:]$/.test(after.text);
}

/**
 * "defended the company on the grounds that its “surge prices,” including those seen during the crisis, are
 * determined by an algorithm" (salon-1): the tagger, taught that a closing quotation mark ends a content, stops
 * after a scare quote of a few words that opened inside the content. When the quoted words are the subject of the
 * reported that-clause, its verb is still to come: the clause runs on to the end of the sentence, unless a verb of
 * saying follows the quotation (then it was someone's own words).
 */
function throughScareQuote(tokens: Token[], sentences: Array<[number, number]>, range: [number, number], cue: FoundCue): [number, number] {
  const [start, end] = range;
  const close = end - 1;
  if (start < cue.end || tokens[close].quote !== 'close') return range;
  let open = close - 1;
  while (open > start && tokens[open].quote === null) open--;
  if (open <= start || tokens[open].quote !== 'open') return range;
  const words = tokens.slice(open + 1, close).filter((token) => !token.isPunct);
  if (words.length === 0 || words.length > SCARE_QUOTE_WORDS) return range;
  // The quoted words are the subject of a that-clause ("that its “surge prices,” …"): its verb is still to come.
  let lead = open - 1;
  while (lead > start && lead > open - 3 && /^(?:its|their|the|his|her|our|these|those|this)$/.test(tokens[lead].lower)) lead--;
  if (!/^(?:that|whether|if)$/.test(tokens[lead].lower) || lead === open - 1 && tokens[lead].lower !== 'that') return range;
  const [, sentenceEnd] = sentences[tokens[start].sentence];
  let stop = sentenceEnd;
  while (stop > end && tokens[stop - 1].isPunct && tokens[stop - 1].quote === null) stop--;
  if (stop - end < 3) return range;
  for (let k = end; k < stop; k++) if (tokens[k].quote || SAY_VERBS.test(tokens[k].lower) || /^[;:]$/.test(tokens[k].text)) return range;
  return [start, stop];
}

/**
 * "He said Obama hopes that his successor will …": a cue whose reported clause holds another cue can be
 * left by the tagger without content (the inner cue takes it). The clause is the rest of the sentence,
 * from a "that" before the inner cue if there is one ("said during a rally that Clinton once called …").
 */
function nestedClauseAfterCue(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue, otherCue: Set<number>, passive: boolean): [number, number] | null {
  const [, sentenceEnd] = sentences[tokens[cue.start].sentence];
  // A passive cue ("when questioned after the debate, asserting …") reports nothing of its own.
  if (passive || /ed$/.test(tokens[cue.end - 1].lower) && tokens[cue.start - 1]?.lower === 'when') return null;
  let inner = cue.end;
  while (inner < sentenceEnd && !otherCue.has(inner)) {
    if (tokens[inner].quote || /^[;:]$/.test(tokens[inner].text)) return null;
    inner++;
  }
  if (inner >= sentenceEnd || inner - cue.end > 12) return null;
  // The inner attribution's own quotation is its content, not this cue's.
  for (let i = inner; i < sentenceEnd; i++) if (tokens[i].quote) return null;
  let start = cue.end;
  for (let i = cue.end; i < inner; i++) if (tokens[i].lower === 'that') { start = i; break; }
  while (start < inner && tokens[start].isPunct) start++;
  let end = sentenceEnd;
  while (end > start && tokens[end - 1].isPunct && !tokens[end - 1].quote) end--;
  return end > start ? [start, end] : null;
}

/** Words that open a time or an agent after "quoted as saying", not what was said ("… as saying late Thursday"). */
const AFTER_SAYING_SCENE = new Set(['by', 'late', 'early', 'on', 'last', 'this', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'in', 'at', 'during']);

/**
 * "The minister was quoted as saying that taxes would rise", "Taxes will rise, the Tuva government was quoted as
 * saying late Thursday by the Interfax news agency" (yahoo-2): a passive "quoted as saying" has the one who spoke
 * for its subject, and the agent after "by" only quoted them, so it is no passive cue. The content is what follows
 * "saying"; with only a time or the agent after it, the clause before the subject's comma. Null for other cues.
 */
export function quotedAsSaying(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): { source: [number, number]; content: [number, number] } | null {
  const [sentenceStart, sentenceEnd] = sentences[tokens[cue.start].sentence];
  let quoted = -1;
  for (let i = cue.start; i < Math.min(sentenceEnd, cue.end + 1); i++) if (tokens[i].lower === 'quoted') { quoted = i; break; }
  if (quoted < 0) return null;
  let auxiliary = quoted - 1;
  if (tokens[auxiliary]?.lower === 'been') auxiliary--;
  if (auxiliary <= sentenceStart || !/^(?:was|were|is|are|has|have|had|be)$/.test(tokens[auxiliary].lower)) return null;
  let as = quoted + 1;
  if (tokens[as]?.lower === 'by') while (as < sentenceEnd && tokens[as].lower !== 'as' && as - quoted <= 8) as++;
  if (tokens[as]?.lower !== 'as' || tokens[as + 1]?.lower !== 'saying') return null;
  let subject = auxiliary;
  while (subject > sentenceStart && tokens[subject - 1].text !== ',' && !tokens[subject - 1].quote && auxiliary - subject < 12) subject--;
  if (subject === auxiliary || (subject > sentenceStart && tokens[subject - 1].text !== ',')) return null;
  const source: [number, number] = [subject, auxiliary];
  const after = as + 2;
  let end = sentenceEnd;
  while (end > after && tokens[end - 1].isPunct && !tokens[end - 1].quote) end--;
  if (end - after >= 3 && !AFTER_SAYING_SCENE.has(tokens[after].lower)) return { source, content: [after, end] };
  const comma = subject - 1;
  return comma > sentenceStart && comma - sentenceStart >= 3 ? { source, content: [sentenceStart, comma] } : null;
}

/**
 * "The Russian space | agency would not …, saying …": a source the tagger stopped one word short of its head
 * noun takes that noun when it names a person or a group (WordNet) and no other word of the phrase follows it.
 */
function withAgentNounAfter(tokens: Token[], range: [number, number], cueStart: number): [number, number] {
  const [start, end] = range;
  const next = tokens[end];
  if (!next || end >= cueStart || next.sentence !== tokens[end - 1].sentence || next.isPunct || next.text !== next.lower || CUE_AUXILIARIES.has(next.lower)) return range;
  if (tokens[end - 1].isPunct || /(?:ed|ing)$/.test(next.lower) || nounClass(next.lower) !== 'agent') return range;
  const after = tokens[end + 1];
  if (after && !after.isPunct && after.text === after.lower && nounClass(after.lower) !== 'unknown' && !CUE_AUXILIARIES.has(after.lower)) return range;
  return [start, end + 1];
}

/**
 * "The minister of finance resigned, citing …": a source before its cue that ends on a lower-case past form
 * (-ed) that names no one ("the accused" does, in WordNet) has swallowed its clause's verb; the verb goes.
 */
function withoutTrailingVerb(tokens: Token[], range: [number, number]): [number, number] {
  const [start, end] = range;
  const last = tokens[end - 1];
  if (end - start < 2 || last.isPunct || last.text !== last.lower || !/\p{Ll}{2,}ed$/u.test(last.lower) || nounClass(last.lower) === 'agent') return range;
  // "those surveyed", "the actors involved", "chairs that POLITICO interviewed", "he ’s poised": a participle after
  // its noun, or a clause of the source's own, is part of it (PolNeAR train: of 23 tagged sources ending on -ed, 8 had swallowed their verb).
  if (POSTMODIFYING.has(last.lower)) return range;
  const before = tokens[end - 2];
  if (before.isPunct || /^(?:those|percent|’s|'s|a|an|the)$/.test(before.lower)) return range;
  for (let k = start; k < end - 1; k++) if (/^(?:that|who|whom|whose|which)$/.test(tokens[k].lower)) return range;
  return [start, end - 1];
}

/** Participles that follow the noun they describe in a source ("those surveyed", "the people interviewed"). */
const POSTMODIFYING = new Set(['surveyed', 'polled', 'interviewed', 'involved', 'questioned', 'asked', 'affected', 'concerned', 'contacted', 'named', 'quoted', 'cited', 'consulted', 'sampled', 'briefed']);

/** Words that may stand between a clause and a participle cue that shares its subject ("…, while claiming"). */
const PARTICIPLE_LEADS = new Set([',', 'while', 'after', 'before', 'when', 'by']);
/** Words that open a sentence before its subject and clause ("But Uber …", "However prices will rise, said …"): not part of either. */
const SENTENCE_OPENERS = new Set(['but', 'and', 'so', 'yet', 'however', 'still', 'meanwhile', 'now', 'then']);

/**
 * "Uber unilaterally slashes drivers’ rates, while claiming they don’t need to unionize": a participle cue after
 * its clause, left with no source, has the clause's subject for source when that subject opens the sentence
 * plainly: a run of capitalised words, or "the"/"a" and up to three words ending in a noun for a person or a
 * group (WordNet). Null otherwise.
 */
function participleSubject(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): [number, number] | undefined {
  if (!/ing$/.test(tokens[cue.start].lower) || cue.start < 2 || !PARTICIPLE_LEADS.has(tokens[cue.start - 1].lower)) return undefined;
  const [sentenceStart] = sentences[tokens[cue.start].sentence];
  let start = sentenceStart;
  while (start < cue.start && SENTENCE_OPENERS.has(tokens[start].lower)) start++;
  let end = start;
  if (/^\p{Lu}/u.test(tokens[start]?.text ?? '') && !tokens[start].isPunct && !/^(?:the|a|an)$/.test(tokens[start].lower)) {
    while (end < cue.start - 1 && /^\p{Lu}/u.test(tokens[end].text) && !tokens[end].isPunct) end++;
  } else if (/^(?:the|a|an)$/.test(tokens[start]?.lower ?? '')) {
    let head = -1;
    for (let k = start + 1; k < Math.min(start + 4, cue.start - 1); k++) {
      if (tokens[k].isPunct) break;
      if (nounClass(tokens[k].lower) === 'agent' && !CUE_AUXILIARIES.has(tokens[k].lower)) head = k;
    }
    if (head < 0) return undefined;
    end = head + 1;
  }
  if (end === start || end >= cue.start - 1) return undefined;
  // The subject is followed by its verb, not by a comma or a conjunction (a list, an opening phrase).
  const after = tokens[end];
  if (after.isPunct || /^(?:and|or|of|in|on|at|for|to|with)$/.test(after.lower)) return undefined;
  return [start, end];
}

/** Verbs that open an inverted reporting clause after the reported one ("…, said the minister"). */
const INVERTING_CUES = /^(?:say|says|said|add|adds|added|note|notes|noted|explain|explains|explained|argue|argues|argued|insist|insists|insisted|warn|warns|warned|claim|claims|claimed|state|states|stated|conclude|concludes|concluded|acknowledge|acknowledges|acknowledged|admit|admits|admitted|declare|declares|declared|suggest|suggests|suggested|contend|contends|contended|predict|predicts|predicted|maintain|maintains|maintained|believe|believes|believed|think|thinks|thought|estimate|estimates|estimated|report|reports|reported)$/;
/** First words of a source noun phrase after an inverted cue (a capitalised word and a plural noun also open one). */
const SOURCE_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'some', 'many', 'several', 'most', 'other', 'two', 'three', 'four', 'five', 'one', 'both', 'all', 'former', 'senior', 'top', 'experts', 'analysts', 'officials', 'economists', 'researchers', 'scientists', 'critics', 'observers', 'sources', 'doctors', 'residents', 'witnesses', 'investigators', 'police', 'prosecutors', 'activists', 'lawyers']);
/** Words that end a source noun phrase after a comma: a new clause begins ("…, say the researchers, and they …"). */
const CLAUSE_AFTER_COMMA = new Set(['and', 'but', 'because', 'while', 'so', 'although', 'though', 'as', 'adding', 'noting', 'saying', 'explaining']);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);

/**
 * "Prices will rise sharply next year, said the finance minister.": a say-type cue right after a comma that
 * closes the clause opening its sentence, followed by a noun phrase, is an inverted reporting clause: the
 * clause is the content and the phrase the source. PolNeAR train holds this shape (a clause of at least four
 * words with no quotation and no comma of its own, so "X, a spokesman, said Y" is left alone) 27 times, all 27
 * so in gold; the tagger had 17 of the 27 sources exactly right, taking the clause for the source or finding
 * none, and has 20 with this pass (dev: 1 → 3 of 3; the rest differ from gold on an apposition's or relative
 * clause's edge). Null where the sentence does not have this shape.
 */
export function invertedReport(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): { source: [number, number]; contents: Array<[number, number]> } | null {
  if (cue.end - cue.start !== 1 || !INVERTING_CUES.test(tokens[cue.start].lower)) return null;
  const comma = cue.start - 1;
  if (comma < 1 || tokens[comma].text !== ',') return null;
  const [sentenceStart, sentenceEnd] = sentences[tokens[cue.start].sentence];
  let start = sentenceStart;
  while (start < comma && SENTENCE_OPENERS.has(tokens[start].lower)) start++;
  if (comma - start < 4) return null;
  for (let i = sentenceStart; i < comma; i++) if (tokens[i].quote || /^[,;:()\u2014\u2013-]$/.test(tokens[i].text)) return null;
  const opener = tokens[cue.end];
  if (!opener || opener.sentence !== tokens[cue.start].sentence || opener.isPunct) return null;
  if (!SOURCE_OPENERS.has(opener.lower) && !/^\p{Lu}/u.test(opener.text)) return null;
  // The phrase runs to the sentence's end, or to a comma opening a clause of its own or a relative clause
  // (PolNeAR gold is split: of six such sources in train, three keep the relative clause). One apposition may
  // follow the name. A verb after a comma ("The contrast, said Doyle, would be clear"), or words after a second
  // comma, mean the cue interrupts its clause: what follows is the rest of what was said.
  let end = cue.end;
  let commas = 0;
  let rest: [number, number] | null = null;
  while (end < sentenceEnd && !tokens[end].quote && !/^[;:!?]$/.test(tokens[end].text)) {
    if (end - cue.end > 40) return null;
    if (tokens[end].text === ',' && end + 1 < sentenceEnd) {
      const next = tokens[end + 1].lower;
      if (CLAUSE_AFTER_COMMA.has(next) || RELATIVES.has(next)) break;
      // A finite verb right after a comma is the sentence's own: the cue interrupted the clause.
      if (FINITE_AUXILIARY.test(next) || ++commas > 1) {
        let restEnd = sentenceEnd;
        while (restEnd > end + 1 && tokens[restEnd - 1].isPunct && !tokens[restEnd - 1].quote) restEnd--;
        if (restEnd <= end + 1) return null;
        rest = [end + 1, restEnd];
        break;
      }
    }
    end++;
  }
  if (end < sentenceEnd && tokens[end].quote) return null;
  while (end > cue.end && tokens[end - 1].isPunct) end--;
  if (end === cue.end) return null;
  return { source: [cue.end, end], contents: rest ? [[start, comma], rest] : [[start, comma]] };
}

/**
 * "Shifting monsoons could affect a billion people, Mr. Obama said in his interview.": a cue closing its
 * sentence after "Y, X" that the tagger left without content reports the clause before the comma.
 */
function clauseBeforeCue(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue, otherCue: Set<number>): [number, number] | null {
  const [sentenceStart, sentenceEnd] = sentences[tokens[cue.start].sentence];
  for (let i = cue.end; i < sentenceEnd; i++) if (otherCue.has(i) || tokens[i].quote || i - cue.end > 10) return null;
  let comma = cue.start - 1;
  while (comma > sentenceStart && tokens[comma].text !== ',' && !tokens[comma].quote && cue.start - comma <= 12) comma--;
  if (comma <= sentenceStart || tokens[comma].text !== ',' || comma - sentenceStart < 3) return null;
  for (let i = sentenceStart; i < comma; i++) {
    if (otherCue.has(i)) return null;
    if (!tokens[i].quote) continue;
    // A word or two in quotation marks inside the clause (“against "criminals" in his entourage”) is the
    // writer's scare quote, not a quotation of this source's: the clause is still the content.
    const close = scareQuoteEnd(tokens, i, comma);
    if (close < 0) return null;
    i = close;
  }
  return [sentenceStart, comma];
}

/** Words a scare quote holds at most. */
const SCARE_QUOTE_WORDS = 3;

/** Where the scare quote opening at `open` closes (before `limit`), or -1 when it is no short quoted phrase. */
function scareQuoteEnd(tokens: Token[], open: number, limit: number): number {
  if (tokens[open].quote !== 'open') return -1;
  for (let k = open + 1; k < limit && k - open <= SCARE_QUOTE_WORDS + 1; k++) {
    if (tokens[k].quote === 'close') return k > open + 1 ? k : -1;
    if (tokens[k].quote || tokens[k].isPunct) return -1;
  }
  return -1;
}

/**
 * "According to X, Y." opening a sentence: X up to the comma is the source, the rest of the sentence the
 * content (its full stop left out, a closing quotation mark kept), as in PolNeAR gold; 76 of 81 sentence-
 * opening "According to" in train are cues.
 */
function accordingToOpening(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): { source: [number, number]; content: [number, number] } | null {
  const [sentenceStart, sentenceEnd] = sentences[tokens[cue.start].sentence];
  if (cue.start !== sentenceStart && !(cue.start === sentenceStart + 1 && /^(?:but|and|so|yet)$/.test(tokens[sentenceStart].lower))) return null;
  let comma = cue.end;
  while (comma < sentenceEnd && tokens[comma].text !== ',' && comma - cue.end < 30) comma++;
  if (comma >= sentenceEnd || tokens[comma].text !== ',' || comma === cue.end) return null;
  let end = sentenceEnd;
  if (end - 1 > comma + 1 && tokens[end - 1].isPunct && /^[.!?]$/.test(tokens[end - 1].text)) end--;
  if (end <= comma + 1) return null;
  return { source: [cue.end, comma], content: [comma + 1, end] };
}

/** How many neighbours (in cue order) can share content with an attribution: role windows are short. */
const SHARING_NEIGHBOURS = 8;

/**
 * Two cues claiming the same stretch of content ("Lavrov said: “…” A spokesman said …" with the
 * spokesman's content reaching back over Lavrov's quotation, or over part of it): the stretch stays with
 * the nearer cue, unless one reports the other. Attributions are in cue order, so only near neighbours are compared and long texts stay linear.
 */
function giveSharedContentToNearestCue(found: Attribution[]): void {
  const gap = (span: Span, cue: Span): number => (span.end <= cue.start ? cue.start - span.end : span.start - cue.end);
  found.forEach((a, k) => {
    for (let j = Math.max(0, k - SHARING_NEIGHBOURS); j < Math.min(found.length, k + SHARING_NEIGHBOURS + 1); j++) {
      const b = found[j];
      if (a === b || !a.cue || !b.cue) continue;
      a.contents = a.contents.filter((span) => !b.contents.some((other) => {
        const shared = Math.min(span.end, other.end) - Math.max(span.start, other.start);
        const alike = 2 * shared >= 0.8 * (span.end - span.start + other.end - other.start);
        const inside = shared >= 0.8 * (span.end - span.start);
        if (shared <= 0 || !(alike || inside)) return false;
        // Nested attributions ("X called for Y, sources said"): a content holding the other's cue reports
        // that whole attribution, and both keep their content.
        if (span.start <= b.cue!.start && b.cue!.end <= span.end) return false;
        return gap(other, b.cue!) < gap(span, a.cue!);
      }));
    }
  });
}

interface SourcePick { cue: FoundCue; source: [number, number] | null }

/**
 * A cue continuing the clause of an earlier cue in its sentence ("Trump criticized … and called for …",
 * "she said …, adding …"): PolNeAR gives it the earlier cue's subject. Used when the tagger found no source
 * of its own, or found one inside the earlier clause (its object: "the death of X in Tulsa, Oklahoma, arguing").
 */
function sharedSubject(tokens: Token[], cue: FoundCue, picks: SourcePick[], own: [number, number] | undefined): [number, number] | undefined {
  const sentence = tokens[cue.start].sentence;
  const form = cueForm(tokens, cue.start);
  if (form === CueForm.Other) return undefined;
  for (let k = picks.length - 1; k >= 0; k--) {
    const earlier = picks[k];
    if (tokens[earlier.cue.start].sentence !== sentence) return undefined;
    if (!earlier.source || earlier.source[1] > earlier.cue.start) continue;
    if (!own) return earlier.source;
    const insideEarlierClause = own[0] >= earlier.cue.end && own[1] <= cue.start && !tokens[own[0]].tags.has('SubjectPronoun');
    return form !== CueForm.Participle && insideEarlierClause ? earlier.source : undefined;
  }
  return undefined;
}

/**
 * Weight units (largest weight 100) added to the source labels when the tagger found no source: where it
 * found none, gold has one three times in four (PolNeAR dev). 15–25 gave the same gain on dev and train.
 */
const SOURCE_BIAS = 20;

/** Source chunks of a decode with the source labels favoured by SOURCE_BIAS; for cues the plain decode left without one. */
function forcedSourceChunks(role: CompiledModel, emissions: Float64Array, n: number, from: number): Array<[number, number]> {
  const labels = ROLE_LABELS.length;
  const biased = Float64Array.from(emissions);
  for (let i = 0; i < n; i++) {
    biased[i * labels + 1] += SOURCE_BIAS;
    biased[i * labels + 2] += SOURCE_BIAS;
  }
  return chunks(viterbi(biased, n, labels, role.transitions, ROLE_MASK), 1, 2, from);
}

/**
 * The source chunk the tagger is surest of (mean B/I-source margin over O per token): several chunks come up
 * where a clause holds more than one noun phrase ("Clinton spoke about the death of X in Tulsa, Oklahoma,
 * arguing …"), and the nearest is then often the object.
 */
function bestChunk(sourceChunks: Array<[number, number]>, emissions: Float64Array, from: number): [number, number] {
  const labels = ROLE_LABELS.length;
  const margin = ([start, end]: [number, number]): number => {
    let sum = 0;
    for (let i = start; i < end; i++) {
      const row = (i - from) * labels;
      sum += emissions[row + (i === start ? 1 : 2)] - emissions[row];
    }
    return sum / (end - start);
  };
  let best = sourceChunks[0];
  let bestMargin = margin(best);
  for (const chunk of sourceChunks.slice(1)) {
    const m = margin(chunk);
    if (m > bestMargin) { best = chunk; bestMargin = m; }
  }
  return best;
}

function afterCueSource(tokens: Token[], range: [number, number], lemma: string): [number, number] {
  const cut = withoutSceneAfterName(tokens, withoutTrailingScene(tokens, range));
  return lemma === 'according to' ? accordingToSourceEnd(tokens, cut) : cut;
}

/**
 * "Percy Walton | , | the one death row inmate whose sentence Kaine commuted": chunks with only a comma
 * between them are one content (train gold splits content over a bare comma once in 19,834).
 */
export function joinedOverComma(tokens: Token[]): (joined: Array<[number, number]>, chunk: [number, number]) => Array<[number, number]> {
  return (joined, chunk) => {
    const last = joined[joined.length - 1];
    if (last && chunk[0] === last[1] + 1 && tokens[last[1]].text === ',') last[1] = chunk[1];
    else joined.push([chunk[0], chunk[1]]);
    return joined;
  };
}

/**
 * Content never holds its own source (the tagger can mark "The companies" in "The companies expect to save …"
 * as both): a chunk that starts inside the source goes, one that runs into it stops at it.
 */
function withoutSource(tokens: Token[], contentChunks: Array<[number, number]>, source: [number, number] | undefined): Array<[number, number]> {
  if (!source) return contentChunks;
  const [sourceStart, sourceEnd] = source;
  const out: Array<[number, number]> = [];
  for (const chunk of contentChunks) {
    let [start, end] = chunk;
    if (end <= sourceStart || start >= sourceEnd) { out.push(chunk); continue; }
    // What runs on from inside the source is the rest of its phrase ("an official who spoke | on condition
    // of anonymity"), not what was said.
    if (start >= sourceStart) continue;
    end = sourceStart;
    // "… by the conservation department": the agent's "by" goes with it.
    if (end - 1 > start && tokens[end - 1].lower === 'by') end--;
    while (end > start && tokens[end - 1].isPunct && !tokens[end - 1].quote) end--;
    while (start < end && tokens[start].isPunct && !tokens[start].quote) start++;
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Words that modify a number and belong to it ("says over 130 titles", "said nearly 40 people"). */
const QUANTITY_MODIFIER = /^\s+(?:over|under|about|nearly|almost|around|roughly|approximately|some|more than|fewer than|less than|at least|up to)\s+$/i;

/** A content that starts at a number the cue is separated from by its modifier takes the modifier in. */
export function withQuantityModifier(text: string, attribution: Attribution): void {
  const [first] = attribution.contents;
  const cue = attribution.cue;
  if (!cue || !first || first.start <= cue.end || !/^\d/.test(first.text)) return;
  const gap = text.slice(cue.end, first.start);
  if (!QUANTITY_MODIFIER.test(gap)) return;
  const start = cue.end + gap.length - gap.trimStart().length;
  attribution.contents[0] = { start, end: first.end, text: text.slice(start, first.end) };
}

function firstOffset(attribution: Attribution): number {
  return Math.min(attribution.cue?.start ?? Infinity, ...attribution.contents.map((span) => span.start));
}

export function extract(text: string, hints: TextHints = {}): Attribution[] {
  return extractWith(trainedWeights as unknown as ExtractorModel, text, hints);
}
