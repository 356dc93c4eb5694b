/** Types for scripts/wordnet-table.mjs (a plain ES module, so build.mjs can run it without a compiler). */
export interface WordnetTable {
  about: string;
  agentNouns: string;
  otherNouns: string;
  otherCompounds: string;
  communicationVerbs: string;
  cognitionVerbs: string;
}
export function deriveTable(dir?: string): WordnetTable;
export function writeTable(): number;
export const TABLE_PATH: URL;
