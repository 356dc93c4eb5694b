import { STATIC_FLASH, STATIC_SPEAKERS, staticHighlightCss } from '../../src/content/highlight-rules';
import { createHighlighter, FLASH_MS, HUGE_BLOCK_TEXT, ON_DEMAND_TEXT, SCROLL_SETTLE_MS, WINDOWED_RANGES, type HighlightItem } from '../../src/content/highlighter';
import { SPEAKER_PALETTE, contrastRatio, parseColor } from '../../src/shared/palette';
import { parseDocument } from '../helpers/linkedom';
import { fakeHighlightApi, fakeRange } from './fake-highlights';

const PAGE = '<html><head><title>t</title></head><body><article><p>“We will win,” the mayor said.</p><p>Critics disagreed.</p></article></body></html>';

function item(id: string, speakerIndex: number, roles: Partial<Record<'content' | 'cue' | 'source', string[]>>): HighlightItem {
  return {
    id,
    speakerIndex,
    ranges: {
      content: (roles.content ?? []).map(fakeRange),
      cue: (roles.cue ?? []).map(fakeRange),
      source: (roles.source ?? []).map(fakeRange),
    },
  };
}

const ITEMS = [
  item('q1', 0, { content: ['q1-content'], cue: ['q1-cue'], source: ['q1-source'] }),
  item('q2', 0, { content: ['q2-content-a', 'q2-content-b'], cue: ['q2-cue'] }),
  item('q3', 1, { content: ['q3-content'], source: ['q3-source'] }),
  item('q4', -1, { content: ['q4-content'] }),
  item('q5', 9, { cue: ['q5-cue'] }),
];

