import { badgeText } from '../../src/background/badge';

describe('badge text', () => {
  const rows: Array<[number, string]> = [
    [1, '1'],
    [4, '4'],
    [99, '99'],
    [100, '99+'],
  ];
  test.each(rows)('%d speakers → %p', (speakers, text) => expect(badgeText(speakers)).toBe(text));

  const empty: number[] = [0, -1];
  test.each(empty)('no badge for %d speakers', (speakers) => expect(badgeText(speakers)).toBe(''));
});
