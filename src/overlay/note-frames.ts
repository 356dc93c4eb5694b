/**
 * The overlay's end of the note frame (src/shared/note-frame.ts): notes being edited, each under a random
 * token, and the one runtime listener through which their frames ask for what to show and hand back what
 * the reader saved. Only extension pages reach that listener: the page can neither send to it nor read it.
 * The drafts the frames hand over are kept here too (note-drafts.ts), for as long as this isolated world.
 */
import {
  NOTE_FRAME_CLOSE,
  NOTE_FRAME_DRAFT,
  NOTE_FRAME_OPEN,
  NOTE_FRAME_SAVE,
  NOTE_FRAME_SIZE,
  NOTE_PAGE,
  newNoteToken,
  readNoteFrameMessage,
  type NoteFrameInit,
  type NoteSaveRefused,
} from '../shared/note-frame';
import { createNoteDrafts, type NoteDrafts } from './note-drafts';

/** One note being edited, as its item sees it. */
export interface NoteSession {
  /** What the form starts with, read when the frame asks (so it is the latest). */
  init(): NoteFrameInit;
  onSize(height: number): void;
  /** What the form holds now, as the reader types. */
  onDraft(note: string, speaker: string): void;
  /** The reader saved: true once the review is sent, or why it was refused (the form stays open then). */
  onSave(note: string, speaker: string): true | NoteSaveRefused;
  onClose(): void;
}

export interface NoteFrames {
  /** A new token and the frame address that names it (nothing else in it). */
  address(): { token: string; url: string };
  /** Listens for the frame of `token` until the returned function is called. */
  register(token: string, session: NoteSession): () => void;
  /** Unsaved drafts by article and attribution: they outlive the frames and the panel. */
  readonly drafts: NoteDrafts;
}

type Responder = (reply: unknown) => void;
export type NoteMessageListener = (message: unknown, sender: unknown, sendResponse: Responder) => undefined;

/** The part of chrome.runtime (browser.runtime in Firefox) the overlay needs, answering with sendResponse. */
export interface NoteRuntime {
  getURL(path: string): string;
  onMessage: { addListener(listener: NoteMessageListener): void };
}

/**
 * The bundle's note frames, set by its entry (index.tsx) before anything mounts; a unit test sets a fake.
 * None (no extension runtime): items offer no note, since there is nowhere safe to type it.
 */
let provided: NoteFrames | null = null;

export function provideNoteFrames(frames: NoteFrames | null): void {
  provided = frames;
}

export function providedNoteFrames(): NoteFrames | null {
  return provided;
}

/** The frame heights taken: a form never needs more, and a frame cannot make the panel scroll for ever. */
const MIN_HEIGHT = 60;
const MAX_HEIGHT = 600;

export function createNoteFrames(runtime: NoteRuntime, newToken: () => string = newNoteToken, drafts: NoteDrafts = createNoteDrafts()): NoteFrames {
  const sessions = new Map<string, NoteSession>();
  runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = readNoteFrameMessage(message);
    const session = request && sessions.get(request.token);
    // Not a note frame's, or a note no longer open: another listener's message, or nothing to answer.
    if (!request || !session) return undefined;
    if (request.type === NOTE_FRAME_OPEN) {
      sendResponse(session.init());
      return undefined;
    }
    if (request.type === NOTE_FRAME_SAVE) {
      sendResponse(session.onSave(request.note, request.speaker));
      return undefined;
    }
    if (request.type === NOTE_FRAME_SIZE) session.onSize(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(request.height))));
    else if (request.type === NOTE_FRAME_DRAFT) session.onDraft(request.note, request.speaker);
    else if (request.type === NOTE_FRAME_CLOSE) session.onClose();
    sendResponse(true);
    return undefined;
  });
  return {
    drafts,
    address() {
      const token = newToken();
      return { token, url: `${runtime.getURL(NOTE_PAGE)}#${token}` };
    },
    register(token, session) {
      sessions.set(token, session);
      return () => {
        if (sessions.get(token) === session) sessions.delete(token);
      };
    },
  };
}
