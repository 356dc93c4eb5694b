import { createStateStore } from '../../src/background/cache';
import { hashText } from '../../src/shared/text-hash';
import type { AnalysisReply } from '../../src/shared/messages';
import { FakeStorageArea } from './fake-browser';

function reply(canonicalUrl: string, padding = 0): AnalysisReply {
  return {
    canonicalUrl,
    quotes: [{ id: 'q0', cue: null, sources: [], contents: [{ start: 0, end: padding, text: 'x'.repeat(padding) }], kind: 'direct', speaker: null, confidence: 0.5 }],
    speakers: [],
    engineMs: 3,
    cached: false,
  };
}

describe('text hash', () => {
  const same: Array<[string, string]> = [
    ['', ''],
    ['Smith said.', 'Smith said.'],
  ];
  test.each(same)('equal texts hash equal: %p', (a, b) => expect(hashText(a)).toBe(hashText(b)));

  const different: Array<[string, string]> = [
    ['Smith said.', 'Smith said!'],
    ['ab', 'ba'],
    ['a', 'a '],
    ['“quoted”', '"quoted"'],
  ];
  test.each(different)('different texts hash differently: %p vs %p', (a, b) => expect(hashText(a)).not.toBe(hashText(b)));
});

describe('state store', () => {
  let clock = 0;
  const now = () => ++clock;

  test('keys differ by URL and by text, and not otherwise', () => {
    const store = createStateStore(new FakeStorageArea(), { version: '1', now });
    const key = store.analysisKey('https://a.example/x', 'text');
    expect(store.analysisKey('https://a.example/x', 'text')).toBe(key);
    expect(store.analysisKey('https://a.example/y', 'text')).not.toBe(key);
    expect(store.analysisKey('https://a.example/x', 'text!')).not.toBe(key);
  });

  test('a stored analysis comes back, stored with cached: false', async () => {
    const store = createStateStore(new FakeStorageArea(), { version: '1', now });
    const key = store.analysisKey('https://a.example/x', 'text');
    expect(await store.getAnalysis(key)).toBeNull();
    await store.putAnalysis(key, { ...reply('https://a.example/x'), cached: true });
    expect(await store.getAnalysis(key)).toEqual(reply('https://a.example/x'));
  });

  test('keeps at most maxEntries analyses, dropping the least recently used', async () => {
    const area = new FakeStorageArea();
    const store = createStateStore(area, { version: '1', now, limits: { maxEntries: 3, maxBytes: 1e9 } });
    const keys = ['a', 'b', 'c', 'd'].map((name) => store.analysisKey(`https://a.example/${name}`, name));
    await store.putAnalysis(keys[0], reply('a'));
    await store.putAnalysis(keys[1], reply('b'));
    await store.putAnalysis(keys[2], reply('c'));
    await store.getAnalysis(keys[0]); // a is now more recent than b
    await store.putAnalysis(keys[3], reply('d'));
    const present = await Promise.all(keys.map(async (key) => (await store.getAnalysis(key)) !== null));
    expect(present).toEqual([true, false, true, true]);
  });

  test('keeps the total size under maxBytes', async () => {
    const area = new FakeStorageArea();
    const store = createStateStore(area, { version: '1', now, limits: { maxEntries: 100, maxBytes: 5000 } });
    for (let i = 0; i < 10; i++) await store.putAnalysis(store.analysisKey(`https://a.example/${i}`, String(i)), reply(String(i), 1000));
    expect(area.size()).toBeLessThan(6000);
    expect(await store.getAnalysis(store.analysisKey('https://a.example/9', '9'))).not.toBeNull();
    expect(await store.getAnalysis(store.analysisKey('https://a.example/0', '0'))).toBeNull();
  });

  test('does not store an analysis bigger than the whole budget', async () => {
    const area = new FakeStorageArea();
    const store = createStateStore(area, { version: '1', now, limits: { maxEntries: 10, maxBytes: 500 } });
    const key = store.analysisKey('https://a.example/big', 'big');
    await store.putAnalysis(key, reply('big', 1000));
    expect(await store.getAnalysis(key)).toBeNull();
  });

  test('drops analyses stored by another extension version', async () => {
    const area = new FakeStorageArea();
    const old = createStateStore(area, { version: '1', now });
    const oldKey = old.analysisKey('https://a.example/x', 'text');
    await old.putAnalysis(oldKey, reply('x'));
    const current = createStateStore(area, { version: '2', now });
    expect(current.analysisKey('https://a.example/x', 'text')).not.toBe(oldKey);
    await current.putAnalysis(current.analysisKey('https://a.example/y', 'y'), reply('y'));
    expect(area.data.has(oldKey)).toBe(false);
  });

  test('tab state is set, read and cleared, and is not evicted as an analysis', async () => {
    const area = new FakeStorageArea();
    const store = createStateStore(area, { version: '1', now, limits: { maxEntries: 1, maxBytes: 1e9 } });
    const state = { canonicalUrl: 'https://a.example/x', analysisKey: 'k', speakers: 4, cached: false, updatedAt: 1 };
    await store.setTab(3, state);
    await store.putAnalysis(store.analysisKey('https://a.example/1', '1'), reply('1'));
    await store.putAnalysis(store.analysisKey('https://a.example/2', '2'), reply('2'));
    expect(await store.getTab(3)).toEqual(state);
    await store.clearTab(3);
    expect(await store.getTab(3)).toBeNull();
  });

  test('refuses use after destroy()', async () => {
    const store = createStateStore(new FakeStorageArea(), { version: '1', now });
    store.destroy();
    await expect(store.getTab(1)).rejects.toThrow('after destroy');
  });
});
