/**
 * Issue 21, reviews lost: every write to the desk is atomic against every other writer (the worker applying
 * the panels' reviews, the desk page), and the undo of an erase merges back instead of writing over.
 * The storage here takes a while on every call, as a busy browser's does, so unguarded read-modify-writes
 * interleave as they did in the browser.
 */
import { createDeskStore, deskLock, DESK_LOCK, type DeskLock, type DeskStore } from '../../../src/shared/desk/store';
import type { Mark } from '../../../src/shared/desk/schema';
import { MemoryArea } from './memory-area';
import { META, claimOn } from './fixture';

let clock = 1_000;
const now = () => ++clock;

/** storage.local whose every call waits a few milliseconds first (a fixed, varied sequence: runs are repeatable). */
class SlowArea extends MemoryArea {
  private turn = 0;

  private pause(): Promise<void> {
    const ms = [3, 1, 4, 1, 5, 9, 2, 6][this.turn++ % 8];
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  override async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    await this.pause();
    return super.get(keys);
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    await this.pause();
    return super.set(items);
  }

  override async remove(keys: string | string[]): Promise<void> {
    await this.pause();
    return super.remove(keys);
  }
}

/** A mutex of the test's own, shared by two stores as Web Locks is by the worker and the desk page. */
function mutex(): DeskLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

const NO_LOCK: DeskLock = (work) => work();
const MARKS: Mark[] = ['checked', 'disputed', 'to-check'];
const first = claimOn('We cannot confirm the reports at this time.', 'Ryan Dillon');
const second = claimOn('may have', 'the ministry', { kind: 'mixed' });

async function marks(store: DeskStore): Promise<Record<string, string | null>> {
  const { articles } = await store.load();
  return Object.fromEntries(articles.flatMap((article) => article.claims.map((claim) => [claim.key, claim.review?.mark ?? null])));
}

/** Rounds of two writers each marking its own quote of one article at the same moment; the rounds where a mark was lost. */
async function race(worker: DeskStore, desk: DeskStore, rounds = 10): Promise<string[]> {
  const lost: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const mark = MARKS[round % MARKS.length];
    await Promise.all([worker.review(META, first, { mark }), desk.review(META, second, { mark })]);
    const stored = await marks(worker);
    if (stored[first.key] !== mark || stored[second.key] !== mark) lost.push(`round ${round + 1}`);
  }
  return lost;
}

