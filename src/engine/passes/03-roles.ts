/**
 * Pass 3 — roles. Adds `readings`: for each cue, the role tagger (B/I/O for source and content, averaged
 * perceptron + Viterbi over a window of the cue's sentence ±2, features relative to the cue and to the other
 * cues in the window) and what the cue's own form says about its roles: a passive cue ("was accused of",
 * "is expected to") or an impression cue ("seems to", "reportedly") has no speaker for subject; a
 * sentence-opening "Asked" neither. "as they call it" reports nothing and gets no reading.
 * Figures (PolNeAR train gold): "expected" has 60 cues with no source, none with one before it.
 */
import { isTrailingAdverb, opensSentence, type AnalysisState, type FoundCue, type Token } from '../core';
import { ROLE_MASK, cueLemma, decode, roleFeatures, roleWindow } from '../tagger';

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

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

const IRREGULAR_PARTICIPLES = new Set(['told', 'said', 'thought', 'heard', 'held', 'found', 'made', 'led', 'sent', 'caught', 'taught', 'brought', 'left', 'read', 'put', 'set', 'cut', 'hit', 'quoted']);

/** Past participles that after "be" are adjectives of feeling, whose subject is the one who feels. */
const FEELING_ADJECTIVES = new Set(['worried', 'concerned', 'divided', 'impressed', 'convinced', 'outraged', 'assured', 'pleased', 'disappointed', 'frustrated', 'surprised', 'shocked', 'confused', 'committed', 'determined', 'dedicated', 'focused', 'tired', 'devoted', 'interested', 'excited', 'troubled', 'alarmed', 'satisfied', 'encouraged', 'inclined', 'prepared', 'opposed', 'split', 'united', 'scared', 'afraid', 'angered', 'annoyed', 'bothered', 'disturbed', 'embarrassed', 'offended', 'persuaded', 'relieved', 'stunned', 'upset', 'fed', 'struck', 'taken']);

function isParticiple(token: Token): boolean {
  if (token.isPunct) return false;
  return IRREGULAR_PARTICIPLES.has(token.lower) || /(ed|en|wn)$/.test(token.lower) && token.lower.length > 3;
}

/** A cue in the passive voice: a form of "be" (in the cue or just before it), adverbs, a past participle. */
export function isPassiveCue(tokens: Token[], start: number, end: number): boolean {
  let be = start - 1;
  while (be >= 0 && isTrailingAdverb(tokens[be])) be--;
  const opensWithBe = be >= 0 && BE.has(tokens[be].lower) && tokens[be].sentence === tokens[start].sentence;
  for (let i = start; i < end; i++) {
    const afterBe = i === start ? opensWithBe : BE.has(tokens[i - 1].lower) || (isTrailingAdverb(tokens[i - 1]) && i - 2 >= start && BE.has(tokens[i - 2].lower));
    if (afterBe && isParticiple(tokens[i])) return !FEELING_ADJECTIVES.has(tokens[i].lower);
  }
  return false;
}

const IMPRESSION_VERBS = new Set(['seem', 'seems', 'seemed', 'seeming', 'appear', 'appears', 'appeared', 'appearing', 'reportedly']);

/**
 * A cue of impression ("seems to", "appeared to acknowledge", "reportedly"): its subject is what the
 * impression is about, and PolNeAR gives it no source in 190 of 238 such gold cues on train ("reportedly":
 * 14 of 14).
 */
export function isImpressionCue(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (IMPRESSION_VERBS.has(tokens[i].lower)) return true;
  return false;
}

const OPENING_PARTICIPLES = new Set(['asked', 'pressed', 'questioned', 'challenged']);

/** Words that open a participle clause before "asked" ("she said when asked about the report", "if pressed"). */
const PARTICIPLE_OPENERS = new Set(['when', 'if', 'after', 'once', 'until', 'unless', 'before', 'while', 'whenever']);

/**
 * "Asked about the emails, Clinton said …": a participle opening its sentence is said of the subject that
 * follows, which is the next cue's source; PolNeAR gives it none 39 times in 43 on train (the rest "by X").
 * So is one after "when", "if" or "after (being)" ("…,” she said when asked about the report"): the one asked is
 * the sentence's subject, and who asked is not said (a made-up battery of round 17 showed "she | asked about").
 */
export function isOpeningParticiple(tokens: Token[], start: number): boolean {
  if (!OPENING_PARTICIPLES.has(tokens[start].lower)) return false;
  if (opensSentence(tokens, start)) return true;
  let before = start - 1;
  if (tokens[before]?.lower === 'being') before--;
  return before >= 0 && tokens[before].sentence === tokens[start].sentence && PARTICIPLE_OPENERS.has(tokens[before].lower);
}

export function roles(state: AnalysisState): void {
  const { tokens, sentences, paragraphs } = state.tokenized;
  const cueTokens = new Set<number>();
  for (const cue of state.cues) for (let i = cue.start; i < cue.end; i++) cueTokens.add(i);
  for (const cue of state.cues) {
    if (isAsTheyCallIt(tokens, cue)) continue;
    const [from, to] = roleWindow(tokens, sentences, paragraphs, cue.start);
    const otherCue = new Set<number>();
    for (let i = from; i < to; i++) if (cueTokens.has(i) && (i < cue.start || i >= cue.end)) otherCue.add(i);
    const lemma = cueLemma(tokens, cue.start, cue.end);
    const { path, emissions } = decode(state.tagger.role, roleFeatures(tokens, from, to, { start: cue.start, end: cue.end, lemma, otherCue }, state.tagger.lexicon, sentences), ROLE_MASK);
    state.readings.push({
      cue, from, to, otherCue, lemma, path, emissions,
      passiveForm: isPassiveCue(tokens, cue.start, cue.end),
      impression: isImpressionCue(tokens, cue.start, cue.end),
      openingParticiple: isOpeningParticiple(tokens, cue.start),
    });
  }
}
