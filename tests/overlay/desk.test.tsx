/**
 * The desk's controls in the panel: the contract (`data-attribution`, `data-mark`, `data-marked`), marks,
 * notes and corrected speakers sent to the content script, copy with citation, keep and open the desk,
 * orphans listed. Actions come only from the reader (trusted events).
 */
import type { DomEnv } from './dom-env';
import { click, installDom, keyEvent, scriptedClick, userEvent } from './dom-env';
import type { Harness } from './harness';
import { mountHarness, settle } from './harness';
import { sampleAnalysis } from './fixture';
import { installOverlay, type OverlayBundle } from '../../src/overlay/install';
import type { PageDesk } from '../../src/shared/desk/page';
import { OVERLAY_TO_CONTENT_OPEN_DESK, OVERLAY_TO_CONTENT_PIN, OVERLAY_TO_CONTENT_REVIEW } from '../../src/shared/overlay-contract';
import { createNoteFrames, provideNoteFrames, type NoteMessageListener } from '../../src/overlay/note-frames';
import { NOTE_FRAME_CLOSE, NOTE_FRAME_DRAFT, NOTE_FRAME_OPEN, NOTE_FRAME_SAVE, NOTE_FRAME_SIZE, type NoteFrameMessage } from '../../src/shared/note-frame';

let env: DomEnv;
let bundle: OverlayBundle;
let ui: Harness;
/** The overlay's runtime listener, where note frames (note.html) send their messages. */
let noteListener: NoteMessageListener | null = null;

const ARTICLE = { url: 'https://news.example.com/world/russia-isis-claim', title: 'Russia claims strike', outlet: 'News Example', published: '2026-03-01T10:00:00.000Z' };

function desk(overrides: Partial<PageDesk> = {}): PageDesk {
  const analysis = sampleAnalysis();
  const claims: PageDesk['claims'] = {};
  analysis.quotes.forEach((quote, index) => {
    claims[quote.id] = {
      key: `w${index}x7q-2k`,
      selector: {
        quote: { type: 'TextQuoteSelector', exact: quote.contents[0]?.text ?? '', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: index * 100, end: index * 100 + 10 },
      },
    };
  });
  return {
    article: ARTICLE,
    claims,
    reviews: { q3: { mark: 'disputed', note: 'Contradicted by the Pentagon', speaker: null, updatedAt: 1 } },
    orphans: [{ key: 'wdeadbeef', content: 'a sentence since edited', speaker: 'Ryan Dillon', review: { mark: 'checked', note: '', speaker: null, updatedAt: 1 } }],
    pinned: false,
    version: '0.2.0',
    ...overrides,
  };
}

function showWith(pageDesk: PageDesk & { notice?: string } = desk()) {
  ui.state({ status: 'done', analysis: sampleAnalysis(), desk: pageDesk });
  ui.toggle({ open: true });
}

const reviews = () => ui.messages.filter((m) => m.type === OVERLAY_TO_CONTENT_REVIEW).map((m) => m.detail);
const item = (id: string) => ui.query(`.item[data-attribution-id="${id}"]`)!;
/** Picks an item as the reader does: its review controls appear; the pick itself is not a review. */
async function pick(id: string) {
  click(item(id).querySelector('.item-select')!);
  await settle();
  ui.selected.length = 0;
}

/** A message from a note frame, as the extension's messaging delivers it; the overlay's reply, if any. */
function fromFrame(message: NoteFrameMessage): unknown {
  let reply: unknown;
  noteListener!(message, { frameId: 3 }, (answer) => (reply = answer));
  return reply;
}

/** The item's open note frame and the token its address carries. */
function noteFrame(id: string): { frame: HTMLIFrameElement; token: string } {
  const frame = item(id).querySelector<HTMLIFrameElement>('iframe[data-note-frame]')!;
  const match = /^chrome-extension:\/\/whosaid\/note\.html#([0-9a-f]{32})$/.exec(frame.getAttribute('src') ?? '');
  expect(match).not.toBeNull();
  return { frame, token: match![1] };
}

beforeEach(() => {
  env = installDom();
  provideNoteFrames(createNoteFrames({ getURL: (path) => `chrome-extension://whosaid/${path}`, onMessage: { addListener: (listener) => (noteListener = listener) } }));
  bundle = installOverlay(env.document);
  ui = mountHarness(env.document);
});
afterEach(() => {
  ui.destroy();
  bundle.release();
  provideNoteFrames(null);
  noteListener = null;
  env.restore();
});

