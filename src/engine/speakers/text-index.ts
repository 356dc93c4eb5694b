/**
 * A cheap index of the article text for resolving speakers: paragraph numbers, sentence bounds, the
 * quoted content spans, and people named outside any attribution ("Donald Trump's campaign …"), found
 * with one regex over capitalised sequences rather than a tagging pass.
 */
import type { Attribution } from '../../shared/attribution';
import { COURTESY, ORG_HEADS, firstNameGender, isFirstName, type Gender } from './lexicon';

export interface NameMention {
  start: number;
  end: number;
  /** As written, honorific dropped: "Donald Trump", "Clarke". */
  name: string;
  gender?: Gender;
  /** Inside the content of an attribution (a quotation or reported speech). */
  inContent: boolean;
}

export interface TextIndex {
  text: string;
  paragraphOf(position: number): number;
  sentenceAround(position: number): string;
  /** The attribution whose content covers this position. */
  enclosing(position: number): Attribution | undefined;
  names: NameMention[];
}

const NAME_SEQUENCE = /\b(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Adm|Prof|Rev)\.?\s+)?([A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.\s+)?(?:(?:al-|el-)?[A-Z][A-Za-zà-ÿ'’-]+)){0,3})/g;
const SENTENCE_END = /[.!?]["”’]?\s|\n/g;

export function indexText(text: string, attributions: Attribution[]): TextIndex {
  const paragraphStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i + 1] !== '\n') paragraphStarts.push(i + 1);
  }
  const contents = attributions
    .flatMap((attribution) => attribution.contents.map((span) => ({ span, attribution })))
    .sort((a, b) => a.span.start - b.span.start);

  const enclosing = (position: number): Attribution | undefined => {
    let found: Attribution | undefined;
    for (const { span, attribution } of contents) {
      if (span.start > position) break;
      if (span.end > position) found = attribution;
    }
    return found;
  };

  const names: NameMention[] = [];
  for (const match of text.matchAll(NAME_SEQUENCE)) {
    const honorific = match[1]?.toLowerCase();
    let words = match[2].replace(/['’]s?$/, '').split(/\s+/).filter((word) => !/^[A-Z]\.$/.test(word));
    if (words.some((word) => ORG_HEADS.has(word.toLowerCase()))) continue;
    let start = match.index! + (match[0].length - match[2].length);
    if (!honorific) {
      // "Then Donald Trump", "Senator Bernie Sanders": the name starts at its first name.
      const first = words.findIndex((word, i) => i < words.length - 1 && isFirstName(word));
      if (first < 0) continue;
      if (first > 0) {
        start = text.indexOf(words[first], start);
        words = words.slice(first);
      }
    }
    const courtesy = honorific && honorific in COURTESY ? COURTESY[honorific] : undefined;
    names.push({
      start, end: start + match[2].length, name: words.join(' '),
      gender: courtesy ?? (words.length >= 2 ? firstNameGender(words[0]) : undefined),
      inContent: enclosing(start) !== undefined,
    });
  }

  return {
    text,
    names,
    enclosing,
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
