import { passageTarget, panelCovers, SCROLL_MARGIN } from '../../src/content/scroll-target';

const passage = (top: number, height = 20, left = 100, right = 500) => ({ top, bottom: top + height, left, right });

describe('where a passage picked in the panel lands', () => {
  test.each([
    ['no panel open', null, null],
    ['a corner card right of the article column', { top: 200, left: 860, right: 1260, bottom: 844 }, null],
  ])('%s: centred by the browser (null)', (_name, panel, expected) => {
    expect(passageTarget(passage(700), 900, panel)).toBe(expected);
  });

  test.each([
    // [name, panel, viewport height, passage height, wanted top]
    ['a bottom sheet on a 390 px phone (upper half free)', { top: 422, left: 0, right: 390, bottom: 844 }, 844, 40, SCROLL_MARGIN + (422 - 2 * SCROLL_MARGIN - 40) / 2],
    ['a corner card over the column', { top: 200, left: 400, right: 800, bottom: 844 }, 900, 20, SCROLL_MARGIN + (200 - 2 * SCROLL_MARGIN - 20) / 2],
    ['a band too short for the passage: near the top', { top: 60, left: 0, right: 1280, bottom: 900 }, 900, 120, SCROLL_MARGIN],
  ])('%s', (_name, panel, height, passageHeight, wanted) => {
    const target = passageTarget(passage(700, passageHeight), height, panel)!;
    expect(target).toBeCloseTo(wanted);
    // Never under the panel when it fits.
    if (target > SCROLL_MARGIN) expect(target + passageHeight).toBeLessThanOrEqual(panel.top - SCROLL_MARGIN);
  });

  test('covering is about columns: a panel beside the passage does not cover it', () => {
    expect(panelCovers(passage(0, 20, 100, 500), { top: 0, left: 500, right: 900, bottom: 900 })).toBe(false);
    expect(panelCovers(passage(0, 20, 100, 501), { top: 0, left: 500, right: 900, bottom: 900 })).toBe(true);
  });
});
