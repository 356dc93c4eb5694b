/**
 * Word classes from WordNet 3.1, read from the compact table scripts/wordnet-table.mjs derives at build
 * time (src/engine/lexicon/wordnet.json, 0.44 MB: single lower-case words only). Sets are built on first use.
 */
import table from './wordnet.json';

export type NounClass = 'agent' | 'other' | 'unknown';
export type VerbClass = 'communication' | 'cognition' | 'other';

let nouns: Map<string, NounClass> | null = null;
let verbs: Map<string, VerbClass> | null = null;
let nonPersonAgents: Set<string> | null = null;
let thatClauseVerbs: Set<string> | null = null;

function nounTable(): Map<string, NounClass> {
  if (nouns) return nouns;
  nouns = new Map();
  for (const word of table.otherNouns.split(' ')) nouns.set(word, 'other');
  for (const word of table.agentNouns.split(' ')) nouns.set(word, 'agent');
  for (const compound of table.otherCompounds.split('|')) nouns.set(compound, 'other');
  return nouns;
}

function verbTable(): Map<string, VerbClass> {
  if (verbs) return verbs;
  verbs = new Map();
  for (const word of table.cognitionVerbs.split(' ')) verbs.set(word, 'cognition');
  for (const word of table.communicationVerbs.split(' ')) verbs.set(word, 'communication');
  return verbs;
}

const IRREGULAR_PLURALS: Record<string, string> = { men: 'man', women: 'woman', children: 'child', people: 'people', police: 'police' };

/** The singular forms a plural noun may have ("critics" → critic, "agencies" → agency, "witnesses" → witness). */
function singulars(word: string): string[] {
  if (IRREGULAR_PLURALS[word]) return [IRREGULAR_PLURALS[word]];
  if (word.endsWith('ies') && word.length > 4) return [word.slice(0, -3) + 'y'];
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) return [word.slice(0, -2)];
  if (word.endsWith('s') && !word.endsWith('ss')) return [word.slice(0, -1)];
  return [];
}

/** A noun's class: 'agent' when one of its two most frequent senses is a person or a group. */
export function nounClass(word: string): NounClass {
  const lower = word.toLowerCase();
  const found = nounTable().get(lower);
  if (found) return found;
  for (const singular of singulars(lower)) {
    const base = nounTable().get(singular);
    if (base) return base;
  }
  return 'unknown';
}

/**
 * An agent noun whose most frequent sense is a person ("billionaire", "businessman", "lawmaker"), not a group or a
 * body ("crowd", "committee", "company"), nor a noun with a person as a rarer sense only ("star", "model").
 */
export function isPersonNoun(word: string): boolean {
  if (nounClass(word) !== 'agent') return false;
  nonPersonAgents ??= new Set(table.nonPersonAgentNouns.split(' '));
  const lower = word.toLowerCase();
  return !nonPersonAgents.has(lower) && !singulars(lower).some((singular) => nonPersonAgents!.has(singular));
}

/** A verb lemma's class by its most frequent sense. */
export function verbClass(lemma: string): VerbClass {
  return verbTable().get(lemma.toLowerCase()) ?? 'other';
}

/**
 * A verb one of whose communication senses WordNet frames "Somebody ----s that CLAUSE" ("maintain", "affirm", "hold",
 * as well as "say"): with a "that" clause after it, it reports what was said.
 */
export function saysThatClause(verb: string): boolean {
  if (verbClass(verb) === 'communication') return true;
  thatClauseVerbs ??= new Set(table.thatClauseCommunicationVerbs.split(' '));
  return thatClauseVerbs.has(verb);
}
