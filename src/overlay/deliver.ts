/**
 * Getting an export out of the page without any network: the clipboard, or a download from a Blob
 * URL. Both run from a click, which is the user gesture the browser asks for.
 */
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';

/** A Blob URL must outlive the click that starts its download; revoking it at once can cancel it. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Clipboard API first; where it is missing or refused (http pages, no focus), a selected textarea
 * and execCommand('copy'), placed inside the overlay's shadow root so the page never sees it.
 */
export async function copyText(text: string, container: Node & ParentNode): Promise<Result<null>> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return ok(null);
    } catch {
      // Fall through to the selection-based copy.
    }
  }
  const doc = container.ownerDocument ?? document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.setProperty('position', 'fixed');
  area.style.setProperty('opacity', '0');
  area.style.setProperty('pointer-events', 'none');
  container.appendChild(area);
  try {
    area.select();
    const copied = typeof doc.execCommand === 'function' && doc.execCommand('copy');
    return copied ? ok(null) : err('The browser did not allow copying; use Download instead.');
  } catch (error) {
    return err(error);
  } finally {
    area.remove();
  }
}

export function downloadText(text: string, filename: string, mime: string, container: Node & ParentNode): Result<null> {
  try {
    const doc = container.ownerDocument ?? document;
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    link.hidden = true;
    // Firefox starts a download only from a link that is in the document.
    container.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    return ok(null);
  } catch (error) {
    return err(error);
  }
}