describe('the highlighter', () => {
  describe('a show in steps (run a slice at a time on giant pages)', () => {
    const many = Array.from({ length: 600 }, (_, k) => item(`m${k}`, k % 3, { content: [`m${k}-content`], cue: [`m${k}-cue`] }));
    const names = (api: ReturnType<typeof fakeHighlightApi>) => [...api.registry.keys()].sort();

    test('changes nothing on the page until its last step, then shows what show() shows', () => {
      const doc = parseDocument(PAGE);
      const api = fakeHighlightApi();
      const highlighter = createHighlighter(doc, 'whosaid-t', api);
      highlighter.show(ITEMS);
      const before = names(api);
      const steps = highlighter.showSteps(many);
      let stops = 0;
      while (!steps.next().done) {
        stops++;
        // The old show stays in place meanwhile.
        expect(names(api)).toEqual(before);
      }
      expect(stops).toBeGreaterThan(2);
      const other = fakeHighlightApi();
      createHighlighter(parseDocument(PAGE), 'whosaid-t', other).show(many);
      expect(names(api)).toEqual(names(other));
      expect(api.registry.get('whosaid-t-s1-cue')!.ranges).toHaveLength(other.registry.get('whosaid-t-s1-cue')!.ranges.length);
    });

    test('a show begun later, or destroy(), ends it: its last step changes nothing', () => {
      const doc = parseDocument(PAGE);
      const api = fakeHighlightApi();
      const highlighter = createHighlighter(doc, 'whosaid-t', api);
      const steps = highlighter.showSteps(many);
      steps.next();
      highlighter.show(ITEMS);
      const shown = names(api);
      while (!steps.next().done);
      expect(names(api)).toEqual(shown);
      expect(shown.some((name) => name.includes('-s2-'))).toBe(false);

      const again = highlighter.showSteps(many);
      again.next();
      highlighter.destroy();
      while (!again.next().done);
      expect(names(api)).toEqual([]);
      expect(doc.querySelector('style[data-whosaid]')).toBeNull();
    });
  });

  test('registers one highlight per speaker and role, holding that speaker’s ranges of that role', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    createHighlighter(doc, 'whosaid-t', api).show(ITEMS);
    const labels = (name: string) => api.registry.get(name)?.ranges.map((r) => (r as unknown as { label: string }).label);
    expect([...api.registry.keys()].sort()).toEqual(
      ['whosaid-t-none-content', 'whosaid-t-s0-content', 'whosaid-t-s0-cue', 'whosaid-t-s0-source', 'whosaid-t-s1-content', 'whosaid-t-s1-source', 'whosaid-t-s9-cue'].sort(),
    );
    expect(labels('whosaid-t-s0-content')).toEqual(['q1-content', 'q2-content-a', 'q2-content-b']);
    expect(labels('whosaid-t-s0-cue')).toEqual(['q1-cue', 'q2-cue']);
    expect(labels('whosaid-t-s1-source')).toEqual(['q3-source']);
    // Cues paint over sources, sources over contents.
    expect(api.registry.get('whosaid-t-s0-cue')!.priority).toBeGreaterThan(api.registry.get('whosaid-t-s0-source')!.priority);
    expect(api.registry.get('whosaid-t-s0-source')!.priority).toBeGreaterThan(api.registry.get('whosaid-t-s0-content')!.priority);
  });

  test('styles each highlight in its speaker’s colour with ::highlight() rules only, the roles told apart', () => {
    const doc = parseDocument(PAGE);
    createHighlighter(doc, 'whosaid-t', fakeHighlightApi()).show(ITEMS);
    const styles = doc.head.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    const css = styles[0].textContent!;
    const lines = css.split('\n');
    const forced = lines.pop()!;
    const rules = lines;
    for (const rule of rules) expect(rule).toMatch(/^::highlight\(whosaid-t-[a-z0-9-]+\)\{[^{}]+\}$/);
    // Forced colours: one system colour, so each speaker's passages get an underline style of their own.
    expect(forced).toMatch(/^@media \(forced-colors: active\)\{(::highlight\(whosaid-t-[a-z0-9-]+\)\{[^{}]+\})+\}$/);
    expect(forced).toContain('::highlight(whosaid-t-s0-content){text-decoration:underline solid CanvasText');
    expect(forced).toContain('::highlight(whosaid-t-s9-cue){text-decoration:underline wavy CanvasText');
    const rule = (name: string) => rules.find((r) => r.startsWith(`::highlight(${name})`))!;
    const orange = SPEAKER_PALETTE[0]; // #E69F00 → rgb(230 159 0 …)
    expect(orange).toBe('#E69F00');
    expect(rule('whosaid-t-s0-content')).toContain('background-color:rgb(230 159 0 / 0.18)');
    expect(rule('whosaid-t-s0-source')).toMatch(/background-color:rgb\(230 159 0 \/ 0\.34\).*underline solid/);
    // Underlines in the colour made to stand 3:1 on the page's white (orange alone is 2.0:1).
    expect(rule('whosaid-t-s0-cue')).toMatch(/underline wavy #[0-9A-F]{6}/);
    expect(rule('whosaid-t-s0-cue')).not.toContain('#E69F00');
    const ink = /underline wavy (#[0-9A-F]{6})/.exec(rule('whosaid-t-s0-cue'))![1];
    expect(contrastRatio(parseColor(ink)!, { r: 255, g: 255, b: 255 })).toBeGreaterThanOrEqual(3);
    expect(rule('whosaid-t-s0-cue')).not.toContain('background-color');
    // Speaker 9 has a colour of its own, not the second speaker's again; no speaker gets the unsourced grey.
    expect(rule('whosaid-t-s9-cue')).not.toContain(SPEAKER_PALETTE[1]);
    expect(rule('whosaid-t-none-content')).toContain('rgb(153 153 153');
  });

  test('never touches the page’s text: the body is byte-identical before, during and after', () => {
    const doc = parseDocument(PAGE);
    const before = doc.body.innerHTML;
    const headBefore = doc.head.innerHTML;
    const highlighter = createHighlighter(doc, 'whosaid-t', fakeHighlightApi());
    highlighter.show(ITEMS);
    highlighter.flash('q1');
    expect(doc.body.innerHTML).toBe(before);
    highlighter.destroy();
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.head.innerHTML).toBe(headBefore);
  });

  test('destroy removes every highlight it registered and its style, and leaves others alone', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    api.registry.set('someone-else', { ranges: [], priority: 0 });
    const highlighter = createHighlighter(doc, 'whosaid-t', api);
    highlighter.show(ITEMS);
    highlighter.flash('q3');
    highlighter.destroy();
    expect([...api.registry.keys()]).toEqual(['someone-else']);
    expect(doc.querySelector('style')).toBeNull();
  });

  test('show replaces what was shown before', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    const highlighter = createHighlighter(doc, 'whosaid-t', api);
    highlighter.show(ITEMS);
    highlighter.show([ITEMS[2]]);
    expect([...api.registry.keys()].sort()).toEqual(['whosaid-t-s1-content', 'whosaid-t-s1-source']);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
  });

  test('flash emphasises one attribution’s ranges above everything, then takes it away', () => {
    jest.useFakeTimers();
    try {
      const doc = parseDocument(PAGE);
      const api = fakeHighlightApi();
      const highlighter = createHighlighter(doc, 'whosaid-t', api);
      highlighter.show(ITEMS);
      highlighter.flash('q2');
      const flash = api.registry.get('whosaid-t-flash')!;
      expect(flash.ranges.map((r) => (r as unknown as { label: string }).label).sort()).toEqual(['q2-content-a', 'q2-content-b', 'q2-cue']);
      expect(flash.priority).toBeGreaterThan(api.registry.get('whosaid-t-s0-cue')!.priority);
      jest.advanceTimersByTime(FLASH_MS + 1);
      expect(api.registry.has('whosaid-t-flash')).toBe(false);
      highlighter.flash('no-such-id');
      expect(api.registry.has('whosaid-t-flash')).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  test('showing the same speakers again keeps the style element as it is (a change of ::highlight rules restyles the whole page)', () => {
    const doc = parseDocument(PAGE);
    const highlighter = createHighlighter(doc, 'whosaid-t', fakeHighlightApi());
    highlighter.show(ITEMS);
    const style = doc.querySelector('style[data-whosaid]');
    const text = style?.textContent;
    highlighter.show(ITEMS);
    expect(doc.querySelectorAll('style[data-whosaid]')).toHaveLength(1);
    expect(doc.querySelector('style[data-whosaid]')).toBe(style);
    expect(style?.textContent).toBe(text);
    highlighter.destroy();
    expect(doc.querySelector('style[data-whosaid]')).toBeNull();
  });

  test('without the Highlight API it registers nothing and adds nothing to the page', () => {
    const doc = parseDocument(PAGE);
    const highlighter = createHighlighter(doc, 'whosaid-t', null);
    expect(highlighter.supported).toBe(false);
    highlighter.show(ITEMS);
    highlighter.flash('q1');
    expect(doc.querySelector('style')).toBeNull();
    highlighter.destroy();
  });
});

/** A highlight API that adds and removes ranges one by one, and a count of what is registered. */
function selectiveApi() {
  const sets: Array<Set<AbstractRange>> = [];
  const api = {
    ...fakeHighlightApi(),
    create: (ranges: AbstractRange[]) => {
      const set = new Set(ranges);
      sets.push(set);
      return set;
    },
    add: (highlight: unknown, range: AbstractRange) => void (highlight as Set<AbstractRange>).add(range),
    remove: (highlight: unknown, range: AbstractRange) => void (highlight as Set<AbstractRange>).delete(range),
  };
  const registered = () => sets.flatMap((set) => [...set]) as unknown as Array<{ role: string; block: Element }>;
  return { api, registered };
}

/** A document that can schedule frames (selective registration needs it), with `count` paragraphs in its article. */
function pageWith(count: number): { doc: Document; paragraphs: Element[] } {
  const doc = parseDocument(PAGE);
  (doc.defaultView as unknown as Record<string, unknown>).requestAnimationFrame = () => 0;
  const article = doc.querySelector('article')!;
  const paragraphs = Array.from({ length: count }, () => article.appendChild(doc.createElement('p')));
  return { doc, paragraphs };
}

/** Items with a content, a cue and a source range in each paragraph; a range is labelled by its role and block. */
function itemsIn(paragraphs: Element[]): HighlightItem[] {
  const rangeIn = (block: Element, role: string) => ({ startContainer: block, role, block }) as unknown as AbstractRange;
  return paragraphs.map((block, k) => ({
    id: `q${k}`,
    speakerIndex: k % 3,
    ranges: { content: [rangeIn(block, 'content')], cue: [rangeIn(block, 'cue')], source: [rangeIn(block, 'source')] },
  }));
}

/** A view window the test moves: `show(blocks)` puts exactly those blocks in view. */
function fakeViewWindow() {
  const state = {
    margin: null as number | null,
    blocks: [] as readonly Element[],
    inView: new Set<Element>(),
    onChange: null as ((entered: Element[], left: Element[]) => void) | null,
    onMeasure: undefined as ((top: number, bottom: number, inView: ReadonlySet<Element>) => void) | undefined,
    destroyed: 0,
    /** A measure of the view (its band, as the real window reports after each scroll frame). */
    measure(top: number, bottom: number) {
      state.onMeasure?.(top, bottom, state.inView);
    },
    show(blocks: Element[]) {
      const next = new Set(blocks);
      const entered = blocks.filter((block) => !state.inView.has(block));
      const left = [...state.inView].filter((block) => !next.has(block));
      state.inView = next;
      state.onChange?.(entered, left);
    },
  };
  const viewWindow = (
    _doc: Document,
    blocks: readonly Element[],
    margin: number,
    onChange: (entered: Element[], left: Element[]) => void,
    onMeasure?: (top: number, bottom: number, inView: ReadonlySet<Element>) => void,
  ) => {
    Object.assign(state, { margin, blocks, onChange, onMeasure, inView: new Set<Element>() });
    return {
      get inView() {
        return state.inView;
      },
      refresh() {},
      destroy() {
        state.destroyed++;
        state.onChange = null;
      },
    };
  };
  return { state, viewWindow };
}

/** A churn watch the test flips. */
function fakeChurn() {
  const state = { set: null as ((busy: boolean) => void) | null, destroyed: 0 };
  const churn = (_doc: Document, onChange: (busy: boolean) => void) => {
    state.set = onChange;
    return {
      busy: false,
      destroy() {
        state.destroyed++;
      },
    };
  };
  return { state, churn };
}

describe('with highlights.css in the page (its rules there before the page was styled: no restyle of every element)', () => {
  const staticLabels = (api: ReturnType<typeof fakeHighlightApi>, name: string) =>
    api.registry.get(name)?.ranges.map((r) => (r as unknown as { label: string }).label);

  test('speakers it holds are drawn under its names, and no <style> is added', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    createHighlighter(doc, 'whosaid-t', api, { staticRules: true }).show(ITEMS);
    expect([...api.registry.keys()].sort()).toEqual(
      ['whosaid-l-none-content', 'whosaid-l-s0-content', 'whosaid-l-s0-cue', 'whosaid-l-s0-source', 'whosaid-l-s1-content', 'whosaid-l-s1-source', 'whosaid-l-s9-cue'].sort(),
    );
    expect(staticLabels(api, 'whosaid-l-s0-content')).toEqual(['q1-content', 'q2-content-a', 'q2-content-b']);
    expect(doc.querySelector('style')).toBeNull();
  });

  test('its rules are exactly those the highlighter writes for a white page (same tints, same 3:1 underlines, same forced colours)', () => {
    const doc = parseDocument(PAGE);
    const everyone = Array.from({ length: STATIC_SPEAKERS + 1 }, (_, k) => item(`q${k}`, k - 1, { content: [`c${k}`], cue: [`u${k}`], source: [`s${k}`] }));
    const highlighter = createHighlighter(doc, 'whosaid-t', fakeHighlightApi());
    highlighter.show(everyone);
    highlighter.flash('q0');
    const written = doc.querySelector('style')!.textContent!;
    const css = staticHighlightCss();
    const asStatic = (rule: string) => rule.replace(/whosaid-t-(none|s\d+)-/g, 'whosaid-l-$1-').replace('whosaid-t-flash', STATIC_FLASH);
    const rules = written.split('\n');
    const forced = rules.pop()!;
    expect(rules.length).toBe(1 + (STATIC_SPEAKERS + 1) * 3);
    for (const rule of rules) expect(css).toContain(asStatic(rule));
    for (const rule of forced.replace(/^@media \(forced-colors: active\)\{|\}$/g, '').split(/(?<=\})/)) expect(css).toContain(asStatic(rule));
  });

  test('more speakers than it holds: the page gets its own rules and names, as without it', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    createHighlighter(doc, 'whosaid-t', api, { staticRules: true }).show([...ITEMS, item('far', STATIC_SPEAKERS, { content: ['far-content'] })]);
    expect([...api.registry.keys()].every((name) => name.startsWith('whosaid-t-'))).toBe(true);
    expect(doc.querySelectorAll('style[data-whosaid]')).toHaveLength(1);
  });

  /** The page on `background`, read as getComputedStyle would (linkedom has none). */
  function pageOn(background: string) {
    const doc = parseDocument(PAGE.replace('<body>', `<body style="background-color: ${background}">`));
    (doc.defaultView as unknown as { getComputedStyle: (element: Element) => { backgroundColor: string } }).getComputedStyle = (element) => ({
      backgroundColor: /background-color:\s*([^;]+)/.exec(element.getAttribute('style') ?? '')?.[1] ?? '',
    });
    return doc;
  }

  test('a black page has its own tone; a grey one, between the two, gets the page’s own rules', () => {
    const onBlack = fakeHighlightApi();
    createHighlighter(pageOn('rgb(0, 0, 0)'), 'whosaid-t', onBlack, { staticRules: true }).show(ITEMS);
    expect([...onBlack.registry.keys()].every((name) => name.startsWith('whosaid-d-'))).toBe(true);
    const grey = pageOn('rgb(128, 128, 128)');
    const onGrey = fakeHighlightApi();
    createHighlighter(grey, 'whosaid-t', onGrey, { staticRules: true }).show(ITEMS);
    expect([...onGrey.registry.keys()].every((name) => name.startsWith('whosaid-t-'))).toBe(true);
    expect(grey.querySelectorAll('style[data-whosaid]')).toHaveLength(1);
  });

  test('the flash has its shared name, and is taken away after FLASH_MS', () => {
    jest.useFakeTimers();
    try {
      const doc = parseDocument(PAGE);
      const api = fakeHighlightApi();
      const highlighter = createHighlighter(doc, 'whosaid-t', api, { staticRules: true });
      highlighter.show(ITEMS);
      highlighter.flash('q3');
      expect(staticLabels(api, STATIC_FLASH)).toEqual(['q3-content', 'q3-source']);
      jest.advanceTimersByTime(FLASH_MS + 1);
      expect(api.registry.has(STATIC_FLASH)).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  test('two instances on one page (an update’s newcomer beside the old one): each takes out only what it registered', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    const old = createHighlighter(doc, 'whosaid-a', api, { staticRules: true });
    const newcomer = createHighlighter(doc, 'whosaid-b', api, { staticRules: true });
    old.show(ITEMS);
    newcomer.show([ITEMS[2]]);
    old.destroy();
    expect([...api.registry.keys()].sort()).toEqual(['whosaid-l-s1-content', 'whosaid-l-s1-source']);
    expect(staticLabels(api, 'whosaid-l-s1-source')).toEqual(['q3-source']);
    newcomer.destroy();
    expect(api.registry.size).toBe(0);
  });

  test('from its own rules to the shared ones and back, without a <style> left behind', () => {
    const doc = parseDocument(PAGE);
    const api = fakeHighlightApi();
    const highlighter = createHighlighter(doc, 'whosaid-t', api, { staticRules: true });
    highlighter.show([...ITEMS, item('far', STATIC_SPEAKERS, { content: ['far-content'] })]);
    expect(doc.querySelectorAll('style[data-whosaid]')).toHaveLength(1);
    highlighter.show(ITEMS);
    expect(doc.querySelector('style[data-whosaid]')).toBeNull();
    expect([...api.registry.keys()].every((name) => name.startsWith('whosaid-l-'))).toBe(true);
  });
});