test('contract: each attribution is an element with data-attribution; once picked it holds the three data-mark buttons; marked ones carry data-marked', async () => {
  showWith();
  const items = ui.queryAll('.item[data-attribution-id]');
  expect(items.length).toBe(7);
  for (const element of items) {
    expect(element.getAttribute('data-attribution')).toMatch(/^w[0-9a-z]+-[0-9a-z]+$/);
    // A reader who never reviews scrolls past no review buttons.
    expect(element.querySelectorAll('[data-mark]')).toHaveLength(0);
    await pick(element.getAttribute('data-attribution-id')!);
    expect([...element.querySelectorAll('[data-mark]')].map((button) => button.getAttribute('data-mark'))).toEqual(['checked', 'disputed', 'to-check']);
  }
  expect(ui.queryAll('[data-mark]')).toHaveLength(3);
  expect(item('q3').getAttribute('data-marked')).toBe('disputed');
  // The mark shows in a word on the compact item, picked or not.
  expect(item('q3').querySelector('[data-mark-shown]')?.textContent).toContain('Disputed');
  await pick('q3');
  expect(item('q3').querySelector('[data-mark="disputed"]')?.getAttribute('aria-pressed')).toBe('true');
  expect(item('q1').hasAttribute('data-marked')).toBe(false);
  expect(item('q3').querySelector('[data-note-text]')?.textContent).toBe('Contradicted by the Pentagon');
});

test('a mark goes to the content script; pressing it again clears it; the item is not selected in the article', async () => {
  showWith();
  await pick('q1');
  click(item('q1').querySelector('[data-mark="checked"]')!);
  await pick('q3');
  click(item('q3').querySelector('[data-mark="disputed"]')!);
  expect(reviews()).toEqual([{ id: 'q1', patch: { mark: 'checked' } }, { id: 'q3', patch: { mark: null } }]);
  expect(ui.selected).toEqual([]);
  // The group names who said it, for screen readers.
  await pick('q1');
  expect(item('q1').querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Your review of the quote from Ryan Dillon');
});

test('a scripted click marks nothing', async () => {
  showWith();
  await pick('q1');
  scriptedClick(item('q1').querySelector('[data-mark="checked"]')!);
  expect(reviews()).toEqual([]);
});

test('a note and a corrected speaker are saved together; the engine\u2019s own name typed back is no correction', async () => {
  showWith();
  await pick('q1');
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  // The form is note.html's, framed; the frame asks what to show, and hands back what the reader saved.
  expect(item('q1').querySelector('form, textarea, input')).toBeNull();
  const { token } = noteFrame('q1');
  expect(fromFrame({ type: NOTE_FRAME_OPEN, token })).toEqual({ note: '', speaker: 'Ryan Dillon', who: 'Ryan Dillon' });
  expect(reviews()).toEqual([]);
  expect(fromFrame({ type: NOTE_FRAME_SAVE, token, note: '  Asked the Pentagon  ', speaker: 'Col. Ryan Dillon' })).toBe(true);
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: 'Asked the Pentagon', speaker: 'Col. Ryan Dillon' } });
  await settle();
  expect(item('q1').querySelector('iframe')).toBeNull();
  // A closed note's frame is answered no more.
  expect(fromFrame({ type: NOTE_FRAME_SAVE, token, note: 'again', speaker: '' })).toBeUndefined();
  expect(reviews()).toHaveLength(1);

  click(item('q1').querySelector('[data-note]')!);
  await settle();
  const again = noteFrame('q1').token;
  expect(again).not.toBe(token);
  fromFrame({ type: NOTE_FRAME_SAVE, token: again, note: '', speaker: 'Ryan Dillon' });
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: '', speaker: null } });
});

test('a saved note fills the frame\u2019s form when the note is opened again', async () => {
  showWith();
  await pick('q3');
  click(item('q3').querySelector('[data-note]')!);
  await settle();
  expect(fromFrame({ type: NOTE_FRAME_OPEN, token: noteFrame('q3').token })).toEqual({ note: 'Contradicted by the Pentagon', speaker: 'U.S. officials', who: 'U.S. officials' });
});

