/**
 * Speaker colours, shared by the page highlighter (content) and the overlay so a speaker's highlights
 * and their group in the panel match. Okabe–Ito: distinguishable under the common colour-vision
 * deficiencies. A speaker's colour is its index in `analysis.speakers`, cycling past eight.
 */
export const SPEAKER_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;

/** Attributions whose text names no source sit outside every speaker group; they get a neutral grey. */
export const UNSOURCED_COLOR = '#999999';

/** Colour of the speaker at this index of `analysis.speakers`. */
export function speakerColor(index: number): string {
  const size = SPEAKER_PALETTE.length;
  return SPEAKER_PALETTE[((Math.trunc(index) % size) + size) % size];
}

/** Canonical speaker name → colour, for looking a colour up from an attribution's `speaker.name`. */
export function speakerColors(speakers: readonly { name: string }[]): Map<string, string> {
  const colors = new Map<string, string>();
  speakers.forEach((speaker, index) => {
    if (!colors.has(speaker.name)) colors.set(speaker.name, speakerColor(index));
  });
  return colors;
}
