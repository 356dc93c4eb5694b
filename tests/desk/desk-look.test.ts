/**
 * The desk wears the panel's look: every colour token desk.css defines has the panel's value, in light
 * and dark; the same type; the speaker badge's initials and ink are the panel's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OVERLAY_CSS } from '../../src/overlay/styles';
import { speakerInitials as panelInitials, textOn as panelInk } from '../../src/overlay/view-model';
import { SPEAKER_PALETTE, speakerColor, UNSOURCED_COLOR } from '../../src/shared/palette';
import { speakerBadges, speakerInitials, textOn } from '../../src/shared/speaker-badge';

const DESK_CSS = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'desk', 'desk.css'), 'utf8');

/** `--ws-*` declarations of the first block after `opening`, as name → value. */
function tokens(css: string, opening: RegExp): Map<string, string> {
  const start = css.search(opening);
  if (start < 0) throw new Error(`no ${opening} in the CSS`);
  const block = css.slice(start, css.indexOf('}', start));
  return new Map([...block.matchAll(/(--ws-[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name, value.trim()]));
}

describe('the desk and the panel share their colour tokens', () => {
  test.each([
    ['light', /^\.root \{/m, /^:root \{/m],
    ['dark', /prefers-color-scheme: dark\) \{\s*\.root \{/, /prefers-color-scheme: dark\) \{\s*:root \{/],
  ])('%s', (_scheme, panelBlock, deskBlock) => {
    const panel = tokens(OVERLAY_CSS, panelBlock);
    const desk = tokens(DESK_CSS, deskBlock);
    expect(desk.size).toBeGreaterThan(15);
    for (const [name, value] of desk) expect([name, value]).toEqual([name, panel.get(name)]);
  });

  test('the same type: the panel\u2019s font stack', () => {
    const family = (css: string) => /font: 400 \d+px\/1\.45 ([^;]+);/.exec(css)?.[1];
    expect(family(DESK_CSS)).toBeDefined();
    expect(family(DESK_CSS)).toBe(family(OVERLAY_CSS));
  });
});

describe('speaker badges: the panel\u2019s initials and ink', () => {
  test.each(['Ryan Dillon', 'U.S. Army Col. Ryan Dillon', 'people familiar with the matter', 'Reuters', 'the Russian Defense Ministry', '  ', '\u00C9lise Lucet', '\u201CAnonymous\u201D official'])('%j', (name) => {
    expect(speakerInitials(name)).toBe(panelInitials(name));
  });

  test('the initials\u2019 ink on every palette colour and the first generated hues', () => {
    for (const color of [...SPEAKER_PALETTE, UNSOURCED_COLOR, ...Array.from({ length: 12 }, (_, index) => speakerColor(8 + index))]) expect(textOn(color)).toBe(panelInk(color));
  });

  test('one badge per name in order of appearance; no named source is grey with "?"', () => {
    const badge = speakerBadges(['Ryan Dillon', null, 'the ministry', 'Ryan Dillon']);
    expect(badge('Ryan Dillon')).toEqual({ initials: 'RD', color: SPEAKER_PALETTE[0], ink: '#000000' });
    expect(badge('the ministry').color).toBe(SPEAKER_PALETTE[1]);
    expect(badge(null)).toEqual({ initials: '?', color: UNSOURCED_COLOR, ink: textOn(UNSOURCED_COLOR) });
  });
});
