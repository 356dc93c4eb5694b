import type { DomEnv } from './dom-env';
import { click, installDom, keyEvent, scriptedClick, userEvent } from './dom-env';
import type { Harness } from './harness';
import { isHidden, mountHarness, settle } from './harness';
import { HOSTILE_TEXT, LONG_TEXT, SPEAKERS, sampleAnalysis } from './fixture';
import { installOverlay } from '../../src/overlay/install';
import type { OverlayBundle } from '../../src/overlay/install';
import { DRAW_STEP, ITEM_BATCH, REVEAL_MARK_MS } from '../../src/overlay/Overlay';
import { OVERLAY_CSS } from '../../src/overlay/styles';
import { CONTENT_TO_OVERLAY_MOUNT, CONTENT_TO_OVERLAY_REVEAL, OVERLAY_TO_CONTENT_READY } from '../../src/shared/overlay-contract';

let env: DomEnv;
let bundle: OverlayBundle;
let ui: Harness;

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

const panel = () => ui.query('.panel')!;
const pill = () => ui.query<HTMLButtonElement>('.pill')!;
const done = () => ui.state({ status: 'done', analysis: sampleAnalysis() });
/** The full list is drawn when the panel opens. */
const doneAndOpen = () => {
  done();
  ui.toggle({ open: true });
};
/** Picks an item as the reader does (a trusted click on its button): its details open. */
const pick = async (id: string) => {
  click(ui.query(`[data-attribution-id="${id}"] .item-select`)!);
  await settle();
};
const visibleIds = () => ui.visible('[data-attribution-id]').map((item) => item.getAttribute('data-attribution-id'));

describe('mount protocol', () => {
  test('renders into the closed shadow root, the styles inside it, and answers READY once', () => {
    // Closed: the page's scripts get null from host.shadowRoot.
    expect(ui.host.shadowRoot).toBeNull();
    expect(ui.shadow.querySelector('.mount')).not.toBeNull();
    expect(ui.readyCount()).toBe(1);
    const css = ui.query('style')?.textContent ?? '';
    expect(css).toContain(':host');
    expect(css).toContain('z-index: 2147483647 !important');
    expect(env.document.head.querySelector('style')).toBeNull();
  });

  test('a second mount event on the same host is ignored', () => {
    ui.host.dispatchEvent(new CustomEvent(CONTENT_TO_OVERLAY_MOUNT, { detail: null, bubbles: true }));
    expect(ui.readyCount()).toBe(1);
    expect(ui.queryAll('.root')).toHaveLength(1);
  });

  test('mount events on elements that are not the overlay host are ignored', () => {
    const other = env.document.createElement('div');
    env.document.body.appendChild(other);
    let ready = 0;
    other.addEventListener(OVERLAY_TO_CONTENT_READY, () => ready++);
    other.dispatchEvent(new CustomEvent(CONTENT_TO_OVERLAY_MOUNT, { detail: null, bubbles: true }));
    expect(other.shadowRoot).toBeNull();
    expect(ready).toBe(0);
  });

  test('nothing is visible before the first state', () => {
    expect(ui.query('.pill')).toBeNull();
    expect(ui.query('[data-count]')).toBeNull();
  });
});

describe('status', () => {
  test('analyzing shows a spinner pill and no count yet', () => {
    ui.state({ status: 'analyzing' });
    expect(pill().textContent).toContain('analyzing');
    expect(ui.query('.pill .spinner')).not.toBeNull();
    expect(ui.query('[data-count]')).toBeNull();
  });

  test('error shows a readable message and announces it', () => {
    ui.state({ status: 'error', error: 'The extension was updated; reload the page.' });
    expect(pill().textContent).toContain("couldn't analyse this page");
    expect(ui.query('.message-detail')?.textContent).toBe('The extension was updated; reload the page.');
    expect(ui.query('[role="status"][aria-live]')?.textContent).toBe('WhoSaid could not analyse this page');
  });

  test('done announces the count in a live region', () => {
    const live = ui.query('[role="status"][aria-live="polite"]')!;
    expect(live.textContent).toBe('');
    done();
    expect(live.textContent).toBe('WhoSaid found 7 quotes from 5 speakers');
  });

  test('a malformed state is ignored and the last good one stays', async () => {
    done();
    await settle();
    for (const bad of [null, 'done', { status: 'done' }, { status: 'done', analysis: { quotes: 'x', speakers: [] } }, { status: 'weird' }]) {
      ui.state(bad);
      expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('7');
    }
  });
});

