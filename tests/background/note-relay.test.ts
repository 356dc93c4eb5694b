/**
 * The worker passes a note frame's messages (note.html, framed in the panel: issue 21) to the overlay in
 * the frame's tab, top frame only, and the overlay's answer back. Only note.html may send one: not a
 * content script (whose address is its page's), not another extension page.
 */
import { createBackground, type Background } from '../../src/background/background';
import type { MessageSender } from '../../src/background/api';
import { NOTE_FRAME_OPEN, NOTE_FRAME_SAVE } from '../../src/shared/note-frame';
import { countingAnalyzer } from './analyzer-double';
import { FakeBrowser } from './fake-browser';

const TOKEN = '0123456789abcdef0123456789abcdef';
let api: FakeBrowser;
let background: Background;
let relayed: Array<{ tabId: number; message: unknown; options: unknown }>;

beforeEach(() => {
  api = new FakeBrowser();
  relayed = [];
  api.tabs.sendMessage = async (tabId: number, message: unknown, options?: unknown) => {
    relayed.push({ tabId, message, options });
    return (message as { type: string }).type === NOTE_FRAME_OPEN ? { note: 'n', speaker: 's', who: 's' } : true;
  };
  background = createBackground(api, { analyze: countingAnalyzer().analyze });
});
afterEach(() => background.destroy());

function fromSender(message: unknown, sender: MessageSender): unknown {
  const replies = api.runtime.onMessage.fire(message, sender).filter((reply) => reply !== undefined);
  expect(replies.length).toBeLessThanOrEqual(1);
  return replies[0];
}

test('a note frame\u2019s message goes to its tab\u2019s top frame; the answer comes back', async () => {
  const frame = { tab: { id: 4 }, frameId: 7, url: `chrome-extension://abcdef/note.html#${TOKEN}` };
  expect(await fromSender({ type: NOTE_FRAME_OPEN, token: TOKEN }, frame)).toEqual({ note: 'n', speaker: 's', who: 's' });
  expect(await fromSender({ type: NOTE_FRAME_SAVE, token: TOKEN, note: 'Source lied', speaker: '' }, { ...frame, url: `moz-extension://0b1c-22/note.html#${TOKEN}` })).toBe(true);
  expect(relayed).toEqual([
    { tabId: 4, message: { type: NOTE_FRAME_OPEN, token: TOKEN }, options: { frameId: 0 } },
    { tabId: 4, message: { type: NOTE_FRAME_SAVE, token: TOKEN, note: 'Source lied', speaker: '' }, options: { frameId: 0 } },
  ]);
});

test('nobody but note.html in a frame of a tab is passed on', async () => {
  const save = { type: NOTE_FRAME_SAVE, token: TOKEN, note: 'forged', speaker: '' };
  // A content script: its address is the page's, even a page named note.html.
  expect(fromSender(save, { tab: { id: 4 }, frameId: 0, url: 'https://news.example/note.html' })).toBeUndefined();
  expect(fromSender(save, { tab: { id: 4 }, frameId: 3, url: 'https://ads.example/note.html' })).toBeUndefined();
  // Another page of the extension, or note.html outside a tab.
  expect(fromSender(save, { tab: { id: 4 }, frameId: 0, url: 'chrome-extension://abcdef/desk.html' })).toBeUndefined();
  expect(fromSender(save, { frameId: 3, url: `chrome-extension://abcdef/note.html#${TOKEN}` })).toBeUndefined();
  expect(relayed).toEqual([]);
});

test('a tab that no longer answers gives the frame null, not an error', async () => {
  api.tabs.sendMessage = async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  };
  expect(await fromSender({ type: NOTE_FRAME_OPEN, token: TOKEN }, { tab: { id: 4 }, frameId: 7, url: `chrome-extension://abcdef/note.html#${TOKEN}` })).toBeNull();
});
