/**
 * The overlay's root: a pill in the corner (count, or a spinner while analysing) that opens a
 * non-modal panel of speakers and their attributions, a live region for screen readers, and the
 * pointer tooltip for page highlights. Open/closed and the analysis state are owned by the mount
 * (they arrive as events); filters, selection and focus are owned here.
 *
 * A reveal (the reader clicked a highlight in the article) opens the panel on that attribution's item:
 * filters that would hide it are cleared, it is scrolled into view in the list, focused, marked for a
 * moment and announced. See src/content/pointer.ts for how to try it by hand.
 *
 * The full list is drawn when the panel first opens, in the same render that shows it, and kept from
 * then on: until then the closed panel holds only bare group and item elements carrying their ids.
 * Drawing every item at mount was about half of the overlay's main-thread time on a page, for a
 * panel most readers never open.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../shared/attribution';
import type { AnalysisReply } from '../shared/messages';
import type { HoverDetail, OverlayState, PanelRect } from '../shared/overlay-contract';
import { ExportBar } from './ExportBar';
import { DeskBar, Orphans } from './DeskBar';
import type { PageDesk } from '../shared/desk/page';
import type { ReviewPatch } from '../shared/desk/store';
import { HoverTip } from './HoverTip';
import { SpeakerGroup } from './SpeakerGroup';
import type { Reviewing } from './AttributionItem';
import { copyText } from './deliver';
import { claimOf, exportItems } from './desk-items';
import { quoteWithCitation } from '../shared/desk/exports';
import type { Filters, GroupView, ItemView } from './view-model';
import { NO_FILTERS, filtersActive, groupsOf, matchesFilters, plural, shownByDefault } from './view-model';
import { CERTAINTY_WORDS, FRAMING_WORDS, grouped, KIND_WORDS, NO_CLAIM_WORDS, SURE_WORDS, type Explained } from '../shared/words';
import { PAUSE, runSlicedUnlessAborted, STEP_UNITS, type Steps } from '../shared/steps';

/** A request to show one attribution's item: a new object per click, so a second click on the same quotation reveals it again. */
export interface RevealRequest {
  id: string;
}

export interface OverlayProps {
  state: OverlayState | null;
  open: boolean;
  hover: HoverDetail | null;
  reveal: RevealRequest | null;
  /** Opened from the keyboard: focus the first item (a new object per request). */
  focusList?: object | null;
  /** Why the reader's last review was not saved (the panel was covered when it was made). */
  notice?: string | null;
  onOpenChange(open: boolean): void;
  onSelect(id: string): void;
  /** The settings button: the options page opens in a tab of its own. */
  onOpenSettings(): void;
  /** "Hide on this page": the content script takes the overlay and highlights down. */
  onHide?(): void;
  /** Where the open panel is (null: closed), so the page is scrolled to passages it does not cover. */
  onPanelRect?(rect: PanelRect | null): void;
  /** The reader marked, noted or corrected an attribution; returns why it was not saved, when it was refused. */
  onReview?(id: string, patch: ReviewPatch): string | undefined | void;
  onPin?(pinned: boolean): void;
  onOpenDesk?(): void;
}

const PANEL_ID = 'whosaid-panel';
const TITLE_ID = 'whosaid-title';
const SUMMARY_ID = 'whosaid-summary';
const ITEM_NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);
/** How long a revealed item stays marked (the length of the ws-reveal animation in styles.ts). */
export const REVEAL_MARK_MS = 1600;

function focusWithoutScroll(element: HTMLElement | null): void {
  if (element && typeof element.focus === 'function') element.focus({ preventScroll: true });
}

/** What the panel lists by default: attributions shown, and the speakers with at least one of them. */
function shownCounts(analysis: Analysis): { quotes: number; speakers: number } {
  const shown = new Set(analysis.quotes.filter(shownByDefault).map((quote) => quote.id));
  return { quotes: shown.size, speakers: analysis.speakers.filter((speaker) => speaker.attributionIds.some((id) => shown.has(id))).length };
}

