/**
 * Highlights attributions on the page with the CSS Custom Highlight API: ranges registered in
 * CSS.highlights and painted by ::highlight() rules. The page's DOM is never touched (no wrapping
 * spans, no changed text nodes). The rules are highlights.css's, injected with the content script for the
 * first 16 speakers on a white or a black page (highlight-rules.ts); on any other page one <style> in <head>
 * holds them, nothing but ::highlight(whosaid-…) rules, which match no element. (The rules must live in the
 * page's document: a shadow root's styles do not reach page text.)
 *
 * One colour per speaker, never repeated on a page (palette.ts, shared with the overlay). ::highlight()
 * takes only color, background-color, text-decoration and text-shadow, so the three roles differ by those:
 * content is a light tint of the speaker's colour, the source a stronger tint with a solid underline,
 * the cue a wavy underline with no tint. Underlines are drawn in the colour made to stand 3:1 against
 * the article's own background (WCAG 1.4.11). In forced-colours mode, where every colour is the system's,
 * each speaker's passages get an underline of their own style instead.
 */
import { watchChurn, type ChurnWatch } from './churn';
import { rangesNear, watchViewWindow, type RangeBoxes, type ViewWindow } from './view-window';
import { ownTextLength } from '../shared/article/hints';
import { inkOn, parseColor, type Rgb } from '../shared/palette';
import { PAUSE, runWhole, STEP_UNITS, type Steps } from '../shared/steps';
import {
  FLASH_COLOR, HIGHLIGHT_ROLES, STATIC_FLASH, STATIC_SPEAKERS, TONE_BACKGROUND, WHITE, colorOf, forcedColorsRule, lineStyleOf, roleRule, staticName,
  type HighlightRole, type Tone,
} from './highlight-rules';

export { HIGHLIGHT_ROLES, type HighlightRole } from './highlight-rules';

export interface HighlightItem {
  id: string;
  /** Index of the speaker in analysis.speakers (its colour); -1 for an attribution in no speaker group. */
  speakerIndex: number;
  ranges: Record<HighlightRole, AbstractRange[]>;
}

/** The part of the Highlight API used here, so tests can pass a fake. */
export interface HighlightApi {
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): boolean; get?(name: string): unknown };
  create(ranges: AbstractRange[], priority: number): unknown;
  /** Adds a range to a highlight made by create(), or takes it out (Highlight is set-like). */
  add?(highlight: unknown, range: AbstractRange): void;
  remove?(highlight: unknown, range: AbstractRange): void;
}

/**
 * Over this many ranges only those near the view are registered. Chromium re-validates every registered
 * range on each DOM change of the page: with 3,000 ranges a 60 Hz ticker kept the main thread busy 4.4 s in
 * 5 s more than without them, with 120 ranges 1.0 s, with 12 ranges 0.45 s (bench:stress and a CDP
 * TaskDuration probe). News pages hold up to ~100 ranges and are registered whole.
 */
export const WINDOWED_RANGES = 300;

export interface Highlighter {
  /** False where the browser has no Custom Highlight API: nothing is painted, the rest still works. */
  readonly supported: boolean;
  /** Replaces every highlight with these attributions'. */
  show(items: HighlightItem[]): void;
  /** show() in steps (src/shared/steps.ts), for a slice at a time: a later show or destroy() makes it change nothing. */
  showSteps(items: HighlightItem[]): Steps<void>;
  /** Briefly emphasises one attribution's ranges. */
  flash(id: string): void;
  /**
   * The attribution under the pointer (null: none). On a busy page (churn.ts) only the quotations' tints
   * in view are painted, and the speaker and verb underlines only for this attribution.
   */
  focus(id: string | null): void;
  /** Removes every highlight and the style element. */
  destroy(): void;
}

export const FLASH_MS = 1600;
const PRIORITY: Record<HighlightRole | 'flash', number> = { content: 1, source: 2, cue: 3, flash: 10 };

type HighlightConstructor = new (...ranges: AbstractRange[]) => { priority: number };

/** The browser's Highlight API, or null where it has none (Firefox before 140, older Safari). */
export function browserHighlightApi(): HighlightApi | null {
  const registry = (globalThis as { CSS?: { highlights?: HighlightApi['registry'] } }).CSS?.highlights;
  const Highlight = (globalThis as { Highlight?: HighlightConstructor }).Highlight;
  if (!registry || typeof Highlight !== 'function') return null;
  return {
    registry,
    create(ranges, priority) {
      const highlight = new Highlight(...ranges);
      highlight.priority = priority;
      return highlight;
    },
    add: (highlight, range) => void (highlight as Set<AbstractRange>).add(range),
    remove: (highlight, range) => void (highlight as Set<AbstractRange>).delete(range),
  };
}

