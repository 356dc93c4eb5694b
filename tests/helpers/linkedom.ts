/**
 * linkedom documents for DOM-tier tests (article, content and overlay code) in Node, no browser.
 * jest.config.cjs compiles linkedom's ESM dependencies, so the default environment loads it.
 */
import { parseHTML } from 'linkedom';

export { parseHTML };

/** A document parsed from HTML, typed as the DOM's Document. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * A document whose window's Event and CustomEvent are made the globals, for code that dispatches
 * events (linkedom cannot dispatch Node's own Event objects). Call the returned restore() after.
 */
export function parseDocumentWithEvents(html: string): { doc: Document; restore(): void } {
  const { document, window } = parseHTML(html) as unknown as { document: Document; window: typeof globalThis };
  const scope = globalThis as Record<string, unknown>;
  const saved = { Event: scope.Event, CustomEvent: scope.CustomEvent };
  scope.Event = window.Event;
  scope.CustomEvent = window.CustomEvent;
  return {
    doc: document,
    restore() {
      scope.Event = saved.Event;
      scope.CustomEvent = saved.CustomEvent;
    },
  };
}
