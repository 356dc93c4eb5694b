/**
 * A cheap index of the article text for resolving speakers: paragraph numbers, sentence bounds, the
 * quoted content spans, and people named outside any attribution ("Donald Trump's campaign …"), found
 * with one regex over capitalised sequences rather than a tagging pass.
 */
import type { Attribution } from '../../../shared/attribution';
import { COURTESY, DEMONYMS, PLACES, isOrgHead, ROLE_NOUNS, TITLES, firstNameGender, isFirstName, type Gender } from '../../lexicon';
import { nounClass } from '../../lexicon';

export interface NameMention {
  start: number;
  end: number;
  /** As written, honorific dropped: "Donald Trump", "Clarke". */
  name: string;
  gender?: Gender;
  /** Inside the content of an attribution (a quotation or reported speech). */
  inContent: boolean;
  /** Inside quotation marks: someone's own words, not the reporter's (a reported clause's names are the reporter's). */
  inQuotation: boolean;
}

/** Whether `at`, inside `attribution`'s content, stands between quotation marks of it (a direct quotation's words all do). */
function insideQuotationMarks(text: string, attribution: Attribution | undefined, at: number): boolean {
  if (!attribution) return false;
  if (attribution.kind === 'direct') return true;
  const span = attribution.contents.find((content) => content.start <= at && at < content.end);
  if (!span) return false;
  const before = text.slice(span.start, at);
  const curly = (before.match(/[“«]/g) ?? []).length - (before.match(/[”»]/g) ?? []).length;
  const straight = (before.match(/"|''/g) ?? []).length % 2;
  return curly > 0 || straight === 1;
}

export interface TextIndex {
  text: string;
  paragraphOf(position: number): number;
  /** Where paragraph number `paragraph` starts (0 for a number below the first). */
  paragraphStart(paragraph: number): number;
  sentenceAround(position: number): string;
  /** The attribution whose content covers this position. */
  enclosing(position: number): Attribution | undefined;
  names: NameMention[];
}

const NAME_SEQUENCE = /\b(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Adm|Prof|Rev)\.?\s+)?([A-Z][a-zà-ÿ'’-]+[A-Za-zà-ÿ'’-]*(?:\s+(?:[A-Z]\.\s+)?(?:(?:al-|el-)?[A-Z][A-Za-zà-ÿ'’-]+)){0,5})/g;
const SENTENCE_END = /[.!?]["”’]?\s|\n/g;

/** Function words that open a capitalised run before a name ("Then Donald Trump", "When Hillary Clinton"). */
export const NOT_NAME_PARTS = new Set(['then', 'now', 'when', 'while', 'but', 'and', 'as', 'after', 'before', 'if', 'so', 'also', 'former', 'late', 'new', 'says', 'said', 'asked', 'told', 'meanwhile', 'still', 'yet', 'since', 'because', 'though', 'although', 'where', 'how', 'why', 'what', 'who', 'on', 'in', 'at', 'for', 'with', 'by', 'of', 'to', 'from', 'the', 'a', 'an', 'this', 'that', 'dear', 'hi', 'hello', 'thanks', 'yes', 'no', 'oh', 'against', 'just', 'only', 'even', 'among', 'between', 'without', 'within', 'through', 'toward', 'towards', 'upon', 'via', 'despite', 'later', 'earlier', 'or']);

/**
 * A capitalised word before a first name that is part of the name: no function word, title or role, and a word
 * the article never writes in lower case, or no English noun at all ("Te Kaurinui Robert Parata").
 */
function isNamePart(word: string, lowerCaseWords: Set<string>): boolean {
  const lower = word.toLowerCase();
  // A gerund ("Electing Obama …"), an acronym ("SEAL Chris Kyle") or a compound with a word in lower case inside
  // ("Editor-in-Chief Martin Baron") is no part of a name (PolNeAR train, round 16).
  if (/ing$/.test(lower) || /^\p{Lu}{2,}$/u.test(word) || /-\p{Ll}/u.test(word)) return false;
  if (NOT_NAME_PARTS.has(lower) || TITLES.has(lower) || ROLE_NOUNS.has(lower) || PLACES.has(lower) || DEMONYMS.has(lower)) return false;
  return !lowerCaseWords.has(lower) && (nounClass(lower) !== 'agent');
}

export function indexText(text: string, attributions: Attribution[]): TextIndex {
  const paragraphStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i + 1] !== '\n') paragraphStarts.push(i + 1);
  }
  const contents = attributions
    .flatMap((attribution) => attribution.contents.map((span) => ({ span, attribution })))
    .sort((a, b) => a.span.start - b.span.start);

  // The latest content (in start order) starting at or before `position` and ending after it. Read by binary search
  // and backwards, stopping where no earlier content ends after `position`: a scan from the first content cost
  // the whole article per name and per pronoun (bench's 1 MB text, 4,300 attributions: about 0.2 s).
  const latestEnd: number[] = [];
  for (const { span } of contents) latestEnd.push(Math.max(span.end, latestEnd[latestEnd.length - 1] ?? -Infinity));
  const enclosing = (position: number): Attribution | undefined => {
    let low = 0;
    let high = contents.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (contents[middle].span.start > position) high = middle;
      else low = middle + 1;
    }
    for (let k = low - 1; k >= 0 && latestEnd[k] > position; k--) {
      if (contents[k].span.end > position) return contents[k].attribution;
    }
    return undefined;
  };

  const names: NameMention[] = [];
  let lowerCase: Set<string> | null = null;
  const lowerCaseWords = (): Set<string> => (lowerCase ??= new Set(text.match(/\b\p{Ll}+\b/gu) ?? []));
  const sequences = [...text.matchAll(NAME_SEQUENCE)];
  // Surnames the article writes alone mid-sentence ("says Parata,"): a two-word name ending so is a name
  // even when its first name is no name we know ("his father, Hori Parata").
  // So is one right after a quotation handing on to it ("“We never gave up,” Hurts said").
  const aloneMidSentence = new Set(sequences
    .filter((match) => !match[1] && !/\s/.test(match[2]) && /(?:[\p{Ll},]|[,?!][”"’])\s+$/u.test(text.slice(Math.max(0, match.index! - 3), match.index!)))
    .map((match) => match[2].replace(/['’]s?$/, '')));
  for (const match of sequences) {
    const honorific = match[1]?.toLowerCase();
    // A possessive ends the name: "Rep. Alan Grayson’s Senate campaign" names Alan Grayson, not a body.
    const possessive = /['’]s?\s/.exec(match[2]);
    const written = possessive ? match[2].slice(0, possessive.index) : match[2];
    let words = written.replace(/['’]s?$/, '').split(/\s+/).filter((word) => !/^[A-Z]\.$/.test(word));
    let start = match.index! + (match[0].length - match[2].length);
    // "Senate Minority Leader Mitch McConnell": a body's word before the last two names the office, and the name
    // follows it; among the last two it is a body's name ("Texas Senate").
    const body = words.map((word) => isOrgHead(word)).lastIndexOf(true);
    if (body >= 0 && body >= words.length - 2) continue;
    if (body >= 0) {
      start = text.indexOf(words[body + 1], start);
      words = words.slice(body + 1);
    }
    if (!honorific) {
      // "Then Donald Trump", "Senator Bernie Sanders": the name starts at its first name, but words before it
      // that are no English word stay ("Te Kaurinui Robert Parata").
      // "Hans-Peter Bartels", "Anne-Marie Slaughter": a hyphenated first name is one when its first part is.
      let first = words.findIndex((word, i) => i < words.length - 1 && (isFirstName(word) || (word.includes('-') && isFirstName(word.split('-')[0]))));
      const given = words[words.length - 2];
      // Mid-sentence, or after a title or role that opens the sentence ("Quarterback Jalen Hurts threw …").
      const titled = words.length > 2 && words.slice(0, -2).every((word) => TITLES.has(word.toLowerCase()) || ROLE_NOUNS.has(word.toLowerCase()));
      if (first < 0 && words.length >= 2 && aloneMidSentence.has(words[words.length - 1]) && (titled || /[\p{Ll},]\s+$/u.test(text.slice(Math.max(0, start - 3), start)))
        && nounClass(given) === 'unknown' && isNamePart(given, lowerCaseWords()) && !PLACES.has(`${given} ${words[words.length - 1]}`.toLowerCase())) {
        first = words.length - 2;
      }
      // "C. Boyden Gray": a name opened by an initial is a person's, whatever its first name.
      if (first < 0 && words.length >= 2 && /(?:^|[\s(])\p{Lu}\.\s+$/u.test(text.slice(Math.max(0, start - 4), start)) && words.every((word) => isNamePart(word, lowerCaseWords()))) first = 0;
      if (first < 0) continue;
      while (first > 0 && isNamePart(words[first - 1], lowerCaseWords())) first--;
      if (first > 0) {
        start = text.indexOf(words[first], start);
        words = words.slice(first);
      }
    }
    const courtesy = honorific && honorific in COURTESY ? COURTESY[honorific] : undefined;
    const holder = enclosing(start);
    names.push({
      start, end: start + written.length, name: words.join(' '),
      gender: courtesy ?? (words.length >= 2 ? firstNameGender(words[0]) : undefined),
      inContent: holder !== undefined,
      inQuotation: insideQuotationMarks(text, holder, start),
    });
  }

  return {
    text,
    names,
    enclosing,
    paragraphStart(paragraph: number): number {
      return paragraphStarts[Math.max(0, Math.min(paragraph, paragraphStarts.length - 1))];
    },
    paragraphOf(position: number): number {
      let low = 0;
      let high = paragraphStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (paragraphStarts[middle] <= position) low = middle;
        else high = middle - 1;
      }
      return low;
    },
    sentenceAround(position: number): string {
      let start = 0;
      let end = text.length;
      SENTENCE_END.lastIndex = Math.max(0, position - 400);
      for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
        const boundary = match.index + match[0].length;
        if (boundary <= position) start = boundary;
        else { end = boundary; break; }
      }
      return text.slice(start, end);
    },
  };
}