function firstRangeOf(items: readonly HighlightItem[]): AbstractRange | undefined {
  for (const item of items) for (const role of HIGHLIGHT_ROLES) if (item.ranges[role].length > 0) return item.ranges[role][0];
  return undefined;
}

/** The background the article's text is drawn on: the first opaque one from `start` up; white when none is set. */
export function backgroundBehind(start: Element | null): Rgb {
  for (let element = start; element; element = element.parentElement) {
    const view = element.ownerDocument.defaultView;
    const color = view?.getComputedStyle ? parseColor(view.getComputedStyle(element).backgroundColor || '') : null;
    if (color) return color;
  }
  return WHITE;
}

/** One registered-or-not range: which highlight it belongs to, its role, its attribution, the block it sits in. */
interface Entry {
  highlight: unknown;
  range: AbstractRange;
  role: HighlightRole;
  id: string;
  block: Element | null;
  registered: boolean;
  /** In a long block only: whether the range is near the view within it. */
  near?: boolean;
}

/** A long block's entries in text order, those in [from, to) near the view, measured with the block's box at `top`, `height` and the view's band ending at `bottom`. */
interface Band {
  list: Entry[];
  ranges: AbstractRange[];
  boxes: RangeBoxes;
  width: number;
  from: number;
  to: number;
  top: number;
  height: number;
  bottom: number;
}

/**
 * Over this many ranges a block is windowed within itself too: with the view window per block, 5 MB of text in
 * one <p> kept every range registered (9,211 in bench:giant; 12,855 in issue 21), each one re-validated by
 * Chromium at every change of the page (WINDOWED_RANGES).
 */
const LONG_BLOCK = 60;

const textOrder = (a: Entry, b: Entry) =>
  a.range.startContainer === b.range.startContainer
    ? a.range.startOffset - b.range.startOffset
    : a.range.startContainer.compareDocumentPosition(b.range.startContainer) & 4 ? -1 : 1;

