/**
 * The one analysis state the passes share, filled in as they run (see ../pipeline.ts for the order). A pass
 * reads what earlier passes wrote and adds its own part; nothing else is passed between passes.
 */
import type { Attribution, Speaker, TextHints } from '../../shared/attribution';
import type { Tagger } from '../tagger';
import type { Tokenized } from './tokens';

/** A cue the cue tagger found: a token range and its confidence. */
export interface FoundCue { start: number; end: number; confidence: number }

/** One cue read by the role tagger: its window, its lemma, the other cues near it, the decoded roles. */
export interface CueReading {
  cue: FoundCue;
  /** The role window [from, to) in tokens. */
  from: number;
  to: number;
  /** Tokens of other cues inside the window. */
  otherCue: Set<number>;
  lemma: string;
  /** The role tagger's decoded labels over the window (indices into ROLE_LABELS) and its emission scores. */
  path: Int32Array;
  emissions: Float64Array;
  /** The cue is in the passive voice ("was accused of"): its subject is what was said about. */
  passiveForm: boolean;
  /** An impression cue ("seems to", "reportedly") or a sentence-opening "Asked": its subject did not say it. */
  impression: boolean;
  openingParticiple: boolean;
}

/** What a cue reports: its content token ranges, and a source the sentence's shape already gives. */
export interface CueClaim {
  reading: CueReading;
  contents: Array<[number, number]>;
  /** "According to X, …", "X was quoted as saying …", "…, said X": the source these shapes name. */
  shapedSource: [number, number] | null;
  /** Passive, and not "quoted as saying". */
  passive: boolean;
  /** The source picked for it (sources pass), as a token range. */
  source?: [number, number];
}

/** An attribution that continues an earlier one's speaker (a follow-on quotation, a list item, a block quote). */
export interface FollowOn {
  attribution: Attribution;
  /** The attribution it continues (same speaker). */
  follows: Attribution;
}

export interface AnalysisState {
  readonly text: string;
  readonly hints: TextHints;
  readonly tagger: Tagger;
  tokenized: Tokenized;
  cues: FoundCue[];
  readings: CueReading[];
  claims: CueClaim[];
  /** Attributions with a cue of their own, or signed, in the order found. */
  found: Attribution[];
  followOns: FollowOn[];
  /** Every attribution in text order, with ids (from the order pass on). */
  quotes: Attribution[];
  speakers: Speaker[];
}

/** A pass: reads the state, adds its part. */
export type Pass = (state: AnalysisState) => void;

export function newState(text: string, hints: TextHints, tagger: Tagger): AnalysisState {
  return {
    text, hints, tagger,
    tokenized: { tokens: [], sentences: [], paragraphs: [] },
    cues: [], readings: [], claims: [], found: [], followOns: [], quotes: [], speakers: [],
  };
}
