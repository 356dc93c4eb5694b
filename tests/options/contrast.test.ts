/** The options page's hint text meets WCAG 1.4.3 (4.5:1) on the light and the dark canvas (GrayText measured 3.94:1). */
import * as fs from 'fs';
import * as path from 'path';

const css = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'options', 'options.css'), 'utf8');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

describe('options page hint text contrast', () => {
  const hints = [...css.matchAll(/--hint:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]);

  test('hint colours are set for the light and the dark scheme, and no hint uses GrayText', () => {
    expect(hints).toHaveLength(2);
    expect(css).not.toMatch(/color:\s*GrayText/);
  });

  test.each([
    ['light', 0, '#ffffff'],
    ['dark', 1, '#121212'],
  ])('%s canvas: at least 4.5:1', (_scheme, index, canvas) => {
    expect(contrast(hints[index as number], canvas as string)).toBeGreaterThanOrEqual(4.5);
  });
});
