/**
 * Pass 19 — groups. Sets `speakers`: one group per person or body, in order of first appearance. Attributions share a group
 * when resolveSpeakers gave them the same canonical name; the group takes the fullest role, every alias,
 * and counts the attributions whose certainty is low. Words named people said together are in each one's group.
 */
import type { Attribution, Speaker } from '../../shared/attribution';
import type { AnalysisState } from '../core';

const positionOf = (attribution: Attribution): number =>
  Math.min(attribution.sources[0]?.start ?? Infinity, attribution.cue?.start ?? Infinity, attribution.contents[0]?.start ?? Infinity);

export function groupSpeakers(attributions: Attribution[]): Speaker[] {
  const groups = new Map<string, Speaker>();
  const ordered = attributions
    .map((attribution, order) => ({ attribution, order, at: positionOf(attribution) }))
    .sort((a, b) => (a.at === b.at ? a.order - b.order : a.at - b.at));
  for (const { attribution } of ordered) {
    const ref = attribution.speaker;
    if (!ref) continue;
    let group = groups.get(ref.name);
    if (!group) {
      group = { name: ref.name, type: ref.type, aliases: [], attributionIds: [], hedged: 0 };
      groups.set(ref.name, group);
    }
    if (ref.role && (!group.role || ref.role.length > group.role.length)) group.role = ref.role;
    if (ref.anonymous) group.anonymous = true;
    for (const alias of ref.aliases) if (!group.aliases.includes(alias)) group.aliases.push(alias);
    group.attributionIds.push(attribution.id);
    if (attribution.certainty?.label === 'low') group.hedged++;
  }
  const rank = new Map(ordered.map(({ attribution }, index) => [attribution.id, index]));
  const low = new Set(attributions.filter((attribution) => attribution.certainty?.label === 'low').map((attribution) => attribution.id));
  return withJointGroupsSplit(withDocumentsInTheirAuthorsGroups([...groups.values()], rank, low), rank, low);
}

/** Lists `ids` in `group` (those not there yet), counting the low-certainty ones, in text order. */
function listIn(group: Speaker, ids: readonly string[], rank: Map<string, number>, low: Set<string>): void {
  for (const id of ids) {
    if (group.attributionIds.includes(id)) continue;
    group.attributionIds.push(id);
    if (low.has(id)) group.hedged++;
  }
  group.attributionIds.sort((a, b) => rank.get(a)! - rank.get(b)!);
}

/**
 * Documents a person or body writes ("Greenberg's research", "Clinton's book"), not those written about them ("Trump's
 * indictment", "Clinton's record", "the company's lawsuit" may be anyone's).
 */
const AUTHORED_NOUNS = new Set(['research', 'study', 'studies', 'report', 'reports', 'poll', 'polls', 'survey', 'book', 'letter',
  'memo', 'statement', 'tweet', 'tweets', 'email', 'emails', 'column', 'editorial', 'op-ed', 'analysis', 'article', 'blog',
  'post', 'paper', 'speech', 'remarks', 'testimony', 'interview', 'findings', 'ad', 'website', 'newsletter']);

/** "Greenberg's research", "Clinton’s book": a document written as owned by its author. */
const OWNED_DOCUMENT = /^(.+?)['’]s?\s+(?:new\s+|latest\s+|own\s+)?(\p{L}+)$/u;
/** "A report from Kotak Institutional Equities", "the study by Smith": a document and its author after it. */
const DOCUMENT_FROM = /^(?:an?|the)\s+(?:new\s+|latest\s+)?(\p{L}+)\s+(?:from|by)\s+(.+)$/iu;

/**
 * A document speaks for its author: "Greenberg's research found …" and "A report from Kotak Institutional Equities said …"
 * are listed in Stan Greenberg's and Kotak's groups when the article has one, not as a second group beside them (PolNeAR
 * read as pages, batch C's read part, and the shared pages: each author had headed two groups). The attribution keeps its
 * own speaker name; only the panel's grouping changes.
 */
function withDocumentsInTheirAuthorsGroups(speakers: Speaker[], rank: Map<string, number>, low: Set<string>): Speaker[] {
  const authorOf = (name: string): string | null => {
    const owned = OWNED_DOCUMENT.exec(name);
    if (owned && AUTHORED_NOUNS.has(owned[2].toLowerCase())) return owned[1];
    const from = DOCUMENT_FROM.exec(name);
    return from && AUTHORED_NOUNS.has(from[1].toLowerCase()) ? from[2] : null;
  };
  const authors = speakers.map((speaker) => authorOf(speaker.name));
  if (authors.every((author) => author === null)) return speakers;
  const bare = (name: string) => name.toLowerCase().replace(/^the\s+/, '');
  const named = (author: string): Speaker | undefined => {
    const wanted = bare(author);
    return speakers.find((speaker, index) => authors[index] === null && (bare(speaker.name) === wanted
      || speaker.aliases.some((alias) => bare(alias) === wanted)
      || (speaker.type === 'person' && !wanted.includes(' ') && speaker.name.toLowerCase().split(/\s+/).pop() === wanted)));
  };
  const folded = new Set<Speaker>();
  speakers.forEach((speaker, index) => {
    const group = authors[index] === null ? undefined : named(authors[index]!);
    if (!group) return;
    listIn(group, speaker.attributionIds, rank, low);
    if (!group.aliases.includes(speaker.name)) group.aliases.push(speaker.name);
    folded.add(speaker);
  });
  return speakers.filter((speaker) => !folded.has(speaker));
}

/** Two or more capitalised words: a person's name written whole ("Robert Lighthizer"), not a first name alone ("Robert"). */
const FULL_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+$/u;

/**
 * "Republican Trump and Democrat Clinton have criticized Nabisco": what named people said together is listed in each
 * one's group, not in a group of the pair, which would count two people as one and split each from their own group
 * (PolNeAR read as pages, half A; deccanherald-tariffs' "Donald Trump and Robert Lighthizer"). A pair is split when
 * every part is a group of its own already or a full name; "Robert and Rebekah Mercer" stays whole.
 */
function withJointGroupsSplit(speakers: Speaker[], rank: Map<string, number>, low: Set<string>): Speaker[] {
  const byName = new Map(speakers.map((speaker) => [speaker.name, speaker]));
  const split = (speaker: Speaker): string[] | null => {
    if (speaker.type !== 'person' || !speaker.name.includes(' and ')) return null;
    const parts = speaker.name.split(' and ').map((part) => part.trim());
    return parts.every((part) => byName.has(part) || FULL_NAME.test(part)) ? parts : null;
  };
  const splits = speakers.map(split);
  if (!splits.some(Boolean)) return speakers;
  const result: Speaker[] = [];
  const placed = new Set<Speaker>();
  const place = (speaker: Speaker): void => {
    if (!placed.has(speaker)) result.push(speaker);
    placed.add(speaker);
  };
  speakers.forEach((speaker, index) => {
    const parts = splits[index];
    if (!parts) {
      place(speaker);
      return;
    }
    // Each person's group stands where the first of its attributions does, the pair's words included.
    for (const part of parts) {
      let member = byName.get(part);
      if (!member) {
        member = { name: part, type: 'person', aliases: [], attributionIds: [], hedged: 0 };
        byName.set(part, member);
      }
      place(member);
      listIn(member, speaker.attributionIds, rank, low);
    }
  });
  return result;
}

export function groups(state: AnalysisState): void {
  state.speakers = groupSpeakers(state.quotes);
}
