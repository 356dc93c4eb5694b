/**
 * Where a passage picked in the panel should land in the viewport. Without a panel in the way: the
 * middle of the view. With the open panel over the passage's columns (the corner card on a wide screen,
 * the bottom sheet on a narrow one, both anchored to the bottom): the middle of the band above the
 * panel, or near the top when that band is too short, so the panel never covers what it revealed.
 */
import type { PanelRect } from '../shared/overlay-contract';

/** Space kept between the passage and the panel or the top of the view. */
export const SCROLL_MARGIN = 16;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Whether the panel covers any of the passage's columns. */
export function panelCovers(passage: Box, panel: PanelRect | null): panel is PanelRect {
  return !!panel && passage.left < panel.right && passage.right > panel.left;
}

/** The passage's wanted top edge, in viewport pixels; null where centring it (scrollIntoView) is right. */
export function passageTarget(passage: Box, viewportHeight: number, panel: PanelRect | null): number | null {
  if (!panelCovers(passage, panel)) return null;
  const bandBottom = Math.min(viewportHeight, panel.top) - SCROLL_MARGIN;
  const height = passage.bottom - passage.top;
  const room = bandBottom - SCROLL_MARGIN;
  return room > height ? SCROLL_MARGIN + (room - height) / 2 : SCROLL_MARGIN;
}
