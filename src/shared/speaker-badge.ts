/**
 * A speaker's badge: their initials on their colour, the non-colour cue beside every colour. The panel
 * (overlay/view-model.ts) and the desk draw the same badge from this one implementation: it lives in
 * src/shared because the desk may import nothing else.
 */
import { contrastRatio, parseColor, speakerColor, UNSOURCED_COLOR } from './palette';

/** "Ryan Dillon" → "RD", "U.S. officials" → "UO", "people familiar with the matter" → "PF", "Reuters" → "R". */
export function speakerInitials(name: string): string {
  const words = name.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+/u, '')).filter((word) => word !== '');
  if (words.length === 0) return '?';
  const named = words.filter((word) => /^\p{Lu}/u.test(word));
  const picked = named.length >= 2 ? [named[0], named[named.length - 1]] : named.length === 1 && words.length > 1 && words[0] !== named[0] ? [words[0], named[0]] : words.slice(0, 2);
  return picked.map((word) => word[0].toUpperCase()).join('');
}

/** The initials' colour on a badge of `color`: black or white, whichever contrasts more. */
export function textOn(color: string): string {
  const rgb = parseColor(color);
  if (!rgb) return '#000000';
  return contrastRatio(rgb, { r: 0, g: 0, b: 0 }) >= contrastRatio(rgb, { r: 255, g: 255, b: 255 }) ? '#000000' : '#FFFFFF';
}

export interface SpeakerBadge {
  initials: string;
  color: string;
  /** The initials' own colour on `color`. */
  ink: string;
}

/**
 * One badge per name, colours in the order the names come (the palette, then a hue each), so a speaker
 * has one colour across the desk; null (no named source) gets the neutral grey and "?".
 */
export function speakerBadges(names: Iterable<string | null>): (name: string | null) => SpeakerBadge {
  const badges = new Map<string, SpeakerBadge>();
  for (const name of names) {
    if (name === null || badges.has(name)) continue;
    const color = speakerColor(badges.size);
    badges.set(name, { initials: speakerInitials(name), color, ink: textOn(color) });
  }
  const unsourced: SpeakerBadge = { initials: '?', color: UNSOURCED_COLOR, ink: textOn(UNSOURCED_COLOR) };
  return (name) => (name === null ? unsourced : (badges.get(name) ?? unsourced));
}
