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
