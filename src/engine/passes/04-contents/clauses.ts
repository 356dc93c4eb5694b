/**
 * Contents the sentence's shape gives where the role tagger found none, or found the wrong one: "According to
 * X, Y", "X reports:" and the next paragraph, a clause nested after the cue, the clause before a closing cue,
 * an inverted "Y, said X", and "X was quoted as saying Y". Each also names the source the shape implies, which
 * the sources pass takes over the tagger's.
 */
import { FINITE_AUXILIARY, SENTENCE_OPENERS, type FoundCue, type Token, type Tokenized } from '../../core';

/** Words that join two clauses as equals. */
const COORDINATORS = new Set(['but', 'yet', 'and', 'or', 'so', 'while', 'whereas']);

/**
 * "He said Obama hopes that his successor will …": a cue whose reported clause holds another cue can be
 * left by the tagger without content (the inner cue takes it). The clause is the rest of the sentence,
 * from a "that" before the inner cue if there is one ("said during a rally that Clinton once called …").
 */
export function nestedClauseAfterCue(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue, otherCue: Set<number>, passive: boolean): [number, number] | null {
  const [, sentenceEnd] = sentences[tokens[cue.start].sentence];
  // A passive cue ("when questioned after the debate, asserting …") reports nothing of its own.
  if (passive || /ed$/.test(tokens[cue.end - 1].lower) && tokens[cue.start - 1]?.lower === 'when') return null;
  let inner = cue.end;
  while (inner < sentenceEnd && !otherCue.has(inner)) {
    if (tokens[inner].quote || /^[;:]$/.test(tokens[inner].text)) return null;
    inner++;
  }
  if (inner >= sentenceEnd || inner - cue.end > 12) return null;
  // "Laura Chen has not commented publicly, but a person close to her said …": a clause joined to the cue's by "but",
  // "and" is the sentence going on, and its cue is no part of what this one reports (a made-up battery, round 16).
  for (let i = cue.end; i < inner - 1; i++) if (tokens[i].text === ',' && COORDINATORS.has(tokens[i + 1].lower)) return null;
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

/** Verbs that open an inverted reporting clause after the reported one ("…, said the minister"). */
const INVERTING_CUES = /^(?:say|says|said|add|adds|added|note|notes|noted|explain|explains|explained|argue|argues|argued|insist|insists|insisted|warn|warns|warned|claim|claims|claimed|state|states|stated|conclude|concludes|concluded|acknowledge|acknowledges|acknowledged|admit|admits|admitted|declare|declares|declared|suggest|suggests|suggested|contend|contends|contended|predict|predicts|predicted|maintain|maintains|maintained|believe|believes|believed|think|thinks|thought|estimate|estimates|estimated|report|reports|reported)$/;

/** First words of a source noun phrase after an inverted cue (a capitalised word and a plural noun also open one). */
const SOURCE_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'some', 'many', 'several', 'most', 'other', 'two', 'three', 'four', 'five', 'one', 'both', 'all', 'former', 'senior', 'top', 'experts', 'analysts', 'officials', 'economists', 'researchers', 'scientists', 'critics', 'observers', 'sources', 'doctors', 'residents', 'witnesses', 'investigators', 'police', 'prosecutors', 'activists', 'lawyers']);

/** Words that end a source noun phrase after a comma: a new clause begins ("…, say the researchers, and they …"). */
const CLAUSE_AFTER_COMMA = new Set(['and', 'but', 'because', 'while', 'so', 'although', 'though', 'as', 'adding', 'noting', 'saying', 'explaining']);

const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);

/** Words after a comma that join a second clause to the first by contrast: never the start of an apposition. */
const CONTRAST_JOINS = new Set(['but', 'yet', 'though', 'although', 'whereas']);

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
  const clauseOfItsOwn = opensWithAClause(tokens, start, comma);
  let hasInnerComma = false;
  for (let i = sentenceStart; i < comma; i++) {
    // "Rainfall occurs everywhere on Titan, but the equatorial regions are drier than the poles, said …": a comma
    // before "but" joins two clauses, where a comma of an apposition ("X, a spokesman, said Y") is what keeps this off.
    if (tokens[i].text === ',' && CONTRAST_JOINS.has(tokens[i + 1]?.lower ?? '')) continue;
    if (tokens[i].quote || tokens[i].text === ';' || tokens[i].text === ':') return null;
    if (INNER_BREAK.test(tokens[i].text)) {
      if (!clauseOfItsOwn) return null;
      hasInnerComma = true;
    }
  }
  const opener = tokens[cue.end];
  if (!opener || opener.sentence !== tokens[cue.start].sentence || opener.isPunct) return null;
  if (!SOURCE_OPENERS.has(opener.lower) && !/^\p{Lu}/u.test(opener.text) && !titleBeforeName(tokens, cue.end, sentenceEnd)) return null;
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
  // Past a comma of the clause's own, what follows the cue must be a name, not what was said ("The man who led
  // the agency, Mr. Lee, said the plan would fail").
  if (hasInnerComma && !rest && !namesNoClause(tokens, cue.end, end)) return null;
  // A long opening admitted for its length alone may be a title before a name ("The chairman of the powerful House
  // committee, Kevin Brady, said the tax bill helps …"): then only a name may follow the cue.
  if (hasInnerComma && clauseOfItsOwn === 'long' && !/^\p{Lu}/u.test(tokens[cue.end].text)) return null;
  return { source: [cue.end, end], contents: rest ? [[start, comma], rest] : [[start, comma]] };
}

