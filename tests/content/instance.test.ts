import {
  claimPage,
  INSTANCE_START_EVENT,
  instanceIn,
  type InstanceClaim,
  type InstanceRecord,
  type InstanceScope,
} from '../../src/content/instance';
import { parseDocumentWithEvents } from '../helpers/linkedom';

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
    const scope: InstanceScope = {};
    const first = record('a');
    const claimed = claim(doc, first, scope);
    expect(claimed).not.toBeNull();
    expect(instanceIn(scope)).toBe(first);
    claimed!.release();
    expect(instanceIn(scope)).toBeNull();
  });

  test('the same bundle injected twice into one world: the second stands down, the first is untouched', () => {
    const doc = page();
    const scope: InstanceScope = {};
    const first = record('a');
    claim(doc, first, scope);
    expect(claim(doc, record('b'), scope)).toBeNull();
    expect(first.destroyed).toBe(0);
    expect(instanceIn(scope)).toBe(first);
  });

  test('after an update, in the same world: the cut-off instance is destroyed and the new one claims the page', () => {
    const doc = page();
    const scope: InstanceScope = {};
    const old = record('old');
    claim(doc, old, scope);
    old.isAlive = false;
    const fresh = record('new');
    expect(claim(doc, fresh, scope)).not.toBeNull();
    expect(old.destroyed).toBe(1);
    expect(instanceIn(scope)).toBe(fresh);
  });

  test('after an update, in another world: the cut-off instance hears the newcomer and destroys itself', () => {
    const doc = page();
    const old = record('old');
    claim(doc, old, {});
    old.isAlive = false;
    expect(claim(doc, record('new'), {})).not.toBeNull();
    expect(old.destroyed).toBe(1);
  });


  test('a released instance no longer listens: a later announcement does not reach it', () => {
    const doc = page();
    const gone = record('gone');
    claim(doc, gone, {})!.release();
    gone.isAlive = false;
    expect(claim(doc, record('new'), {})).not.toBeNull();
    expect(gone.destroyed).toBe(0);
  });
});

describe('the page cannot silence or end an instance', () => {
  test('a page answering every announcement as a live instance does not stop the newcomer', () => {
    const doc = page();
    // What the old protocol trusted: an "alive" answer, which any page script can dispatch.
    doc.addEventListener(INSTANCE_START_EVENT, () => doc.dispatchEvent(new CustomEvent('whosaid:content-alive')));
    doc.dispatchEvent(new CustomEvent('whosaid:content-alive'));
    const scope: InstanceScope = {};
    const fresh = record('new');
    expect(claim(doc, fresh, scope)).not.toBeNull();
    expect(instanceIn(scope)).toBe(fresh);
  });

  test('forged announcements leave a live instance running and its claim in place', () => {
    const doc = page();
    const scope: InstanceScope = {};
    const live = record('live');
    claim(doc, live, scope);
    for (let i = 0; i < 3; i++) doc.dispatchEvent(new CustomEvent(INSTANCE_START_EVENT));
    expect(live.destroyed).toBe(0);
    expect(instanceIn(scope)).toBe(live);
    expect(claim(doc, record('second'), scope)).toBeNull();
  });

  test('a name the page puts on window (an element with that id) is not taken for an instance', () => {
    const doc = page();
    const clobber = doc.createElement('div');
    clobber.id = '__whosaidContent';
    doc.body.appendChild(clobber);
    // window's named properties sit on its prototype chain and answer any string name, in every world.
    const named = new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? clobber : undefined) });
    const scope: InstanceScope = Object.create(named);
    const fresh = record('new');
    expect(claim(doc, fresh, scope)).not.toBeNull();
    expect(instanceIn(scope)).toBe(fresh);
  });
});