describe('contract for automated checks, while collapsed', () => {
  beforeEach(async () => {
    done();
    // The stand-in list is built in the task after the one that shows the result; data-count waits for it.
    expect(ui.query('[data-count]')).toBeNull();
    await settle();
  });

  test('data-count is the number of attributions', () => {
    expect(isHidden(panel())).toBe(true);
    expect(ui.queryAll('[data-count]')).toHaveLength(1);
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('7');
  });

  test('one data-speaker element per speaker, canonical names in analysis order', () => {
    expect(ui.queryAll('[data-speaker]').map((group) => group.getAttribute('data-speaker'))).toEqual(SPEAKERS.map((s) => s.name));
  });

  test('every attribution has an item with data-attribution-id, the unsourced one in its own group', () => {
    expect(ui.queryAll('[data-attribution-id]').map((item) => item.getAttribute('data-attribution-id')).sort()).toEqual(
      ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'],
    );
    expect(ui.query('[data-unsourced] [data-attribution-id="q7"]')).not.toBeNull();
  });

  test('the pill shows the counts', () => {
    expect(pill().textContent).toBe('WhoSaid · 7 quotes · 5 speakers');
    expect(pill().getAttribute('aria-expanded')).toBe('false');
  });
  test('the full list is drawn when the panel first opens, and kept when it closes again', () => {
    expect(ui.queryAll('.item-select')).toHaveLength(0);
    expect(ui.query('.toolbar')).toBeNull();
    ui.toggle({ open: true });
    expect(ui.queryAll('.item-select')).toHaveLength(7);
    ui.toggle({ open: false });
    expect(ui.queryAll('.item-select')).toHaveLength(7);
    expect(ui.queryAll('[data-attribution-id]')).toHaveLength(7);
  });
});

describe('page text is text, never HTML', () => {
  beforeEach(doneAndOpen);

  test('markup in a quotation shows as text and creates no element', () => {
    const item = ui.query('[data-attribution-id="q6"] .item-text')!;
    expect(item.textContent).toBe(HOSTILE_TEXT);
    expect(ui.queryAll('img')).toHaveLength(0);
    expect(ui.queryAll('[onerror]')).toHaveLength(0);
  });

  test('markup in certainty evidence shows as text', async () => {
    await pick('q6');
    expect(ui.query('[data-attribution-id="q6"] .meter-wrap [role="tooltip"]')?.textContent).toContain('<b>probably</b>');
    expect(ui.queryAll('b')).toHaveLength(0);
  });
});

