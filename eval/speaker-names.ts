/**
 * Who said each direct quotation, named as a reader names them: the speaker-name check on PolNeAR train articles
 * annotated blind to the engine (`eval/speaker-names/`, how in its README). PolNeAR's own score credits a source
 * span ("he") wherever it overlaps the gold one; this check asks what the panel shows: the person, body or
 * description the words belong to. Pure: the caller reads the files and runs the engine.
 *
 * - The engine's attribution for a quotation is the one whose contents cover most of it (at least half its
 *   characters), a shown one first.
 * - A person is named right when the shown name (or one of its aliases) holds the annotated full name, or ends on
 *   the annotated surname with no word the annotation lacks but a title ("Mr. Bush" for "Jeb Bush"; not "George W.
 *   Bush"). A body, an outlet or an unnamed source is named right when the name or source holds the annotation's
 *   last word ("official" of "a senior White House official").
 * - Quotations that are no one's words (`not-speech`: a title, a term) must not be shown; those whose speaker the
 *   text never gives (`none`) must not be shown with a speaker.
 */
import type { Attribution } from '../src/shared/attribution';

export type SpeakerKind = 'person' | 'organization' | 'media' | 'unnamed' | 'none' | 'not-speech';

export interface NamedQuotation {
  item: number;
  start: number;
  end: number;
  speaker: string;
  kind: SpeakerKind;
  how?: string;
  note?: string;
}

export interface SpeakerNameCounts {
  /** Quotations someone said whose speaker the text gives. */
  speech: number;
  /** Shown, with the right speaker. */
  right: number;
  /** Shown, with another speaker. */
  wrong: number;
  /** Not found, or found but hidden. */
  notShown: number;
  /** Words of no one (titles, terms) or of no named speaker, shown with a speaker. */
  shownWithoutSpeaker: number;
  /** Every quotation annotated. */
  items: number;
}

export interface SpeakerNameError {
  item: number;
  quotation: string;
  annotated: string;
  shown: string | null;
  verdict: 'wrong' | 'not shown' | 'shown without speaker';
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sen', 'sens', 'rep', 'reps', 'gov', 'president', 'secretary', 'senator', 'governor', 'gen', 'lt', 'col', 'capt', 'sgt', 'rev', 'prof', 'judge', 'justice', 'mayor', 'former', 'the', 'vice']);

function words(text: string): string[] {
  return text.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
}

/** Whether `shown` (a name, an alias or a source as written) names the annotated speaker. */
export function namesSpeaker(shown: string, annotated: string, kind: SpeakerKind): boolean {
  const said = words(shown);
  const wanted = words(annotated);
  if (!said.length || !wanted.length) return false;
  const joined = ` ${said.join(' ')} `;
  if (joined.includes(` ${wanted.join(' ')} `)) return true;
  const last = wanted[wanted.length - 1];
  const singular = (word: string) => word.replace(/s$/, '');
  if (kind !== 'person') return said.some((word) => singular(word) === singular(last));
  return said[said.length - 1] === last && said.every((word) => wanted.includes(word) || TITLES.has(word));
}

function coverage(attribution: Attribution, start: number, end: number): number {
  return attribution.contents.reduce((sum, span) => sum + Math.max(0, Math.min(end, span.end) - Math.max(start, span.start)), 0);
}

/** The attribution that carries a quotation: most of it covered, a shown one first. */
export function attributionFor(quotes: Attribution[], start: number, end: number): Attribution | null {
  let best: Attribution | null = null;
  let bestScore = 0;
  for (const quote of quotes) {
    const covered = coverage(quote, start, end);
    if (2 * covered < end - start) continue;
    const score = covered + (quote.shown ? 1e9 : 0);
    if (score > bestScore) { best = quote; bestScore = score; }
  }
  return best;
}

const nameOf = (quote: Attribution): string[] => [quote.speaker?.name ?? '', ...(quote.speaker?.aliases ?? []), ...quote.sources.map((source) => source.text)].filter(Boolean);

export function scoreSpeakerNames(text: string, items: NamedQuotation[], quotes: Attribution[]): { counts: SpeakerNameCounts; errors: SpeakerNameError[] } {
  const counts: SpeakerNameCounts = { speech: 0, right: 0, wrong: 0, notShown: 0, shownWithoutSpeaker: 0, items: items.length };
  const errors: SpeakerNameError[] = [];
  for (const item of items) {
    const quote = attributionFor(quotes, item.start, item.end);
    const shown = quote?.shown ? quote : null;
    const quotation = text.slice(item.start, Math.min(item.end, item.start + 80));
    const shownName = shown?.speaker?.name ?? null;
    if (item.kind === 'not-speech' || item.kind === 'none') {
      if (shown && shown.speaker) {
        counts.shownWithoutSpeaker++;
        errors.push({ item: item.item, quotation, annotated: item.kind, shown: shownName, verdict: 'shown without speaker' });
      }
      continue;
    }
    counts.speech++;
    if (!shown) {
      counts.notShown++;
      errors.push({ item: item.item, quotation, annotated: item.speaker, shown: null, verdict: 'not shown' });
    } else if (nameOf(shown).some((name) => namesSpeaker(name, item.speaker, item.kind))) {
      counts.right++;
    } else {
      counts.wrong++;
      errors.push({ item: item.item, quotation, annotated: item.speaker, shown: shownName, verdict: 'wrong' });
    }
  }
  return { counts, errors };
}

export function emptySpeakerNameCounts(): SpeakerNameCounts {
  return { speech: 0, right: 0, wrong: 0, notShown: 0, shownWithoutSpeaker: 0, items: 0 };
}

export function addSpeakerNameCounts(a: SpeakerNameCounts, b: SpeakerNameCounts): SpeakerNameCounts {
  return {
    speech: a.speech + b.speech, right: a.right + b.right, wrong: a.wrong + b.wrong, notShown: a.notShown + b.notShown,
    shownWithoutSpeaker: a.shownWithoutSpeaker + b.shownWithoutSpeaker, items: a.items + b.items,
  };
}
