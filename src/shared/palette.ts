/**
 * Speaker colours, shared by the page highlighter (content) and the overlay so a speaker's highlights
 * and their group in the panel match. The first eight are Okabe–Ito (distinguishable under the common
 * colour-vision deficiencies); after them each speaker gets a hue of its own (golden-angle steps), so no
 * two speakers on a page share a colour. Colour is never the only cue: the panel and the hover tip carry
 * the speaker's initials, and in forced-colours mode the underline style differs per speaker.
 */
export const SPEAKER_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;

/** Attributions whose text names no source sit outside every speaker group; they get a neutral grey. */
export const UNSOURCED_COLOR = '#999999';

/** WCAG 1.4.11: a graphical object (an underline) needs 3:1 against what is next to it. */
export const NON_TEXT_CONTRAST = 3;

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const GOLDEN_ANGLE = 137.508;

function hex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(Math.min(255, Math.max(0, channel))).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return 255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return { r: channel(0), g: channel(8), b: channel(4) };
}

/** Colour of the speaker at this index of `analysis.speakers`: the palette, then a new hue per speaker. */
export function speakerColor(index: number): string {
  const at = Math.max(0, Math.trunc(index));
  if (at < SPEAKER_PALETTE.length) return SPEAKER_PALETTE[at];
  const step = at - SPEAKER_PALETTE.length;
  // Offset from the palette's hues; lightness alternates so neighbours in the list also differ in value.
  return hex(hslToRgb((20 + step * GOLDEN_ANGLE) % 360, 0.7, step % 2 === 0 ? 0.42 : 0.6));
}

/** Canonical speaker name → colour, for looking a colour up from an attribution's `speaker.name`. */
export function speakerColors(speakers: readonly { name: string }[]): Map<string, string> {
  const colors = new Map<string, string>();
  speakers.forEach((speaker, index) => {
    if (!colors.has(speaker.name)) colors.set(speaker.name, speakerColor(index));
  });
  return colors;
}

/** "#E69F00", "#fff", "rgb(1, 2, 3)", "rgba(1 2 3 / 0.5)" → channels; null for anything else or a transparent colour. */
export function parseColor(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return { r: parseInt(short[1] + short[1], 16), g: parseInt(short[2] + short[2], 16), b: parseInt(short[3] + short[3], 16) };
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(text);
  if (long) return { r: parseInt(long[1], 16), g: parseInt(long[2], 16), b: parseInt(long[3], 16) };
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!fn) return null;
  if (fn[4] !== undefined) {
    const alpha = fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
    if (alpha < 0.5) return null;
  }
  return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]) };
}

function luminance({ r, g, b }: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The speaker's colour made to stand 3:1 against `background` (WCAG 1.4.11), for underlines: mixed
 * towards black on a light page, towards white on a dark one, in 5% steps, as little as it takes.
 * Okabe–Ito yellow on white is 1.26:1 before, 3.0:1 after.
 */
export function inkOn(color: string, background: Rgb): string {
  const base = parseColor(color);
  if (!base) return color;
  const towards = luminance(background) > 0.18 ? { r: 0, g: 0, b: 0 } : { r: 255, g: 255, b: 255 };
  for (let mix = 0; mix <= 1; mix += 0.05) {
    const mixed = { r: base.r + (towards.r - base.r) * mix, g: base.g + (towards.g - base.g) * mix, b: base.b + (towards.b - base.b) * mix };
    const rounded = parseColor(hex(mixed))!;
    if (contrastRatio(rounded, background) >= NON_TEXT_CONTRAST) return hex(rounded);
  }
  return hex(towards);
}

/** In forced-colours mode every colour is the system's: speakers differ by underline style, cycling. */
export const FORCED_COLORS_LINE_STYLES = ['solid', 'double', 'dotted', 'dashed', 'wavy'] as const;

export function forcedColorsLineStyle(index: number): string {
  const size = FORCED_COLORS_LINE_STYLES.length;
  return FORCED_COLORS_LINE_STYLES[Math.max(0, Math.trunc(index)) % size];
}
