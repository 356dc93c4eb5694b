/**
 * The desk page: every reviewed (or kept) article and attribution, searchable; the speaker ledger; quote
 * provenance; what is kept, stated plainly, with the setting to keep everything; export and erase in
 * one click each (an erase can be undone for as long as the page stays open). Each stored attribution
 * is an element with `data-attribution` (its stable key) and `data-marked` once marked.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { EXPORT_FILE, EXPORT_FORMATS, exportText, quoted, type ExportFormat, type ExportItem } from '../shared/desk/exports';
import { MARK_LABEL, MARKS, type ArticleMeta, type DeskSettings, type Mark, type StoredArticle } from '../shared/desk/schema';
import type { ClaimSnapshot, DeskData, ReviewPatch } from '../shared/desk/store';
import { certaintyWords, framingWords, kindWords } from '../shared/words';
import { deskRows, quoteProvenance, search, speakerLedger, type DeskRow } from './model';

/** What the page needs from the extension: the desk store, the version and a way to save a file. */
export interface DeskBackend {
  load(): Promise<DeskData>;
  review(article: ArticleMeta, claim: ClaimSnapshot, patch: ReviewPatch): Promise<unknown>;
  setSettings(settings: DeskSettings): Promise<void>;
  eraseAll(): Promise<void>;
  importAll(articles: readonly StoredArticle[], settings: DeskSettings): Promise<void>;
  version: string;
  save(text: string, filename: string, mime: string): void;
  /** Calls back when the stored desk changes elsewhere (a mark made in a panel); returns the unsubscribe. */
  onChange?(callback: () => void): () => void;
  now?(): Date;
}

type Tab = 'claims' | 'ledger' | 'provenance';
const TABS: Array<[Tab, string]> = [['claims', 'Attributions'], ['ledger', 'Speaker ledger'], ['provenance', 'Quotes across outlets']];

/** Rows drawn at first and per "Show more": the desk opens fast however much is stored (bench:desk). */
export const DESK_BATCH = 100;

const day = (iso: string) => iso.slice(0, 10);
const count = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

function snapshot(row: DeskRow): ClaimSnapshot {
  const { review: _review, seenAt: _seenAt, ...claim } = row.claim;
  return claim;
}

function meta(article: StoredArticle): ArticleMeta {
  return { url: article.url, title: article.title, outlet: article.outlet, published: article.published };
}

function Row({ row, onMark }: { row: DeskRow; onMark(row: DeskRow, mark: Mark | null): void }) {
  const { claim, article } = row;
  const speaker = row.speaker ?? 'No named source';
  const facts = [kindWords(claim.kind).label, claim.certainty && certaintyWords(claim.certainty).label, claim.framing && framingWords(claim.framing).label].filter(Boolean).join(' \u00B7 ');
  return (
    <li class="row" data-attribution={row.key} data-marked={row.mark ?? undefined}>
      <div class="row-head">
        <span class="speaker">{speaker}</span>
        {claim.review?.speaker && claim.speaker && <span class="meta">(WhoSaid read: {claim.speaker})</span>}
        {claim.cue && <span class="cue">{claim.cue}</span>}
        <span class="meta">{facts}</span>
      </div>
      <p class="quote">{claim.kind === 'indirect' ? claim.content : quoted(claim.content)}</p>
      <div class="meta">
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {article.title}
        </a>{' '}
        · {article.outlet} · {day(row.date)}
      </div>
      {claim.review?.note && <p class="note">{claim.review.note}</p>}
      <div class="marks" role="group" aria-label={`Your mark on the quote from ${speaker}`}>
        {MARKS.map((mark) => (
          <button key={mark} type="button" data-mark={mark} aria-pressed={row.mark === mark} onClick={() => onMark(row, row.mark === mark ? null : mark)}>
            {MARK_LABEL[mark]}
          </button>
        ))}
      </div>
    </li>
  );
}

function Rows({ rows, onMark }: { rows: DeskRow[]; onMark(row: DeskRow, mark: Mark | null): void }) {
  const [limit, setLimit] = useState(DESK_BATCH);
  useEffect(() => setLimit(DESK_BATCH), [rows]);
  return (
    <>
      <ul class="rows">
        {rows.slice(0, limit).map((row) => (
          <Row key={`${row.article.id}/${row.key}`} row={row} onMark={onMark} />
        ))}
      </ul>
      {rows.length > limit && (
        <button type="button" data-more onClick={() => setLimit(limit + DESK_BATCH)}>
          Show {Math.min(DESK_BATCH, rows.length - limit)} more of {rows.length - limit}
        </button>
      )}
    </>
  );
}