describe(`over ${WINDOWED_RANGES} ranges, only those near the view are registered`, () => {
  test('ranges are added as their paragraph comes near the view and taken out as it leaves', () => {
    const { doc, paragraphs } = pageWith(200);
    const { api, registered } = selectiveApi();
    const view = fakeViewWindow();
    const highlighter = createHighlighter(doc, 'whosaid-t', api, { viewWindow: view.viewWindow, churn: fakeChurn().churn });
    highlighter.show(itemsIn(paragraphs));
    expect(registered()).toHaveLength(0);
    // Watched near the view (a quarter screen either side), every block once, in the article's order.
    expect(view.state.margin).toBe(0.25);
    expect(view.state.blocks).toEqual(paragraphs);
    view.state.show([paragraphs[0], paragraphs[1]]);
    expect(registered()).toHaveLength(6);
    view.state.show([paragraphs[1]]);
    expect(registered().map((range) => range.block)).toEqual([paragraphs[1], paragraphs[1], paragraphs[1]]);
    highlighter.destroy();
    expect(view.state.destroyed).toBe(1);
  });

  test(`at most ${WINDOWED_RANGES} ranges on a calm page: all registered, the view not watched`, () => {
    const { doc, paragraphs } = pageWith(100);
    const { api, registered } = selectiveApi();
    const view = fakeViewWindow();
    createHighlighter(doc, 'whosaid-t', api, { viewWindow: view.viewWindow, churn: fakeChurn().churn }).show(itemsIn(paragraphs));
    expect(registered()).toHaveLength(300);
    expect(view.state.margin).toBeNull();
  });
});

