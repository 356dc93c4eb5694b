import { OVERLAY_FONT_STACK } from '../shared/overlay-font';

/** The panel's colours, light: declarations for a rule (the note frame, note.html, wears them too). */
export const THEME_LIGHT = `  --ws-bg: #ffffff;
  --ws-bg-hover: #f2f4f7;
  --ws-fg: #1b1f24;
  --ws-fg-2: #3d454d;
  --ws-muted: #5d6873;
  --ws-border: #d6dbe1;
  --ws-border-soft: #eaedf0;
  --ws-chip: #eef1f4;
  --ws-accent: #0a5bb5;
  --ws-accent-bg: #e7f0fb;
  --ws-accent-fg: #0a4a94;
  --ws-focus: #1a73e8;
  --ws-warn: #8a4f00;
  --ws-warn-bg: #fcf0dc;
  --ws-good: #1b7348;
  --ws-mid: #3a6fb0;
  --ws-emph: #7a3fa3;
  --ws-danger: #b3261e;
  --ws-tip-bg: #1f2429;
  --ws-tip-fg: #f4f6f8;
  --ws-swatch-ring: rgba(0, 0, 0, 0.28);
  --ws-shadow: 0 12px 32px rgba(16, 24, 40, 0.18), 0 2px 6px rgba(16, 24, 40, 0.08);
  --ws-shadow-sm: 0 4px 12px rgba(16, 24, 40, 0.16), 0 1px 3px rgba(16, 24, 40, 0.08);
  color-scheme: light;
`;
/** The same, dark; indented as they sit in the media block. */
export const THEME_DARK = `    --ws-bg: #1d2126;
    --ws-bg-hover: #262b31;
    --ws-fg: #e8ebee;
    --ws-fg-2: #c9ced4;
    --ws-muted: #9ba5af;
    --ws-border: #3a4149;
    --ws-border-soft: #2b3137;
    --ws-chip: #2a3037;
    --ws-accent: #8ab8ff;
    --ws-accent-bg: #1e3250;
    --ws-accent-fg: #c0d8ff;
    --ws-focus: #8ab8ff;
    --ws-warn: #f2b45c;
    --ws-warn-bg: #3a2c14;
    --ws-good: #63cf96;
    --ws-mid: #7fb0ec;
    --ws-emph: #c99be6;
    --ws-danger: #ff8a80;
    --ws-tip-bg: #f1f3f5;
    --ws-tip-fg: #1b1f24;
    --ws-swatch-ring: rgba(255, 255, 255, 0.5);
    --ws-shadow: 0 12px 32px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.35);
    --ws-shadow-sm: 0 4px 12px rgba(0, 0, 0, 0.45), 0 1px 3px rgba(0, 0, 0, 0.3);
    color-scheme: dark;
`;

/**
 * All of the overlay's CSS, applied inside its shadow root only. The host element is in the page's
 * light DOM, so page rules reach it; `!important` declarations of the shadow tree beat the page's for
 * the host (CSS Cascade 4, context), so `:host` resets everything and pins the box. Sizes are px,
 * never rem: pages set odd root font sizes. Theme variables live on .root, not :host, so the page's
 * own custom properties (which inherit through the host) cannot override them.
 */
export const OVERLAY_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  contain: none !important;
}
.root {
${THEME_LIGHT}  font: 400 13px/1.45 ${OVERLAY_FONT_STACK};
  color: var(--ws-fg);
  text-align: left;
  -webkit-font-smoothing: antialiased;
}
@media (prefers-color-scheme: dark) {
  .root {
${THEME_DARK}  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
h2, h3, p, ul, li { margin: 0; padding: 0; font: inherit; }
ul { list-style: none; }
button {
  font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0;
  cursor: pointer; text-align: inherit; line-height: inherit; -webkit-appearance: none; appearance: none;
}
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--ws-focus); outline-offset: 2px; border-radius: 4px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}

