/**
 * The desk's JSON export, which the desk can import again (import.ts): WhoSaid's JSON export as
 * exports.ts writes it, field for field, so every reader of that file reads this one, with what a
 * restore needs beside it: the desk schema it was written in; per article whether the reader kept it
 * and when it was seen; per attribution when it was reviewed and first seen, and the engine's speaker
 * type and aliases (the speaker ledger folds names by them).
 */
import { toJson, type ExportContext } from './exports';
import { DESK_SCHEMA_VERSION, type StoredArticle, type StoredClaim } from './schema';

/** The top-level field naming the desk schema a backup was written in (absent in the panel's JSON export: schema 1). */
export const BACKUP_SCHEMA_FIELD = 'deskSchema';

interface JsonExport {
  tool: string;
  version: string;
  exportedAt: string;
  articles: Array<{ url: string | null; attributions: Array<Record<string, unknown>> }>;
}

export function toDeskJson(rows: ReadonlyArray<{ article: StoredArticle; claim: StoredClaim }>, context: ExportContext): string {
  // Built on toJson's own output rather than a copy of it, so the two cannot drift apart.
  const base = JSON.parse(toJson(rows, context)) as JsonExport;
  const byUrl = new Map<string, Array<{ article: StoredArticle; claim: StoredClaim }>>();
  for (const row of rows) {
    const group = byUrl.get(row.article.url) ?? [];
    group.push(row);
    byUrl.set(row.article.url, group);
  }
  const articles = base.articles.map((entry) => {
    const group = (entry.url !== null && byUrl.get(entry.url)) || [];
    const article = group[0]?.article;
    return {
      ...entry,
      ...(article ? { pinned: article.pinned, firstSeen: article.firstSeen, lastSeen: article.lastSeen } : {}),
      attributions: entry.attributions.map((attribution, index) => {
        const claim = group[index]?.claim;
        if (!claim) return attribution;
        return { ...attribution, speakerType: claim.speakerType, aliases: claim.aliases, seenAt: claim.seenAt, updatedAt: claim.review?.updatedAt ?? null };
      }),
    };
  });
  const text = JSON.stringify({ tool: base.tool, [BACKUP_SCHEMA_FIELD]: DESK_SCHEMA_VERSION, version: base.version, exportedAt: base.exportedAt, articles }, null, 2);
  // As exports.ts writes its JSON: < > & and the JS line separators as \u escapes, so the file is data even pasted into a <script> block.
  return text.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
