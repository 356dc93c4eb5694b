/**
 * note.html's CSS: the panel's colour tokens (light and dark, by the same media query as the panel, so
 * the frame matches the panel around it) and the note form as it looked inside the panel.
 */
import { THEME_DARK, THEME_LIGHT } from '../styles';
import { OVERLAY_FONT_STACK } from '../../shared/overlay-font';

export const NOTE_PAGE_CSS = `
:root {
${THEME_LIGHT}}
@media (prefers-color-scheme: dark) {
  :root {
${THEME_DARK}  }
}
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: var(--ws-bg); }
body { font: 400 12px/1.45 ${OVERLAY_FONT_STACK}; color: var(--ws-fg); }
#note { padding: 2px; }
.note-form { display: flex; flex-direction: column; gap: 6px; margin: 0; }
.note-form label { display: flex; flex-direction: column; gap: 2px; }
.note-form textarea, .note-form input {
  font: inherit; font-size: 13px; padding: 4px 6px; color: var(--ws-fg); background: var(--ws-bg);
  border: 1px solid var(--ws-border); border-radius: 4px; resize: vertical;
}
.note-actions { display: flex; gap: 6px; }
.note-actions button {
  height: 24px; padding: 0 8px; border: 1px solid var(--ws-border); border-radius: 12px;
  font: inherit; font-size: 12px; color: var(--ws-fg-2); background: var(--ws-bg); cursor: pointer;
}
.note-actions button:hover { background: var(--ws-bg-hover); }
:focus { outline: none; }
:focus-visible, .note-form textarea:focus, .note-form input:focus { outline: 2px solid var(--ws-focus); outline-offset: 1px; }
.note-error { margin: 0; color: var(--ws-danger); }
`;
