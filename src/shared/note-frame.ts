/**
 * The note frame (issue 21). What the reader types into a note or a speaker correction is typed in
 * note.html, a page of the extension's own origin framed in the panel: keys pressed there are events of
 * that document only, which the page's listeners cannot hear (a closed shadow root hides its nodes, not
 * its composed events). The frame and the overlay speak through the extension's messaging, which the
 * page can neither read nor forge (window postMessage would reach the page's own listeners): the frame
 * sends to its tab's top frame (tabs.sendMessage), or where it has no tabs API (Firefox gives a frame
 * of the extension in a web page none) to the worker, which passes the message on and the answer back. The frame's address carries only a random token
 * naming the note it edits. The draft is handed to the overlay as it is typed (DRAFT), which keeps it out of
 * the page's reach in its isolated world, so a panel the page wipes and rebuilds gives it back (note-drafts.ts).
 *
 *   frame → overlay  OPEN {token}                 → {note, speaker, who} to fill the form with (a kept draft first)
 *   frame → overlay  SIZE {token, height}         the form's height, for the <iframe>
 *   frame → overlay  DRAFT {token, note, speaker} what the form holds, at each change (kept until saved or cancelled)
 *   frame → overlay  SAVE {token, note, speaker}  the reader saved: the overlay sends the review → true, or
 *                                                 {refused} saying why it was not (the frame stays, draft and all)
 *   frame → overlay  CLOSE {token}                Escape or Cancel
 */
export const NOTE_PAGE = 'note.html';

export const NOTE_FRAME_OPEN = 'whosaid/note-open';
export const NOTE_FRAME_SIZE = 'whosaid/note-size';
export const NOTE_FRAME_SAVE = 'whosaid/note-save';
export const NOTE_FRAME_CLOSE = 'whosaid/note-close';
export const NOTE_FRAME_DRAFT = 'whosaid/note-draft';

/** The overlay's answer to a SAVE it did not send: why, in plain words for the reader. */
export interface NoteSaveRefused {
  refused: string;
}

/** A SAVE's answer: true (sent), the reason it was refused, or null (no answer: nothing is known). */
export function readNoteSaveReply(reply: unknown): true | NoteSaveRefused | null {
  if (reply === true) return true;
  const refused = (reply as Partial<NoteSaveRefused> | null)?.refused;
  return typeof refused === 'string' && refused !== '' ? { refused } : null;
}

/** What the form starts with: the note saved so far, the speaker as shown, and who said it (for labels). */
export interface NoteFrameInit {
  note: string;
  speaker: string;
  who: string;
}

export type NoteFrameMessage =
  | { type: typeof NOTE_FRAME_OPEN; token: string }
  | { type: typeof NOTE_FRAME_SIZE; token: string; height: number }
  | { type: typeof NOTE_FRAME_SAVE; token: string; note: string; speaker: string }
  | { type: typeof NOTE_FRAME_DRAFT; token: string; note: string; speaker: string }
  | { type: typeof NOTE_FRAME_CLOSE; token: string };

/** 128 random bits as hex: unguessable, and nothing of the page or the note in it. */
const TOKEN = /^[0-9a-f]{32}$/;

export function isNoteToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** From crypto.getRandomValues, which (unlike randomUUID) pages served over plain http have too. */
export function newNoteToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A note frame's message checked field by field; null for anything else (other listeners' messages included). */
export function readNoteFrameMessage(message: unknown): NoteFrameMessage | null {
  const value = message as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || !isNoteToken(value.token)) return null;
  const token = value.token;
  switch (value.type) {
    case NOTE_FRAME_OPEN:
      return { type: NOTE_FRAME_OPEN, token };
    case NOTE_FRAME_CLOSE:
      return { type: NOTE_FRAME_CLOSE, token };
    case NOTE_FRAME_SIZE:
      return typeof value.height === 'number' && Number.isFinite(value.height) ? { type: NOTE_FRAME_SIZE, token, height: value.height } : null;
    case NOTE_FRAME_SAVE:
      return typeof value.note === 'string' && typeof value.speaker === 'string' ? { type: NOTE_FRAME_SAVE, token, note: value.note, speaker: value.speaker } : null;
    case NOTE_FRAME_DRAFT:
      return typeof value.note === 'string' && typeof value.speaker === 'string' ? { type: NOTE_FRAME_DRAFT, token, note: value.note, speaker: value.speaker } : null;
    default:
      return null;
  }
}

export function readNoteFrameInit(reply: unknown): NoteFrameInit | null {
  const value = reply as Partial<NoteFrameInit> | null;
  if (!value || typeof value !== 'object') return null;
  const { note, speaker, who } = value;
  return typeof note === 'string' && typeof speaker === 'string' && typeof who === 'string' ? { note, speaker, who } : null;
}
