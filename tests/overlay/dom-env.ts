/**
 * A linkedom document installed as the globals Preact and the overlay use, for DOM-tier tests in
 * Node. Two gaps are filled here, because the behaviour under test depends on them:
 * - Events: linkedom calls every listener with `this` = the event's target rather than the current
 *   target, which breaks Preact's delegating proxies as soon as an event bubbles, and it does not
 *   cross shadow roots. Dispatch is replaced by a spec-shaped one: capture, target and bubble phases,
 *   stopPropagation, once, and composed events crossing the shadow boundary retargeted to the host.
 * - Focus: linkedom has none. focus() records the active element and fires focusout/focusin.
 */
import { parseHTML } from '../helpers/linkedom';

const GLOBAL_NAMES = ['window', 'document', 'Node', 'Element', 'HTMLElement', 'ShadowRoot', 'Event', 'CustomEvent', 'DocumentFragment', 'Text'] as const;

export interface DomEnv {
  window: Window & typeof globalThis;
  document: Document;
  /** The element the fake focus() last focused. */
  activeElement(): Element | null;
  restore(): void;
}

const ARTICLE = '<!doctype html><html><head><title>t</title></head><body><article><p>Article text.</p></article></body></html>';

interface Entry {
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
  once: boolean;
}

type MutableEvent = Event & {
  target: EventTarget | null;
  currentTarget: EventTarget | null;
  eventPhase: number;
  cancelBubble: boolean;
  _stopImmediatePropagationFlag?: boolean;
};

function patch(target: object, name: string, value: unknown, undo: (() => void)[]): void {
  const previous = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
  undo.push(() => {
    if (previous) Object.defineProperty(target, name, previous);
    else delete (target as Record<string, unknown>)[name];
  });
}

function installEvents(document: Document, undo: (() => void)[]): void {
  let proto: object | null = Object.getPrototypeOf(document);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'dispatchEvent')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('linkedom: no EventTarget prototype found');
  const registry = new WeakMap<object, Map<string, Entry[]>>();
  const entriesOf = (node: object, type: string): Entry[] => {
    let byType = registry.get(node);
    if (!byType) registry.set(node, (byType = new Map()));
    let entries = byType.get(type);
    if (!entries) byType.set(type, (entries = []));
    return entries;
  };
  const captureOf = (options?: boolean | AddEventListenerOptions) => (typeof options === 'boolean' ? options : options?.capture === true);

  patch(proto, 'addEventListener', function (this: object, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (!listener) return;
    const entries = entriesOf(this, type);
    const capture = captureOf(options);
    if (entries.some((entry) => entry.listener === listener && entry.capture === capture)) return;
    entries.push({ listener, capture, once: typeof options === 'object' && options.once === true });
  }, undo);

  patch(proto, 'removeEventListener', function (this: object, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const entries = entriesOf(this, type);
    const capture = captureOf(options);
    const index = entries.findIndex((entry) => entry.listener === listener && entry.capture === capture);
    if (index >= 0) entries.splice(index, 1);
  }, undo);

  patch(proto, 'dispatchEvent', function (this: EventTarget, raw: Event) {
    const event = raw as MutableEvent;
    const composed = (event as { composed?: boolean }).composed === true;
    // The propagation path with the target each node sees (retargeted to the host outside a shadow root).
    const path: { node: EventTarget; target: EventTarget }[] = [];
    let node: (Node & { host?: Element }) | null = this as unknown as Node;
    let seenAs: EventTarget = this;
    while (node) {
      path.push({ node, target: seenAs });
      if (node.nodeType === 11 && node.host) {
        if (!composed) break;
        node = node.host;
        seenAs = node;
      } else {
        node = node.parentNode as (Node & { host?: Element }) | null;
      }
    }
    let stopped = false;
    const invoke = (step: { node: EventTarget; target: EventTarget }, phase: number, capture: boolean | null) => {
      const entries = registry.get(step.node)?.get(event.type);
      if (!entries) return;
      for (const entry of [...entries]) {
        if (capture !== null && entry.capture !== capture) continue;
        if (entry.once) entries.splice(entries.indexOf(entry), 1);
        event.target = step.target;
        event.currentTarget = step.node;
        event.eventPhase = phase;
        if (typeof entry.listener === 'function') entry.listener.call(step.node, event);
        else entry.listener.handleEvent(event);
        if (event._stopImmediatePropagationFlag) break;
      }
      if (event.cancelBubble) stopped = true;
    };
    for (let i = path.length - 1; i > 0 && !stopped; i--) invoke(path[i], 1, true);
    if (!stopped) invoke(path[0], 2, null);
    if (event.bubbles) for (let i = 1; i < path.length && !stopped; i++) invoke(path[i], 3, false);
    event.currentTarget = null;
    event.eventPhase = 0;
    event.target = this;
    return !event.defaultPrevented;
  }, undo);
}

export function installDom(html = ARTICLE): DomEnv {
  const { window, document } = parseHTML(html) as unknown as { window: Window & typeof globalThis; document: Document };
  const source = window as unknown as Record<string, unknown>;
  const undo: (() => void)[] = [];
  for (const name of GLOBAL_NAMES) {
    const value = name === 'window' ? window : name === 'document' ? document : source[name];
    if (value !== undefined) patch(globalThis, name, value, undo);
  }
  installEvents(document, undo);

  let active: Element | null = null;
  const EventClass = source.Event as typeof Event;
  const focusEvent = (type: string) => {
    const event = new EventClass(type, { bubbles: true });
    Object.defineProperty(event, 'composed', { value: true });
    return event;
  };
  patch((source.HTMLElement as { prototype: object }).prototype, 'focus', function (this: HTMLElement) {
    if (active === this) return;
    active?.dispatchEvent(focusEvent('focusout'));
    active = this;
    this.dispatchEvent(focusEvent('focusin'));
  }, undo);

  return {
    window,
    document,
    activeElement: () => active,
    restore() {
      for (const step of undo.reverse()) step();
    },
  };
}

/** A UA-like event: bubbling, cancelable, composed (crosses the shadow boundary) and trusted, as the reader's key and click events are. */
function uaEvent(type: string, extra: Record<string, unknown> = {}): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'composed', { value: true });
  Object.defineProperty(event, 'isTrusted', { value: true, configurable: true });
  for (const [key, value] of Object.entries(extra)) Object.defineProperty(event, key, { value });
  return event;
}

export function keyEvent(type: 'keydown' | 'keyup', key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean } = {}): Event {
  return uaEvent(type, { key, ...modifiers });
}

export function click(element: Element): void {
  element.dispatchEvent(uaEvent('click', { button: 0 }));
}

/** An input or change event from the reader (trusted), after a test has set the field's value. */
export function userEvent(element: Element, type: 'input' | 'change' | 'submit'): void {
  element.dispatchEvent(uaEvent(type));
}

/** A click a script made (element.click(), dispatchEvent): isTrusted false. */
export function scriptedClick(element: Element): void {
  element.dispatchEvent(uaEvent('click', { button: 0, isTrusted: false }));
}
