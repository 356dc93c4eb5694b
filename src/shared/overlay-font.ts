/**
 * The overlay's typeface, shared by its styles (overlay) and the content script, which has the browser resolve it
 * before the overlay first draws (content/font-warmup.ts).
 */
export const OVERLAY_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Every font-weight the overlay's styles use: each is a face of its own for the browser to find. */
export const OVERLAY_FONT_WEIGHTS = [400, 500, 600, 650, 700] as const;