function summaryText(quotes: number, speakers: number): string {
  return quotes === 0 ? 'no quotes found' : `${plural(quotes, 'quote')} \u00B7 ${plural(speakers, 'speaker')}`;
}

function announcement(state: OverlayState | null): string {
  if (state?.status === 'done' && state.analysis) {
    const { quotes, speakers } = shownCounts(state.analysis);
    return `WhoSaid found ${plural(quotes, 'quote')}${quotes > 0 ? ` from ${plural(speakers, 'speaker')}` : ''}`;
  }
  if (state?.status === 'error') return 'WhoSaid could not analyse this page';
  return '';
}

function PillContent({ state }: { state: OverlayState }): ComponentChildren {
  if (state.status === 'analyzing') {
    return [
      <span key="s" class="spinner" aria-hidden="true" />,
      <span key="b" class="brand">WhoSaid</span>,
      ' ',
      <span key="t">analyzing…</span>,
    ];
  }
  if (state.status === 'error') {
    return [
      <span key="m" class="mark" aria-hidden="true" />,
      <span key="b" class="brand">WhoSaid</span>,
      ' ',
      <span key="d" class="sep" aria-hidden="true">{'\u00B7'}</span>,
      ' ',
      <span key="t">couldn't analyse this page</span>,
    ];
  }
  const { quotes, speakers } = state.analysis ? shownCounts(state.analysis) : { quotes: 0, speakers: 0 };
  const parts: ComponentChildren[] = [
    <span key="m" class="mark" aria-hidden="true" />,
    <span key="b" class="brand">WhoSaid</span>,
    ' ',
    <span key="d1" class="sep" aria-hidden="true">{'\u00B7'}</span>,
    ' ',
  ];
  if (quotes === 0) return [...parts, <span key="n">no quotes found</span>];
  return [
    ...parts,
    <span key="q" class="pill-count">{plural(quotes, 'quote')}</span>,
    ' ',
    <span key="d2" class="sep" aria-hidden="true">{'\u00B7'}</span>,
    ' ',
    <span key="p" class="pill-count">{plural(speakers, 'speaker')}</span>,
  ];
}

/**
 * The closed panel's stand-in for the list: one element per group with `data-speaker` (or
 * `data-unsourced`) holding one per attribution with `data-attribution-id` (words people said together under each of them), the contract automated
 * checks read without opening the panel. Hidden with the panel, so nothing here reaches assistive tech.
 * Built after the task that shows the result, with the DOM's own calls and in slices: on the bench's page of
 * 100,000 elements and 4,234 attributions, the groups and 4,234 Preact items took 75 ms of the showing task, and
 * on its 5 MB paragraph the same list built in one timer task took 75 ms again (traced). `onListed` tells when it
 * is whole (the root's data-count waits for it).
 */