/** A comma, a parenthesis or a dash inside the clause before an inverted cue. */
const INNER_BREAK = /^[,()\u2014\u2013-]$|^--$/;

/** A finite auxiliary or a past form in -ed: a clause's verb, which a name has none of. */
const looksFinite = (token: Token): boolean => FINITE_AUXILIARY.test(token.lower) || /^\p{Ll}{3,}ed$/u.test(token.text);

/** Words that open a relative clause or a clause of its own inside a noun phrase. */
const PHRASE_CLAUSE_OPENERS = new Set(['who', 'which', 'whose', 'whom', 'that', 'where', 'when']);

/**
 * "Sanders' win marks something … since 1984 -- an insurgent defeating a party favorite, said Dante Scala": a
 * clause before the cue may hold commas and dashes of its own when it opens a sentence with a clause, not a name
 * with its apposition ("Mr. Lee, a spokesman, said …"). A clause here: a finite auxiliary or a past form in -ed
 * before any relative word ('verb'), or six words or more before the first comma ('long', which a long title before
 * a name also is, so the caller then wants a name after the cue).
 * PolNeAR train and dev hold 72 inverted "…, said X" reports, 14 with such a comma or dash in their clause.
 */
function opensWithAClause(tokens: Token[], start: number, comma: number): 'verb' | 'long' | false {
  let words = 0;
  let relative = false;
  for (let i = start; i < comma; i++) {
    const token = tokens[i];
    if (INNER_BREAK.test(token.text)) return words >= 6 ? 'long' : false;
    if (token.isPunct) continue;
    if (i > start && PHRASE_CLAUSE_OPENERS.has(token.lower)) relative = true;
    if (i > start && !relative && looksFinite(token)) return 'verb';
    words++;
  }
  return false;
}

/** A phrase with no finite auxiliary or past form before its first comma or relative word: a name, not a clause. */
function namesNoClause(tokens: Token[], from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    if (tokens[i].text === ',' || RELATIVES.has(tokens[i].lower)) return true;
    if (looksFinite(tokens[i])) return false;
  }
  return true;
}

/** Words of a title before a name a source may open with ("said study co-author Anezina Solomonidou"). */
const TITLE_WORDS = 3;

/** Lower-case words, at most TITLE_WORDS of them, then a capitalised one: a title or role before a name. */
function titleBeforeName(tokens: Token[], from: number, end: number): boolean {
  for (let i = from; i < end && i - from <= TITLE_WORDS; i++) {
    if (tokens[i].isPunct) return false;
    if (/^\p{Lu}/u.test(tokens[i].text)) return i > from;
  }
  return false;
}

/**
 * "Shifting monsoons could affect a billion people, Mr. Obama said in his interview.": a cue closing its
 * sentence after "Y, X" that the tagger left without content reports the clause before the comma. `reach`: how
 * many tokens may follow the cue; `quotations`: whether the clause may quote more than a scare quote (both where
 * what follows the cue is known to be an adjunct of the reporting clause, so the clause is all it can report).
 */
export function clauseBeforeCue(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue, otherCue: Set<number>, { reach = 10, quotations = false } = {}): [number, number] | null {
  const [sentenceStart, sentenceEnd] = sentences[tokens[cue.start].sentence];
  for (let i = cue.end; i < sentenceEnd; i++) if (otherCue.has(i) || tokens[i].quote || i - cue.end > reach) return null;
  let comma = cue.start - 1;
  while (comma > sentenceStart && tokens[comma].text !== ',' && !tokens[comma].quote && cue.start - comma <= 12) comma--;
  if (comma <= sentenceStart || tokens[comma].text !== ',' || comma - sentenceStart < 3) return null;
  for (let i = sentenceStart; i < comma; i++) {
    if (otherCue.has(i)) return null;
    if (!tokens[i].quote || quotations) continue;
    // A word or two in quotation marks inside the clause (“against "criminals" in his entourage”) is the
    // writer's scare quote, not a quotation of this source's: the clause is still the content.
    const close = scareQuoteEnd(tokens, i, comma);
    if (close < 0) return null;
    i = close;
  }
  return [sentenceStart, comma];
}