describe('attribution items', () => {
  beforeEach(doneAndOpen);

  test.each([
    ['q1', 'said', 'Quoted', 'Sure', 'WhoSaid is sure this speaker said this. (91%)'],
    ['q2', '\u2014', 'Quoted', 'Fairly sure', 'WhoSaid is fairly sure this speaker said this: check the passage. (74%)'],
    ['q4', 'claimed', 'Partly quoted', 'Fairly sure', 'WhoSaid is fairly sure this speaker said this: check the passage. (58%)'],
    ['q5', 'according to', 'Paraphrased', 'Unsure', 'WhoSaid is unsure who said this: read the passage before relying on it. (44%)'],
  ])('%s shows cue %s, kind %s and "%s" in words, its meaning on hover and focus', (id, cue, kind, sure, meaning) => {
    const item = ui.query(`[data-attribution-id="${id}"]`)!;
    expect(item.querySelector('.cue')?.textContent).toBe(cue);
    expect(item.querySelector('.kind')?.textContent).toBe(kind);
    expect(item.querySelector('.conf')?.textContent).toBe(sure);
    // No bare number on the item: the figure is only in the explanation.
    expect(item.querySelector('.item-meta')?.textContent).not.toMatch(/\d/);
    const button = item.querySelector('.item-select')!;
    const described = (button.getAttribute('aria-describedby') ?? '').split(' ').map((id) => ui.query(`#${id}`)?.textContent ?? '');
    expect(described).toContain(meaning);
    expect(ui.query(`#${button.getAttribute('aria-describedby')!.split(' ')[1]}`)?.getAttribute('role')).toBe('tooltip');
  });

  test("each item's accessible name starts with who said it", () => {
    const nameOf = (id: string) => (ui.query(`[data-attribution-id="${id}"] .item-select`)?.textContent ?? '').replace(/\s+/g, ' ');
    expect(nameOf('q1')).toMatch(/^Ryan Dillon, said Quoted Stated as fact Sure /);
    expect(nameOf('q4')).toMatch(/^Russian Defense Ministry, claimed Partly quoted Speculated Fairly sure /);
    expect(nameOf('q5')).toMatch(/^people familiar with the matter, according to Paraphrased Speculated Unsure /);
  });

  test('the legend, opened from the header, explains every word the items use', async () => {
    const toggle = ui.query('[data-legend]')!;
    expect(toggle.getAttribute('aria-label')).toBe('What the labels mean');
    expect(ui.query('[data-legend-panel]')).toBeNull();
    click(toggle);
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const legend = ui.query('[data-legend-panel]')!.textContent ?? '';
    for (const word of ['Quoted', 'Paraphrased', 'Partly quoted', 'Stated as fact', 'Hedged', 'Speculated', 'No claim', 'A wish', 'Sure', 'Fairly sure', 'Unsure', 'reporter keeps distance']) {
      expect(legend).toContain(word);
    }
    expect(legend).toContain("The speaker's own words, inside quotation marks.");
    click(toggle);
    await settle();
    expect(ui.query('[data-legend-panel]')).toBeNull();
  });

  test('details, framing and the meter are drawn for the picked item only', async () => {
    expect(ui.query('[data-attribution-id="q4"] .chip')).toBeNull();
    expect(ui.query('[data-attribution-id="q4"] [role="meter"]')).toBeNull();
    expect(ui.query('[data-attribution-id="q4"] .item-select')?.getAttribute('aria-expanded')).toBe('false');
    await pick('q4');
    expect(ui.query('[data-attribution-id="q4"] .item-select')?.getAttribute('aria-expanded')).toBe('true');
    expect(ui.query('[data-attribution-id="q4"] [role="meter"]')).not.toBeNull();
    await pick('q1');
    expect(ui.query('[data-attribution-id="q4"] [role="meter"]')).toBeNull();
    expect(ui.queryAll('.item-details:not([hidden])')).toHaveLength(1);
  });

  test('how the speaker put it shows in a word on every item, picked or not', () => {
    expect(ui.query('[data-attribution-id="q4"] .put')?.textContent).toBe('Speculated');
    expect(ui.query('[data-attribution-id="q4"] .put')?.getAttribute('title')).toContain('\u201Cmay have\u201D');
    expect(ui.query('[data-attribution-id="q3"] .put')?.textContent).toBe('Stated as fact');
    expect(ui.query('[data-attribution-id="q2"] .put')).toBeNull();
  });

  test('classification fields render only where present', async () => {
    await pick('q2');
    expect(ui.query('[data-attribution-id="q2"] .item-facts')).not.toBeNull();
    expect(ui.query('[data-attribution-id="q2"] [role="meter"]')).toBeNull();
    expect(ui.query('[data-attribution-id="q2"] .chip')).toBeNull();
    await pick('q7');
    expect(ui.query('[data-attribution-id="q7"] .chip')).toBeNull();
    await pick('q4');
    expect(ui.query('[data-attribution-id="q4"] .chip')?.textContent).toBe('\u201Cclaimed\u201D: reporter keeps distance');
    expect(ui.query('[data-attribution-id="q4"] .chip')?.getAttribute('title')).toContain('does not vouch for it');
  });

  test('how the speaker put it: a focusable meter in words, described by a tooltip with the words that show it', async () => {
    await pick('q4');
    const meter = ui.query('[data-attribution-id="q4"] [role="meter"]')!;
    expect(meter.getAttribute('tabIndex') ?? meter.getAttribute('tabindex')).toBe('0');
    expect(meter.getAttribute('aria-label')).toBe('How the speaker put it');
    expect(meter.getAttribute('aria-valuetext')).toBe('Speculated');
    expect(meter.textContent).toBe('Speculated');
    const tip = ui.shadow.getElementById?.(meter.getAttribute('aria-describedby')!) ?? ui.query(`#${meter.getAttribute('aria-describedby')}`);
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toBe('The speaker was unsure, or only guessed: \u201Cmay have\u201D, \u201Cbeing verified\u201D.');
    // A plain statement says so in words, not "high 0.75".
    await pick('q3');
    expect(ui.query('[data-attribution-id="q3"] [role="meter"]')?.textContent).toBe('Stated as fact');
    expect(ui.query('[data-attribution-id="q3"] .meter-wrap [role="tooltip"]')?.textContent).toBe('Said plainly, with no word of doubt.');
  });

  test('aria-describedby ids are unique in the shadow root', () => {
    const ids = ui.queryAll('[id]').map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('speaker headings carry role, type and counts; anonymous sources are flagged', () => {
    const dillon = ui.query('[data-speaker="Ryan Dillon"]')!;
    expect(dillon.querySelector('h3')?.textContent).toBe('Ryan Dillon');
    expect(dillon.querySelector('.group-role')?.textContent).toBe('U.S. Army Col.');
    expect(dillon.querySelector('.group-stats')?.textContent).toContain('2 quotes');
    // A count of one is not shown: the list says it.
    expect(ui.query('[data-speaker="Jane Roe"] .group-stats')?.textContent).not.toMatch(/quote/);
    expect(ui.query('[data-speaker="people familiar with the matter"] .flag')?.textContent).toBe('anonymous');
    expect(ui.query('[data-speaker="Ryan Dillon"] .flag')).toBeNull();
    expect(ui.queryAll('.group ul').length).toBe(6);
  });

  test('in the list every content is two lines; picked, a long one is clamped with a More button that expands it', async () => {
    const text = () => ui.query('[data-attribution-id="q4"] .item-text')!;
    expect(text().getAttribute('data-clamped')).toBe('short');
    expect(text().textContent).toContain(LONG_TEXT);
    expect(ui.query('[data-attribution-id="q4"] .more')).toBeNull();
    await pick('q4');
    ui.selected.length = 0;
    expect(text().getAttribute('data-clamped')).toBe('long');
    const more = ui.query('[data-attribution-id="q4"] .more')!;
    expect([more.textContent, more.getAttribute('aria-expanded')]).toEqual(['More', 'false']);
    click(more);
    await settle();
    expect(text().hasAttribute('data-clamped')).toBe(false);
    expect(ui.query('[data-attribution-id="q4"] .more')?.getAttribute('aria-expanded')).toBe('true');
    expect(ui.selected).toEqual([]);
  });

  test('a short content, picked, is not clamped and has no More button', async () => {
    await pick('q1');
    expect(ui.query('[data-attribution-id="q1"] .item-text')?.hasAttribute('data-clamped')).toBe(false);
    expect(ui.query('[data-attribution-id="q1"] .more')).toBeNull();
  });
});

describe('opening and closing', () => {
  beforeEach(done);

  test('the toggle event opens and closes; an explicit open is idempotent', () => {
    ui.toggle();
    expect(isHidden(panel())).toBe(false);
    expect(pill().getAttribute('aria-expanded')).toBe('true');
    ui.toggle();
    expect(isHidden(panel())).toBe(true);
    ui.toggle({ open: true });
    ui.toggle({ open: true });
    expect(isHidden(panel())).toBe(false);
    ui.toggle({ open: false });
    expect(isHidden(panel())).toBe(true);
  });

  test('the panel is a named dialog and opening moves focus to its title', () => {
    ui.toggle({ open: true });
    expect(panel().getAttribute('role')).toBe('dialog');
    expect(panel().getAttribute('aria-labelledby')).toBe('whosaid-title whosaid-summary');
    expect(env.activeElement()).toBe(ui.query('#whosaid-title'));
  });

  test('clicking the pill opens the panel, with its list drawn; the close button closes it', () => {
    click(pill());
    expect(isHidden(panel())).toBe(false);
    expect(ui.visible('.item-select')).toHaveLength(7);
    click(ui.query('.close')!);
    expect(isHidden(panel())).toBe(true);
  });

  test('the settings button asks the content script for the options page, and leaves the panel open', () => {
    click(pill());
    const settings = ui.query<HTMLButtonElement>('button.settings')!;
    expect(settings.getAttribute('aria-label')).toBe('WhoSaid settings');
    expect(ui.optionsRequests()).toBe(0);
    click(settings);
    expect(ui.optionsRequests()).toBe(1);
    expect(isHidden(panel())).toBe(false);
  });

  test('clicks a script makes (isTrusted false) do nothing: pill, settings, item, export', () => {
    scriptedClick(pill());
    expect(isHidden(panel())).toBe(true);
    click(pill());
    scriptedClick(ui.query('button.settings')!);
    expect(ui.optionsRequests()).toBe(0);
    scriptedClick(ui.query('[data-attribution-id="q3"] .item-select')!);
    expect(ui.selected).toEqual([]);
    scriptedClick(ui.query('.close')!);
    expect(isHidden(panel())).toBe(false);
    // The same clicks from the reader act.
    click(ui.query('[data-attribution-id="q3"] .item-select')!);
    expect(ui.selected).toEqual(['q3']);
  });

  test('"Hide on this page" asks the content script to take WhoSaid down; its name says so', () => {
    click(pill());
    const hide = ui.query('[data-hide]')!;
    expect(hide.getAttribute('aria-label')).toBe('Hide WhoSaid on this page');
    scriptedClick(hide);
    expect(ui.hideRequests()).toBe(0);
    click(hide);
    expect(ui.hideRequests()).toBe(1);
  });

  test('the panel tells the content script where it is just before a pick (not as it opens), and null when it closes', () => {
    // linkedom has no layout: the panel is given the box of a bottom sheet on a phone.
    let measured = 0;
    (panel() as unknown as { getBoundingClientRect: () => object }).getBoundingClientRect = () => (measured++, { top: 422, left: 0, right: 390, bottom: 844, width: 390, height: 422 });
    click(pill());
    expect(measured).toBe(0);
    click(ui.query('[data-attribution-id="q3"] .item-select')!);
    expect(ui.messages.slice(-2).map((m) => m.type)).toEqual(['whosaid:overlay-panel', 'whosaid:overlay-select']);
    expect(ui.panelRects.at(-1)).toEqual({ top: 422, left: 0, right: 390, bottom: 844 });
    click(ui.query('.close')!);
    expect(ui.panelRects.at(-1)).toBeNull();
  });

  test('opened from the keyboard shortcut, the panel puts a visible focus on the first item', () => {
    ui.toggle({ focusList: true });
    expect(isHidden(panel())).toBe(false);
    const focused = env.activeElement();
    expect(focused?.classList.contains('item-select')).toBe(true);
    expect(focused?.hasAttribute('data-keyboard-focus')).toBe(true);
    expect(focused?.textContent).toMatch(/^Ryan Dillon, /);
    // The ring is drawn for :focus, not only :focus-visible (no key reached the page).
    expect(OVERLAY_CSS).toContain('.item-select[data-keyboard-focus]:focus { outline: 2px solid');
    // The same shortcut again closes it, focus back on the pill.
    ui.toggle({ focusList: true });
    expect(isHidden(panel())).toBe(true);
    expect(env.activeElement()).toBe(pill());
  });

  test('Escape closes the panel and returns focus to the pill', () => {
    ui.toggle({ open: true });
    const item = ui.query<HTMLButtonElement>('[data-attribution-id="q3"] .item-select')!;
    item.focus();
    item.dispatchEvent(keyEvent('keydown', 'Escape'));
    expect(isHidden(panel())).toBe(true);
    expect(env.activeElement()).toBe(pill());
  });

  test('Escape on a certainty meter first hides its tooltip, then closes the panel', async () => {
    ui.toggle({ open: true });
    await pick('q4');
    const meter = ui.query('[data-attribution-id="q4"] [role="meter"]')!;
    meter.focus();
    meter.dispatchEvent(keyEvent('keydown', 'Escape'));
    await settle();
    expect(isHidden(panel())).toBe(false);
    expect(ui.query('[data-attribution-id="q4"] .meter-wrap')?.hasAttribute('data-dismissed')).toBe(true);
    meter.dispatchEvent(keyEvent('keydown', 'Escape'));
    expect(isHidden(panel())).toBe(true);
  });

  test('keys pressed inside the overlay do not reach the page', () => {
    let pageSaw = 0;
    env.document.addEventListener('keydown', () => pageSaw++);
    ui.toggle({ open: true });
    ui.query('.close')!.dispatchEvent(keyEvent('keydown', 'j'));
    expect(pageSaw).toBe(0);
  });

  test('arrow keys move between visible items', () => {
    ui.toggle({ open: true });
    const first = ui.query<HTMLButtonElement>('[data-attribution-id="q1"] .item-select')!;
    first.focus();
    first.dispatchEvent(keyEvent('keydown', 'ArrowDown'));
    expect(env.activeElement()).toBe(ui.query('[data-attribution-id="q2"] .item-select'));
    env.activeElement()!.dispatchEvent(keyEvent('keydown', 'End'));
    expect(env.activeElement()).toBe(ui.query('[data-attribution-id="q7"] .item-select'));
  });
});

describe('selecting', () => {
  beforeEach(doneAndOpen);

  test.each(['q1', 'q5', 'q7'])('clicking item %s dispatches SELECT with its id and marks it current', async (id) => {
    click(ui.query(`[data-attribution-id="${id}"] .item-select`)!);
    expect(ui.selected).toEqual([id]);
    await settle();
    expect(ui.query(`[data-attribution-id="${id}"]`)?.getAttribute('aria-current')).toBe('true');
    expect(ui.queryAll('[aria-current]')).toHaveLength(1);
  });

  test('clicking elsewhere on the item selects it too', async () => {
    await pick('q3');
    ui.selected.length = 0;
    click(ui.query('[data-attribution-id="q3"] .item-facts')!);
    expect(ui.selected).toEqual(['q3']);
  });
});

describe('filters', () => {
  beforeEach(doneAndOpen);

  const press = async (filter: string) => {
    click(ui.query(`[data-filter="${filter}"]`)!);
    await settle();
  };

  test.each([
    [[], ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']],
    [['unnamed'], ['q3', 'q5', 'q7']],
    [['low-certainty'], ['q4', 'q5', 'q7']],
    [['unnamed', 'low-certainty'], ['q5', 'q7']],
    [['unnamed', 'unnamed'], ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']],
  ])('with %j pressed the visible items are %j', async (filters, expected) => {
    for (const filter of filters) await press(filter);
    expect(visibleIds().sort()).toEqual(expected);
  });

  test('the toggles report their state with aria-pressed and groups with nothing left are hidden but kept', async () => {
    await press('unnamed');
    expect(ui.query('[data-filter="unnamed"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(ui.query('[data-filter="low-certainty"]')?.getAttribute('aria-pressed')).toBe('false');
    expect(ui.queryAll('[data-speaker]')).toHaveLength(5);
    expect(ui.visible('[data-speaker]').map((group) => group.getAttribute('data-speaker'))).toEqual(['U.S. officials', 'people familiar with the matter']);
    expect(ui.query('.filter-status')?.textContent).toBe('3 of 7 shown');
  });

  // Round 19: words people said together are listed under each of them (pass 19), and counted once.
  test('an attribution listed under two speakers is counted once', async () => {
    const analysis = sampleAnalysis();
    const other = analysis.speakers.find((speaker) => !speaker.attributionIds.includes('q3'))!;
    other.attributionIds.push('q3');
    ui.state({ status: 'done', analysis });
    await settle();
    expect(ui.queryAll('[data-attribution-id="q3"]').length).toBeGreaterThanOrEqual(2);
    await press('unnamed');
    expect(ui.query('.filter-status')?.textContent).toBe('3 of 7 shown');
  });

  test('the toggles show how many items each would keep', () => {
    expect(ui.query('[data-filter="unnamed"] .toggle-n')?.textContent).toBe('3');
    expect(ui.query('[data-filter="low-certainty"] .toggle-n')?.textContent).toBe('3');
  });
});

describe('hover over a page highlight', () => {
  beforeEach(done);

  test.each([
    ['q1', 'Ryan Dillon \u2014 said (quoted)'],
    ['q2', 'Ryan Dillon \u2014 \u2014 (quoted)'],
    ['q7', 'No named source \u2014 believed (paraphrased)'],
  ])('%s shows "%s" near the pointer', (id, label) => {
    ui.hover({ id, x: 120, y: 300 });
    const tip = ui.query('.hover-tip')!;
    expect(tip.querySelector('.hover-main')?.textContent).toBe(label);
    // The same initials badge as the speaker's group in the panel.
    const initials = tip.querySelector('[data-initials]')?.getAttribute('data-initials');
    expect(initials).toMatch(/^[A-Z?]/);
    ui.toggle({ open: true });
    const group = ui.queryAll('.group').find((section) => section.querySelector(`[data-attribution-id="${id}"]`));
    expect(group?.querySelector('.group-head [data-initials]')?.getAttribute('data-initials')).toBe(initials);
    expect(tip.getAttribute('style')).toMatch(/left:\s*134px/);
    expect(tip.getAttribute('style')).toMatch(/top:\s*314px/);
  });

  test('id null hides it, and an unknown id shows nothing', () => {
    ui.hover({ id: 'q1', x: 10, y: 10 });
    ui.hover({ id: null, x: 0, y: 0 });
    expect(ui.query('.hover-tip')).toBeNull();
    ui.hover({ id: 'nope', x: 10, y: 10 });
    expect(ui.query('.hover-tip')).toBeNull();
  });

  test('the hovered item is marked in the panel', () => {
    ui.toggle({ open: true });
    ui.hover({ id: 'q3', x: 10, y: 10 });
    expect(ui.query('[data-attribution-id="q3"]')?.classList.contains('is-hovered')).toBe(true);
  });
});

describe('reveal from a click on a page highlight', () => {
  beforeEach(done);

  const item = (id: string) => ui.query(`[data-attribution-id="${id}"]`)!;
  const live = () => ui.query('[role="status"][aria-live="polite"]')!;
  /** Elements scrollIntoView was called on (linkedom lays nothing out, so the call is recorded instead). */
  let scrolledIntoView: Element[];
  beforeEach(() => {
    scrolledIntoView = [];
    (env.window.HTMLElement.prototype as unknown as Record<string, unknown>).scrollIntoView = function (this: Element) {
      scrolledIntoView.push(this);
    };
  });
  afterEach(() => {
    delete (env.window.HTMLElement.prototype as unknown as Record<string, unknown>).scrollIntoView;
  });

  test('opens the closed panel with its list drawn, scrolls the item into view, focuses it and marks it current', async () => {
    expect(isHidden(panel())).toBe(true);
    ui.reveal('q5');
    expect(isHidden(panel())).toBe(false);
    expect(pill().getAttribute('aria-expanded')).toBe('true');
    expect(ui.visible('.item-select')).toHaveLength(7);
    expect(isHidden(item('q5'))).toBe(false);
    expect(env.activeElement()).toBe(item('q5').querySelector('.item-select'));
    expect(scrolledIntoView).toEqual([item('q5')]);
    await settle();
    expect(item('q5').getAttribute('aria-current')).toBe('true');
    expect(ui.queryAll('[aria-current]')).toHaveLength(1);
    // Revealing is not picking: the page is not scrolled to the highlight the reader just clicked.
    expect(ui.selected).toEqual([]);
  });

  test('announces which quote is shown in the live region', async () => {
    ui.reveal('q5');
    await settle();
    expect(live().textContent).toBe('Showing the quote from people familiar with the matter in the WhoSaid panel');
    ui.reveal('q7');
    await settle();
    expect(live().textContent).toBe('Showing a quote with no named source in the WhoSaid panel');
    // A new analysis is announced as before.
    done();
    await settle();
    expect(live().textContent).toBe('WhoSaid found 7 quotes from 5 speakers');
  });

  test('in an open panel, focus moves from wherever it was to the item', () => {
    ui.toggle({ open: true });
    ui.query<HTMLButtonElement>('[data-attribution-id="q1"] .item-select')!.focus();
    ui.reveal('q6');
    expect(env.activeElement()).toBe(item('q6').querySelector('.item-select'));
    ui.query<HTMLButtonElement>('.close')!.focus();
    ui.reveal('q6');
    expect(env.activeElement()).toBe(item('q6').querySelector('.item-select'));
  });

  test('filters that hide the item are cleared, and it is focused once shown', async () => {
    ui.toggle({ open: true });
    click(ui.query('[data-filter="unnamed"]')!);
    await settle();
    expect(isHidden(item('q1'))).toBe(true);
    ui.reveal('q1');
    await settle();
    expect(ui.query('[data-filter="unnamed"]')?.getAttribute('aria-pressed')).toBe('false');
    expect(isHidden(item('q1'))).toBe(false);
    expect(env.activeElement()).toBe(item('q1').querySelector('.item-select'));
    expect(live().textContent).toBe('Showing the quote from Ryan Dillon in the WhoSaid panel; filters cleared');
  });

  test('filters that already show the item are kept', async () => {
    ui.toggle({ open: true });
    click(ui.query('[data-filter="unnamed"]')!);
    await settle();
    ui.reveal('q3');
    await settle();
    expect(ui.query('[data-filter="unnamed"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(env.activeElement()).toBe(item('q3').querySelector('.item-select'));
  });

  test('the item is marked for a moment, with no animation under reduced motion', async () => {
    ui.reveal('q2');
    await settle();
    expect(item('q2').classList.contains('is-revealed')).toBe(true);
    expect(ui.queryAll('.is-revealed')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, REVEAL_MARK_MS + 50));
    await settle();
    expect(ui.queryAll('.is-revealed')).toHaveLength(0);
    expect(OVERLAY_CSS).toMatch(/@media \(prefers-reduced-motion: reduce\) \{[^}]*\.item\.is-revealed \{ animation: none; \}/);
  });

  test('an id that is not in the analysis shown, or a malformed detail, does nothing', () => {
    ui.reveal('no-such');
    ui.link.toOverlay?.({ type: CONTENT_TO_OVERLAY_REVEAL, detail: { id: 'q1' } });
    ui.link.toOverlay?.({ type: CONTENT_TO_OVERLAY_REVEAL, detail: null });
    expect(isHidden(panel())).toBe(true);
    expect(env.activeElement()).toBeNull();
  });

  test('before an analysis is shown, a reveal does nothing', () => {
    ui.state({ status: 'analyzing' });
    ui.reveal('q1');
    expect(isHidden(panel())).toBe(true);
  });
});

describe('export', () => {
  beforeEach(doneAndOpen);

  test('Copy JSON puts the shown attributions on the clipboard', async () => {
    const written: string[] = [];
    Object.defineProperty(globalThis, 'navigator', {
      value: { clipboard: { writeText: async (text: string) => void written.push(text) } },
      configurable: true,
    });
    try {
      click(ui.query('[data-filter="low-certainty"]')!);
      await settle();
      const format = ui.query<HTMLSelectElement>('[data-export-format]')!;
      // linkedom's <select> has no value setter: the picked value as the change event reports it.
      Object.defineProperty(format, 'value', { value: 'json', configurable: true });
      userEvent(format, 'change');
      await settle();
      click(ui.query('[data-export="copy"]')!);
      await settle();
      expect(written).toHaveLength(1);
      const parsed = JSON.parse(written[0]);
      expect(parsed.articles[0].attributions.map((row: { attribution: string }) => row.attribution)).toEqual(['q4', 'q5', 'q7']);
      expect(parsed.articles[0].url).toBe('https://news.example.com/world/russia-isis-claim');
      expect(ui.query('.notice')?.textContent).toBe('Copied 3 quotes as JSON.');
    } finally {
      delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  test('Save CSV downloads a Blob URL from a link inside the shadow root', async () => {
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string; inShadow: boolean }[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:whosaid-test');
    const anchorProto = Object.getPrototypeOf(env.document.createElement('a'));
    const originalClick = anchorProto.click;
    const originalSetTimeout = globalThis.setTimeout;
    const revokeLater: (() => void)[] = [];
    const revoked: string[] = [];
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    globalThis.setTimeout = ((callback: () => void, ms?: number) =>
      ms === 60_000 ? (revokeLater.push(callback), 0) : originalSetTimeout(callback, ms)) as typeof setTimeout;
    anchorProto.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.getAttribute('download')!, inShadow: this.getRootNode() === ui.shadow });
    };
    try {
      const save = ui.query('[data-export="save"]')!;
      click(save);
      await settle();
      expect(clicked).toEqual([{ href: 'blob:whosaid-test', download: expect.stringMatching(/^whosaid-news\.example\.com-\d{4}-\d{2}-\d{2}\.csv$/), inShadow: true }]);
      const csv = await blobs[0].text();
      // UTF-8 with a BOM (Blob.text() decodes it away, so the bytes are read).
      expect([...new Uint8Array(await blobs[0].arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.split('\r\n')[0]).toMatch(/^url,title,outlet,published,attribution,speaker,/);
      expect(csv.trim().split('\r\n')).toHaveLength(8);
      expect(ui.queryAll('a')).toHaveLength(0);
      expect(revoked).toEqual([]);
      revokeLater.forEach((revoke) => revoke());
      expect(revoked).toEqual(['blob:whosaid-test']);
    } finally {
      globalThis.setTimeout = originalSetTimeout;
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      anchorProto.click = originalClick;
    }
  });
});

describe('destroy', () => {
  test('unmounts everything and stops listening', () => {
    done();
    ui.toggle({ open: true });
    ui.destroy();
    expect(ui.shadow.childNodes.length).toBe(0);
    done();
    ui.toggle({ open: true });
    expect(ui.shadow.childNodes.length).toBe(0);
    expect(ui.selected).toEqual([]);
  });
});

describe('a result that passes the shape checks but cannot be drawn', () => {
  test('shows an error message instead of a blank or half-drawn panel', () => {
    const analysis = sampleAnalysis();
    // Passes the check (first read), then fails while drawing (later reads).
    let reads = 0;
    Object.defineProperty(analysis.quotes[0], 'confidence', {
      get() {
        if (++reads > 1) throw new Error('boom');
        return 0.5;
      },
    });
    ui.state({ status: 'done', analysis });
    ui.toggle({ open: true });
    expect(ui.query('[data-count]')).toBeNull();
    expect(pill().textContent).toContain("couldn't analyse this page");
    expect(ui.query('.message-detail')?.textContent).toBe('WhoSaid could not display this result (boom).');
    done();
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('7');
  });
});

describe('less sure: what the engine does not show by default waits behind "N more, less sure"', () => {
  const withHidden = () => {
    const analysis = sampleAnalysis();
    // q3 and q7 are less sure: q7's group (no named source) holds nothing else, so it disappears too.
    analysis.quotes = analysis.quotes.map((quote) => (quote.id === 'q3' || quote.id === 'q7' ? { ...quote, shown: false } : quote));
    ui.state({ status: 'done', analysis });
  };

  test('counts, pill and collapsed contract leave them out', async () => {
    withHidden();
    await settle();
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('5');
    expect(pill().textContent).toMatch(/5 quotes/);
    expect(ui.query('[data-attribution-id="q7"]')).toBeNull();
  });

  test('the toggle lists them, and lists them no more when pressed again', async () => {
    withHidden();
    ui.toggle({ open: true });
    expect(visibleIds()).not.toContain('q3');
    const toggle = () => ui.query<HTMLButtonElement>('[data-filter="less-sure"]')!;
    expect(toggle().textContent).toBe('Show 2 more, less sure');
    click(toggle());
    await settle();
    expect(visibleIds()).toEqual(expect.arrayContaining(['q3', 'q7']));
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    click(toggle());
    await settle();
    expect(visibleIds()).not.toContain('q7');
  });

  test('no toggle when everything is shown', () => {
    doneAndOpen();
    expect(ui.query('[data-filter="less-sure"]')).toBeNull();
  });
});

describe('a page whose text was cut', () => {
  test('says so in the panel, with the number of characters read', () => {
    ui.state({ status: 'done', analysis: sampleAnalysis({ truncatedAt: 200_000 }) });
    ui.toggle({ open: true });
    expect(ui.query('[data-notice="truncated"]')?.textContent).toMatch(/read its first 200,000 characters/);
  });

  test('no notice for a page read whole', () => {
    doneAndOpen();
    expect(ui.query('[data-notice="truncated"]')).toBeNull();
  });
});

describe('a long list is drawn a batch at a time', () => {
  const many = () => {
    const base = sampleAnalysis();
    const template = base.quotes[0];
    const quotes = Array.from({ length: 1000 }, (_, k) => ({ ...template, id: `m${k}`, speaker: { ...template.speaker!, name: `Speaker ${k % 40}` } }));
    const speakers = Array.from({ length: 40 }, (_, g) => ({ name: `Speaker ${g}`, type: 'person' as const, aliases: [], attributionIds: quotes.filter((_, k) => k % 40 === g).map((q) => q.id), hedged: 0 }));
    return sampleAnalysis({ quotes, speakers });
  };

  /** Waits (up to 2 s) until `count` items are drawn; the number drawn. */
  async function drawnReaches(count: number): Promise<number> {
    for (let waited = 0; waited < 2000 && ui.queryAll('.item[data-attribution-id]').length < count; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return ui.queryAll('.item[data-attribution-id]').length;
  }

  test(`opening the panel draws ${DRAW_STEP} items in its own task, then up to ${ITEM_BATCH} a step at a time, and offers the rest`, async () => {
    ui.state({ status: 'done', analysis: many() });
    ui.toggle({ open: true });
    // The opening task itself: the first step only.
    expect(ui.queryAll('.item[data-attribution-id]')).toHaveLength(DRAW_STEP);
    const seen = new Set<number>();
    const watch = setInterval(() => seen.add(ui.queryAll('.item[data-attribution-id]').length), 1);
    expect(await drawnReaches(ITEM_BATCH)).toBe(ITEM_BATCH);
    clearInterval(watch);
    // The sampler may not have run after the last step on a loaded machine: the count now is a sample too.
    seen.add(ui.queryAll('.item[data-attribution-id]').length);
    // Never more than a batch, and drawn in steps (some count between the first step and the batch was seen).
    expect(Math.max(...seen)).toBe(ITEM_BATCH);
    expect([...seen].some((count) => count > DRAW_STEP && count < ITEM_BATCH)).toBe(true);
    await settle();
    expect(ui.queryAll('.item[data-attribution-id]')).toHaveLength(ITEM_BATCH);
    expect(ui.query('[data-count]')?.getAttribute('data-count')).toBe('1000');
    click(ui.query('[data-more]')!);
    expect(await drawnReaches(2 * ITEM_BATCH)).toBe(2 * ITEM_BATCH);
    await settle();
    expect(ui.queryAll('.item[data-attribution-id]')).toHaveLength(2 * ITEM_BATCH);
  });

  test('a list of one batch or less never offers more, not even while its items are still being drawn', async () => {
    const analysis = many();
    const short = sampleAnalysis({
      quotes: analysis.quotes.slice(0, ITEM_BATCH),
      speakers: analysis.speakers.map((speaker) => ({ ...speaker, attributionIds: speaker.attributionIds.filter((id) => Number(id.slice(1)) < ITEM_BATCH) })).filter((speaker) => speaker.attributionIds.length > 0),
    });
    ui.state({ status: 'done', analysis: short });
    ui.toggle({ open: true });
    const offered = new Set<boolean>([ui.query('[data-more]') !== null]);
    const watch = setInterval(() => offered.add(ui.query('[data-more]') !== null), 1);
    expect(await drawnReaches(ITEM_BATCH)).toBe(ITEM_BATCH);
    clearInterval(watch);
    expect([...offered]).toEqual([false]);
  });

  test('while the panel is closed, its stand-in lists every item under its speaker, in the task after the one that shows the result', async () => {
    ui.state({ status: 'done', analysis: many() });
    expect(ui.queryAll('li[data-attribution-id]')).toHaveLength(0);
    expect(ui.query('.pill')?.textContent).toContain('1000 quotes');
    await settle();
    expect(ui.queryAll('[data-speaker]')).toHaveLength(40);
    expect(new Set(ui.queryAll('[data-speaker="Speaker 7"] li[data-attribution-id]').map((item) => item.getAttribute('data-attribution-id')))).toEqual(
      new Set(Array.from({ length: 25 }, (_, k) => `m${7 + 40 * k}`)),
    );
    expect(new Set(ui.queryAll('li[data-attribution-id]').map((item) => item.getAttribute('data-attribution-id'))).size).toBe(1000);
    // A new analysis replaces the list, it does not add to it.
    ui.state({ status: 'done', analysis: sampleAnalysis() });
    await settle();
    expect(ui.queryAll('[data-speaker="Speaker 7"]')).toHaveLength(0);
    expect(ui.queryAll('li[data-attribution-id]').length).toBeLessThan(1000);
  });

  test('an item revealed from the page is drawn however far down it is', async () => {
    ui.state({ status: 'done', analysis: many() });
    ui.reveal('m999');
    await settle();
    await settle();
    expect(ui.query('.item[data-attribution-id="m999"]')).not.toBeNull();
  });
});