function CollapsedList({ analysis, onListed }: { analysis: Analysis; onListed: (analysis: Analysis) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // A layout effect only to start now (Preact runs plain effects after the next frame, or 100 ms).
  useLayoutEffect(() => {
    const holder = ref.current;
    if (!holder) return;
    const stop = new AbortController();
    void runSlicedUnlessAborted(collapsedListSteps(holder.ownerDocument, analysis), stop.signal).then((done) => {
      if (!done || stop.signal.aborted) return;
      holder.replaceChildren(done.value);
      onListed(analysis);
    });
    return () => stop.abort();
  }, [analysis]);
  return <div ref={ref} />;
}

/** The stand-in list's elements, made in steps (src/shared/steps.ts); the first step waits for the next task. */
function* collapsedListSteps(doc: Document, analysis: Analysis): Steps<DocumentFragment> {
  yield PAUSE;
  const built = doc.createDocumentFragment();
  let units = 0;
  for (const group of groupsOf(analysis)) {
    const shown = group.items.filter((item) => shownByDefault(item.quote));
    if (shown.length === 0) continue;
    const section = doc.createElement('section');
    if (group.speaker) section.setAttribute('data-speaker', group.speaker.name);
    else section.setAttribute('data-unsourced', '');
    const list = section.appendChild(doc.createElement('ul'));
    for (const item of shown) {
      list.appendChild(doc.createElement('li')).setAttribute('data-attribution-id', item.quote.id);
      if (++units % STEP_UNITS === 0) yield;
    }
    built.appendChild(section);
  }
  return built;
}

const NO_GROUPS: GroupView[] = [];

const LEGEND_ID = 'whosaid-legend';

function Terms({ terms }: { terms: Explained[] }) {
  return (
    <dl>
      {terms.map((term) => [<dt key={`t${term.label}`}>{term.label}</dt>, <dd key={`d${term.label}`}>{term.meaning}</dd>])}
    </dl>
  );
}

/** What every word in the panel means, opened from the header's "?" button. */
function Legend() {
  return (
    <section class="legend" id={LEGEND_ID} aria-label="What the labels mean" data-legend-panel>
      <h3>Each speaker</h3>
      <p>
        Has a colour and initials: the same on the speaker's passages in the article (initials appear when you point
        at one) and in this list. Click a passage to find it here; pick an item here to find it in the article.
      </p>
      <h3>What kind of attribution</h3>
      <Terms terms={Object.values(KIND_WORDS)} />
      <h3>How the speaker put it</h3>
      <Terms terms={[...Object.values(CERTAINTY_WORDS), ...Object.values(NO_CLAIM_WORDS)]} />
      <h3>How sure WhoSaid is that this speaker said it</h3>
      <Terms terms={Object.values(SURE_WORDS)} />
      <h3>The reporter's verb</h3>
      <Terms terms={Object.values(FRAMING_WORDS)} />
      <p>Everything is worked out on this device; nothing on the page leaves it.</p>
    </section>
  );
}

interface ResultsProps {
  groups: GroupView[];
  total: number;
  filters: Filters;
  setFilters(filters: Filters): void;
  selectedId: string | null;
  hoveredId: string | null;
  revealedId: string | null;
  onSelect(id: string): void;
  reviewing?: Reviewing;
}

/**
 * Items drawn at first, and added per "Show more" or when the end of the list scrolls into view: a page with
 * 10,000 quotations must not block the page for seconds when the panel opens (1.5–4.9 s measured, one 1.6 s task).
 * bench:stress, longest task at panel open on that page: 381 ms drawing all, 56 ms for 80 items, none over 50 ms for 40 before
 * each item had its review controls (seven buttons more each): 20 are drawn, about three panels' worth.
 */
export const ITEM_BATCH = 20;
/**
 * A batch is drawn DRAW_STEP items per task, the first step in the task that opens the panel. Drawing all 20 in
 * that task took 21–40 ms of script (CPU profile of the click), and with the browser's own hit test and style
 * work on a page of 10,000 quotations the task passed 50 ms in 2 of 5 opens (51–66 ms).
 */
export const DRAW_STEP = 7;

/** Each attribution's first item: one listed under two people counts once. */
function uniqueByQuote(items: ItemView[]): ItemView[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.quote.id) && seen.add(item.quote.id));
}

