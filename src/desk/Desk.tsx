/**
 * The desk page: every reviewed (or kept) article and attribution, searchable; the speaker ledger; quote
 * provenance; what is kept, stated plainly, with the setting to keep everything; export and erase in
 * one click each (an erase can be undone for as long as the page stays open); a backup imported back
 * (`input[data-import]`), merged into what is there. Each stored attribution is an element with
 * `data-attribution` (its stable key) and `data-marked` once marked. It wears the panel's look: its
 * colour tokens, type and pill buttons, each speaker's initials on their colour.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toDeskJson } from '../shared/desk/backup';
import { EXPORT_FILE, EXPORT_FORMATS, exportText, quoted, type ExportFormat, type ExportItem } from '../shared/desk/exports';
import { checkFileSize, importSummary, parseImport } from '../shared/desk/import';
import type { MergeOutcome } from '../shared/desk/merge';
import { MARK_LABEL, MARKS, type ArticleMeta, type DeskSettings, type Mark, type StoredArticle } from '../shared/desk/schema';
import type { ClaimSnapshot, DeskData, DeskPreview, ReviewPatch } from '../shared/desk/store';
import { speakerBadges, type SpeakerBadge } from '../shared/speaker-badge';
import { certaintyWords, framingWords, grouped, kindWords } from '../shared/words';
import { deskRows, quoteProvenance, search, speakerLedger, type DeskRow } from './model';

/** What the page needs from the extension: the desk store, the version and a way to save a file. */
export interface DeskBackend {
  load(): Promise<DeskData>;
  /** The newest articles and the totals, read before everything (the store's preview); null or absent: wait for load(). */
  preview?(rows: number): Promise<DeskPreview | null>;
  review(article: ArticleMeta, claim: ClaimSnapshot, patch: ReviewPatch): Promise<unknown>;
  setSettings(settings: DeskSettings): Promise<void>;
  eraseAll(): Promise<void>;
  importAll(articles: readonly StoredArticle[], settings: DeskSettings): Promise<void>;
  /** Merges imported articles into the desk: the store's mergeArticles. */
  mergeArticles(articles: readonly StoredArticle[]): Promise<MergeOutcome>;
  version: string;
  save(text: string, filename: string, mime: string): void;
  /** Calls back when the stored desk changes elsewhere (a mark made in a panel); returns the unsubscribe. */
  onChange?(callback: () => void): () => void;
  now?(): Date;
}

/** What the desk reads of a chosen file: a browser File, or its stand-in in tests. */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

type Tab = 'claims' | 'ledger' | 'provenance';
const TABS: Array<[Tab, string]> = [['claims', 'Attributions'], ['ledger', 'Speaker ledger'], ['provenance', 'Quotes across outlets']];

/** Rows drawn, at most, before "Show more", and added by each "Show more". */
export const DESK_BATCH = 100;
/**
 * Rows drawn first: a screenful (a 1440 px window shows about ten rows). The rest of the batch follows in
 * chunks of DESK_CHUNK, one per idle moment, so the first rows paint without waiting for the others.
 */
export const DESK_SCREEN = 12;
const DESK_CHUNK = 22;

/** Named points on the page's performance timeline: bench:desk:browser reads them. */
function timeline(name: string): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName?.(name).length === 0) performance.mark(name);
}

