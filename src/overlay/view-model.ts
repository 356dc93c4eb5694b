/**
 * What the panel shows, derived from an Analysis: speaker groups in `analysis.speakers` order (the
 * highlighter's colour order), display strings, and the filters. Pure functions, so the rules are
 * tested without a DOM.
 */
import type { Analysis, Attribution, Speaker } from '../shared/attribution';
import { UNSOURCED_COLOR, speakerColor } from '../shared/palette';
import { speakerInitials, textOn } from '../shared/speaker-badge';
import { kindWords } from '../shared/words';

export interface ItemView {
  quote: Attribution;
  /** The cue as written ("said", "according to"); an em dash for a follow-on quotation. */
  cueText: string;
  /** The content spans joined; a quotation split around its cue is rejoined with an ellipsis. */
  content: string;
  /** Source is anonymous, an unnamed role or group, or not named at all. */
  unnamed: boolean;
  lowCertainty: boolean;
}

export interface GroupView {
  /** Stable key: the canonical speaker name, or UNSOURCED_KEY. */
  key: string;
  /** Null for the group of attributions that belong to no speaker. */
  speaker: Speaker | null;
  color: string;
  /** The non-colour cue: the speaker's initials ("RD"), with the group's number where two share them ("RD2"). */
  initials: string;
  /** Black or white, whichever reads better on `color` (the initials' badge). */
  initialsColor: string;
  items: ItemView[];
  hedged: number;
}

export interface Filters {
  unnamed: boolean;
  lowCertainty: boolean;
  /** List the attributions the engine does not show by default (`shown: false`): "N more, less sure". */
  lessSure: boolean;
}

export const NO_FILTERS: Filters = { unnamed: false, lowCertainty: false, lessSure: false };

/** Listed by default: the engine's `shown`, true where an older analysis has no such field. */
export function shownByDefault(quote: Attribution): boolean {
  return quote.shown !== false;
}

export const UNSOURCED_KEY = '\u0000unsourced';
export const UNSOURCED_LABEL = 'No named source';

const FOLLOW_ON_CUE = '\u2014';

export function cueText(quote: Attribution): string {
  const text = quote.cue?.text.trim();
  return text ? text : FOLLOW_ON_CUE;
}

export function contentText(quote: Attribution): string {
  return quote.contents
    .map((span) => span.text.trim())
    .filter((text) => text !== '')
    .join(' \u2026 ');
}

function isUnnamedSpeaker(speaker: { type: string; anonymous?: boolean } | null | undefined): boolean {
  return !speaker || speaker.anonymous === true || speaker.type === 'unnamed';
}

function itemView(quote: Attribution, groupSpeaker: Speaker | null): ItemView {
  return {
    quote,
    cueText: cueText(quote),
    content: contentText(quote),
    unnamed: isUnnamedSpeaker(quote.speaker) || (groupSpeaker !== null && isUnnamedSpeaker(groupSpeaker)),
    lowCertainty: quote.certainty?.label === 'low',
  };
}

// The badge's initials and their colour are the desk's too: one copy, in shared/.
export { speakerInitials, textOn } from '../shared/speaker-badge';

function withInitials(groups: Array<Omit<GroupView, 'initials' | 'initialsColor'>>): GroupView[] {
  const plain = groups.map((group) => (group.speaker ? speakerInitials(group.speaker.name) : '?'));
  const counts = new Map<string, number>();
  for (const initials of plain) counts.set(initials, (counts.get(initials) ?? 0) + 1);
  return groups.map((group, index) => ({
    ...group,
    initials: (counts.get(plain[index]) ?? 0) > 1 && group.speaker ? `${plain[index]}${index + 1}` : plain[index],
    initialsColor: textOn(group.color),
  }));
}

const groupsMade = new WeakMap<Analysis, GroupView[]>();

/** buildGroups, made once per analysis (the closed panel's list and the open panel's share them). */
export function groupsOf(analysis: Analysis): GroupView[] {
  let groups = groupsMade.get(analysis);
  if (!groups) groupsMade.set(analysis, (groups = buildGroups(analysis)));
  return groups;
}

/** One group per speaker, in `analysis.speakers` order; attributions no speaker lists go last, in one group. */
export function buildGroups(analysis: Analysis): GroupView[] {
  const byId = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
  const grouped = new Set<string>();
  const groups: Array<Omit<GroupView, 'initials' | 'initialsColor'>> = analysis.speakers.map((speaker, index) => {
    const items: ItemView[] = [];
    const own = new Set<string>();
    // Words people said together are in the group of each of them (pass 19); once per group.
    for (const id of speaker.attributionIds) {
      const quote = byId.get(id);
      if (!quote || own.has(id)) continue;
      own.add(id);
      grouped.add(id);
      items.push(itemView(quote, speaker));
    }
    return { key: speaker.name, speaker, color: speakerColor(index), items, hedged: speaker.hedged };
  });
  const rest = analysis.quotes.filter((quote) => !grouped.has(quote.id)).map((quote) => itemView(quote, null));
  if (rest.length > 0) {
    groups.push({
      key: UNSOURCED_KEY,
      speaker: null,
      color: UNSOURCED_COLOR,
      items: rest,
      hedged: rest.filter((item) => item.lowCertainty).length,
    });
  }
  return withInitials(groups);
}

export function matchesFilters(item: ItemView, filters: Filters): boolean {
  if (!filters.lessSure && !shownByDefault(item.quote)) return false;
  if (filters.unnamed && !item.unnamed) return false;
  if (filters.lowCertainty && !item.lowCertainty) return false;
  return true;
}

export function filtersActive(filters: Filters): boolean {
  return filters.unnamed || filters.lowCertainty;
}

export { plural } from '../shared/words';

/** Short display of a probability: "82%". */
export function percent(probability: number): string {
  if (!Number.isFinite(probability)) return '\u2013';
  return `${Math.round(Math.min(1, Math.max(0, probability)) * 100)}%`;
}

export function score(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '\u2013';
}

/**
 * Contents longer than this are clamped to a few lines with a "More" button. The full text stays in
 * the DOM (screen readers, find-in-panel and checks read all of it); only its display is shortened.
 * Shorter ones are never clamped, so no text is hidden without a button to show it.
 */
export const CLAMP_AFTER_CHARS = 260;

export function needsClamp(text: string): boolean {
  return text.length > CLAMP_AFTER_CHARS;
}

export const SOURCE_TYPE_LABEL: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  media: 'media',
  unnamed: 'unnamed',
};

/** "Ryan Dillon — said (quoted)": what the hover tooltip over a page highlight says. */
export function hoverLabel(quote: Attribution): string {
  const who = quote.speaker?.name ?? UNSOURCED_LABEL;
  return `${who} \u2014 ${cueText(quote)} (${kindWords(quote.kind).label.toLowerCase()})`;
}
