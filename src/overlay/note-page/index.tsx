/**
 * note.html's entry (note.js): the note form, in a frame of the extension's origin inside the panel
 * (src/shared/note-frame.ts). It talks only to the overlay in its own tab's top frame, through the
 * extension's messaging: the page hears neither the keys typed here nor the note saved.
 */
import { render } from 'preact';
import { browser } from '../../shared/browser';
import {
  isNoteToken,
  NOTE_FRAME_CLOSE,
  NOTE_FRAME_DRAFT,
  NOTE_FRAME_OPEN,
  NOTE_FRAME_SAVE,
  NOTE_FRAME_SIZE,
  readNoteFrameInit,
  readNoteSaveReply,
  type NoteFrameMessage,
} from '../../shared/note-frame';
import { NoteForm } from './NoteForm';
import { NOTE_PAGE_CSS } from './styles';

/** A constructed sheet: the extension pages' CSP (style-src 'self') refuses a <style> element. */
function applyStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(NOTE_PAGE_CSS);
  document.adoptedStyleSheets = [sheet];
}

/**
 * Straight to the tab's top frame where this frame has the tabs API (Chrome); through the worker where it
 * has none (Firefox), which is slower when the worker is busy analysing a page.
 */
async function messenger(): Promise<(message: NoteFrameMessage) => Promise<unknown>> {
  const tab = browser.tabs ? await browser.tabs.getCurrent().catch(() => undefined) : undefined;
  const tabId = tab?.id;
  if (typeof tabId === 'number') return (message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null);
  return (message) => browser.runtime.sendMessage(message).catch(() => null);
}

/** Says what went wrong: in place of the form, or above it (`keepForm`: the reader's draft stays). */
function fail(root: HTMLElement, text: string, keepForm = false): void {
  const message = document.createElement('p');
  message.className = 'note-error';
  message.setAttribute('role', 'alert');
  message.textContent = text;
  if (!keepForm) return root.replaceChildren(message);
  root.querySelector('.note-error')?.remove();
  root.prepend(message);
}

async function start(): Promise<void> {
  applyStyles();
  const root = document.getElementById('note')!;
  const token = location.hash.slice(1);
  if (!isNoteToken(token)) return fail(root, 'WhoSaid cannot take a note here.');
  const send = await messenger();
  const init = readNoteFrameInit(await send({ type: NOTE_FRAME_OPEN, token }));
  if (!init) return fail(root, 'This note is closed; open it again from the panel.');
  root.replaceChildren();
  const save = async (note: string, speaker: string) => {
    // Saved, the frame goes. Refused (the panel was covered), the overlay says why and the form stays as typed,
    // for the reader to save again. Not answered at all, the reader must know too.
    const reply = readNoteSaveReply(await send({ type: NOTE_FRAME_SAVE, token, note, speaker }));
    if (reply === true) return;
    fail(root, reply ? reply.refused : 'Your note was not saved: copy it, then open the note again from the panel.', true);
  };
  // Each change goes to the overlay, which keeps it (in its isolated world) until saved or cancelled.
  const draft = (note: string, speaker: string) => void send({ type: NOTE_FRAME_DRAFT, token, note, speaker });
  render(<NoteForm init={init} onDraft={draft} onSave={(note, speaker) => void save(note, speaker)} onClose={() => void send({ type: NOTE_FRAME_CLOSE, token })} />, root);
  // The panel sizes the frame to the form (which grows with a textarea the reader resizes).
  const report = () => void send({ type: NOTE_FRAME_SIZE, token, height: root.getBoundingClientRect().height });
  new ResizeObserver(report).observe(root);
}

void start();