export function Desk({ backend }: { backend: DeskBackend }) {
  const [data, setData] = useState<DeskData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('claims');
  const [query, setQuery] = useState('');
  const [hedgedOnly, setHedgedOnly] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<DeskData | null>(null);

  const reload = () =>
    backend.load().then(
      (loaded) => {
        setData(loaded);
        setFailure(null);
      },
      (error: unknown) => setFailure(`The desk could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  useEffect(() => {
    void reload();
    return backend.onChange?.(() => void reload());
  }, []);

  const rows = useMemo(() => (data ? deskRows(data.articles) : []), [data]);
  // Measured once per load, not per keystroke (7 MB of JSON at 10,000 attributions).
  const bytes = useMemo(() => (data ? JSON.stringify(data.articles).length : 0), [data]);
  const results = useMemo(() => search(rows, query), [rows, query]);
  const ledger = useMemo(() => (tab === 'ledger' ? speakerLedger(results) : []), [results, tab]);
  const provenance = useMemo(() => (tab === 'provenance' ? quoteProvenance(results) : []), [results, tab]);

  const exportRows = (which: DeskRow[], label: string) => {
    const now = (backend.now?.() ?? new Date()).toISOString();
    const items: ExportItem[] = which.map((row) => ({ article: meta(row.article), claim: row.claim }));
    const file = EXPORT_FILE[format];
    const filename = `whosaid-desk-${now.slice(0, 19).replace(/[:T]/g, '-')}.${format === 'claimreview' ? 'claimreview.jsonld' : file.extension}`;
    backend.save(exportText(format, items, { exportedAt: now, version: backend.version }), filename, file.mime);
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
    setStatus(`Erased ${rows.length} attributions from ${data.articles.length} articles.`);
    await reload();
  };

  const restore = async () => {
    if (!undo) return;
    await backend.importAll(undo.articles, undo.settings);
    setUndo(null);
    setStatus('Restored.');
    await reload();
  };

  if (failure) return <main><h1>WhoSaid desk</h1><p class="problems" role="alert">{failure}</p></main>;
  if (!data) return <main><h1>WhoSaid desk</h1><p>Loading the desk…</p></main>;


  return (
    <main>
      <h1>WhoSaid desk</h1>
      <p class="lede">
        {count(rows.length, 'attribution')} from {count(data.articles.length, 'article')} · {(bytes / 1024).toFixed(1)} KB on this device
      </p>
      {data.problems.length > 0 && (
        <div class="problems" role="alert" data-problems>
          <p>Some stored data could not be read. Everything else is shown below, and nothing was deleted:</p>
          <ul>
            {data.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="kept-title">
        <h2 id="kept-title">What is kept</h2>
        <p class="hint" data-kept-statement>
          {data.settings.keepAll
            ? 'WhoSaid keeps every article it analyses, with your marks and notes, on this device only. Nothing leaves it.'
            : 'WhoSaid keeps only the articles you reviewed (a mark, a note or a corrected speaker) or kept with \u201CKeep on desk\u201D, on this device only. Nothing leaves it.'}
        </p>
        <label>
          <input
            type="checkbox"
            data-keep-all
            checked={data.settings.keepAll}
            onChange={async (event) => {
              await backend.setSettings({ keepAll: (event.target as HTMLInputElement).checked });
              await reload();
            }}
          />{' '}
          Keep every analysed article
        </label>
        <div class="bar">
          <label>
            Format{' '}
            <select data-export-format value={format} onChange={(event) => setFormat((event.target as HTMLSelectElement).value as ExportFormat)}>
              {EXPORT_FORMATS.map((name) => (
                <option key={name} value={name}>
                  {EXPORT_FILE[name].label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-export-all disabled={rows.length === 0} onClick={() => exportRows(rows, 'everything')}>
            Export everything
          </button>
          <button type="button" data-erase-all disabled={rows.length === 0} onClick={() => void erase()}>
            Erase everything
          </button>
          {undo && (
            <button type="button" data-undo onClick={() => void restore()}>
              Undo erase
            </button>
          )}
        </div>
        <p class="status" role="status">
          {status}
        </p>
      </section>

      <div class="bar">
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
        <button type="button" data-export-results disabled={results.length === 0} onClick={() => exportRows(results, `${results.length} results`)}>
          Export these {results.length}
        </button>
      </div>

      <div role="tablist" aria-label="Views">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`view-${id}`} data-tab={id} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>

      <section role="tabpanel" id={`view-${tab}`} aria-labelledby={`tab-${tab}`}>
        {rows.length === 0 && <p class="hint">Nothing on the desk yet. Mark a quote in the WhoSaid panel of any article, or keep the article, and it appears here.</p>}
        {tab === 'claims' && <Rows rows={results} onMark={(row, next) => void mark(row, next)} />}
        {tab === 'ledger' && (
          <>
            <label>
              <input type="checkbox" data-hedged-only checked={hedgedOnly} onChange={() => setHedgedOnly(!hedgedOnly)} /> Only hedged or speculated claims
            </label>
            {ledger.map((entry) => {
              const shown = hedgedOnly ? entry.hedged : entry.rows;
              if (shown.length === 0) return null;
              return (
                <section class="entry" key={entry.name} data-ledger-speaker={entry.name}>
                  <h3>{entry.name}</h3>
                  <p class="meta">
                    {count(entry.rows.length, 'claim')} in {count(entry.articles, 'article')}
                    {entry.aliases.length > 0 && ` \u00B7 also named ${entry.aliases.join(', ')}`}
                    {entry.hedged.length > 0 && ` \u00B7 ${entry.hedged.length} hedged`}
                  </p>
                  <Rows rows={shown} onMark={(row, next) => void mark(row, next)} />
                </section>
              );
            })}
          </>
        )}
        {tab === 'provenance' &&
          (provenance.length === 0 ? (
            <p class="hint">No quotation has been seen in more than one article yet.</p>
          ) : (
            provenance.map((group) => (
              <section class="entry" key={group.first.key} data-provenance>
                <h3>“{group.text}”</h3>
                <p class="meta">
                  Seen in {group.outlets.length} outlets ({group.outlets.join(', ')}) · earliest {day(group.earliest)}, {group.first.article.outlet}
                </p>
                <Rows rows={group.rows} onMark={(row, next) => void mark(row, next)} />
              </section>
            ))
          ))}
      </section>
    </main>
  );
}
