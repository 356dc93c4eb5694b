/**
 * The speaker's own certainty about the main claim of their words (FactBank's source-relative factuality):
 * high = stated as fact (plain statements and denials included), medium = probable ("I think", "likely",
 * "expects to"), low = possible or uncommitted ("may", "could", "can't confirm", a genuine question, a claim
 * only under a condition).
 *
 * A hedge counts only where it governs the claim:
 *   - each sentence of the content is rated on its main clause: words in a relative or adverbial clause ("who
 *     could leak details", "if the money came back"), in a report nested inside the content ("Sondland said he
 *     had relayed that aid might be freed"), or inside a quotation the speaker quotes ("heard Trump ask, ‘So
 *     he's going to …?’") hedge a detail, not the claim; a condition opening the sentence ("If elected, …")
 *     governs it;
 *   - a content of several sentences is rated on what most of them assert, the first sentence counting as two;
 *     sentences rated otherwise are named in `differs`;
 *   - a negation is no doubt ("did not know much about", "did not sound confident"): only the words that say
 *     the speaker does not know are ("we don't know whether", "I'm not sure", "can't confirm", "unclear");
 *   - the reporter's words are framing, not the speaker's certainty: the cue's framing ("claimed",
 *     "reportedly") and "allegedly"/"reportedly" outside quotation marks move nothing;
 *   - no evidence means stated as fact: every medium or low label carries the speaker's words that made it.
 * Measured on the labels of the shared pages and the labelled PolNeAR sets: `npm run eval:certainty`.
 * Small regular expressions over the spans: no tagger, microseconds.
 */
import type { Attribution, Certainty } from '../../../shared/attribution';
import { cueWords, lemmatize, nounClass } from '../../lexicon';

/** A flat statement with no signal: high, as a reader judges "there's no proof of death". */
const FLAT = 0.75;
/** A content that states no claim, only a topic: medium, as the labelled sets have it. */
const TOPIC = 0.55;
const LOW_BELOW = 0.42;
const HIGH_FROM = 0.65;

const STRONG_HEDGE = -0.4;
const MODERATE_HEDGE = -0.2;
const BOOSTER = 0.15;
/**
 * The first sentence's weight in the vote between sentences: it states the quotation's main claim, so it counts as two
 * (it outvotes one other sentence; against two that agree it ties, and a tie goes to the more hedged). Round 22, from
 * 1.5: PolNeAR train's labelled odd items (where rules are read) 0.752 → 0.757, the even ones (the check) 0.710 → 0.725,
 * dev 0.751 → 0.759; 2.5 the same, 3 less.
 */
const FIRST_SENTENCE_WEIGHT = 2;

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
  /** Where in its sentence the signal's words start, for the words it reads in a sentence. */
  at?: number;
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

/**
 * Blanks the words of someone else the speaker quotes: a single-quoted passage of three words or more inside
 * the content (“I heard him ask, ‘So he's going to do it?’”), and what follows "quote," — keeping offsets.
 */
function maskQuotedWithin(text: string): string {
  const blank = (whole: string) => whole.replace(/[^\s]/g, ' ');
  return text
    .replace(/(^|[\s(—–-])‘([^‘’]*(?:’\p{L}[^‘’]*)*)’(?=$|[\s,.;:!?)—–-])/gu, (whole, lead: string, inner: string) =>
      inner.trim().split(/\s+/).length >= 3 ? lead + blank(whole.slice(lead.length)) : whole)
    .replace(/\bquote,?\s+([\s\S]*)$/i, (whole) => whole.slice(0, 6) + blank(whole.slice(6)));
}

/**
 * The content's sentences: cut after ". ! ?" (and closing marks) before a capital, a digit or an opening mark,
 * not after a title or an initial ("Mr. Trump", "U.S. aid"); also at a semicolon, where another point begins.
 */