.pill {
  position: fixed; right: 16px; bottom: 16px;
  display: inline-flex; align-items: center; gap: 8px;
  height: 32px; padding: 0 14px 0 10px; border-radius: 16px;
  background: var(--ws-bg); color: var(--ws-fg);
  border: 1px solid var(--ws-border); box-shadow: var(--ws-shadow-sm);
  font-size: 13px; font-weight: 500; white-space: nowrap;
}
.pill:hover { background: var(--ws-bg-hover); }
.pill[aria-expanded="true"] { border-color: var(--ws-accent); }
.pill:focus-visible { border-radius: 16px; }
.brand { font-weight: 650; letter-spacing: 0.01em; }
.sep { color: var(--ws-muted); }
.pill-count { font-variant-numeric: tabular-nums; }
.mark {
  width: 14px; height: 14px; border-radius: 50%; flex: none;
  background: conic-gradient(#E69F00 0 25%, #56B4E9 0 50%, #009E73 0 75%, #CC79A7 0);
}
.pill[data-status="error"] .mark { background: var(--ws-danger); }
.spinner {
  width: 13px; height: 13px; border-radius: 50%; flex: none;
  border: 2px solid var(--ws-border); border-top-color: var(--ws-accent);
  animation: ws-spin 0.9s linear infinite;
}
@keyframes ws-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; border-color: var(--ws-accent); } }

.panel {
  position: fixed; right: 16px; bottom: 56px;
  width: 400px; max-width: calc(100vw - 32px); max-height: min(calc(100vh - 72px), 860px);
  display: flex; flex-direction: column;
  background: var(--ws-bg); color: var(--ws-fg);
  border: 1px solid var(--ws-border); border-radius: 10px; box-shadow: var(--ws-shadow);
  overflow: hidden;
}
/* Only the list gives up height: a bar that shrank would clip its own buttons. */
.panel > * { flex: none; }
.panel > .groups { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; padding: 2px 0 6px; }
.head {
  display: flex; align-items: center; gap: 8px;
  padding: 10px 10px 9px 12px; border-bottom: 1px solid var(--ws-border-soft);
}
.title { font-size: 14px; font-weight: 650; }
/* Focus lands on the title only so the dialog is announced from its start; it is not a control. */
.title:focus { outline: none; }
.title:focus-visible { outline: 2px solid var(--ws-focus); outline-offset: 2px; }
.item-select[data-keyboard-focus]:focus { outline: 2px solid var(--ws-focus); outline-offset: 2px; }
.summary { color: var(--ws-muted); font-size: 12px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta { margin-left: auto; color: var(--ws-muted); font-size: 11.5px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.head > button { flex: none; }
@media (max-width: 460px) { .meta { display: none; } }
.legend-toggle, .hide, .settings, .close {
  width: 26px; height: 26px; border-radius: 6px;
  display: inline-flex; align-items: center; justify-content: center;
  color: var(--ws-muted); font-size: 18px; line-height: 1;
}
.settings { font-size: 15px; }
.legend-toggle { margin-left: auto; font-size: 14px; font-weight: 700; }
.legend-toggle[aria-expanded="true"] { background: var(--ws-accent-bg); color: var(--ws-fg); }
.legend { padding: 8px 12px 10px; border-bottom: 1px solid var(--ws-border-soft); font-size: 12px; line-height: 1.45; max-height: 45vh; overflow: auto; }
.legend h3 { margin: 6px 0 2px; font-size: 12px; font-weight: 700; color: var(--ws-fg); }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0; }
.legend dt { font-weight: 600; color: var(--ws-fg); }
.legend dd { margin: 0; color: var(--ws-fg-2); }
.legend-toggle:hover, .hide:hover, .settings:hover, .close:hover { background: var(--ws-bg-hover); color: var(--ws-fg); }

/* A narrow screen (a 390 px phone): the panel is a bottom sheet over the lower half, leaving the upper half for
   the passage it reveals (scroll-target.ts puts it there); the pill hides under the open sheet. */
@media (max-width: 600px) {
  .panel {
    left: 0; right: 0; bottom: 0; width: auto; max-width: none; max-height: 50vh;
    border-radius: 12px 12px 0 0; border-width: 1px 0 0;
  }
  .pill { right: 8px; bottom: 8px; }
  .pill[aria-expanded="true"] { display: none; }
  /* Half a phone's height: the filters scroll sideways on one line rather than take a second. */
  .toolbar { flex-wrap: nowrap; overflow-x: auto; overflow-y: hidden; scrollbar-width: thin; padding: 6px 12px; }
  .toggle { flex: none; }
  .head { padding: 6px 8px 5px 12px; }
  .foot { padding: 5px 12px; }
}
/* A short view (200% zoom on a laptop is 450 px high): the whole panel scrolls as one under its sticky header,
   so the list is not squeezed between toolbar and footer to a line or two. */
@media (max-height: 560px) {
  .panel { overflow-y: auto; }
  .panel > .groups { flex: none; overflow: visible; }
  .head { position: sticky; top: 0; z-index: 3; background: var(--ws-bg); }
}
.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px;
  padding: 8px 12px; border-bottom: 1px solid var(--ws-border-soft);
}
.toggle {
  display: inline-flex; align-items: center; gap: 6px; height: 24px; padding: 0 10px;
  border: 1px solid var(--ws-border); border-radius: 12px;
  font-size: 12px; color: var(--ws-fg-2);
}
.toggle:hover { background: var(--ws-bg-hover); }
.toggle[aria-pressed="true"] { background: var(--ws-accent-bg); border-color: var(--ws-accent); color: var(--ws-accent-fg); }
.toggle:focus-visible { border-radius: 12px; }
.toggle-n { color: var(--ws-muted); font-variant-numeric: tabular-nums; }
.toggle[aria-pressed="true"] .toggle-n { color: inherit; }
.filter-status { margin-left: auto; font-size: 12px; color: var(--ws-muted); font-variant-numeric: tabular-nums; }

