/**
 * Caps on what a page states about itself, so a page cannot make the desk store, rewrite on every mark and
 * export megabytes of it (a 2 MB og:site_name). Applied where the content script reads the metadata and
 * again where the desk writes a record. Each is several times the longest real value, so none is cut.
 */
import type { ArticleMeta } from './desk/schema';

/** Headlines run to about 150 characters, a <title> with section and site name appended to about 300. */
export const MAX_TITLE_CHARS = 500;
/** An outlet's name ("Frankfurter Allgemeine Zeitung", "The Times of India") is under 60 characters. */
export const MAX_OUTLET_CHARS = 200;
/** A date as pages state it (ISO 8601, RFC 2822, "Tuesday, 3 March 2026, 10:00 GMT") is under 40 characters. */
export const MAX_DATE_CHARS = 100;
/** The longest address the sitemaps protocol allows, and about the longest that browsers and servers all accept. */
export const MAX_ADDRESS_CHARS = 2_048;

/** Text cut to at most `max` characters, an ellipsis marking the cut; never between the halves of a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}\u2026`;
}

/** An article's title, outlet and date within their caps; a date too long to be one is no date. */
export function cappedMeta<T extends ArticleMeta>(meta: T): T {
  const published = meta.published !== null && meta.published.length > MAX_DATE_CHARS ? null : meta.published;
  return { ...meta, title: capText(meta.title, MAX_TITLE_CHARS), outlet: capText(meta.outlet, MAX_OUTLET_CHARS), published };
}
