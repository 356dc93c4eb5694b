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

/** Reporting verbs and phrases, English and the commonest French, as whole words. */
const CLAIM_WORDS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling',
  'claim', 'claims', 'claimed', 'claiming', 'warn', 'warns', 'warned', 'warning',
  'according to', 'report', 'reports', 'reported', 'reporting', 'added', 'adds',
  'insist', 'insists', 'insisted', 'deny', 'denies', 'denied', 'confirm', 'confirms', 'confirmed',
  'argue', 'argues', 'argued', 'stated', 'noted', 'notes', 'explained', 'explains', 'announced', 'announces',
  'acknowledged', 'acknowledges', 'admitted', 'admits', 'asserted', 'asserts', 'alleged', 'alleges',
  'believe', 'believes', 'believed', 'suggested', 'suggests', 'wrote', 'writes', 'tweeted',
  'declared', 'declares', 'predicted', 'predicts', 'urged', 'urges', 'asked', 'asks', 'replied', 'replies',
  'responded', 'recalled', 'revealed', 'conceded', 'maintained', 'maintains', 'contended', 'contends',
  'cautioned', 'emphasized', 'emphasised', 'stressed', 'pointed out', 'testified', 'vowed', 'promised',
  'pledged', 'complained', 'accused', 'quoted', 'quoting', 'in a statement',
  'spokesman', 'spokeswoman', 'spokesperson',
  'selon', 'a déclaré', 'a affirmé', 'a indiqué', 'a expliqué', 'a annoncé', 'a ajouté', 'a précisé', 'a souligné', 'estime',
];

/**
 * Word edges over Latin letters and digits, not \p{L} with the u flag: a third of the cost on a
 * page's worth of text, and the words listed are all Latin-script.
 */
const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F';
const CLAIM_VERB = new RegExp(`(?<![${WORD_CHAR}])(?:${CLAIM_WORDS.join('|').replace(/ /g, '\\s+')})(?![${WORD_CHAR}])`, 'i');

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