/** Words a scare quote holds at most. */
export const SCARE_QUOTE_WORDS = 3;

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
export function accordingToOpening(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): { source: [number, number]; content: [number, number] } | null {
  const [sentenceStart, sentenceEnd] = sentences[tokens[cue.start].sentence];
  if (cue.start !== sentenceStart && !(cue.start === sentenceStart + 1 && /^(?:but|and|so|yet)$/.test(tokens[sentenceStart].lower))) return null;
  let comma = cue.end;
  while (comma < sentenceEnd && tokens[comma].text !== ',' && comma - cue.end < 30) {
    // "According to HuffPo: “…, …”", "According to E. J. Fleming's ''The Fixers: …, …''": the comma is the quotation's.
    if (tokens[comma].quote || tokens[comma].text === ':' || tokens[comma].text === "''") return null;
    comma++;
  }
  if (comma >= sentenceEnd || tokens[comma].text !== ',' || comma === cue.end) return null;
  let end = sentenceEnd;
  if (end - 1 > comma + 1 && tokens[end - 1].isPunct && /^[.!?]$/.test(tokens[end - 1].text)) end--;
  if (end <= comma + 1) return null;
  return { source: [cue.end, comma], content: [comma + 1, end] };
}

/** The paragraph after a cue that ends its own paragraph on a colon ("CNN reports:"), as a token range. */
export function blockQuotation(tokenized: Tokenized, cueEnd: number): [number, number] | null {
  const { tokens, paragraphs } = tokenized;
  const paragraph = tokens[cueEnd - 1].paragraph;
  const [, to] = paragraphs[paragraph];
  if (tokens[to - 1].text !== ':' || to - cueEnd > 12 || paragraph + 1 >= paragraphs.length) return null;
  return paragraphs[paragraph + 1];
}

const COMPARATIVE = /^(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|worse|better|earlier|later|longer|faster|slower|further|farther|[a-z]{3,}er)$/;
const SUBJECT_WORDS = /^(?:he|she|they|it|we|i|you|officials|experts|analysts|police|authorities|forecasters|economists|investigators|researchers|scientists)$/;

/**
 * The cue closes a comparison: "as SUBJECT (had) reported" after "as many/much …" or "than SUBJECT said" after a
 * comparative, in the same sentence. The subject is a pronoun, a plural noun for people or up to three capitalised
 * words; adverbs and auxiliaries may sit before the verb ("as they had initially reported").
 */
export function closesComparison(tokens: Token[], sentences: Array<[number, number]>, cue: FoundCue): boolean {
  const sentence = sentences[tokens[cue.start].sentence];
  if (!sentence) return false;
  let at = cue.start - 1;
  if (at <= sentence[0]) return false;
  while (at > sentence[0] && (/^(?:has|have|had|was|were|is|are|would|could|might|had|also|first|initially|originally|previously|earlier|once|just|already|widely|officially|publicly)$/.test(tokens[at].lower) || /ly$/.test(tokens[at].lower))) at--;
  const subjectEnd = at;
  if (SUBJECT_WORDS.test(tokens[at].lower)) at--;
  else {
    let words = 0;
    while (at > sentence[0] && words < 3 && /^\p{Lu}/u.test(tokens[at].text) && !tokens[at].isPunct) {
      at--;
      words++;
    }
    if (words === 0) return false;
  }
  if (at <= sentence[0] || at === subjectEnd) return false;
  const marker = tokens[at].lower;
  if (marker !== 'as' && marker !== 'than') return false;
  for (let back = at - 1; back >= sentence[0] && at - back <= 12; back--) {
    const word = tokens[back].lower;
    if (marker === 'as' && word === 'as' && back + 1 < at && /^(?:many|much|few|little|high|low|large|great|long|often|far|well|soon|quickly|bad|good|big|small)$/.test(tokens[back + 1].lower)) return true;
    if (marker === 'than' && COMPARATIVE.test(word) && !/^(?:officer|manager|worker|member|leader|reporter|partner|other|either|neither|whether|together|however|never|ever|over|under|after|order|power|number|water|paper|matter|letter|chapter|border|center|quarter|summer|winter|player|owner|writer|lawyer|speaker|another|rather|further)$/.test(word)) return true;
  }
  return false;
}
