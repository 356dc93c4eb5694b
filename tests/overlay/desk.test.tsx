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

let env: DomEnv;
let bundle: OverlayBundle;
let ui: Harness;

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

beforeEach(() => {
  env = installDom();
  bundle = installOverlay(env.document);
  ui = mountHarness(env.document);
});
afterEach(() => {
  ui.destroy();
  bundle.release();
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
  const form = item('q1').querySelector('form')!;
  const note = form.querySelector('textarea')!;
  const speaker = form.querySelector('input')!;
  Object.defineProperty(note, 'value', { value: '  Asked the Pentagon  ', configurable: true });
  Object.defineProperty(speaker, 'value', { value: 'Col. Ryan Dillon', configurable: true });
  userEvent(form, 'submit');
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: 'Asked the Pentagon', speaker: 'Col. Ryan Dillon' } });
  await settle();
  expect(item('q1').querySelector('form')).toBeNull();

  click(item('q1').querySelector('[data-note]')!);
  await settle();
  const again = item('q1').querySelector('form')!;
  Object.defineProperty(again.querySelector('textarea')!, 'value', { value: '', configurable: true });
  Object.defineProperty(again.querySelector('input')!, 'value', { value: 'Ryan Dillon', configurable: true });
  userEvent(again, 'submit');
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: '', speaker: null } });
});

test('the note control puts the keyboard in the note field; Ctrl+Enter saves', async () => {
  showWith();
  await pick('q1');
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  const note = item('q1').querySelector('textarea')!;
  expect(env.activeElement()).toBe(note);
  Object.defineProperty(note, 'value', { value: 'Call the Pentagon', configurable: true });
  note.dispatchEvent(keyEvent('keydown', 'Enter', { ctrlKey: true }));
  expect(reviews().at(-1)).toEqual({ id: 'q1', patch: { note: 'Call the Pentagon', speaker: null } });
  await settle();
  expect(item('q1').querySelector('form')).toBeNull();
});

test('a note being typed stays open, draft and all, when the reader picks another item', async () => {
  showWith();
  await pick('q1');
  click(item('q1').querySelector('[data-note]')!);
  await settle();
  const note = item('q1').querySelector('textarea')!;
  await pick('q3');
  expect(item('q1').querySelector('textarea')).toBe(note);
  expect(item('q3').querySelectorAll('[data-mark]')).toHaveLength(3);
  // Not picked any more: only the note's own controls stay, the rest of the item is compact again.
  expect(item('q1').getAttribute('aria-current')).toBeNull();
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