describe('on a page that keeps rewriting itself, only the tints in view and the focused attribution are painted', () => {
  function busyPage(count: number) {
    const { doc, paragraphs } = pageWith(count);
    const { api, registered } = selectiveApi();
    const view = fakeViewWindow();
    const churn = fakeChurn();
    const highlighter = createHighlighter(doc, 'whosaid-t', api, { viewWindow: view.viewWindow, churn: churn.churn });
    highlighter.show(itemsIn(paragraphs));
    return { paragraphs, registered, view, churn, highlighter };
  }
  const roles = (ranges: Array<{ role: string }>) => ranges.map((range) => range.role).sort();

  test('busy: the content tints of the blocks in view only; calm again: everything back', () => {
    const { paragraphs, registered, view, churn } = busyPage(20);
    expect(registered()).toHaveLength(60);
    churn.state.set!(true);
    expect(view.state.margin).toBe(0);
    expect(registered()).toHaveLength(0);
    view.state.show([paragraphs[3], paragraphs[4]]);
    expect(roles(registered())).toEqual(['content', 'content']);
    churn.state.set!(false);
    expect(registered()).toHaveLength(60);
    expect(view.state.destroyed).toBe(1);
  });

  test('busy: the attribution under the pointer gets its speaker and verb underlines, and loses them after', () => {
    const { paragraphs, registered, view, churn, highlighter } = busyPage(400);
    churn.state.set!(true);
    view.state.show([paragraphs[0]]);
    highlighter.focus('q0');
    expect(roles(registered())).toEqual(['content', 'cue', 'source']);
    // Focused out of view (picked in the panel as the page scrolls there): all its roles still painted.
    highlighter.focus('q9');
    expect(registered().map((range) => [range.block === paragraphs[9] ? 'q9' : 'q0', range.role])).toEqual(
      expect.arrayContaining([['q0', 'content'], ['q9', 'content'], ['q9', 'cue'], ['q9', 'source']]),
    );
    expect(registered()).toHaveLength(4);
    highlighter.focus(null);
    expect(roles(registered())).toEqual(['content']);
  });

  test('a calm page ignores focus: nothing is taken out or added', () => {
    const { registered, highlighter } = busyPage(20);
    highlighter.focus('q1');
    highlighter.focus(null);
    expect(registered()).toHaveLength(60);
  });

  test('show again and destroy stop the churn watch', () => {
    const { paragraphs, churn, highlighter } = busyPage(5);
    highlighter.show(itemsIn(paragraphs));
    expect(churn.state.destroyed).toBe(1);
    highlighter.destroy();
    expect(churn.state.destroyed).toBe(2);
  });
});