/** Runs `work` when the page is idle (soon in any case), or at once after a zero timeout where idle callbacks are missing. */
function whenIdle(work: () => void): () => void {
  const scope = globalThis as { requestIdleCallback?: (fn: () => void, options: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (scope.requestIdleCallback && scope.cancelIdleCallback) {
    const id = scope.requestIdleCallback(work, { timeout: 50 });
    return () => scope.cancelIdleCallback!(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}

/** The panel's mark buttons carry the same signs. */
const MARK_ICON: Record<Mark, string> = { checked: '\u2713', disputed: '\u2717', 'to-check': '?' };

const day = (iso: string) => iso.slice(0, 10);
/** "1 article", "2 articles", "1,204 attributions". */
export const count = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

function snapshot(row: DeskRow): ClaimSnapshot {
  const { review: _review, seenAt: _seenAt, ...claim } = row.claim;
  return claim;
}

function meta(article: StoredArticle): ArticleMeta {
  return { url: article.url, title: article.title, outlet: article.outlet, published: article.published };
}

/** The article's link, only for a web address: an imported or damaged record is shown, never followed. */
function ArticleLink({ article }: { article: StoredArticle }) {
  return /^https?:\/\//i.test(article.url) ? (
    <a href={article.url} target="_blank" rel="noopener noreferrer">
      {article.title}
    </a>
  ) : (
    <span>{article.title}</span>
  );
}

function Initials({ badge }: { badge: SpeakerBadge }) {
  return (
    <span class="initials" aria-hidden="true" data-initials={badge.initials}>
      {badge.initials}
    </span>
  );
}

const badgeStyle = (badge: SpeakerBadge) => ({ '--ws-speaker': badge.color, '--ws-initials': badge.ink });

interface RowsProps {
  rows: DeskRow[];
  badge(name: string | null): SpeakerBadge;
  onMark(row: DeskRow, mark: Mark | null): void;
}

function Row({ row, badge, onMark }: { row: DeskRow } & Omit<RowsProps, 'rows'>) {
  const { claim, article } = row;
  const speaker = row.speaker ?? 'No named source';
  const look = badge(row.speaker);
  const facts = [kindWords(claim.kind).label, claim.certainty && certaintyWords(claim.certainty).label, claim.framing && framingWords(claim.framing).label].filter(Boolean).join(' \u00B7 ');
  return (
    <li class="row" data-attribution={row.key} data-marked={row.mark ?? undefined} style={badgeStyle(look)}>
      <div class="row-head">
        <Initials badge={look} />
        <span class="speaker">{speaker}</span>
        {claim.review?.speaker && claim.speaker && <span class="meta">(WhoSaid read: {claim.speaker})</span>}
        {claim.cue && <span class="cue">{claim.cue}</span>}
        <span class="meta">{facts}</span>
        {row.mark && (
          <span class="marked" data-mark-shown={row.mark}>
            <span aria-hidden="true">{MARK_ICON[row.mark]}</span> {MARK_LABEL[row.mark]}
          </span>
        )}
      </div>
      <p class="quote">{claim.kind === 'indirect' ? claim.content : quoted(claim.content)}</p>
      <p class="source">
        <ArticleLink article={article} /> · {article.outlet} · {day(row.date)}
      </p>
      {claim.review?.note && (
        <p class="note" data-note-text>
          <span class="sr-only">Your note: </span>
          {claim.review.note}
        </p>
      )}
      <div class="marks" role="group" aria-label={`Your mark on the quote from ${speaker}`}>
        {MARKS.map((mark) => (
          <button key={mark} type="button" class="button" data-mark={mark} aria-pressed={row.mark === mark} onClick={() => onMark(row, row.mark === mark ? null : mark)}>
            <span aria-hidden="true">{MARK_ICON[mark]}</span> {MARK_LABEL[mark]}
          </button>
        ))}
      </div>
    </li>
  );
}

/** A list drawn a screenful first, then the rest of its batch in idle chunks (remount it, by key, for a new search). */
function Rows({ rows, badge, onMark }: RowsProps) {
  const [limit, setLimit] = useState(DESK_BATCH);
  const [drawn, setDrawn] = useState(DESK_SCREEN);
  const target = Math.min(limit, rows.length);
  useEffect(() => {
    if (rows.length > 0) timeline('whosaid:desk:rows');
    if (drawn >= target) return;
    return whenIdle(() => setDrawn(drawn + DESK_CHUNK));
  }, [drawn, target, rows]);
  return (
    <>
      <ul class="rows">
        {rows.slice(0, Math.min(drawn, limit)).map((row) => (
          <Row key={`${row.article.id}/${row.key}`} row={row} badge={badge} onMark={onMark} />
        ))}
      </ul>
      {rows.length > limit && (
        <button type="button" class="button more" data-more onClick={() => setLimit(limit + DESK_BATCH)}>
          Show {grouped(Math.min(DESK_BATCH, rows.length - limit))} more of {grouped(rows.length - limit)}
        </button>
      )}
    </>
  );
}

/** What an empty desk says: how to fill it, and where a backup goes back in. */
function EmptyDesk() {
  return (
    <section class="card empty" data-empty aria-labelledby="empty-title">
      <h2 id="empty-title">Nothing on the desk yet</h2>
      <p>The desk keeps the quotes you review, from every article, on this device. To add one:</p>
      <ol>
        <li>Open a news article. WhoSaid finds its quotes by itself and shows a pill in the lower right corner.</li>
        <li>
          Click the pill or the WhoSaid toolbar button, or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>Q</kbd>, to open the panel.
        </li>
        <li>Pick a quote and mark it Checked, Disputed or To check, or add a note. To keep a whole article, click Keep on desk.</li>
      </ol>
      <p class="hint">It appears here at once. Coming from another computer, or after an erase? Import a backup under Back up and restore.</p>
    </section>
  );
}

type ImportState = { kind: 'reading' | 'done' | 'refused'; text: string } | null;

export function Desk({ backend }: { backend: DeskBackend }) {
  const [data, setData] = useState<DeskData | null>(null);
  const [preview, setPreview] = useState<DeskPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('claims');
  const [query, setQuery] = useState('');
  const [hedgedOnly, setHedgedOnly] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [status, setStatus] = useState('');
  const [imported, setImported] = useState<ImportState>(null);
  const [undo, setUndo] = useState<DeskData | null>(null);

  const reload = () =>
    backend.load().then(
      (loaded) => {
        setData(loaded);
        setFailure(null);
      },
      (error: unknown) => setFailure(`The desk could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  const readAll = useRef(false);
  const loadAll = () => {
    if (readAll.current) return;
    readAll.current = true;
    void reload();
  };
  useEffect(() => {
    // The newest articles first (the index and a few records), then everything: on real storage reading all
    // 10,000 attributions (7 MB) takes most of a second (bench:desk:browser), and reading it meanwhile
    // would slow the first rows down on a busy machine.
    if (backend.preview) backend.preview(DESK_SCREEN).then((first) => (first ? setPreview(first) : loadAll()), loadAll);
    else loadAll();
    return backend.onChange?.(() => {
      readAll.current = true;
      void reload();
    });
  }, []);
  // Effects run once the page has painted: the preview's rows are on screen.
  useEffect(() => {
    if (preview) loadAll();
  }, [preview]);
  useEffect(() => {
    if (data) timeline('whosaid:desk:ready');
  }, [data]);

  // Until everything is read, the preview stands in: its rows, its totals; search, views and export wait.
  const loading = !data;
  const view: Pick<DeskData, 'articles' | 'settings' | 'problems'> | null = data ?? (preview && { articles: preview.articles, settings: preview.settings, problems: [] });
  const rows = useMemo(() => (view ? deskRows(view.articles) : []), [view?.articles]);
  // One colour per speaker across the desk, in the order they first appear (newest article first).
  const badge = useMemo(() => speakerBadges(rows.map((row) => row.speaker)), [rows]);
  // Measured once per load, not per keystroke (7 MB of JSON at 10,000 attributions).
  const bytes = useMemo(() => (data ? JSON.stringify(data.articles).length : 0), [data]);
  const results = useMemo(() => search(rows, query), [rows, query]);
  const ledger = useMemo(() => (tab === 'ledger' && !loading ? speakerLedger(results) : []), [results, tab, loading]);
  const provenance = useMemo(() => (tab === 'provenance' && !loading ? quoteProvenance(results) : []), [results, tab, loading]);

  const exportRows = (which: DeskRow[], label: string) => {
    const now = (backend.now?.() ?? new Date()).toISOString();
    const context = { exportedAt: now, version: backend.version };
    const file = EXPORT_FILE[format];
    const filename = `whosaid-desk-${now.slice(0, 19).replace(/[:T]/g, '-')}.${format === 'claimreview' ? 'claimreview.jsonld' : file.extension}`;
    // The desk's JSON is also its backup: the same file, with what an import needs to restore it exactly.
    const text = format === 'json' ? toDeskJson(which, context) : exportText(format, which.map((row): ExportItem => ({ article: meta(row.article), claim: row.claim })), context);
    backend.save(text, filename, file.mime);
    setStatus(`Saved ${label} as ${file.label}: ${filename}.`);
  };

  const mark = async (row: DeskRow, next: Mark | null) => {
    await backend.review(meta(row.article), snapshot(row), { mark: next });
    await reload();
  };

  const erase = async () => {
    if (!data) return;
    await backend.eraseAll();
    setUndo(data);
    setStatus(`Erased ${count(rows.length, 'attribution')} from ${count(data.articles.length, 'article')}.`);
    await reload();
  };

  const restore = async () => {
    if (!undo) return;
    await backend.importAll(undo.articles, undo.settings);
    setUndo(null);
    setStatus('Restored.');
    await reload();
  };

  const importFile = async (file: ImportFile) => {
    const refuse = (why: string) => setImported({ kind: 'refused', text: `${file.name} was not imported. ${why} Nothing on the desk was changed.` });
    // The size is known before reading: a huge file is refused without loading it.
    const tooBig = checkFileSize(file.size);
    if (tooBig) return refuse(tooBig);
    setImported({ kind: 'reading', text: `Reading ${file.name}\u2026` });
    try {
      const read = parseImport(await file.text(), { now: (backend.now?.() ?? new Date()).getTime() });
      if (!read.ok) return refuse(read.error);
      const outcome = await backend.mergeArticles(read.articles);
      setImported({ kind: 'done', text: importSummary(read, outcome) });
    } catch (error) {
      return refuse(`It could not be read: ${error instanceof Error ? error.message : String(error)}.`);
    }
    await reload();
  };

  if (failure) return <main class="desk"><h1 class="brand">WhoSaid desk</h1><p class="problems" role="alert">{failure}</p></main>;
  if (!view) return <main class="desk"><h1 class="brand">WhoSaid desk</h1><p>Loading the desk…</p></main>;

  const empty = rows.length === 0 && !(loading && preview && preview.totals.attributions > 0);
  const totals = data ? { articles: data.articles.length, attributions: rows.length } : preview!.totals;
  const loadingNote = <p class="hint" data-loading>Loading the rest of the desk…</p>;
  const onMark = (row: DeskRow, next: Mark | null) => void mark(row, next);

  return (
    <main class="desk">
      <header class="desk-head">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          WhoSaid desk
        </h1>
        <p class="lede">
          {empty ? 'Nothing kept yet' : `${count(totals.attributions, 'attribution')} from ${count(totals.articles, 'article')}`} · {loading ? 'loading\u2026' : `${(bytes / 1024).toFixed(1)} KB on this device`}
        </p>
      </header>
      {view.problems.length > 0 && (
        <div class="problems" role="alert" data-problems>
          <p>Some stored data could not be read. Everything else is shown below, and nothing was deleted:</p>
          <ul>
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="layout">
        <div class="list">
          {empty ? (
            <EmptyDesk />
          ) : (
            <>
              <div class="bar search-bar">
                <label class="sr-only" for="desk-search">
                  Search
                </label>
                <input
                  id="desk-search"
                  type="search"
                  data-search
                  placeholder='Search: words, "a phrase", speaker:name, outlet:name, mark:disputed, after:2026-01-01'
                  value={query}
                  onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
                />
                <button type="button" class="button" data-export-results disabled={loading || results.length === 0} onClick={() => exportRows(results, count(results.length, 'result'))}>
                  {loading ? 'Export' : `Export ${results.length === 1 ? 'this one' : `these ${grouped(results.length)}`}`}
                </button>
              </div>

              <div role="tablist" aria-label="Views">
                {TABS.map(([id, label]) => (
                  <button key={id} type="button" class="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`view-${id}`} data-tab={id} onClick={() => setTab(id)}>
                    {label}
                  </button>
                ))}
              </div>

              <section role="tabpanel" id={`view-${tab}`} aria-labelledby={`tab-${tab}`}>
                {tab === 'claims' &&
                  (loading && query.trim() !== '' ? loadingNote : results.length === 0 ? <p class="hint">No attribution matches this search.</p> : <Rows key={query} rows={results} badge={badge} onMark={onMark} />)}
                {tab !== 'claims' && loading && loadingNote}
                {tab === 'ledger' && !loading && (
                  <>
                    <label class="check ledger-filter">
                      <input type="checkbox" data-hedged-only checked={hedgedOnly} onChange={() => setHedgedOnly(!hedgedOnly)} />
                      Only hedged or speculated claims
                    </label>
                    {ledger.map((entry) => {
                      const shown = hedgedOnly ? entry.hedged : entry.rows;
                      if (shown.length === 0) return null;
                      const look = badge(entry.name);
                      return (
                        <section class="entry" key={entry.name} data-ledger-speaker={entry.name} style={badgeStyle(look)}>
                          <div class="entry-head">
                            <Initials badge={look} />
                            <h3>{entry.name}</h3>
                            <p class="meta">
                              {count(entry.rows.length, 'claim')} in {count(entry.articles, 'article')}
                              {entry.aliases.length > 0 && ` \u00B7 also named ${entry.aliases.join(', ')}`}
                              {entry.hedged.length > 0 && ` \u00B7 ${grouped(entry.hedged.length)} hedged`}
                            </p>
                          </div>
                          <Rows rows={shown} badge={badge} onMark={onMark} />
                        </section>
                      );
                    })}
                  </>
                )}
                {tab === 'provenance' &&
                  !loading &&
                  (provenance.length === 0 ? (
                    <p class="hint">No quotation has been seen in more than one article yet.</p>
                  ) : (
                    provenance.map((group) => (
                      <section class="entry" key={group.first.key} data-provenance>
                        <div class="entry-head">
                          <h3>{quoted(group.text)}</h3>
                          <p class="meta">
                            Seen in {count(group.outlets.length, 'outlet')} ({group.outlets.join(', ')}) · earliest {day(group.earliest)}, {group.first.article.outlet}
                          </p>
                        </div>
                        <Rows rows={group.rows} badge={badge} onMark={onMark} />
                      </section>
                    ))
                  ))}
              </section>
            </>
          )}
        </div>
        <div class="side">
          <section class="card" aria-labelledby="kept-title">
            <h2 id="kept-title">What is kept</h2>
            <p class="hint" data-kept-statement>
              {view.settings.keepAll
                ? 'WhoSaid keeps every article it analyses, with your marks and notes, on this device only. Nothing leaves it.'
                : 'WhoSaid keeps only the articles you reviewed (a mark, a note or a corrected speaker) or kept with \u201CKeep on desk\u201D, on this device only. Nothing leaves it.'}
            </p>
            <label class="check">
              <input
                type="checkbox"
                data-keep-all
                checked={view.settings.keepAll}
                onChange={async (event) => {
                  await backend.setSettings({ keepAll: (event.target as HTMLInputElement).checked });
                  await reload();
                }}
              />
              Keep every analysed article
            </label>
          </section>

          <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">Back up and restore</h2>
            <p class="hint">
              Export everything as JSON to keep a copy. On a new computer, after reinstalling WhoSaid or after an erase, import it here: it adds what the desk lacks and removes nothing, so importing it twice adds nothing.
            </p>
            <div class="bar">
              <label class="field">
                Format
                <select data-export-format value={format} onChange={(event) => setFormat((event.target as HTMLSelectElement).value as ExportFormat)}>
                  {EXPORT_FORMATS.map((name) => (
                    <option key={name} value={name}>
                      {EXPORT_FILE[name].label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="button primary" data-export-all disabled={empty || loading} onClick={() => exportRows(rows, 'everything')}>
                Export everything
              </button>
            </div>
            <div class="bar">
              <input
                id="desk-import"
                class="file-input sr-only"
                type="file"
                data-import
                accept=".json,.jsonld,application/json,application/ld+json"
                onChange={(event) => {
                  const input = event.currentTarget as HTMLInputElement;
                  const file = input.files?.[0];
                  if (!file) return;
                  void importFile(file).finally(() => {
                    // Cleared, so choosing the same file again imports it again (and shows that nothing was new).
                    input.value = '';
                  });
                }}
              />
              <label class="button" for="desk-import">
                Import a backup…
              </label>
              <button type="button" class="button danger" data-erase-all disabled={empty || loading} onClick={() => void erase()}>
                Erase everything
              </button>
              {undo && (
                <button type="button" class="button" data-undo onClick={() => void restore()}>
                  Undo erase
                </button>
              )}
            </div>
            <p class="status" role="status" data-import-status data-kind={imported?.kind}>
              {imported?.text}
            </p>
            <p class="status" role="status">
              {status}
            </p>
          </section>
        </div>

      </div>
    </main>
  );
}