function sentencesOf(text: string): string[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(/;(?=\s)/gu)) cuts.push(match.index! + 1);
  for (const match of text.matchAll(/[.!?…]+["”’'»)]*(?=\s+["“‘'«(]?[\p{Lu}\d])/gu)) {
    const before = text.slice(0, match.index);
    const lastWord = (/(\S+)$/.exec(before)?.[1] ?? '').replace(/^["“‘(]+/, '');
    if (match[0].startsWith('.') && (/^\p{Lu}\p{L}{0,2}$/u.test(lastWord) || /^(?:\p{L}\.)+\p{L}$/u.test(lastWord))) continue;
    cuts.push(match.index! + match[0].length);
  }
  const sentences: string[] = [];
  let start = 0;
  for (const cut of [...cuts.sort((a, b) => a - b), text.length]) {
    const sentence = text.slice(start, cut).trim();
    if (/\p{L}/u.test(sentence)) sentences.push(sentence);
    start = cut;
  }
  return sentences;
}

/**
 * Sentences of a content made of several spans ("“A,” she said, “B.”"): a span that opens with a capital (after
 * its quotation mark) starts a sentence; one that opens in lower case goes on with the sentence before it.
 */
function sentencesOfSpans(spans: string[]): string[] {
  const groups: string[] = [];
  for (const span of spans) {
    if (groups.length && !/^\W*\p{Lu}/u.test(span)) groups[groups.length - 1] += ` ${span}`;
    else groups.push(span);
  }
  return groups.flatMap(sentencesOf);
}

/** Words that open a clause of a detail: what they govern is not the claim. */
const SUBORDINATORS = new Set(['if', 'unless', 'whether', 'because', 'although', 'though', 'while', 'when', 'whenever', 'since', 'until', 'whereas', 'where', 'wherein', 'whereby', 'who', 'which', 'whom', 'whose', 'than', 'once']);
/** Verbs of thinking: "that" after them opens the very claim they hedge. */
const COGNITION = new Set(['think', 'believe', 'feel', 'guess', 'suspect', 'suppose', 'expect', 'hope', 'reckon', 'imagine', 'assume', 'fear', 'doubt', 'figure', 'know', 'sure', 'certain', 'clear', 'possible', 'likely', 'unlikely', 'probable']);
/** Words after which a reporting form is a noun ("the claims are", "past claims of"), not a verb. */
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'this', 'that', 'some', 'many', 'such', 'past', 'new', 'false', 'any', 'no', 'of', 'all', 'whose']);
/** "The theory is that …": a "that" after a form of be opens the claim, not a relative clause. */
const BE_FORMS = new Set(['is', 'was', 'are', 'were', "'s", 'be', 'been']);
/** Finite forms of verbs of saying: what follows is another report, nested in the speaker's words. */
const REPORTING_FORMS = new Set([
  'said', 'says', 'told', 'tells', 'asked', 'asks', 'ask', 'testified', 'relayed', 'reported', 'wrote', 'writes', 'announced',
  'added', 'explained', 'claimed', 'claims', 'insisted', 'warned', 'replied', 'answered', 'stated', 'tweeted', 'wondered',
  'responded', 'argued', 'declared', 'promised', 'admitted', 'denied', 'suggested', 'predicted', 'shouted', 'yelled',
]);
/** "If you look at", "if we consider": the opening of a relevance "if". */
const RELEVANCE_IF = /^\s+(?:you|we|one)\s+(?:look|consider|think|ask|compare|take|remember|recall|listen|go back)\b/i;
/**
 * "If you're just writing a song for someone else, it's wide open", "If one steps back …", "if you like your plan, you
 * can keep it": a condition on anyone at all, in the present, states what holds in general (the shared pages' and
 * PolNeAR's readers: 5 such openings, each high; a "you" addressed, "if you do end up endorsing", is no opening).
 */
const GENERIC_IF = /^\s+(?:you['’](?:re|ve)\b|(?:you|one)(?:\s+(?:just|really|only|ever|actually|simply))?\s+\p{Ll}+\b(?<!\bwill|\bwould|\bshould|\bcould|\bmight|\bmay|\bdid|\bwere|\bhad|ed))/iu;
/** Words before "if" that make it "whether" (a reported question) or no condition at all. */
const IF_NOT_CONDITION = new Set(['as', 'even', 'asked', 'ask', 'asking', 'wonder', 'wondered', 'see', 'know', 'whether']);

/** Subjects that may open a relative clause with no relative word ("the best thing you could do"). */
const CONTACT_SUBJECTS = new Set(['you', 'we', 'i', 'they']);
/** Pronouns that head a noun phrase by themselves ("Nothing we could do …"). */
const PRONOUN_HEADS = new Set(['nothing', 'everything', 'something', 'anything', 'all', 'one', 'someone', 'anyone', 'everyone']);
const TIME_NOUNS = new Set(['year', 'years', 'week', 'weeks', 'month', 'months', 'day', 'days', 'time', 'times', 'point', 'moment', 'night', 'morning', 'evening', 'afternoon', 'today', 'tomorrow', 'now', 'then', 'decade', 'season', 'term']);
const ARTICLES_AND_QUANTIFIERS = new Set(['the', 'a', 'an', 'no', 'any', 'every', 'each', 'some', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'our', 'my', 'your', 'its', 'only']);
const ADVERBIAL_PREPOSITIONS = new Set(['at', 'in', 'on', 'by', 'during', 'after', 'before', 'since', 'until', 'for', 'next', 'last']);

/**
 * Whether the word at `at` heads a noun phrase a contact relative clause can follow: a pronoun like "nothing", or a
 * noun (not one for a time) after an article or quantifier within three words, that phrase not the object of a
 * preposition of time or place ("At this point I might resign" is no relative clause).
 */
function headsANounPhrase(words: Word[], at: number, clauseBreak: (i: number) => boolean): boolean {
  const head = words[at].lower;
  if (PRONOUN_HEADS.has(head)) return true;
  if (TIME_NOUNS.has(head) || nounClass(head) === 'unknown' || COGNITION.has(lemmatize(head)) || REPORTING_FORMS.has(head)) return false;
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    if (clauseBreak(k + 1)) return false;
    if (ARTICLES_AND_QUANTIFIERS.has(words[k].lower)) return !ADVERBIAL_PREPOSITIONS.has(words[k - 1]?.lower ?? '');
  }
  return false;
}

/** Which words of a sentence stand in its main clause, and whether a condition opens it. */
function governedWords(text: string, words: Word[]): { governed: boolean[]; openingCondition: Word | null } {
  const governed = words.map(() => true);
  let subordinate = false;
  let nested = false;
  let openingCondition: Word | null = null;
  const clauseBreak = (i: number) => i > 0 && /[,;:—–()]/.test(text.slice(words[i - 1].end, words[i].start));
  const opensSentence = (i: number) => i === 0 || (i === 1 && /^(?:but|and|so|yet|or)$/.test(words[0].lower));
  words.forEach((word, i) => {
    if (clauseBreak(i)) subordinate = false;
    const { lower } = word;
    const previous = words[i - 1]?.lower ?? '';
    if ((lower === 'if' || lower === 'unless') && opensSentence(i)) {
      // "If you look at the numbers, …" points the listener somewhere; it puts no condition on the claim.
      const after = text.slice(word.end);
      // A generic condition states a general truth only with a main clause in the present ("…, it's wide open"); with
      // "will" or "would" it is a condition on the claim ("If you win, you will be the nominee").
      const generic = GENERIC_IF.test(after.slice(0, 40)) && !/\b(?:will|would|won['’]t|wouldn['’]t|shall)\b|\b\p{L}+['’](?:ll|d)\b/iu.test(after);
      if (!RELEVANCE_IF.test(after.slice(0, 40)) && !generic) openingCondition = word;
      subordinate = true;
    } else if (lower === 'as' && /^(?:even|just)$/.test(previous)) {
      subordinate = true;
    } else if (SUBORDINATORS.has(lower) && !(lower === 'if' && IF_NOT_CONDITION.has(previous)) && !(lower === 'once' && i > 0 && !clauseBreak(i))) {
      subordinate = true;
    } else if (lower === 'that' && i > 0 && !COGNITION.has(lemmatize(previous)) && !REPORTING_FORMS.has(previous) && !BE_FORMS.has(previous)) {
      // "that" after a noun opens a relative clause; after a verb of thinking, the claim itself.
      subordinate = true;
    } else if (CONTACT_SUBJECTS.has(lower) && MODALS.has(words[i + 1]?.lower ?? '') && i > 0 && !clauseBreak(i) && headsANounPhrase(words, i - 1, clauseBreak)) {
      // "the greatest president you could possibly imagine": a subject right after a noun opens a relative clause
      // with no "that" (PolNeAR read as pages, batch C's read part: Sanders's "No president … can take on" was low).
      subordinate = true;
    } else if (REPORTING_FORMS.has(lower) && i > 0 && !NOUN_BEFORE.has(previous) && !BE_FORMS.has(words[i + 1]?.lower ?? '')) {
      // A report inside the speaker's words ("Sondland said he had relayed …"): the speaker states that it was said.
      governed[i] = !subordinate && !nested;
      nested = true;
      return;
    }
    governed[i] = !subordinate && !nested;
  });
  return { governed, openingCondition };
}

const PLAIN_HEDGES: Record<string, number> = {
  possibly: STRONG_HEDGE, perhaps: STRONG_HEDGE, maybe: STRONG_HEDGE, unclear: STRONG_HEDGE, uncertain: STRONG_HEDGE,
  unverified: STRONG_HEDGE, unconfirmed: STRONG_HEDGE, speculation: STRONG_HEDGE, conceivably: STRONG_HEDGE,
  probably: MODERATE_HEDGE, likely: MODERATE_HEDGE, unlikely: MODERATE_HEDGE, apparently: MODERATE_HEDGE,
  presumably: MODERATE_HEDGE, seemingly: MODERATE_HEDGE, arguably: MODERATE_HEDGE,
  seem: MODERATE_HEDGE, seems: MODERATE_HEDGE, seemed: MODERATE_HEDGE, suggests: MODERATE_HEDGE,
};
/** The reporter's distance when outside quotation marks; the speaker's own hedge inside them. */
const DISTANCING = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly', 'rumored', 'rumoured']);
const BOOSTERS = new Set([
  'definitely', 'certainly', 'clearly', 'obviously', 'absolutely', 'undoubtedly', 'surely', 'undeniably',
  'indisputably', 'unquestionably', 'proven', 'proved', 'guaranteed',
]);
const MODALS = new Set(['may', 'might', 'could']);
const PERCEPTION = new Set(['see', 'hear', 'feel', 'sense', 'smell', 'taste', 'tell']);
/** "Some may say …", "critics might argue …": a view the speaker sets up to answer, not their doubt. */
const CONCEDED = /^(?:say|argue|think|object|disagree|claim)$/;
const CONCEDERS = /^(?:some|others|critics|people|many|skeptics|one)$/;
/** Words before "likely" that make it the speaker's hedge ("is likely", "most likely", "will likely"). */
/** A form of "make" and up to three words before an appearance verb: "makes it", "made the deal". */
const CAUSED_APPEARANCE = /\b(?:make|makes|made|making)\s+(?:[\p{L}'’-]+\s+){1,3}$/iu;
const LIKELY_AS_HEDGE_AFTER = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", 'very', 'most', 'more', 'quite', 'highly', 'less', 'will', 'would', 'also', 'still', 'probably', 'seems', 'appears', 'not']);
/** Words before "might" that make it the noun: "military might", "with all its might". */
const MIGHT_NOUN_BEFORE = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'military', 'economic', 'naval', 'industrial', 'financial', 'political', 'full', 'sheer', 'all', 'of', 'nuclear', 'american', 'russian', 'chinese', 'western', 'air', 'and']);
/** A verb of thinking after its subject ("I think", "he expects"), not "think of/about" (a topic). */
function beliefOf(subjects: string, verbs = BELIEF_VERBS): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${subjects}) (?:really |also |still |actually |truly |honestly |personally |genuinely |do not |don't |don’t |does not |doesn't |doesn’t |did not |didn't |didn’t |would |'d |’d )?(?:${verbs})\\b(?! (?:of|about|a lot|hard|long|twice|so|too)\\b)`, 'gu');
}
const BELIEF_VERBS = 'think|thinks|thought|believe|believes|believed|feel|feels|guess|guessed|suspect|suspects|suspected|suppose|supposed|expect|expects|expected|hope|hopes|hoped|reckon|imagine|imagined|assume|assumes|assumed|doubt|doubts|doubted';
/**
 * The speaker's own thinking hedges what they say now; "We thought only Trump was an insensitive guy", "what I thought I
 * knew about him" tell a belief held before, which the speaker states as fact (PolNeAR read as pages, the read sets:
 * readers gave all three such quotations high).
 */
const FIRST_PERSON_BELIEF_VERBS = BELIEF_VERBS.split('|').filter((verb) => !['thought', 'believed', 'assumed', 'supposed', 'imagined'].includes(verb)).join('|');
/**
 * In reported speech "he", "she" or "they" thinking is mostly the speaker's own belief ("Reed said he expects to
 * …"); inside a quotation it is someone else's, which the speaker states as fact ("he really believes that …").
 */
const THIRD_PERSON_BELIEF = beliefOf('[Hh]e|[Ss]he|[Tt]hey');
/** "Ortiz said he was not sure the vote would pass": in reported speech the speaker's own doubt, as "I'm not sure" is in their words. */
const THIRD_PERSON_UNSURE = /\b(?:he|she|they)(?:'s|’s|'re|’re| is| are| was| were)? (?:not|n't|n’t) (?:so |very |entirely |completely |100 percent )?(?:sure|certain|convinced)\b/giu;
/** Words a verb of thinking needs in the sentence before its pattern is worth running. */
const BELIEF_NEEDLES = ['think', 'thought', 'believ', 'feel', 'guess', 'suspect', 'suppos', 'expect', 'hope', 'reckon', 'imagin', 'assum', 'doubt'];
/**
 * [pattern, weight, needles]: a pattern runs only on a sentence holding one of its needles (lower case), which
 * every match must contain; most sentences hold none, and the patterns were most of the pass's time.
 */
const PHRASE_SIGNALS: Array<[RegExp, number, readonly string[]]> = [
  [/\bbeing (?:verified|checked|confirmed|investigated)\b/giu, STRONG_HEDGE, ['being']],
  [/\b(?:yet to be|could not be|cannot be|can't be|can’t be|has not been|have not been|hasn't been|hasn’t been|was not|wasn't|wasn’t|not been|not) (?:independently )?(?:confirmed|verified|determined)\b/giu, STRONG_HEDGE, ['confirmed', 'verified', 'determined']],
  [/\bno (?:official )?confirmation\b/giu, STRONG_HEDGE, ['confirmation']],
  [/\b(?:do not|don't|don’t|does not|doesn't|doesn’t|did not|didn't|didn’t|not|never|without)(?:\s+[^\s,;.]+){0,4}?\s+(?:confirmation|verification)\b/giu, STRONG_HEDGE, ['confirmation', 'verification']],
  [/\b(?:can't|can’t|cannot|could not|couldn't|couldn’t) (?:say|confirm|verify|tell|determine|rule out)\b/giu, STRONG_HEDGE, ["can't", 'can’t', 'cannot', 'could not', "couldn't", 'couldn’t']],
  [/\b(?:too early|hard|difficult|impossible) to (?:tell|say|know|predict|estimate|gauge|determine)\b/giu, STRONG_HEDGE, ['early', 'hard', 'difficult', 'impossible']],
  [/\bno (?:precise |clear |reliable |firm )?(?:estimate|idea)\b/giu, STRONG_HEDGE, ['estimate', 'idea']],
  [/\b(?:has|have|had) the potential to\b/giu, STRONG_HEDGE, ['potential']],
  [/\b(?:wants?|wanted|wanting) to know (?:whether|if|why|how|what|who|when|where)\b/giu, STRONG_HEDGE, ['know']],
  [/\b(?:less|unsure|not so) sure\b|\bunsure\b/giu, STRONG_HEDGE, ['sure']],
  [/\bno way of knowing\b/giu, STRONG_HEDGE, ['knowing']],
  [/\bit is possible\b|\bit's possible\b|\bit’s possible\b|\bpossible that\b|\b(?:is|was|'s|’s) (?:a|some|every) (?:real |strong |good |slight |small )?(?:possibility|chance)\b/giu, STRONG_HEDGE, ['possib', 'chance']],
  [/\b(?:is|was|it's|it’s|remains|remained) (?:not |still )?(?:clear|unclear|known|unknown)\b(?= (?:whether|if|what|how|who|when|where|why)\b)/giu, STRONG_HEDGE, ['clear', 'known']],
  [/\bnot (?:yet )?(?:clear|known)\b/giu, STRONG_HEDGE, ['clear', 'known']],
  [/(?<!\byou )\b(?:do not|don't|don’t|does not|doesn't|doesn’t|did not|didn't|didn’t|nobody|no one) (?:yet |really |even )?knows? (?:whether|if|what|how|who|when|where|why|exactly)\b/giu, STRONG_HEDGE, ['know']],
  [/\b(?:do not|don't|don’t|did not|didn't|didn’t|nobody|no one) (?:yet |really )?knows?(?=\s*[.!?,;”"]*\s*$)/giu, STRONG_HEDGE, ['know']],
  [/\b(?:i|we)(?:'m|’m| am|'re|’re| are| was| were)? (?:not|n't|n’t) (?:so |very |entirely |completely |100 percent )?(?:sure|certain|confident|convinced)\b/giu, STRONG_HEDGE, ['sure', 'certain', 'confident', 'convinced']],
  [/\bnot necessarily\b/giu, MODERATE_HEDGE, ['necessarily']],
  // "We'll see," Sanders said of an endorsement: the outcome is left open (PolNeAR read as pages, batch C's read part).
  [/\b(?:we'll|we’ll|we will|we shall)\s+(?:just\s+|have to\s+)?see\b(?=\s*(?:[,.;:!?”"'’)]|$|(?:if|whether|how|what|who|when)\b))|\btime will tell\b|\bremains to be seen\b/giu, STRONG_HEDGE, ['see', 'tell', 'seen']],
  [beliefOf('[Ii]|[Ww]e', FIRST_PERSON_BELIEF_VERBS), MODERATE_HEDGE, BELIEF_NEEDLES],
  // A finding put forward, as researchers write it ("We suggest that the outgassing occurs …", sciencealert-plumes);
  // "I suggest you leave" is advice, not a hedge, so only "that" opens the claim.
  [/\b(?:i|we) (?:would )?suggest(?:ed)? that\b/giu, MODERATE_HEDGE, ['suggest']],
  [/\b(?:is|are|was|were|be|been|being) (?:widely |generally |still )?(?:expected|believed|thought|projected|estimated|likely|unlikely) to\b/giu, MODERATE_HEDGE, ['expected', 'believed', 'thought', 'projected', 'estimated', 'likely']],
  [/\bexpects? to\b/giu, MODERATE_HEDGE, ['expect']],
  [/\bin (?:my|our) (?:view|opinion)\b/giu, MODERATE_HEDGE, ['view', 'opinion']],
  [/\b(?:it|that|this|there) (?:appears|appeared|seems|seemed)\b|\bappears? to\b|\bappeared to\b/giu, MODERATE_HEDGE, ['appear', 'seem']],
  // "It sounded like strong black women raised him": the hedge needs what it hedges after it; "what our politics has
  // looked like," is how something looked (PolNeAR read as pages, batch C's read part: Jacobs's statement was medium).
  [/\b(?:sounds?|sounded|looks?|looked) like\b(?=\s+[^\s,.;:!?”"’)])/giu, MODERATE_HEDGE, [' like']],
  // "sort of true", not "some sort of levy" or "the sort of change": after a determiner it names a kind ("a sort of
  // truce" stays a hedge). PolNeAR train, unlabelled: 9 labels moved, 8 read right, 1 unclear.
  [/(?<!\b(?:the|some|any|this|that|these|those|what|which|every|no|one|same|other|another|all)\s+)\bsort of\b|\bkind of like\b/giu, MODERATE_HEDGE, ['sort of', 'kind of']],
  [/\bof course\b|\bno doubt\b|\bwithout (?:a )?doubt\b|\bthere is no question\b|\bmake no mistake\b|\bthe fact is\b|\bthe truth is\b|\bin fact\b/giu, BOOSTER, ['course', 'doubt', 'question', 'mistake', 'fact', 'truth']],
  [/\b(?:i|we) know\b|\b(?:i am|i'm|i’m|we are|we're|we’re) (?:sure|certain|confident|convinced)\b|\b100 percent\b|\b100%/giu, BOOSTER, ['know', 'sure', 'certain', 'confident', 'convinced', '100']],
];

/** Questions that argue rather than ask: they assert what they imply ("Do we really feel confident …?": we do not). */
const RHETORICAL = /^\W*(?:why (?:would|wouldn't|wouldn’t|should|shouldn't|shouldn’t)|how (?:can|could|dare)|who (?:would|wouldn't|wouldn’t|could|cares)|what (?:kind|sort) of|(?:do|does|did|can|could|should|would|will|is|are) (?:we|you|they|i|he|she|it|anyone|anybody) really\b|(?:isn't|isn’t|aren't|aren’t|wasn't|wasn’t|weren't|weren’t|doesn't|doesn’t|don't|don’t|didn't|didn’t|can't|can’t|won't|won’t|shouldn't|shouldn’t|wouldn't|wouldn’t)\b|is there any)/i;

/** The speaker's own words for a question, short enough to show. */
function questionEvidence(sentence: string): string {
  const bare = sentence.replace(/^[\s"“‘'«(]+|[\s"”’'»)]+$/g, '');
  return bare.length <= 60 ? bare : `…${bare.slice(-58)}`;
}

/**
 * "… stealing items from another person, possibly shoes": a hedge opening a phrase with no verb after a comma or
 * dash doubts that detail, not the claim ("The plan, probably, will fail" still hedges: nothing follows it there).
 * Round 9, from the second batch's sfgate-stabbing; PolNeAR train's unlabelled attributions: 5 labels moved, all
 * read right.
 */
function hedgesADetail(text: string, word: Word): boolean {
  if (!/[,—–]\s*$/.test(text.slice(0, word.start))) return false;
  const phrase = text.slice(word.end).split(/[,;:—–()]|[.!?](?:\s|$)/)[0];
  // "Well, maybe so", "perhaps not": the word after the hedge stands for a whole clause.
  if (/^\s*(?:so|not)\b/i.test(phrase)) return false;
  return /\p{L}/u.test(phrase) && !VERBISH.test(phrase);
}

/**
 * "he expects Obama, Abe, and Park to “clearly demonstrate their unity”": a booster after a hedge in its sentence
 * stands in what the hedge governs (the manner of what is expected, not the speaker's commitment), so it cannot
 * undo the hedge. PolNeAR read as pages, batch C's read part: Kritenbrink's "expects" rated high for a "clearly".
 */
function boostersUnderAHedge(signals: Signal[], text: string): void {
  const firstHedge = Math.min(...signals.filter((signal) => signal.weight < 0 && signal.at !== undefined).map((signal) => signal.at!));
  // A clause of its own after the hedge ("It seems clear …, and we certainly will not …") is not under it.
  const underIt = (at: number) => at > firstHedge && !/[;—–]|,\s*(?:and|but|or|so|yet)\s+(?:we|i|he|she|they|it|you|this|that|there)\b/i.test(text.slice(firstHedge, at));
  for (let k = signals.length - 1; k >= 0; k--) if (signals[k].weight > 0 && signals[k].at !== undefined && underIt(signals[k].at!)) signals.splice(k, 1);
}

/** Signals governing the claim of one sentence (titles and quoted words already masked). */
function sentenceSignals(text: string, quoted: boolean): Signal[] {
  const words = wordsOf(text);
  if (!words.length) return [];
  const { governed, openingCondition } = governedWords(text, words);
  const governsAt = (offset: number) => {
    const at = words.findIndex((w) => w.start <= offset && offset < w.end);
    return at >= 0 && governed[at];
  };
  const signals: Signal[] = [];
  const taken = new Set<number>();
  const patterns = quoted ? PHRASE_SIGNALS : [...PHRASE_SIGNALS, [THIRD_PERSON_BELIEF, MODERATE_HEDGE, BELIEF_NEEDLES] as const,
    [THIRD_PERSON_UNSURE, STRONG_HEDGE, ['sure', 'certain', 'convinced']] as const];
  const lower = text.toLowerCase();
  for (const [pattern, weight, needles] of patterns) {
    if (!needles.some((needle) => lower.includes(needle))) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      // The first pattern to claim words keeps them: "don't have a 100 percent confirmation" is no "100 percent".
      if (!governsAt(start) || taken.has(start) || taken.has(start + match[0].length - 1)) continue;
      signals.push({ weight, evidence: match[0], at: start });
      for (let k = start; k < start + match[0].length; k++) taken.add(k);
    }
  }
  words.forEach((word, i) => {
    if (!governed[i] || taken.has(word.start)) return;
    const { lower } = word;
    if (MODALS.has(lower)) {
      if (lower === 'may' && word.text === 'May' && i > 0) return; // the month, mid-sentence ("a May 28 airstrike")
      if (lower === 'may' && /^\d/.test(words[i + 1]?.text ?? '')) return; // "May 28"
      if (lower === 'might' && (i + 1 >= words.length || MIGHT_NOUN_BEFORE.has(words[i - 1]?.lower ?? '') || /^[,.;:!?)]/.test(text.slice(word.end).trimStart()))) return;
      if (lower === 'could' && (words[i + 1]?.lower === 'not' || words[i + 1]?.lower === "n't")) return; // "could not attend": a flat past
      if (lower === 'could' && PERCEPTION.has(words[i + 1]?.lower ?? '')) return; // "I could see his love": what was perceived
      if (words[i + 1]?.lower === 'to' || /^\s*[,.;:!?)]/.test(text.slice(word.end))) return; // no verb of its own: "did all they could to help"
      if (CONCEDED.test(words[i + 1]?.lower ?? '') && CONCEDERS.test(words[i - 1]?.lower ?? '')) return; // concessive: "Some may say …"
      if (lower === 'could' && /^[^.;!?]*,\s*but\b/i.test(text.slice(word.end))) return; // concessive: "You could …, but"
      signals.push({ weight: STRONG_HEDGE, evidence: word.text, at: word.start });
    } else if (lower === 'likely' && words[i + 1]?.lower !== 'to' && !LIKELY_AS_HEDGE_AFTER.has(words[i - 1]?.lower ?? '')) {
      // "likely voters", "a likely candidate": an adjective of the noun, not the speaker's hedge.
    } else if (lower in PLAIN_HEDGES) {
      if (hedgesADetail(text, word)) return;
      signals.push({ weight: PLAIN_HEDGES[lower], evidence: word.text, at: word.start });
    } else if (DISTANCING.has(lower) && quoted) {
      signals.push({ weight: STRONG_HEDGE, evidence: word.text, at: word.start });
    } else if (BOOSTERS.has(lower)) {
      signals.push({ weight: BOOSTER, evidence: word.text, at: word.start });
    }
  });
  boostersUnderAHedge(signals, text);
  // "the timing of Biden's remark makes it seem particularly insensitive", "made it look as if": an appearance that
  // something makes is what the speaker asserts, not a hedge (PolNeAR read as pages, batch C; thehill-meth: both high).
  for (let k = signals.length - 1; k >= 0; k--) {
    const at = signals[k].at;
    if (at !== undefined && /^(?:seem|look|appear|sound)/i.test(signals[k].evidence) && CAUSED_APPEARANCE.test(text.slice(Math.max(0, at - 40), at))) signals.splice(k, 1);
  }
  if (openingCondition) {
    const clause = text.slice((openingCondition as Word).start).split(/[,;:—–]/)[0].trim();
    signals.push({ weight: STRONG_HEDGE, evidence: clause.length <= 60 ? clause : `${clause.slice(0, 57)}…` });
  }
  const isQuestion = /\?\W*$/.test(text);
  // A question that argues asserts its answer: the doubt in its words ("Do we really feel …?") is put on, not held.
  if (isQuestion && RHETORICAL.test(text)) return signals.filter((signal) => signal.weight > 0);
  if (isQuestion && governed[governed.length - 1]) signals.push({ weight: STRONG_HEDGE, evidence: questionEvidence(text) });
  return signals;
}

/** Cues that say nothing is claimed, only talked about. */
const TOPIC_CUES = new Set(['discuss', 'talk about', 'speak about', 'speak of', 'talk', 'address', 'mention', 'ask about', 'comment on', 'focus on', 'refer to', 'question about', 'write about', 'speak', 'comment', 'think about', 'respond to', 'reference']);
/** Verbs of talking about: anywhere in the cue ("went on to discuss") they make a verbless content a topic. */
const TOPIC_VERBS = new Set(['discuss', 'talk', 'speak', 'mention', 'address', 'comment']);
/** Communication cues that, with a bare noun-phrase content, name what was said about, not a claim ("noted the comments", "wrote his book"). */
const COMMUNICATION_CUES = new Set(['write', 'note', 'explain', 'repeat', 'mention', 'ask', 'raise', 'bring', 'tweet', 'post', 'answer', 'recall', 'remark', 'express', 'question', 'bristle', 'reference', 'go', 'cite', 'describe', 'detail', 'outline', 'release', 'publish']);
export const VERBISH = /\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did|not|n't|that|whether|to)\b|n['’]t\b|\b(?:there|it|that|he|she|what|who|this|here|where)['’]s\b|['’](?:re|ve|ll|d|m)\b|\b\p{L}{3,}ed\b|\b(?:i|we|he|she|they|you)\s+\p{L}/iu;

/**
 * A content that names only what was talked about ("spoke about the economy", "noted the comments"): no claim,
 * so no certainty of one; the labelled sets call it medium, with the cue as what shows it.
 */
function isTopicOnly(content: string, lemma: string, cueText: string): boolean {
  if (/[“"]/.test(content)) return false;
  if (ABOUT.test(cueText)) return true;
  if (VERBISH.test(content) || /\bas\b/i.test(content)) return false;
  if (TOPIC_CUES.has(lemma)) return true;
  const words = content.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length <= 8 && (COMMUNICATION_CUES.has(lemma.split(' ')[0]) || cueWords(cueText).some((word) => TOPIC_VERBS.has(lemmatize(word))));
}

/**
 * "spoke about | the need for Americans to recognize …", "statements about | how he would tackle …": what follows
 * "about" is what was talked about, whatever verbs it holds (PolNeAR train's odd items: 5 of 5 medium).
 */
const ABOUT = /\b(?:about|regarding|concerning)\W*$/i;

/** Cues of wanting: the content is what is wished for. */
const DESIRE_CUES = new Set(['hope', 'wish', 'want', 'pray', 'dream', 'cling to the hope', 'in the hope', 'hope for']);

/**
 * Hedges written into the cue itself ("could represent", "may think of", "is unlikely to tell", "appeared"): they
 * govern the whole content. The reporter's distancing adverbs in a cue ("reportedly") are framing, not these.
 */
function cueWordSignals(cueText: string): Signal[] {
  const words = cueText.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  if (words.some((word) => MODALS.has(word) || STRONG_CUE_HEDGES.has(word))) return [{ weight: STRONG_HEDGE, evidence: cueText }];
  if (words.some((word) => MODERATE_CUE_HEDGES.has(word))) return [{ weight: MODERATE_HEDGE, evidence: cueText }];
  return [];
}
const STRONG_CUE_HEDGES = new Set(['possibly', 'perhaps', 'maybe', 'unsure', 'uncertain', 'unclear']);
const MODERATE_CUE_HEDGES = new Set(['likely', 'unlikely', 'probably', 'appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'apparently', 'apparent']);

/** Sentences grouped where the second opens a contrast ("… . But …"): a group is rated as one. */
function contrastGroups(sentences: string[]): string[][] {
  const groups: string[][] = [];
  for (const sentence of sentences) {
    const parts = sentence.split(/,\s+(?=but\s)/u);
    if (groups.length && /^\W*but\b/iu.test(sentence)) groups[groups.length - 1].push(...parts);
    else groups.push(parts);
  }
  return groups;
}

const BELIEF_CUES = new Set(['think', 'believe', 'expect', 'hope', 'feel', 'fear', 'worry', 'estimate', 'suspect', 'guess', 'predict', 'project', 'anticipate', 'doubt', 'imagine', 'assume', 'reckon', 'suppose', 'suggest', 'speculate', 'hint', 'imply', 'posit', 'theorize', 'muse', 'float']);
const QUESTION_CUES = new Set(['ask', 'wonder', 'question', 'inquire', 'ask about']);
/** A question the cue reports: "asked whether …", "wondered why …". */
const ASKED = /^\W*(?:whether|if|why|how|what|who|when|where|which)\b/i;

export function labelOf(score: number): Certainty['label'] {
  return score < LOW_BELOW ? 'low' : score < HIGH_FROM ? 'medium' : 'high';
}

const clamp = (score: number) => Math.min(0.98, Math.max(0.02, score));

interface RatedSentence { index: number; score: number; signals: Signal[]; claimless: boolean }

/**
 * "Oh, no.", "Wow, folks.": a short sentence with no verb asserts nothing, so it has no vote while another sentence
 * of the content asserts something (nj-meth's "Oh, no. It seems like …" was rated on its "Oh, no.").
 */
function assertsNothing(sentence: string): boolean {
  return !/\?\W*$/.test(sentence) && !VERBISH.test(sentence) && sentence.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length <= 3;
}

/** The score most of the sentences that assert something give, the first of them weighing FIRST_SENTENCE_WEIGHT. */
function sentenceVote(all: RatedSentence[]): number {
  const asserting = all.filter((sentence) => !sentence.claimless);
  const rated = asserting.length ? asserting : all;
  const weighted = rated.map((sentence, k) => ({ score: sentence.score, weight: k === 0 ? FIRST_SENTENCE_WEIGHT : 1 }));
  const total = weighted.reduce((sum, sentence) => sum + sentence.weight, 0);
  let cumulative = 0;
  for (const sentence of [...weighted].sort((a, b) => a.score - b.score)) {
    cumulative += sentence.weight;
    if (cumulative >= total / 2) return sentence.score;
  }
  return FLAT;
}

/** What the rules read in one attribution: their certainty, and the facts the learned model weighs beside it. */
export interface RuleReading {
  certainty: Certainty;
  /** The content names only what was talked about. */
  topic: boolean;
  desire: boolean;
  belief: boolean;
  /** The cue reports a question ("asked whether …"). */
  asked: boolean;
  /** Hedges and boosters that govern the claim in the sentences that carry the vote, and the cue's own. */
  strong: number;
  moderate: number;
  boosters: number;
  /** Sentences rated otherwise than the vote. */
  differing: number;
  /** Words of the content, titles and someone else's quoted words masked. */
  text: string;
}

/** The rules' reading of one attribution, given its cue lemma. */
export function ruleReading(attribution: Attribution, lemma: string): RuleReading {
  const cueText = attribution.cue?.text ?? '';
  const quoted = attribution.kind === 'direct';
  const text = maskQuotedWithin(attribution.contents.map((span) => maskTitles(span.text)).join(' '));
  const groups = contrastGroups(sentencesOfSpans(attribution.contents.map((span) => maskQuotedWithin(maskTitles(span.text)))));
  const asks = (parts: string[] | undefined) => !!parts && /\?\W*$/.test(parts[parts.length - 1]);
  const rated: RatedSentence[] = groups
    .map((parts, index) => {
      // Of two points in contrast ("I guess you never say never, but the gap is awfully large"), the speaker
      // commits at least to the plainer one: the group is rated on it.
      const rates = parts.map((part) => {
        const signals = sentenceSignals(part, quoted || /^["“]/.test(part));
        return { signals, score: clamp(FLAT + signals.reduce((sum, signal) => sum + signal.weight, 0)) };
      });
      const best = rates.reduce((a, b) => (b.score > a.score ? b : a));
      // "How big is that wall going to be? As big as it needs to be.": a question the speaker answers at once asks
      // nothing of the listener; the answer is what they commit to, so the question has no vote.
      const answered = asks(parts) && index + 1 < groups.length && !asks(groups[index + 1]);
      // …and the answer votes, however short ("Will taxes rise? Yes.", "Can we win? Possibly.").
      const answers = index > 0 && asks(groups[index - 1]) && !asks(parts);
      return { index, signals: best.signals, score: best.score, claimless: (parts.every(assertsNothing) && !answers) || answered };
    });
  const cueSignals: Signal[] = [];
  const base = {
    topic: false, desire: false, belief: false, asked: false, strong: 0, moderate: 0, boosters: 0, differing: 0, text,
  };
  if (attribution.cue && isTopicOnly(text, lemma, cueText)) {
    return { ...base, topic: true, certainty: { label: labelOf(TOPIC), score: TOPIC, evidence: [cueText], basis: 'topic' } };
  }
  if (attribution.cue && DESIRE_CUES.has(lemma)) {
    // What is hoped for is no claim: its modals ("hope that the sides could settle") are the wish's, not doubt.
    return { ...base, desire: true, certainty: { label: labelOf(FLAT + MODERATE_HEDGE), score: FLAT + MODERATE_HEDGE, evidence: [cueText], basis: 'wish' } };
  }
  if (attribution.cue && BELIEF_CUES.has(lemma)) cueSignals.push({ weight: MODERATE_HEDGE, evidence: cueText });
  else if (attribution.cue) cueSignals.push(...cueWordSignals(cueText));
  if (attribution.cue && QUESTION_CUES.has(lemma) && ASKED.test(text)) cueSignals.push({ weight: STRONG_HEDGE, evidence: `${cueText} ${text.trim().split(/\s+/)[0]}` });
  const voted = rated.length ? sentenceVote(rated) : FLAT;
  const score = clamp(voted + cueSignals.reduce((sum, signal) => sum + signal.weight, 0));
  const label = labelOf(score);
  const agreeing = rated.filter((sentence) => labelOf(sentence.score) === labelOf(voted));
  const evidence = [...new Set([...agreeing.flatMap((sentence) => sentence.signals), ...cueSignals]
    .filter((signal) => (label === 'high' ? signal.weight > 0 : signal.weight < 0))
    .map((signal) => signal.evidence))];
  const certainty: Certainty = { label, score: Number(score.toFixed(3)), evidence };
  if (rated.length > 1) {
    const differs = rated
      .filter((sentence) => !sentence.claimless && labelOf(sentence.score) !== labelOf(voted))
      .map((sentence) => `sentence ${sentence.index + 1} ${labelOf(sentence.score) === 'high' ? 'plain' : 'hedged'}${sentence.signals.some((s) => s.weight < 0) ? `: ${sentence.signals.filter((s) => s.weight < 0).map((s) => s.evidence).join(', ')}` : ''}`);
    if (differs.length) certainty.differs = differs;
  }
  const counted = [...agreeing.flatMap((sentence) => sentence.signals), ...cueSignals];
  return {
    ...base,
    certainty,
    belief: Boolean(attribution.cue && BELIEF_CUES.has(lemma)),
    asked: cueSignals.some((signal) => signal.weight === STRONG_HEDGE && QUESTION_CUES.has(lemma)),
    strong: counted.filter((signal) => signal.weight === STRONG_HEDGE).length,
    moderate: counted.filter((signal) => signal.weight === MODERATE_HEDGE).length,
    boosters: counted.filter((signal) => signal.weight > 0).length,
    differing: certainty.differs?.length ?? 0,
  };
}

/** Certainty of one attribution, given its cue lemma. */
export function certaintyOf(attribution: Attribution, lemma: string): Certainty {
  return ruleReading(attribution, lemma).certainty;
}