function blockOf(range: AbstractRange): Element | null {
  const node = range.startContainer;
  return node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * A block holding more text than this is left unpainted while the page scrolls, and painted again once the scroll
 * has settled for SCROLL_SETTLE_MS: any highlight on a text node of 5 MB made Chromium repaint the whole node on
 * every scroll frame (bench:giant, devtools.timeline over 3 s of scrolling: Paint 1.6 s and PrePaint 1.5 s with
 * a highlight, 56 and 15 ms without), however few ranges it held. 100,000 characters is some 25 screens of text.
 */
export const HUGE_BLOCK_TEXT = 100_000;
export const SCROLL_SETTLE_MS = 200;
/**
 * A block holding more text than this is painted only where the reader picks a passage (the flash), never all the
 * time: each change of the highlights on a text node makes Chromium walk all of its lines again, 240 ms of PrePaint
 * and Paint in one frame for 5 MB (bench:giant, traced), growing with the node; a scroll's end brought one such
 * frame back each time. At a million characters that is about 50 ms.
 */
export const ON_DEMAND_TEXT = 1_000_000;

/** Near the view: a quarter screen above and below, so scrolling finds the next passages painted already. */
const NEAR_VIEW = 0.25;
const IN_VIEW = 0;

/** Stand-ins for tests: how the page's churn and the view are watched. */
export interface HighlighterSeams {
  churn?: typeof watchChurn;
  viewWindow?: typeof watchViewWindow;
  /** highlights.css is in the page (the manifest injects it with the content script): its rules are used where they fit. */
  staticRules?: boolean;
}

/**
 * A highlighter whose highlight names start with `prefix` (one per content-script instance, so an
 * instance left behind by an extension update never removes a newer one's highlights).
 *
 * Which ranges are registered:
 *  - a calm page with at most WINDOWED_RANGES ranges: all of them;
 *  - a calm page with more: those whose block is near the view;
 *  - a busy page (churn.ts): the content tints whose block is in the view, and every role of the focused
 *    attribution. On the bench's churn page (1,000 quotations, a 60 Hz ticker) that is 24 ranges in place of 90.
 */
export function createHighlighter(
  doc: Document,
  prefix: string,
  api: HighlightApi | null = browserHighlightApi(),
  { churn = watchChurn, viewWindow = watchViewWindow, staticRules = false }: HighlighterSeams = {},
): Highlighter {
  /** The highlights this instance registered, by name: only these does it take out again. */
  const owned = new Map<string, unknown>();
  let style: HTMLStyleElement | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the rules of the show in place are those of highlights.css (the names shared, no <style>). */
  let usingStatic = false;
  const flashName = () => (usingStatic ? STATIC_FLASH : `${prefix}-flash`);
  /** Ranges can be added and taken out one by one, and the view watched: only then is anything left out. */
  const selective = !!api?.add && !!api.remove && typeof doc.defaultView?.requestAnimationFrame === 'function';

  let entries: Entry[] = [];
  /** Blocks holding ranges, in the order of the items (the article's order). */
  const entriesByBlock = new Map<Element, Entry[]>();
  const entriesById = new Map<string, Entry[]>();
  const bands = new Map<Element, Band>();
  let windowed = false;
  let busy = false;
  let focused: string | null = null;
  let viewWatch: ViewWindow | null = null;
  let viewMargin: number | null = null;
  let churnWatch: ChurnWatch | null = null;
  /** Blocks of over HUGE_BLOCK_TEXT characters, and whether the page is scrolling (their ranges then unregistered). */
  const hugeBlocks = new Set<Element>();
  /** Blocks of over ON_DEMAND_TEXT characters: none of their ranges registered; a pick flashes its passage. */
  const onDemandBlocks = new Set<Element>();
  let scrolling = false;
  let scrollSettle: ReturnType<typeof setTimeout> | undefined;

  const keyOf = (speakerIndex: number) => (speakerIndex < 0 ? 'none' : `s${speakerIndex}`);

  /** Registers `highlight` under `name` as this instance's. */
  function register(name: string, highlight: unknown): void {
    api!.registry.set(name, highlight);
    owned.set(name, highlight);
  }

  /**
   * Takes out what this instance registered under `name`, and nothing else: a static name is shared with any
   * other instance of this version (an update's newcomer), whose highlight under it must stay.
   */
  function unregister(name: string): void {
    const highlight = owned.get(name);
    owned.delete(name);
    if (!api || highlight === undefined) return;
    if (api.registry.get && api.registry.get(name) !== highlight) return;
    api.registry.delete(name);
  }

  /**
   * The tone of highlights.css whose rules draw these speakers exactly as rules made for `background` would
   * (the same underline colours), or null: more speakers than it holds, or a background between the two.
   */
  function staticTone(speakerIndexes: number[], background: Rgb): Tone | null {
    if (!staticRules || speakerIndexes.some((index) => index >= STATIC_SPEAKERS)) return null;
    for (const tone of ['l', 'd'] as const) {
      if (speakerIndexes.every((index) => inkOn(colorOf(index), background) === inkOn(colorOf(index), TONE_BACKGROUND[tone]))) return tone;
    }
    return null;
  }

  function wanted(entry: Entry): boolean {
    if (!selective) return true;
    if (onDemandBlocks.has(entry.block as Element) || (scrolling && hugeBlocks.has(entry.block as Element))) return false;
    const seen = entry.block === null || ((viewWatch?.inView.has(entry.block) ?? false) && entry.near !== false);
    if (busy) return entry.id === focused || (entry.role === 'content' && seen);
    return windowed ? seen : true;
  }

  function sync(list: readonly Entry[]): void {
    if (!api?.add || !api.remove) return;
    for (const entry of list) {
      const want = wanted(entry);
      if (want === entry.registered) continue;
      if (want) api.add(entry.highlight, entry.range);
      else api.remove(entry.highlight, entry.range);
      entry.registered = want;
    }
  }

  /**
   * After each measure of the view: which ranges of each long block in view are near it. The band reaches a
   * slack past the view's, so it is measured again only once the block has moved by half that slack.
   */
  function reband(top: number, bottom: number, inView: ReadonlySet<Element>): void {
    const slack = (bottom - top) / 4;
    const changed: Entry[] = [];
    for (const [block, band] of bands) {
      const seen = inView.has(block);
      const box = seen ? block.getBoundingClientRect() : null;
      // The block's height and the view's too: a resize moves the ranges or the band with the block's top in place.
      const moved = box ? Math.abs(box.top - band.top) + Math.abs(box.height - band.height) + Math.abs(bottom - band.bottom) : 0;
      if (box ? moved < slack / 2 : band.to === 0) continue;
      // Boxes kept from the block's top hold until its width or height changes (the text reflows).
      if (box?.width !== band.width || box.height !== band.height) band.boxes.clear();
      const [from, to] = box ? rangesNear(doc, band.ranges, top - slack, bottom + slack, box.top, band.boxes) : [0, 0];
      for (let k = Math.min(from, band.from); k < Math.max(to, band.to); k++) {
        const entry = band.list[k];
        if (entry.near !== (k >= from && k < to)) changed.push(entry);
        entry.near = k >= from && k < to;
      }
      Object.assign(band, { from, to, bottom, top: box?.top ?? NaN, height: box?.height ?? NaN, width: box?.width ?? NaN });
    }
    sync(changed);
  }

  /** Watches the blocks holding ranges with this margin (null: stops watching). */
  function watchView(margin: number | null): void {
    if (margin === viewMargin) return;
    reband(0, 0, new Set());
    viewWatch?.destroy();
    viewWatch = null;
    viewMargin = margin;
    if (margin === null || entriesByBlock.size === 0) return;
    viewWatch = viewWindow(doc, [...entriesByBlock.keys()], margin, (entered, left) => {
      const touched: Entry[] = [];
      for (const block of [...entered, ...left]) touched.push(...(entriesByBlock.get(block) ?? []));
      sync(touched);
    }, reband);
  }

  const hugeEntries = () => [...hugeBlocks].flatMap((block) => entriesByBlock.get(block) ?? []);

  /** A scroll: the huge blocks' ranges go until the scroll has settled, then come back (the view measured again). */
  function onScroll(): void {
    if (!scrolling) {
      scrolling = true;
      sync(hugeEntries());
    }
    clearTimeout(scrollSettle);
    scrollSettle = setTimeout(() => {
      scrolling = false;
      viewWatch?.refresh();
      sync(hugeEntries());
    }, SCROLL_SETTLE_MS);
  }

  /** Applies the page's state (busy or calm, how many ranges) to what is registered. */
  function apply(): void {
    if (!selective) return;
    watchView(busy ? IN_VIEW : windowed ? NEAR_VIEW : null);
    sync(entries);
  }

  /** `keepStyle`: a show follows, which keeps the style element when its rules are the same. */
  function clear(keepStyle = false): void {
    if (flashTimer !== null) clearTimeout(flashTimer);
    flashTimer = null;
    for (const name of [...owned.keys()]) unregister(name);
    viewWatch?.destroy();
    viewWatch = null;
    viewMargin = null;
    churnWatch?.destroy();
    churnWatch = null;
    // Scroll events are not cancelable: the listener is passive by nature; capture sees a scroll of any element.
    doc.defaultView?.removeEventListener('scroll', onScroll, true);
    clearTimeout(scrollSettle);
    scrolling = false;
    hugeBlocks.clear();
    onDemandBlocks.clear();
    busy = false;
    focused = null;
    entries = [];
    entriesByBlock.clear();
    entriesById.clear();
    bands.clear();
    if (keepStyle) return;
    style?.remove();
    style = null;
  }

  /** Shows begun: a later show, or destroy(), ends one still in its steps before it changes anything. */
  let shows = 0;

  /**
   * show() in steps: everything is worked out first, point to stop by point to stop, with the page untouched
   * (the highlights shown stay until then); the last step swaps the new highlights in. On 100,000 elements and
   * 4,234 quotations the work was one task of 96 ms.
   */
  function* showSteps(items: HighlightItem[]): Steps<void> {
    const show = ++shows;
    if (!api) return clear(true);
    const byBlock = new Map<Element, Entry[]>();
    const byId = new Map<string, Entry[]>();
    let units = 0;
    // Keys made here, in the article's order, for the view window's top-to-bottom search.
    for (const item of items) {
      for (const role of HIGHLIGHT_ROLES) {
        for (const range of item.ranges[role]) {
          const block = blockOf(range);
          if (block) listIn(byBlock, block);
        }
      }
      if (++units % STEP_UNITS === 0) yield;
    }
    const firstNode = firstRangeOf(items)?.startContainer ?? null;
    const background = backgroundBehind(firstNode ? (firstNode.nodeType === 1 ? (firstNode as Element) : firstNode.parentElement) : doc.body);
    const tone = staticTone([...new Set(items.map((item) => item.speakerIndex))], background);
    const grouped = new Map<string, { color: string; lineStyle: string; role: HighlightRole; entries: Entry[] }>();
    const all: Entry[] = [];
    for (const item of items) {
      for (const role of HIGHLIGHT_ROLES) {
        if (item.ranges[role].length === 0) continue;
        const name = tone ? staticName(item.speakerIndex, role, tone) : `${prefix}-${keyOf(item.speakerIndex)}-${role}`;
        let group = grouped.get(name);
        if (!group) grouped.set(name, (group = { color: colorOf(item.speakerIndex), lineStyle: lineStyleOf(item.speakerIndex), role, entries: [] }));
        for (const range of item.ranges[role]) {
          const block = blockOf(range);
          const entry: Entry = { highlight: null, range, role, id: item.id, block, registered: false };
          group.entries.push(entry);
          all.push(entry);
          if (block) listIn(byBlock, block).push(entry);
          listIn(byId, item.id).push(entry);
        }
      }
      if (++units % STEP_UNITS === 0) yield;
    }
    const huge = new Set<Element>();
    const onDemand = new Set<Element>();
    const longBlocks = new Map<Element, Band>();
    if (selective) {
      for (const block of byBlock.keys()) {
        const length = ownTextLength(block);
        if (length > ON_DEMAND_TEXT) onDemand.add(block);
        else if (length > HUGE_BLOCK_TEXT) huge.add(block);
        if (++units % STEP_UNITS === 0) yield;
      }
    }
    for (const [block, list] of byBlock) {
      if (list.length <= LONG_BLOCK || onDemand.has(block)) continue;
      const sorted = [...list].sort(textOrder);
      for (const entry of sorted) entry.near = false;
      longBlocks.set(block, { list: sorted, ranges: sorted.map((entry) => entry.range), boxes: new Map(), width: NaN, from: 0, to: 0, top: NaN, height: NaN, bottom: NaN });
      yield;
    }
    // The swap, in one step of its own: ~30 ms at 4,234 attributions (bench:giant), so it starts a slice.
    yield PAUSE;
    if (show !== shows) return;
    clear(true);
    usingStatic = tone !== null;
    windowed = all.length > WINDOWED_RANGES;
    for (const [block, list] of byBlock) entriesByBlock.set(block, list);
    for (const [id, list] of byId) entriesById.set(id, list);
    for (const [block, band] of longBlocks) bands.set(block, band);
    for (const block of huge) hugeBlocks.add(block);
    for (const block of onDemand) onDemandBlocks.add(block);
    entries = all;
    for (const [name, group] of grouped) {
      const ranges: AbstractRange[] = [];
      for (const entry of group.entries) {
        entry.registered = wanted(entry);
        if (entry.registered) ranges.push(entry.range);
      }
      const highlight = api.create(ranges, PRIORITY[group.role]);
      for (const entry of group.entries) entry.highlight = highlight;
      register(name, highlight);
    }
    if (hugeBlocks.size > 0 && selective) doc.defaultView?.addEventListener('scroll', onScroll, true);
    // Adding, changing or removing ::highlight rules restyles every element of the page: 0.7-2 s on 100,000
    // elements (scripts/bench-giant.mjs). So highlights.css holds the usual ones from before the page is styled,
    // and the rules of a show again (a re-render) are kept when the same.
    if (usingStatic) {
      style?.remove();
      style = null;
    } else {
      const rules = [`::highlight(${flashName()}){background-color:${FLASH_COLOR}}`];
      const forced: string[] = [];
      for (const [name, group] of grouped) {
        rules.push(roleRule(name, group.color, inkOn(group.color, background), group.role));
        forced.push(forcedColorsRule(name, group.lineStyle, group.role));
      }
      // A page that rebuilt its <head> took the old one away.
      if (!style?.isConnected) {
        style = doc.createElement('style');
        style.setAttribute('data-whosaid', prefix);
        (doc.head ?? doc.documentElement).appendChild(style);
      }
      const text = [...rules, `@media (forced-colors: active){${forced.join('')}}`].join('\n');
      if (style.textContent !== text) style.textContent = text;
    }
    if (selective) {
      churnWatch = churn(doc, (value) => {
        busy = value;
        apply();
      });
      apply();
    }
  }

  return {
    supported: api !== null,

    show(items) {
      runWhole(showSteps(items));
    },

    showSteps,

    flash(id) {
      const ranges = (entriesById.get(id) ?? []).map((entry) => entry.range);
      if (!api || ranges.length === 0) return;
      if (flashTimer !== null) clearTimeout(flashTimer);
      const name = flashName();
      register(name, api.create(ranges, PRIORITY.flash));
      flashTimer = setTimeout(() => {
        flashTimer = null;
        unregister(name);
      }, FLASH_MS);
    },

    focus(id) {
      if (id === focused) return;
      const before = focused === null ? [] : (entriesById.get(focused) ?? []);
      focused = id;
      if (busy) sync([...before, ...(id === null ? [] : (entriesById.get(id) ?? []))]);
    },

    destroy() {
      shows++;
      clear();
    },
  };
}