describe('the desk lock: no write to the desk is lost to another', () => {
  test('the race is real: with no lock, two writers marking different quotes of one article at once lose marks', async () => {
    const area = new SlowArea();
    expect((await race(createDeskStore(area, { now, lock: NO_LOCK }), createDeskStore(area, { now, lock: NO_LOCK }))).length).toBeGreaterThan(0);
  });

  test('the worker and a desk page (two stores, one lock between them) marking at the same moment: every mark is kept, every round', async () => {
    const area = new SlowArea();
    const lock = mutex();
    expect(await race(createDeskStore(area, { now, lock }), createDeskStore(area, { now, lock }))).toEqual([]);
  });

  test('within one context, with no lock passed (no Web Locks in Node: the in-process queue), reviews from two tabs at once are all kept', async () => {
    const area = new SlowArea();
    const worker = createDeskStore(area, { now });
    expect(await race(worker, worker)).toEqual([]);
    // Two stores of one context share the queue too, as the pages of one extension share Web Locks.
    expect(await race(createDeskStore(area, { now }), createDeskStore(area, { now }), 3)).toEqual([]);
  });

  test('a keep-on-desk, a recorded analysis and an erase racing marks leave the marks made after them', async () => {
    const area = new SlowArea();
    const [worker, desk] = [createDeskStore(area, { now }), createDeskStore(area, { now })];
    await desk.setSettings({ keepAll: true });
    await Promise.all([worker.review(META, first, { mark: 'checked' }), worker.pin(META, [first, second], true), desk.recordAnalysis(META, [first, second]), desk.review(META, second, { mark: 'disputed' })]);
    expect(await marks(desk)).toEqual({ [first.key]: 'checked', [second.key]: 'disputed' });
    await Promise.all([desk.eraseAll(), worker.review(META, first, { mark: 'to-check' })]);
    expect(await marks(desk)).toEqual({ [first.key]: 'to-check' });
  });

  test('every method of the store, whatever is added to it, takes the lock and touches storage only while holding it', async () => {
    let held = false;
    let taken = 0;
    const lock: DeskLock = async (work) => {
      taken++;
      held = true;
      try {
        return await work();
      } finally {
        held = false;
      }
    };
    const unguarded: string[] = [];
    const area = new MemoryArea();
    for (const name of ['get', 'set', 'remove'] as const) {
      const call = area[name].bind(area) as (...args: unknown[]) => Promise<unknown>;
      (area as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        if (!held) unguarded.push(name);
        return call(...args);
      };
    }
    const store = createDeskStore(area, { now, lock });
    const args: Record<string, unknown[]> = {
      article: [META.url],
      review: [META, first, { mark: 'checked' }],
      recordAnalysis: [META, [first]],
      pin: [META, [first], true],
      setSettings: [{ keepAll: true }],
      importAll: [[], { keepAll: false }],
      mergeArticles: [[]],
    };
    const methods = Object.keys(store).filter((name) => typeof (store as unknown as Record<string, unknown>)[name] === 'function');
    expect(methods).toEqual(expect.arrayContaining(['load', 'article', 'review', 'recordAnalysis', 'pin', 'settings', 'setSettings', 'eraseAll', 'importAll']));
    const unlocked: string[] = [];
    for (const name of methods) {
      const before = taken;
      // A method this table does not know is called with no arguments: it may fail, but must take the lock first.
      await ((store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name](...(args[name] ?? [])) as Promise<unknown>).catch(() => undefined);
      if (taken !== before + 1) unlocked.push(name);
    }
    expect(unlocked).toEqual([]);
    expect(unguarded).toEqual([]);
  });

  test('in a browser the lock is Web Locks under one name, which the worker and every desk page share', async () => {
    const scope = globalThis as { navigator?: unknown };
    const had = Object.getOwnPropertyDescriptor(scope, 'navigator');
    const names: string[] = [];
    const request = (name: string, work: () => Promise<unknown>) => {
      names.push(name);
      return work();
    };
    Object.defineProperty(scope, 'navigator', { value: { locks: { request } }, configurable: true });
    try {
      const store = createDeskStore(new MemoryArea(), { now });
      await store.review(META, first, { mark: 'checked' });
      await deskLock()(async () => undefined);
    } finally {
      if (had) Object.defineProperty(scope, 'navigator', had);
      else delete scope.navigator;
    }
    expect(names).toEqual([DESK_LOCK, DESK_LOCK]);
    expect(DESK_LOCK).toBe('whosaid-desk');
  });
});

describe('undo of an erase', () => {
  const third = claimOn('killed the leader', 'the ministry');
  const other = { ...META, url: 'https://other.example/b', title: 'Second story' };
  const elsewhere = claimOn('may have', 'the ministry', { meta: other });

  test('restores what was erased and keeps what came after: a quote marked since, a quote re-marked since', async () => {
    const area = new MemoryArea();
    const store = createDeskStore(area, { now });
    await store.review(META, first, { mark: 'checked', note: 'on record' });
    await store.review(META, second, { mark: 'disputed' });
    await store.review(other, elsewhere, { mark: 'to-check' });
    await store.setSettings({ keepAll: true });
    const snapshot = await store.load();
    await store.eraseAll();

    // In a tab still open on the article: a new quote marked, and an erased one marked again.
    await store.review(META, third, { mark: 'to-check' });
    await store.review(META, second, { mark: 'checked' });
    await store.importAll(snapshot.articles, snapshot.settings);

    const after = await store.load();
    expect(await marks(store)).toEqual({ [first.key]: 'checked', [second.key]: 'checked', [third.key]: 'to-check', [elsewhere.key]: 'to-check' });
    expect(after.articles.find((article) => article.url === META.url)!.claims.find((claim) => claim.key === first.key)!.review!.note).toBe('on record');
    // The setting erased with the rest comes back too.
    expect(after.settings).toEqual({ keepAll: true });
  });

  test('a setting changed since the erase stays', async () => {
    const store = createDeskStore(new MemoryArea(), { now });
    await store.review(META, first, { mark: 'checked' });
    await store.setSettings({ keepAll: true });
    const snapshot = await store.load();
    await store.eraseAll();
    await store.setSettings({ keepAll: false });
    await store.importAll(snapshot.articles, snapshot.settings);
    expect((await store.load()).settings).toEqual({ keepAll: false });
    expect(await marks(store)).toEqual({ [first.key]: 'checked' });
  });
});
