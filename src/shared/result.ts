/**
 * Replies across the extension message boundary are values, not thrown errors: an Error thrown in
 * the worker does not survive serialisation, so the content script would see only "undefined".
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: unknown): Result<T> => ({
  ok: false,
  error: error instanceof Error ? error.message : String(error),
});
