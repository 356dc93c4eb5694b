import { SPEAKER_PALETTE, speakerColor, speakerColors } from '../../src/shared/palette';

describe('speaker palette (Okabe\u2013Ito, shared by highlighter and overlay)', () => {
  test('is the Okabe\u2013Ito order', () => {
    expect(SPEAKER_PALETTE).toEqual(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000']);
  });

  test.each([
    [0, '#E69F00'],
    [7, '#000000'],
    [8, '#E69F00'],
    [13, '#D55E00'],
    [-1, '#000000'],
  ])('index %i → %s', (index, color) => expect(speakerColor(index)).toBe(color));

  test('by name, first occurrence wins', () => {
    const colors = speakerColors([{ name: 'A' }, { name: 'B' }, { name: 'A' }]);
    expect([...colors]).toEqual([['A', '#E69F00'], ['B', '#56B4E9']]);
  });
});
