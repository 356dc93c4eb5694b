/**
 * Pass 19 — groups. Sets `speakers`: one group per person or body, in order of first appearance. Attributions share a group
 * when resolveSpeakers gave them the same canonical name; the group takes the fullest role, every alias,
 * and counts the attributions whose certainty is low.
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
  return [...groups.values()];
}

export function groups(state: AnalysisState): void {
  state.speakers = groupSpeakers(state.quotes);
}