describe('one giant block (issue 21: 5 MB of text in one <p> kept all 12,855 ranges registered)', () => {
  /** One <p> of 1,000 quotations, 100 characters each, laid out 50 characters a 20 px line; `scrollTo(y)` moves it. */
  function giantBlock() {
    const doc = parseDocument(PAGE);
    (doc.defaultView as unknown as Record<string, unknown>).requestAnimationFrame = () => 0;
    const block = doc.querySelector('article')!.appendChild(doc.createElement('p'));
    const text = block.appendChild(doc.createTextNode('x'.repeat(100_000)));
    let scrollY = 0;
    const yOf = (offset: number) => Math.floor(offset / 50) * 20 - scrollY;
    block.getBoundingClientRect = () => ({ top: -scrollY, bottom: 40_000 - scrollY, height: 40_000, width: 600 }) as DOMRect;
    let measured = 0;
    (doc as unknown as { createRange(): unknown }).createRange = () => {
      let start = 0;
      let end = 0;
      return {
        setStart: (_node: Node, offset: number) => void (start = offset),
        setEnd: (_node: Node, offset: number) => void (end = offset),
        getBoundingClientRect: () => (measured++, { top: yOf(start), bottom: yOf(end) + 20 }) as DOMRect,
      };
    };
    const range = (start: number, end: number) => ({ startContainer: text, startOffset: start, endContainer: text, endOffset: end }) as unknown as AbstractRange;
    const items: HighlightItem[] = Array.from({ length: 1000 }, (_, k) => ({
      id: `q${k}`,
      speakerIndex: k % 3,
      ranges: { content: [range(k * 100, k * 100 + 60)], source: [range(k * 100 + 62, k * 100 + 75)], cue: [range(k * 100 + 76, k * 100 + 80)] },
    }));
    return { doc, block, items, measured: () => measured, scrollTo: (y: number) => void (scrollY = y) };
  }

  test('only the ranges of the block near the view are registered, and they follow the scroll', () => {
    const page = giantBlock();
    const { api, registered } = selectiveApi();
    const view = fakeViewWindow();
    createHighlighter(page.doc, 'whosaid-t', api, { viewWindow: view.viewWindow, churn: fakeChurn().churn }).show(page.items);
    // A 1,000 px view with a quarter screen either side, as the real window reports it.
    const near = () => registered().map((range) => Math.floor((range as unknown as AbstractRange).startOffset / 50) * 20);
    view.state.show([page.block]);
    view.state.measure(-250, 1250);
    expect(registered().length).toBeGreaterThan(0);
    // 3,000 ranges in the block; near a 1,500 px band: ~75 lines, ~110 ranges (with slack for the next frames).
    expect(registered().length).toBeLessThanOrEqual(300);
    expect(Math.min(...near())).toBeGreaterThanOrEqual(-1000);
    expect(Math.max(...near())).toBeLessThanOrEqual(2500);
    // Scrolled to the middle: those near the view there, none left from the top.
    page.scrollTo(20_000);
    const before = page.measured();
    view.state.measure(-250, 1250);
    expect(registered().length).toBeLessThanOrEqual(300);
    expect(Math.min(...near())).toBeGreaterThanOrEqual(20_000 - 1000);
    expect(Math.max(...near())).toBeLessThanOrEqual(20_000 + 2500);
    // Found by binary search: a few dozen boxes measured, not one per range.
    expect(page.measured() - before).toBeLessThanOrEqual(40);
    // A frame later, scrolled less than the slack: nothing measured again.
    page.scrollTo(20_100);
    const still = page.measured();
    view.state.measure(-250, 1250);
    expect(page.measured()).toBe(still);
    // Scrolled on by a few lines: the boxes measured before are kept (the block's layout holds), a few new ones.
    page.scrollTo(20_400);
    const kept = page.measured();
    view.state.measure(-250, 1250);
    expect(page.measured() - kept).toBeLessThanOrEqual(16);
    expect(Math.min(...near())).toBeGreaterThanOrEqual(20_400 - 1000);
    // Out of view: none.
    view.state.show([]);
    view.state.measure(-250, 1250);
    expect(registered()).toHaveLength(0);
  });

  /** The giant block with `more` text after it and a short paragraph beside it, shown and measured in view. */
  function giantBlockShown(more: string) {
    const page = giantBlock();
    page.block.appendChild(page.doc.createTextNode(more));
    const small = page.doc.querySelector('article')!.appendChild(page.doc.createElement('p'));
    small.textContent = 'A short paragraph.';
    const smallItem: HighlightItem = { id: 'short', speakerIndex: 1, ranges: { content: [{ startContainer: small, startOffset: 0, endContainer: small, endOffset: 5 } as unknown as AbstractRange], source: [], cue: [] } };
    const { api, registered } = selectiveApi();
    const view = fakeViewWindow();
    const highlighter = createHighlighter(page.doc, 'whosaid-t', api, { viewWindow: view.viewWindow, churn: fakeChurn().churn });
    highlighter.show([...page.items, smallItem]);
    view.state.show([page.block, small]);
    view.state.measure(-250, 1250);
    return { page, api, highlighter, registered };
  }

  // Any highlight on a text node this large made Chromium repaint all of it on every scroll frame (round 9).
  test(`a block of over ${HUGE_BLOCK_TEXT} characters is unpainted while the page scrolls and painted again once it settles`, () => {
    jest.useFakeTimers();
    try {
      const { page, highlighter, registered } = giantBlockShown(' more');
      const painted = registered().length;
      expect(painted).toBeGreaterThan(1);
      const window = page.doc.defaultView!;
      window.dispatchEvent(new window.Event('scroll'));
      // Only the short paragraph's range is left while the page scrolls.
      expect(registered()).toHaveLength(1);
      jest.advanceTimersByTime(SCROLL_SETTLE_MS - 50);
      window.dispatchEvent(new window.Event('scroll'));
      jest.advanceTimersByTime(SCROLL_SETTLE_MS - 50);
      expect(registered()).toHaveLength(1);
      jest.advanceTimersByTime(50);
      expect(registered()).toHaveLength(painted);
      // Gone with the highlighter: a scroll after destroy() changes nothing and leaves no timer.
      highlighter.destroy();
      window.dispatchEvent(new window.Event('scroll'));
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  // Each change of a text node's highlights made Chromium walk all its lines again: 240 ms in one frame at 5 MB.
  test(`a block of over ${ON_DEMAND_TEXT} characters holds no standing highlight: a pick flashes its passage`, () => {
    const { api, highlighter, registered } = giantBlockShown('y'.repeat(ON_DEMAND_TEXT));
    expect(registered()).toHaveLength(1);
    highlighter.focus('q3');
    expect(registered()).toHaveLength(1);
    highlighter.flash('q3');
    expect([...api.registry.keys()].some((name) => name.endsWith('-flash'))).toBe(true);
    highlighter.destroy();
  });
});
