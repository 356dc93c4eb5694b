/** @jest-environment ./tests/shared/linkedom-environment.cjs */
import { claimPage, INSTANCE_GLOBAL, type InstanceClaim, type InstanceRecord, type InstanceScope } from '../../src/content/instance';
import { parseDocumentWithEvents } from '../shared/linkedom';

let restore: () => void = () => undefined;
afterEach(() => restore());

function page(): Document {
  const parsed = parseDocumentWithEvents('<html><body><p>x</p></body></html>');
  restore = parsed.restore;
  return parsed.doc;
}

type FakeInstance = InstanceRecord & { destroyed: number; isAlive: boolean; claim: InstanceClaim | null };

/** An instance whose destroy() releases its claim, as the content controller's does. */
function record(id: string, alive = true): FakeInstance {
  const r: FakeInstance = {
    id,
    isAlive: alive,
    destroyed: 0,
    claim: null,
    alive: () => r.isAlive,
    destroy: () => {
      r.destroyed++;
      r.claim?.release();
    },
  };
  return r;
}

function claim(doc: Document, instance: FakeInstance, scope: InstanceScope): InstanceClaim | null {
  instance.claim = claimPage(doc, instance, scope);
  return instance.claim;
}

describe('one content script per page', () => {
  test('the first instance claims the page and marks its world', () => {
    const doc = page();
    const scope = {} as InstanceScope;
    const first = record('a');
    const claimed = claim(doc, first, scope);
    expect(claimed).not.toBeNull();
    expect(scope[INSTANCE_GLOBAL]).toBe(first);
    claimed!.release();
    expect(scope[INSTANCE_GLOBAL]).toBeUndefined();
  });

  test('the same bundle injected twice into one world: the second stands down, the first is untouched', () => {
    const doc = page();
    const scope = {} as InstanceScope;
    const first = record('a');
    claim(doc, first, scope);
    expect(claim(doc, record('b'), scope)).toBeNull();
    expect(first.destroyed).toBe(0);
    expect(scope[INSTANCE_GLOBAL]).toBe(first);
  });

  test('after an update, in the same world: the cut-off instance is destroyed and the new one claims the page', () => {
    const doc = page();
    const scope = {} as InstanceScope;
    const old = record('old');
    claim(doc, old, scope);
    old.isAlive = false;
    const fresh = record('new');
    expect(claim(doc, fresh, scope)).not.toBeNull();
    expect(old.destroyed).toBe(1);
    expect(scope[INSTANCE_GLOBAL]).toBe(fresh);
  });

  test('after an update, in another world: the cut-off instance hears the newcomer and destroys itself', () => {
    const doc = page();
    const old = record('old');
    claim(doc, old, {} as InstanceScope);
    old.isAlive = false;
    expect(claim(doc, record('new'), {} as InstanceScope)).not.toBeNull();
    expect(old.destroyed).toBe(1);
  });

  test('a live instance in another world answers, and the newcomer stands down', () => {
    const doc = page();
    const live = record('live');
    claim(doc, live, {} as InstanceScope);
    expect(claim(doc, record('new'), {} as InstanceScope)).toBeNull();
    expect(live.destroyed).toBe(0);
  });

  test('a released instance no longer answers', () => {
    const doc = page();
    claim(doc, record('gone'), {} as InstanceScope)!.release();
    expect(claim(doc, record('new'), {} as InstanceScope)).not.toBeNull();
  });
});