/* Off-screen groups skip layout and paint: opening a 300-quote panel drops from ~50 ms to ~5 ms. It
   also clips to the group, which is why the certainty tooltip opens upward, into its own item. */
.group { padding: 7px 12px 3px; content-visibility: auto; contain-intrinsic-size: auto 90px; }
.group + .group { border-top: 1px solid var(--ws-border-soft); }
.swatch, .items, .bars span, .mark { forced-color-adjust: none; }
.swatch {
  width: 10px; height: 10px; border-radius: 50%; flex: none;
  background: var(--ws-speaker); box-shadow: 0 0 0 1px var(--ws-swatch-ring);
}
/* The speaker's initials on their colour: who spoke, without relying on colour. */
.swatch.initials {
  width: auto; min-width: 20px; height: 18px; padding: 0 4px; border-radius: 9px;
  display: inline-flex; align-items: center; justify-content: center;
  color: var(--ws-initials); font-size: 10.5px; font-weight: 700; letter-spacing: 0.02em; line-height: 1;
}
@media (forced-colors: active) { .swatch.initials { forced-color-adjust: auto; border: 1px solid CanvasText; } }
/* One line. Who it is comes first: a stat that does not fit beside the name and role wraps, whole, to a second
   row the head's height hides; the role then gives way (ellipsis), and the name only when it alone is wider. */
