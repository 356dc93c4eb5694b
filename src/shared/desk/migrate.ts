/**
 * Bringing stored desk records up to the schema this code reads. MIGRATIONS[n] turns a record of schema
 * n + 1 into one of schema n + 2 (schema 1 is the first). A record from a newer schema than this code
 * knows is not guessed at: it is reported and left as it is.
 */
import { err, ok, type Result } from '../result';

export type Migration = (record: unknown) => unknown;

/** None yet: schema 1 is the first. The next version adds its step here, with a test that every mark survives it. */
export const MIGRATIONS: readonly Migration[] = [];

export function migrateRecord(record: unknown, from: number, to: number, migrations: readonly Migration[]): Result<unknown> {
  if (from > to) return err(new Error(`A record was written by a newer WhoSaid (desk schema ${from}; this one reads ${to})`));
  let value = record;
  for (let version = from; version < to; version++) {
    const step = migrations[version - 1];
    if (!step) return err(new Error(`No way to read desk schema ${version}`));
    try {
      value = step(value);
    } catch (error) {
      return err(new Error(`A record could not be upgraded from desk schema ${version}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  return ok(value);
}