test('the note control puts the keyboard in the note frame; closing it puts the keyboard back on the control', async () => {
  showWith();
  await pick('q1');
  const control = item('q1').querySelector('[data-note]')!;
  click(control);
  await settle();
  const { frame, token } = noteFrame('q1');
  expect(env.activeElement()).toBe(frame);
  expect(frame.getAttribute('title')).toBe('Your note on the quote from Ryan Dillon');
  expect(frame.id).toBe(control.getAttribute('aria-controls'));
  expect(control.getAttribute('aria-expanded')).toBe('true');
  // The frame is as tall as the form it holds.
  fromFrame({ type: NOTE_FRAME_SIZE, token, height: 131.2 });
  await settle();
  expect(frame.style.height).toBe('132px');
  // Escape or Cancel in the frame.
  expect(fromFrame({ type: NOTE_FRAME_CLOSE, token })).toBe(true);
  await settle();
  expect(item('q1').querySelector('iframe')).toBeNull();
  expect(env.activeElement()).toBe(control);
  expect(reviews()).toEqual([]);
});

test('a message naming no open note, or not a note frame\u2019s, is left for other listeners', async () => {
  showWith();
  await pick('q1');
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  expect(fromFrame({ type: NOTE_FRAME_SAVE, token: 'f'.repeat(32), note: 'forged', speaker: '' })).toBeUndefined();
  let answered = false;
  noteListener!({ type: 'background/toggle-panel' }, {}, () => (answered = true));
  expect(answered).toBe(false);
  expect(reviews()).toEqual([]);
});

test('a note being typed stays open, frame and all, when the reader picks another item', async () => {
  showWith();
  await pick('q1');
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  const { frame, token } = noteFrame('q1');
  await pick('q3');
  expect(item('q1').querySelector('iframe')).toBe(frame);
  expect(item('q3').querySelectorAll('[data-mark]')).toHaveLength(3);
  // Not picked any more: only the note's own controls stay, the rest of the item is compact again.
  expect(item('q1').getAttribute('aria-current')).toBeNull();
  fromFrame({ type: NOTE_FRAME_SAVE, token, note: 'Draft kept', speaker: 'Ryan Dillon' });
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: 'Draft kept', speaker: null } });
});

/** Opens `id`'s note in a fresh panel (a remount: what a page's document.open leaves) and asks what its form starts with. */
async function reopenNote(id: string): Promise<{ token: string; init: unknown }> {
  await pick(id);
  click(item(id).querySelector('[data-note]')!);
  await settle();
  const { token } = noteFrame(id);
  return { token, init: fromFrame({ type: NOTE_FRAME_OPEN, token }) };
}

test('a note being typed outlives the panel: a rebuilt panel opens the same note with the draft; saving it clears the draft', async () => {
  showWith();
  const first = await reopenNote('q1');
  expect(fromFrame({ type: NOTE_FRAME_DRAFT, token: first.token, note: 'Half typ', speaker: 'Ryan Dillon' })).toBe(true);
  // The page wipes the panel (its host and shadow root go); the overlay is mounted again.
  ui.destroy();
  ui = mountHarness(env.document);
  showWith();
  const second = await reopenNote('q1');
  expect(second.init).toEqual({ note: 'Half typ', speaker: 'Ryan Dillon', who: 'Ryan Dillon' });
  // Another attribution has no draft; the draft is nowhere in the panel's DOM.
  expect((await reopenNote('q3')).init).toEqual({ note: 'Contradicted by the Pentagon', speaker: 'U.S. officials', who: 'U.S. officials' });
  expect(ui.query('.mount')!.innerHTML).not.toContain('Half typ');
  expect(fromFrame({ type: NOTE_FRAME_SAVE, token: second.token, note: 'Half typed, now done', speaker: 'Ryan Dillon' })).toBe(true);
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: 'Half typed, now done', speaker: null } });
  // A draft message still on its way after the save keeps nothing.
  fromFrame({ type: NOTE_FRAME_DRAFT, token: second.token, note: 'late', speaker: '' });
  await settle();
  expect((await reopenNote('q1')).init).toEqual({ note: '', speaker: 'Ryan Dillon', who: 'Ryan Dillon' });
});

test('a cancelled note drops its draft; a note closed with its toggle keeps it', async () => {
  showWith();
  const { token } = await reopenNote('q1');
  fromFrame({ type: NOTE_FRAME_DRAFT, token, note: 'Maybe not', speaker: '' });
  expect(fromFrame({ type: NOTE_FRAME_CLOSE, token })).toBe(true);
  await settle();
  expect((await reopenNote('q1')).init).toEqual({ note: '', speaker: 'Ryan Dillon', who: 'Ryan Dillon' });
  const again = noteFrame('q1').token;
  fromFrame({ type: NOTE_FRAME_DRAFT, token: again, note: 'Kept for later', speaker: 'Ryan Dillon' });
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  expect(item('q1').querySelector('iframe')).toBeNull();
  expect(reviews()).toEqual([]);
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  expect(fromFrame({ type: NOTE_FRAME_OPEN, token: noteFrame('q1').token })).toEqual({ note: 'Kept for later', speaker: 'Ryan Dillon', who: 'Ryan Dillon' });
});

