/**
 * linkedom for DOM-tier tests of the article and content code, as loaded by
 * linkedom-environment.cjs (see there for why). Test files using it start with the docblock
 * `@jest-environment ./tests/shared/linkedom-environment.cjs`.
 */
import type { parseHTML as ParseHTML } from 'linkedom';

function linkedom(): { parseHTML: typeof ParseHTML } {
  const loaded = (globalThis as { __linkedom?: { parseHTML: typeof ParseHTML } }).__linkedom;
  if (!loaded) throw new Error('DOM tests need the docblock @jest-environment ./tests/shared/linkedom-environment.cjs');
  return loaded;
}

/** A document parsed from HTML, typed as the DOM's Document. */
export function parseDocument(html: string): Document {
  return linkedom().parseHTML(html).document as unknown as Document;
}

/**
 * A document whose window's Event and CustomEvent are made the globals, for code that dispatches
 * events (linkedom cannot dispatch Node's own Event objects). Call the returned restore() after.
 */
export function parseDocumentWithEvents(html: string): { doc: Document; restore(): void } {
  const { document, window } = linkedom().parseHTML(html) as unknown as { document: Document; window: typeof globalThis };
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
