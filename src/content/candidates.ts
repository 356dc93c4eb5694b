/**
 * Passages worth the engine's attention, found cheaply on the page: paragraphs holding a quotation
 * mark or a claim verb. A filter, not an extractor: it only tells the worker where quotes may be, so
 * a false positive costs a little engine time and a false negative is what must be avoided.
 */
import type { ParagraphRange } from '../shared/messages';

/**
 * Quotation marks. The right single quote (’) is the apostrophe of typeset text ("it’s"), so it counts
 * only after sentence punctuation (‘It’s over,’ she said); an ASCII apostrophe counts as an opening
 * quote before a word at a word boundary, or as a closing one after punctuation.
 */
const QUOTATION = /["“”«»„‟‹›‘]|[.,!?;:…]’|(?:^|[\s(\[—–-])'(?=[A-Za-z\u00C0-\u024F])|[.,!?;:]'/;

/**
 * Reporting verbs and phrases, English and the commonest French, as whole words: said, says, say, saying, told,
 * tells, tell, telling, claim(s/ed/ing), warn(s/ed/ing), according to, report(s/ed/ing), added, adds, insist(s/ed),
 * deny, denies, denied, confirm(s/ed), argue(s/d), stated, noted, notes, … (written as one pattern of stems: the
 * list of words cost the content script 1.1 KB of its 60).
 */
const CLAIM_WORDS = 'sa(?:id|ys?|ying)|told|tell(?:s|ing)?|claim(?:s|ed|ing)?|warn(?:s|ed|ing)?|according to|report(?:s|ed|ing)?'
  + '|add(?:ed|s)|insist(?:s|ed)?|den(?:y|ies|ied)|confirm(?:s|ed)?|argue[sd]?|stated|note[sd]|explain(?:ed|s)|announce[sd]'
  + '|acknowledge[sd]|admit(?:ted|s)|assert(?:ed|s)|allege[sd]|believe[sd]?|suggest(?:ed|s)|wr(?:ote|ites)|tweeted|declare[sd]'
  + '|predict(?:ed|s)|urge[sd]|ask(?:ed|s)|repl(?:ied|ies)|responded|recalled|revealed|conceded|maintain(?:ed|s)|contend(?:ed|s)'
  + '|cautioned|emphasi[zs]ed|stressed|pointed out|testified|vowed|promised|pledged|complained|accused|quot(?:ed|ing)'
  + '|in a statement|spokes(?:man|woman|person)|selon|a (?:déclaré|affirmé|indiqué|expliqué|annoncé|ajouté|précisé|souligné)|estime';

/**
 * Word edges over Latin letters and digits, not \p{L} with the u flag: a third of the cost on a
 * page's worth of text, and the words listed are all Latin-script.
 */
const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F';
const CLAIM_VERB = new RegExp(`(?<![${WORD_CHAR}])(?:${CLAIM_WORDS.replace(/ /g, '\\s+')})(?![${WORD_CHAR}])`, 'i');

export function hasQuotationMark(passage: string): boolean {
  return QUOTATION.test(passage);
}

export function hasClaimVerb(passage: string): boolean {
  return CLAIM_VERB.test(passage);
}

/** The paragraphs of `text` that hold a quotation mark or a claim verb, in text order. */
export function findCandidatePassages(text: string, paragraphs: ParagraphRange[]): ParagraphRange[] {
  return paragraphs.filter(({ start, end }) => {
    const passage = text.slice(start, end);
    return hasQuotationMark(passage) || hasClaimVerb(passage);
  });
}