function Results({ groups, total, filters, setFilters, selectedId, hoveredId, revealedId, onSelect, reviewing }: ResultsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const items = groups.flatMap((group) => group.items);
  /** How many items are to be drawn, and how many are drawn so far (catching up DRAW_STEP a task). */
  const [target, setTarget] = useState(ITEM_BATCH);
  const [limit, setLimit] = useState(DRAW_STEP);
  useEffect(() => {
    setTarget(ITEM_BATCH);
    setLimit(DRAW_STEP);
  }, [groups]);
  useEffect(() => {
    if (limit >= target) return;
    const timer = setTimeout(() => setLimit((drawn) => Math.min(target, drawn + DRAW_STEP)), 0);
    return () => clearTimeout(timer);
  }, [limit, target]);
  const drawing = limit < target;
  // A selected or revealed item is always drawn, however far down the list it is.
  const wanted = Math.max(...[selectedId, revealedId].map((id) => (id ? items.findIndex((item) => item.quote.id === id) : -1)));
  const drawnTotal = Math.max(limit, wanted + 1);
  const drawnPerGroup: number[] = [];
  let budget = drawnTotal;
  for (const group of groups) {
    drawnPerGroup.push(Math.max(0, Math.min(budget, group.items.length)));
    budget -= group.items.length;
  }
  // Items past what is being drawn: the offer of more stays put while a batch is still being drawn.
  const promised = Math.max(target, drawnTotal);
  const undrawn = Math.max(0, items.length - promised);
  useEffect(() => {
    const button = moreRef.current;
    const Observer = button?.ownerDocument.defaultView?.IntersectionObserver;
    if (!button || !Observer) return;
    const observer = new Observer((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setTarget(promised + ITEM_BATCH);
    });
    // While a batch is still being drawn the button may sit in view a moment: only a finished batch asks for more.
    if (!drawing) observer.observe(button);
    return () => observer.disconnect();
  }, [undrawn > 0, drawing, promised]);
  // Words people said together are listed under each of them (pass 19): counted once.
  const once = uniqueByQuote(items);
  const listed = filters.lessSure ? once : once.filter((item) => shownByDefault(item.quote));
  const unnamedCount = listed.filter((item) => item.unnamed).length;
  const lowCount = listed.filter((item) => item.lowCertainty).length;
  const lessSureCount = once.length - once.filter((item) => shownByDefault(item.quote)).length;
  const visibleCount = once.filter((item) => matchesFilters(item, filters)).length;
  const active = filtersActive(filters);

  const moveBetweenItems = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (!ITEM_NAVIGATION_KEYS.has(event.key) || !target?.classList?.contains('item-select') || !listRef.current) return;
    const buttons = Array.from(listRef.current.querySelectorAll<HTMLElement>('.item-select')).filter(
      (button) => !button.closest('[hidden]'),
    );
    const index = buttons.indexOf(target);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= buttons.length) return;
    event.preventDefault();
    focusWithoutScroll(buttons[next]);
    buttons[next].scrollIntoView?.({ block: 'nearest' });
  };

  return (
    <>
      <div class="toolbar" role="group" aria-label="Filters">
        <button
          type="button"
          class="toggle"
          data-filter="unnamed"
          aria-pressed={filters.unnamed}
          onClick={() => setFilters({ ...filters, unnamed: !filters.unnamed })}
        >
          Unnamed or anonymous sources <span class="toggle-n">{unnamedCount}</span>
        </button>
        <button
          type="button"
          class="toggle"
          data-filter="low-certainty"
          title={CERTAINTY_WORDS.low.meaning}
          aria-pressed={filters.lowCertainty}
          onClick={() => setFilters({ ...filters, lowCertainty: !filters.lowCertainty })}
        >
          Speculated <span class="toggle-n">{lowCount}</span>
        </button>
        {lessSureCount > 0 && (
          <button
            type="button"
            class="toggle"
            data-filter="less-sure"
            aria-pressed={filters.lessSure}
            title="Attributions WhoSaid is less sure of, or that report a belief or an act rather than words someone said"
            onClick={() => setFilters({ ...filters, lessSure: !filters.lessSure })}
          >
            {filters.lessSure ? 'Hide' : 'Show'} {lessSureCount} more, less sure
          </button>
        )}
        {active && (
          <span class="filter-status">
            {visibleCount} of {total} shown
          </span>
        )}
      </div>
      <div class="groups" ref={listRef} onKeyDown={moveBetweenItems}>
        {groups.map((group, index) => (
          <SpeakerGroup
            key={group.key}
            group={group}
            domId={`ws-g${index}`}
            filters={filters}
            selectedId={selectedId}
            hoveredId={hoveredId}
            revealedId={revealedId}
            onSelect={onSelect}
            drawn={drawnPerGroup[index]}
            reviewing={reviewing}
          />
        ))}
        {undrawn > 0 && (
          <button type="button" class="more" data-more ref={moreRef} onClick={() => setTarget(promised + ITEM_BATCH)}>
            Show {Math.min(ITEM_BATCH, undrawn)} more of {undrawn} not drawn yet
          </button>
        )}
        {total === 0 && <p class="empty">No quotations or claims found in this article.</p>}
        {total > 0 && visibleCount === 0 && <p class="empty">No quotes match these filters.</p>}
      </div>
    </>
  );
}

