import {
  FORCED_COLORS_LINE_STYLES,
  NON_TEXT_CONTRAST,
  SPEAKER_PALETTE,
  contrastRatio,
  forcedColorsLineStyle,
  inkOn,
  parseColor,
  speakerColor,
  speakerColors,
} from '../../src/shared/palette';

const WHITE = { r: 255, g: 255, b: 255 };
const DARK = { r: 18, g: 18, b: 18 };
const SEPIA = { r: 251, g: 240, b: 217 };

describe('speaker palette (shared by highlighter and overlay)', () => {
  test('starts with the Okabe\u2013Ito order', () => {
    expect(SPEAKER_PALETTE).toEqual(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000']);
  });

  test.each([
    [0, '#E69F00'],
    [7, '#000000'],
    [-1, '#E69F00'],
  ])('index %i → %s', (index, color) => expect(speakerColor(index)).toBe(color));

  test('never repeats: 60 speakers, 60 colours (the old palette gave speaker 9 the colour of speaker 1)', () => {
    const colors = Array.from({ length: 60 }, (_, index) => speakerColor(index));
    expect(new Set(colors).size).toBe(60);
    for (const color of colors) expect(color).toMatch(/^#[0-9A-F]{6}$/);
  });

  test('by name, first occurrence wins', () => {
    const colors = speakerColors([{ name: 'A' }, { name: 'B' }, { name: 'A' }]);
    expect([...colors]).toEqual([['A', '#E69F00'], ['B', '#56B4E9']]);
  });
});

describe('underline ink: 3:1 against the page (WCAG 1.4.11)', () => {
  test('Okabe\u2013Ito yellow on white is 1.3:1 as is, at least 3:1 as ink', () => {
    const yellow = parseColor('#F0E442')!;
    expect(contrastRatio(yellow, WHITE)).toBeLessThan(1.5);
    expect(contrastRatio(parseColor(inkOn('#F0E442', WHITE))!, WHITE)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  test.each([['white', WHITE], ['dark', DARK], ['sepia', SEPIA]])('every speaker of 40 reaches 3:1 on a %s page', (_name, background) => {
    for (let index = 0; index < 40; index++) {
      const ink = inkOn(speakerColor(index), background);
      expect({ index, ratio: contrastRatio(parseColor(ink)!, background) >= NON_TEXT_CONTRAST }).toEqual({ index, ratio: true });
    }
  });

  test('a colour that already stands 3:1 is kept as it is', () => {
    expect(inkOn('#0072B2', WHITE)).toBe('#0072B2');
    expect(inkOn('#000000', WHITE)).toBe('#000000');
  });

  test.each([
    ['#fff', WHITE],
    ['rgb(18, 18, 18)', DARK],
    ['rgba(18, 18, 18, 1)', DARK],
    ['rgb(251 240 217)', SEPIA],
  ])('parses %s', (text, rgb) => expect(parseColor(text)).toEqual(rgb));

  test.each(['transparent', 'rgba(0, 0, 0, 0)', 'rgb(0 0 0 / 0.1)', 'red', ''])('%s is no opaque colour', (text) => expect(parseColor(text)).toBeNull());
});

describe('forced colours', () => {
  test('neighbouring speakers get different underline styles', () => {
    for (let index = 0; index < 20; index++) expect(forcedColorsLineStyle(index)).not.toBe(forcedColorsLineStyle(index + 1));
    expect(new Set(Array.from({ length: 5 }, (_, index) => forcedColorsLineStyle(index))).size).toBe(FORCED_COLORS_LINE_STYLES.length);
  });
});
