/**
 * note.html, the frame the reader types a note in (issue 21): the form opens with the keyboard in the
 * note, saves on Save or Ctrl+Enter with the values as typed, closes on Escape or Cancel. Its messages
 * and its CSS (the panel's colours, light and dark).
 */
import { render } from 'preact';
import type { DomEnv } from './dom-env';
import { click, installDom, keyEvent, userEvent } from './dom-env';
import { settle } from './harness';
import { NoteForm } from '../../src/overlay/note-page/NoteForm';
import { NOTE_PAGE_CSS } from '../../src/overlay/note-page/styles';
import { THEME_DARK, THEME_LIGHT } from '../../src/overlay/styles';
import { isNoteToken, newNoteToken, NOTE_FRAME_DRAFT, NOTE_FRAME_OPEN, NOTE_FRAME_SAVE, NOTE_FRAME_SIZE, readNoteFrameInit, readNoteFrameMessage, readNoteSaveReply } from '../../src/shared/note-frame';

let env: DomEnv;
let root: HTMLElement;
const saved: Array<[string, string]> = [];
let closed = 0;

function show(init = { note: 'Asked once', speaker: 'Ryan Dillon', who: 'Ryan Dillon' }) {
  render(<NoteForm init={init} onSave={(note, speaker) => void saved.push([note, speaker])} onClose={() => void closed++} />, root);
}

/** What a field starts with: linkedom has no defaultValue property, so Preact leaves it as an attribute there. */
function initial(field: HTMLTextAreaElement | HTMLInputElement): string | null {
  return field.defaultValue ?? field.getAttribute('defaultValue');
}

function type(field: HTMLTextAreaElement | HTMLInputElement, value: string) {
  Object.defineProperty(field, 'value', { value, configurable: true });
  userEvent(field, 'input');
}

beforeEach(() => {
  env = installDom('<!doctype html><html><body><div id="note"></div></body></html>');
  root = env.document.getElementById('note')!;
  saved.length = 0;
  closed = 0;
});
afterEach(() => {
  render(null, root);
  env.restore();
});

test('the note field has the keyboard from the start, filled with the note saved so far', async () => {
  show();
  await settle();
  const note = root.querySelector<HTMLTextAreaElement>('textarea[name="note"]')!;
  expect(env.activeElement()).toBe(note);
  expect(initial(note)).toBe('Asked once');
  expect(initial(root.querySelector<HTMLInputElement>('input[name="speaker"]')!)).toBe('Ryan Dillon');
  expect(root.querySelector('form')!.getAttribute('aria-label')).toBe('Your note on the quote from Ryan Dillon');
});

test('Ctrl+Enter saves from either field, Save too, with the values as typed', async () => {
  show();
  await settle();
  const note = root.querySelector<HTMLTextAreaElement>('textarea')!;
  const speaker = root.querySelector<HTMLInputElement>('input')!;
  type(note, '  Source lied  ');
  type(speaker, 'Ryan Dillon');
  note.dispatchEvent(keyEvent('keydown', 'Enter', { ctrlKey: true }));
  type(speaker, 'Col. Ryan Dillon');
  speaker.dispatchEvent(keyEvent('keydown', 'Enter', { metaKey: true }));
  userEvent(root.querySelector('form')!, 'submit');
  expect(saved).toEqual([
    ['  Source lied  ', 'Ryan Dillon'],
    ['  Source lied  ', 'Col. Ryan Dillon'],
    ['  Source lied  ', 'Col. Ryan Dillon'],
  ]);
  // A plain Enter is a new line in the note, not a save.
  note.dispatchEvent(keyEvent('keydown', 'Enter'));
  expect(saved).toHaveLength(3);
  expect(closed).toBe(0);
});

test('Escape and Cancel close without saving', async () => {
  show();
  await settle();
  root.querySelector('textarea')!.dispatchEvent(keyEvent('keydown', 'Escape'));
  click(root.querySelector('[data-cancel-note]')!);
  expect(closed).toBe(2);
  expect(saved).toEqual([]);
});

test('messages are read field by field; a token is 128 random bits and nothing else', () => {
  const token = newNoteToken();
  expect(isNoteToken(token)).toBe(true);
  expect(newNoteToken()).not.toBe(token);
  expect(readNoteFrameMessage({ type: NOTE_FRAME_SAVE, token, note: 'n', speaker: 's' })).toEqual({ type: NOTE_FRAME_SAVE, token, note: 'n', speaker: 's' });
  expect(readNoteFrameMessage({ type: NOTE_FRAME_OPEN, token, extra: 1 })).toEqual({ type: NOTE_FRAME_OPEN, token });
  expect(readNoteFrameMessage({ type: NOTE_FRAME_SAVE, token, note: 1, speaker: 's' })).toBeNull();
  expect(readNoteFrameMessage({ type: NOTE_FRAME_SIZE, token, height: Infinity })).toBeNull();
  expect(readNoteFrameMessage({ type: NOTE_FRAME_OPEN, token: 'https://news.example.com/' })).toBeNull();
  expect(readNoteFrameMessage({ type: 'background/toggle-panel' })).toBeNull();
  expect(readNoteFrameMessage(null)).toBeNull();
  expect(readNoteFrameInit({ note: '', speaker: 'X', who: 'X' })).toEqual({ note: '', speaker: 'X', who: 'X' });
  expect(readNoteFrameInit({ note: '', speaker: null, who: 'X' })).toBeNull();
});

test('each change the reader makes is handed over as a draft, from either field, with both values', async () => {
  const drafts: Array<[string, string]> = [];
  render(<NoteForm init={{ note: '', speaker: '', who: 'no named source' }} onDraft={(note, speaker) => void drafts.push([note, speaker])} onSave={() => {}} onClose={() => {}} />, root);
  await settle();
  type(root.querySelector<HTMLTextAreaElement>('textarea')!, 'Half');
  type(root.querySelector<HTMLInputElement>('input')!, 'Col. Ryan Dillon');
  expect(drafts).toEqual([
    ['Half', ''],
    ['Half', 'Col. Ryan Dillon'],
  ]);
  expect(saved).toEqual([]);
});

test('draft messages and the answers to a save are read field by field', () => {
  const token = newNoteToken();
  expect(readNoteFrameMessage({ type: NOTE_FRAME_DRAFT, token, note: 'n', speaker: 's', extra: 1 })).toEqual({ type: NOTE_FRAME_DRAFT, token, note: 'n', speaker: 's' });
  expect(readNoteFrameMessage({ type: NOTE_FRAME_DRAFT, token, note: 'n' })).toBeNull();
  expect(readNoteSaveReply(true)).toBe(true);
  expect(readNoteSaveReply({ refused: 'Not saved: covered' })).toEqual({ refused: 'Not saved: covered' });
  for (const reply of [null, undefined, false, { refused: '' }, { refused: 1 }, 'true']) expect(readNoteSaveReply(reply)).toBeNull();
});

test('the frame wears the panel\u2019s colours, light and dark', () => {
  expect(NOTE_PAGE_CSS).toContain(THEME_LIGHT);
  expect(NOTE_PAGE_CSS).toContain(THEME_DARK);
  expect(NOTE_PAGE_CSS).toMatch(/@media \(prefers-color-scheme: dark\)/);
  expect(THEME_LIGHT).toContain('--ws-bg: #ffffff;');
  expect(THEME_DARK).toContain('color-scheme: dark;');
});