.group-head { display: flex; flex-wrap: wrap; align-items: center; column-gap: 6px; height: 20px; overflow: hidden; margin-bottom: 3px; white-space: nowrap; }
.group-head > .swatch { flex: none; }
.group-title { display: flex; align-items: center; gap: 6px; flex: 0 1 auto; min-width: 0; max-width: calc(100% - 40px); }
.group-name { font-size: 14px; font-weight: 600; line-height: 20px; flex: 0 0 auto; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
.group-role { color: var(--ws-muted); font-size: 12px; min-width: 0; flex: 0 1 auto; overflow: hidden; text-overflow: ellipsis; }
.group-stats { display: contents; font-size: 12px; color: var(--ws-muted); font-variant-numeric: tabular-nums; }
.group-stats > * { flex: none; }
.group-stats > :first-child { margin-left: auto; }
.badge {
  font-size: 10.5px; line-height: 16px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
  padding: 0 5px; border-radius: 4px; background: var(--ws-chip); color: var(--ws-fg-2); white-space: nowrap;
}
.flag { background: var(--ws-warn-bg); color: var(--ws-warn); }
.hedged { color: var(--ws-warn); }

.items { display: flex; flex-direction: column; gap: 1px; margin-left: 4px; border-left: 3px solid var(--ws-speaker); }
.item { position: relative; padding: 4px 6px 5px 10px; border-radius: 0 6px 6px 0; cursor: pointer; }
.item:hover, .item.is-hovered { background: var(--ws-bg-hover); }
.item[aria-current="true"] { background: var(--ws-accent-bg); }
/* A ring, not a fill: the revealed item is also the current one, whose background is already the accent. */
.item.is-revealed { box-shadow: inset 0 0 0 2px var(--ws-accent); animation: ws-reveal 1.6s ease-out both; }
@keyframes ws-reveal { 0%, 40% { box-shadow: inset 0 0 0 2px var(--ws-accent); } 100% { box-shadow: inset 0 0 0 2px transparent; } }
@media (prefers-reduced-motion: reduce) { .item.is-revealed { animation: none; } }
.item-select { display: block; width: 100%; border-radius: 4px; }
.item-meta { display: flex; align-items: baseline; gap: 6px; font-size: 12px; color: var(--ws-muted); white-space: nowrap; min-width: 0; }
.cue { color: var(--ws-fg); font-weight: 600; min-width: 0; flex: 0 1 auto; overflow: hidden; text-overflow: ellipsis; }
.item-meta > :not(.cue) { flex: none; }
/* How the speaker put it, in a word, with the meter's three bars in small (the full meter is in the details). */
.put { display: inline-flex; align-items: baseline; gap: 4px; color: var(--ws-fg-2); }
.put[data-level="low"] { color: var(--ws-warn); font-weight: 600; }
.put[data-level="medium"] { color: var(--ws-mid); font-weight: 600; }
.put[data-level="none"] { color: var(--ws-muted); }
.put-mark {
  --ws-bar2: var(--ws-border); --ws-bar3: var(--ws-border);
  align-self: center; width: 10px; height: 9px; forced-color-adjust: none;
  background:
    linear-gradient(currentColor, currentColor) 0 100% / 2px 4px no-repeat,
    linear-gradient(var(--ws-bar2), var(--ws-bar2)) 4px 100% / 2px 6px no-repeat,
    linear-gradient(var(--ws-bar3), var(--ws-bar3)) 8px 100% / 2px 9px no-repeat;
}
.put[data-level="medium"] .put-mark { --ws-bar2: currentColor; }
.put[data-level="high"] .put-mark { --ws-bar2: currentColor; --ws-bar3: currentColor; color: var(--ws-good); }
.marked { color: var(--ws-accent-fg); font-weight: 600; }
.kind { cursor: help; }
.conf { display: inline-flex; align-items: center; gap: 4px; margin-left: auto; white-space: nowrap; }
.conf[data-sure="unsure"] { color: var(--ws-warn); }
/* Not colour alone: a full, half or empty dot says how sure. */
.conf-mark { width: 8px; height: 8px; border: 1.5px solid currentColor; border-radius: 50%; }
.conf[data-sure="sure"] .conf-mark { background: currentColor; }
.conf[data-sure="fairly-sure"] .conf-mark { background: linear-gradient(90deg, currentColor 50%, transparent 50%); }
.sure-tip { left: auto; right: 6px; top: 22px; bottom: auto; max-width: 230px; }
/* Shown after a pause, as tooltips are, so moving through the list does not flash one over every item. */
.sure-tip { display: block; visibility: hidden; opacity: 0; transition: opacity 0.15s, visibility 0s 0.15s; }
.item-select:focus-visible ~ .sure-tip, .item-select:has(.conf:hover) ~ .sure-tip { visibility: visible; opacity: 1; transition: opacity 0.15s 0.7s, visibility 0s 0.7s; }
@media (prefers-reduced-motion: reduce) { .sure-tip, .item-select:focus-visible ~ .sure-tip { transition: none; } }
.item-text { display: block; margin-top: 1px; font-size: 13.5px; line-height: 1.45; color: var(--ws-fg); overflow-wrap: anywhere; white-space: pre-wrap; }
.item-text[data-clamped] { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 5; line-clamp: 5; overflow: hidden; }
.item-text[data-clamped="short"] { -webkit-line-clamp: 2; line-clamp: 2; }
.item-details { cursor: default; }
.item-facts { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 5px; font-size: 12px; }
.item-facts:empty { display: none; }

.meter-wrap { position: relative; display: inline-flex; }
.meter {
  display: inline-flex; align-items: center; gap: 5px; height: 20px; padding: 0 6px 0 5px;
  border-radius: 4px; background: var(--ws-chip); color: var(--ws-fg-2); cursor: help;
  font-variant-numeric: tabular-nums;
}
.meter[data-level="low"] { --ws-level: var(--ws-warn); }
.meter[data-level="medium"] { --ws-level: var(--ws-mid); }
.meter[data-level="high"] { --ws-level: var(--ws-good); }
.meter[data-level="none"] { --ws-level: var(--ws-muted); }
.bars { display: inline-flex; align-items: flex-end; gap: 2px; }
.bars span { width: 4px; border-radius: 1px; background: var(--ws-border); }
.bars span:nth-child(1) { height: 6px; }
.bars span:nth-child(2) { height: 9px; }
.bars span:nth-child(3) { height: 12px; }
.meter[data-level="low"] .bars span:nth-child(1),
.meter[data-level="medium"] .bars span:nth-child(-n+2),
.meter[data-level="high"] .bars span { background: var(--ws-level); }
.meter-label { color: var(--ws-level); font-weight: 600; }
.tip {
  display: none; position: absolute; left: 0; bottom: calc(100% + 6px); z-index: 2;
  width: max-content; max-width: 260px; padding: 6px 8px; border-radius: 6px;
  background: var(--ws-tip-bg); color: var(--ws-tip-fg); box-shadow: var(--ws-shadow-sm);
  font-size: 12px; line-height: 1.4; white-space: normal;
}
.meter:hover + .tip, .meter:focus + .tip, .meter-wrap:hover .tip { display: block; }
.meter-wrap[data-dismissed] .tip { display: none; }
.chip {
  display: inline-flex; align-items: center; height: 20px; padding: 0 6px;
  border: 1px solid var(--ws-border); border-radius: 4px; color: var(--ws-fg-2); white-space: nowrap;
}
.chip[data-framing="neutral"] { border-color: var(--ws-border-soft); color: var(--ws-muted); }
.chip[data-framing="distancing"] { border-color: var(--ws-warn); color: var(--ws-warn); }
.chip[data-framing="endorsing"] { border-color: var(--ws-good); color: var(--ws-good); }
.chip[data-framing="emphatic"] { border-color: var(--ws-emph); color: var(--ws-emph); }
.chip[data-framing="directive"] { border-color: var(--ws-mid); color: var(--ws-mid); }
.chip[data-framing="tentative"] { border-style: dashed; }
.more { margin-left: auto; padding: 0 4px; border-radius: 4px; font-size: 12px; color: var(--ws-accent); }
.more:hover { text-decoration: underline; }

.review { margin-top: 6px; cursor: default; }
.review-row { display: flex; flex-wrap: wrap; gap: 4px; }
.mark-button, .note-toggle, .copy-cite, .desk-button {
  height: 24px; padding: 0 8px; border: 1px solid var(--ws-border); border-radius: 12px;
  font-size: 12px; color: var(--ws-fg-2); background: var(--ws-bg);
}
.mark-button:hover, .note-toggle:hover, .copy-cite:hover, .desk-button:hover { background: var(--ws-bg-hover); }
.mark-button[aria-pressed="true"], .desk-button[aria-pressed="true"] { border-color: var(--ws-accent); background: var(--ws-accent-bg); color: var(--ws-fg); font-weight: 600; }
.mark-button[data-mark="disputed"][aria-pressed="true"] { border-color: var(--ws-warn); }
.item[data-marked] { box-shadow: inset 3px 0 0 var(--ws-accent); }
.item[data-marked="disputed"] { box-shadow: inset 3px 0 0 var(--ws-warn); }
.note-text, .corrected { margin: 4px 0 0; font-size: 12.5px; color: var(--ws-fg-2); white-space: pre-wrap; overflow-wrap: anywhere; }
.note-text { border-left: 2px solid var(--ws-border); padding-left: 6px; }
.review-status { margin: 3px 0 0; font-size: 12px; color: var(--ws-muted); }
/* The note's form lives in note.html (issue 21); the frame takes the height the form reports. */
.note-frame { display: block; width: 100%; height: 150px; margin: 6px 0 0; padding: 0; border: 0; background: transparent; }
.desk-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 12px; border-bottom: 1px solid var(--ws-border-soft); font-size: 12px; }
.desk-count { flex: 1 1 0; min-width: 0; color: var(--ws-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.desk-notice { flex-basis: 100%; margin: 0; color: var(--ws-danger); }
.orphans { padding: 6px 12px; border-bottom: 1px solid var(--ws-border-soft); font-size: 12px; color: var(--ws-fg-2); }
.orphans ul { margin: 4px 0 0; padding-left: 18px; }
.export-format { font: inherit; font-size: 12px; color: var(--ws-fg); background: var(--ws-bg); border: 1px solid var(--ws-border); border-radius: 4px; }
.empty, .message { padding: 16px 12px; }
.notice { margin: 0; padding: 8px 12px; font-size: 12px; border-bottom: 1px solid var(--ws-line, rgba(127, 127, 127, 0.35)); }
.empty { color: var(--ws-muted); }
.message-title { font-weight: 600; }
.message-detail { margin-top: 4px; color: var(--ws-muted); font-size: 12px; overflow-wrap: anywhere; }
.message[data-kind="error"] .message-title { color: var(--ws-danger); }
.busy { display: flex; align-items: center; gap: 8px; color: var(--ws-muted); }

.foot {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px;
  padding: 7px 12px; border-top: 1px solid var(--ws-border-soft);
  font-size: 12px; color: var(--ws-muted);
}
.export { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; flex: 1 1 auto; }
.export-label { color: var(--ws-muted); }
.seg {
  display: inline-flex; align-items: center; height: 24px;
  border: 1px solid var(--ws-border); border-radius: 6px; overflow: hidden;
}
.seg-name { padding: 0 7px; font-weight: 600; font-size: 11px; letter-spacing: 0.03em; color: var(--ws-fg-2); background: var(--ws-chip); align-self: stretch; display: inline-flex; align-items: center; }
.seg-button { height: 100%; padding: 0 8px; color: var(--ws-fg-2); border-left: 1px solid var(--ws-border); }
.seg-button:hover { background: var(--ws-bg-hover); color: var(--ws-fg); }
.seg-button:focus-visible { outline-offset: -2px; border-radius: 0; }
.seg-button:disabled { opacity: 0.5; cursor: default; }
.notice { flex-basis: 100%; color: var(--ws-fg-2); }
.notice[data-kind="error"] { color: var(--ws-danger); }
.notice:empty { display: none; }

.hover-tip {
  position: fixed; pointer-events: none; max-width: 320px;
  display: flex; align-items: flex-start; gap: 7px; padding: 5px 9px; border-radius: 6px;
  background: var(--ws-tip-bg); color: var(--ws-tip-fg); box-shadow: var(--ws-shadow-sm);
  font-size: 12.5px; line-height: 1.4;
}
.hover-tip .swatch { margin-top: 4px; }
.hover-sub { display: block; opacity: 0.8; font-size: 11.5px; }
`;