export function Overlay({ state, open, hover, reveal, focusList = null, notice = null, onOpenChange, onSelect, onOpenSettings, onHide, onPanelRect, onReview, onPin, onOpenDesk }: OverlayProps) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [legendOpen, setLegendOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A new object per reveal, so revealing the marked item again restarts its timer.
  const [revealed, setRevealed] = useState<{ id: string } | null>(null);
  // Tied to the analysis it was made for, so a new analysis gets its own announcement back.
  const [revealNotice, setRevealNotice] = useState<{ text: string; analysis: AnalysisReply } | null>(null);
  /** The attribution to focus once its item is drawn and visible (after filters are cleared, a render later). */
  const pendingReveal = useRef<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const focusInPanel = useRef(false);
  const wasOpen = useRef(open);
  // Set in render, so the opening render itself draws the list and focus or scrolling can reach an item at once.
  const listDrawn = useRef(false);
  if (open) listDrawn.current = true;

  const analysis = state?.status === 'done' ? (state.analysis ?? null) : null;
  const desk: (PageDesk & { notice?: string }) | undefined = state?.status === 'done' ? state.desk : undefined;
  // The groups are made when something shows them (the open list, a hover tip, a reveal), not to show the pill.
  const needsGroups = listDrawn.current || !!hover || !!reveal;
  const groups = useMemo(() => (analysis && needsGroups ? groupsOf(analysis) : NO_GROUPS), [analysis, needsGroups]);
  /** The analysis the closed panel's stand-in list was last built for. */
  const [listed, setListed] = useState<Analysis | null>(null);
  const byId = useMemo(() => {
    const found = new Map<string, { item: ItemView; group: GroupView }>();
    // The first group listing an attribution is its home, as the highlight's colour is (words said together).
    for (const group of groups) for (const item of group.items) if (!found.has(item.quote.id)) found.set(item.quote.id, { item, group });
    return found;
  }, [groups]);

  // Opening moves focus into the panel; closing returns it to the pill if it was in the panel.
  // A layout effect runs in the same task as the render, before the browser moves focus off the hidden panel.
  useLayoutEffect(() => {
    if (open === wasOpen.current) return;
    wasOpen.current = open;
    if (open) focusWithoutScroll(titleRef.current);
    else if (focusInPanel.current) {
      focusInPanel.current = false;
      focusWithoutScroll(pillRef.current);
    }
  }, [open]);

  // A closed panel covers nothing. (Its place when open is measured at each pick, below: measuring it as it
  // opens forced a layout of the whole page in the opening task, 69 ms on a page of 10,000 quotations.)
  useLayoutEffect(() => {
    if (!open) onPanelRect?.(null);
  }, [open]);

  // After the opening effect: a keyboard opening moves focus on from the title to the first item, ringed even
  // though no key reached the page (the shortcut is the browser's), so the reader sees where they are.
  useLayoutEffect(() => {
    if (!focusList || !open || !rootRef.current) return;
    const first = Array.from(rootRef.current.querySelectorAll<HTMLElement>('.item-select')).find((button) => !button.closest('[hidden]'));
    if (!first) return;
    first.setAttribute('data-keyboard-focus', '');
    focusWithoutScroll(first);
    first.scrollIntoView?.({ block: 'nearest' });
  }, [focusList]);

  // Declared after the opening effect, so on a reveal that opens the panel the item takes focus from the title.
  useLayoutEffect(() => {
    if (!reveal) return;
    const found = byId.get(reveal.id);
    if (!analysis || !found) return;
    const filtered = !matchesFilters(found.item, filters);
    if (filtered) setFilters(NO_FILTERS);
    setSelectedId(reveal.id);
    const speaker = found.item.quote.speaker?.name;
    setRevealNotice({
      text: `Showing ${speaker ? `the quote from ${speaker}` : 'a quote with no named source'} in the WhoSaid panel${filtered ? '; filters cleared' : ''}`,
      analysis,
    });
    pendingReveal.current = reveal.id;
  }, [reveal]);

  useLayoutEffect(() => {
    const id = pendingReveal.current;
    if (!id || !rootRef.current) return;
    const item = Array.from(rootRef.current.querySelectorAll<HTMLElement>('.item[data-attribution-id]')).find(
      (element) => element.getAttribute('data-attribution-id') === id,
    );
    if (!item || item.closest('[hidden]')) return;
    pendingReveal.current = null;
    focusWithoutScroll(item.querySelector<HTMLElement>('.item-select'));
    item.scrollIntoView?.({ block: 'nearest' });
    setRevealed({ id });
  });

  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MARK_MS);
    return () => clearTimeout(timer);
  }, [revealed]);

  const select = (id: string) => {
    setSelectedId(id);
    // Where the panel is, told just before the pick so the passage is scrolled clear of it; layout is clean by
    // the time the reader clicks, so this costs nothing.
    const box = open ? rootRef.current?.querySelector<HTMLElement>('section.panel')?.getBoundingClientRect() : null;
    onPanelRect?.(box && box.width > 0 ? { top: box.top, left: box.left, right: box.right, bottom: box.bottom } : null);
    onSelect(id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      onOpenChange(false);
    }
    // Keys pressed in the overlay are ours: keep the page's own shortcuts from firing on them.
    event.stopPropagation();
  };

  const reviewing: Reviewing | undefined =
    desk && onReview
      ? {
          desk,
          onReview,
          async onCopy(quote, format) {
            const target = rootRef.current;
            if (!target) return 'Nothing copied.';
            const cited = quoteWithCitation(desk.article, claimOf(quote, desk));
            const result = await copyText(format === 'markdown' ? cited.markdown : cited.text, target);
            return result.ok ? `Copied with its citation${format === 'markdown' ? ' as Markdown' : ''}.` : `Not copied: ${result.error}`;
          },
        }
      : undefined;

  // Less-sure attributions stay in the export, marked by its `shown` column.
  const exported = analysis && listDrawn.current
    ? analysis.quotes.filter((quote) => {
        const found = byId.get(quote.id);
        return found !== undefined && matchesFilters(found.item, { ...filters, lessSure: true });
      })
    : [];

  const hovered = hover?.id ? byId.get(hover.id) : undefined;
  const counts = analysis ? shownCounts(analysis) : { quotes: 0, speakers: 0 };
  const quoteCount = counts.quotes;
  const speakerCount = counts.speakers;

  return (
    <div
      class="root"
      ref={rootRef}
      data-status={state?.status}
      data-count={analysis && (listDrawn.current || listed === analysis) ? quoteCount : undefined}
      onKeyDown={onKeyDown}
      onKeyUp={(event) => event.stopPropagation()}
      onKeyPress={(event) => event.stopPropagation()}
    >
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {revealNotice && revealNotice.analysis === analysis ? revealNotice.text : announcement(state)}
      </div>
      {state && (
        <button
          ref={pillRef}
          type="button"
          class="pill"
          data-status={state.status}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={PANEL_ID}
          aria-busy={state.status === 'analyzing' ? true : undefined}
          onClick={() => onOpenChange(!open)}
        >
          <PillContent state={state} />
        </button>
      )}
      {state && (
        <section
          id={PANEL_ID}
          class="panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby={`${TITLE_ID} ${SUMMARY_ID}`}
          hidden={!open}
          onFocusIn={() => (focusInPanel.current = true)}
          onFocusOut={() => (focusInPanel.current = false)}
        >
          <div class="head">
            <h2 class="title" id={TITLE_ID} ref={titleRef} tabIndex={-1}>
              WhoSaid
            </h2>
            <span class="summary" id={SUMMARY_ID}>
              {state.status === 'done'
                ? summaryText(quoteCount, speakerCount)
                : state.status === 'analyzing'
                  ? 'analyzing\u2026'
                  : 'error'}
            </span>
            <button
              type="button"
              class="legend-toggle"
              data-legend
              aria-expanded={legendOpen}
              aria-controls={LEGEND_ID}
              aria-label="What the labels mean"
              title="What the labels mean"
              onClick={() => setLegendOpen(!legendOpen)}
            >
              <span aria-hidden="true">?</span>
            </button>
            {onHide && (
              <button type="button" class="hide" data-hide aria-label="Hide WhoSaid on this page" title="Hide WhoSaid on this page (the toolbar button brings it back)" onClick={onHide}>
                <span aria-hidden="true">{'\u2298'}</span>
              </button>
            )}
            <button type="button" class="settings" aria-label="WhoSaid settings" title="Settings" onClick={onOpenSettings}>
              <span aria-hidden="true">{'\u2699'}</span>
            </button>
            <button type="button" class="close" aria-label="Close WhoSaid panel" onClick={() => onOpenChange(false)}>
              <span aria-hidden="true">{'\u00D7'}</span>
            </button>
          </div>
          {legendOpen && <Legend />}
          {notice && (
            <p class="message notice" data-notice="covered" role="alert">
              {notice}
            </p>
          )}
          {desk && analysis && <DeskBar desk={desk} onPin={onPin} onOpenDesk={onOpenDesk} />}
          {desk && analysis && <Orphans orphans={desk.orphans} />}
          {state.status === 'analyzing' && (
            <div class="message busy">
              <span class="spinner" aria-hidden="true" />
              Finding who said what, on this device…
            </div>
          )}
          {state.status === 'error' && (
            <div class="message" data-kind="error">
              <p class="message-title">WhoSaid couldn't analyse this page.</p>
              <p class="message-detail">{state.error || 'Unknown error.'}</p>
            </div>
          )}
          {analysis && typeof analysis.truncatedAt === 'number' && (
            <p class="message notice" data-notice="truncated" role="note">
              This page is very long: WhoSaid read its first {grouped(analysis.truncatedAt)} characters, and lists
              nothing said after them.
            </p>
          )}
          {analysis && !listDrawn.current && <CollapsedList analysis={analysis} onListed={setListed} />}
          {analysis && listDrawn.current && (
            <Results
              groups={groups}
              total={filters.lessSure ? analysis.quotes.length : quoteCount}
              filters={filters}
              setFilters={setFilters}
              selectedId={selectedId}
              hoveredId={hover?.id ?? null}
              revealedId={revealed?.id ?? null}
              onSelect={select}
              reviewing={reviewing}
            />
          )}
          {analysis && listDrawn.current && (
            <div class="foot">
              <ExportBar
                count={exported.length}
                items={() => exportItems(exported, desk, analysis.canonicalUrl)}
                version={desk?.version ?? ''}
                container={() => rootRef.current}
              />
              {/* In the foot, not the header: the header's one line is for what was found and the panel's buttons. */}
              {Number.isFinite(analysis.engineMs) && (
                <span class="meta" title="Analysed in the browser; nothing left this device">
                  {Math.round(analysis.engineMs)} ms on device{analysis.cached ? ' \u00B7 cached' : ''}
                </span>
              )}
            </div>
          )}
        </section>
      )}
      {hovered && hover && (
        <HoverTip
          quote={hovered.item.quote}
          color={hovered.group.color}
          initials={hovered.group.initials}
          initialsColor={hovered.group.initialsColor}
          x={hover.x}
          y={hover.y}
        />
      )}
    </div>
  );
}