test('without the extension\u2019s frame to type it in, no note is offered', async () => {
  ui.destroy();
  bundle.release();
  provideNoteFrames(null);
  bundle = installOverlay(env.document);
  ui = mountHarness(env.document);
  showWith();
  await pick('q1');
  expect(item('q1').querySelectorAll('[data-mark]')).toHaveLength(3);
  expect(item('q1').querySelector('[data-note]')).toBeNull();
});

test('a corrected speaker says so on the item', () => {
  const corrected = sampleAnalysis();
  corrected.quotes[0].speaker = { name: 'Col. Ryan Dillon', type: 'person', aliases: ['Ryan Dillon'] };
  ui.state({ status: 'done', analysis: corrected, desk: desk({ reviews: { q1: { mark: null, note: '', speaker: 'Col. Ryan Dillon', updatedAt: 1 } } }) });
  ui.toggle({ open: true });
  expect(item('q1').querySelector('[data-corrected]')?.textContent).toBe('Speaker corrected by you (WhoSaid read \u201CRyan Dillon\u201D).');
});

test('copy with citation: quote, speaker, cue, title, outlet, date and URL; and as Markdown', async () => {
  const written: string[] = [];
  Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { writeText: async (text: string) => void written.push(text) } }, configurable: true });
  try {
    showWith();
    await pick('q1');
    click(item('q1').querySelector('[data-copy-citation="text"]')!);
    await settle();
    click(item('q1').querySelector('[data-copy-citation="markdown"]')!);
    await settle();
    expect(written[0]).toBe(`\u201CWe cannot confirm the reports at this time\u201D\n\u2014 Ryan Dillon, said (News Example, \u201CRussia claims strike\u201D, 2026-03-01): ${ARTICLE.url}`);
    expect(written[1]).toContain(`([Russia claims strike](${ARTICLE.url}), News Example, 2026-03-01)`);
    expect(item('q1').querySelector('[role="status"]')?.textContent).toBe('Copied with its citation as Markdown.');
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
});

test('keep on desk and open the desk; a failed save is said, not swallowed', () => {
  showWith(desk());
  click(ui.query('[data-pin]')!);
  click(ui.query('[data-open-desk]')!);
  expect(ui.messages.filter((m) => m.type === OVERLAY_TO_CONTENT_PIN).map((m) => m.detail)).toEqual([{ pinned: true }]);
  expect(ui.messages.filter((m) => m.type === OVERLAY_TO_CONTENT_OPEN_DESK)).toHaveLength(1);
  showWith({ ...desk({ pinned: true }), notice: 'Your review was not saved: storage full' });
  expect(ui.query('[data-pin]')?.getAttribute('aria-pressed')).toBe('true');
  expect(ui.query('[data-desk-notice]')?.textContent).toBe('Your review was not saved: storage full');
  expect(ui.query('[data-desk-notice]')?.getAttribute('role')).toBe('alert');
});

test('reviews that no longer fit a passage are listed as orphans, with their mark', () => {
  showWith();
  const orphan = ui.query('[data-orphans] [data-orphan="wdeadbeef"]')!;
  expect(orphan.getAttribute('data-marked')).toBe('checked');
  expect(orphan.textContent).toContain('a sentence since edited');
  expect(ui.query('[data-orphans]')?.textContent).toContain('1 review of yours could not be placed on this version of the page');
});

test('exports carry the article title, outlet, date and the marks', async () => {
  const written: string[] = [];
  Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { writeText: async (text: string) => void written.push(text) } }, configurable: true });
  try {
    showWith();
    const format = ui.query<HTMLSelectElement>('[data-export-format]')!;
    Object.defineProperty(format, 'value', { value: 'claimreview', configurable: true });
    userEvent(format, 'change');
    await settle();
    click(ui.query('[data-export="copy"]')!);
    await settle();
    const reviewsOut = JSON.parse(written[0]);
    expect(reviewsOut).toHaveLength(1);
    expect(reviewsOut[0].itemReviewed.appearance).toMatchObject({ url: ARTICLE.url, headline: ARTICLE.title });
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
});
