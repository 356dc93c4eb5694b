/**
 * The data WhoSaid produces, shared by the engine (which makes it), the background worker (which
 * caches it), the content script (which highlights it), the overlay (which lists it) and the CLI
 * (which prints it). Plain JSON-serialisable objects only: they cross the extension message boundary.
 */

/** A character range in the article text, end exclusive: the span shape of Citron's annotation format. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export type SourceType = 'person' | 'organization' | 'media' | 'unnamed';

/** The speaker's own certainty about what they said (issue 4). */
export interface Certainty {
  label: 'low' | 'medium' | 'high';
  score: number;
  /** The speaker's words that made the label (empty for a plain statement), as written in the text. */
  evidence: string[];
  /** Sentences of a longer quotation rated otherwise than the whole ("sentence 3 hedged: could"). */
  differs?: string[];
  /**
   * Set when the words hold no claim to be sure of: only what was talked about ("spoke about the economy") or
   * what the speaker wants ("hopes the talks resume"). The label stays medium (FactBank's uncommitted), but the
   * panel says "No claim" or "A wish", and the evidence is then the reporter's verb, not the speaker's words.
   */
  basis?: 'topic' | 'wish';
}

/** How the reporter framed the claim through the cue verb (issue 4). */
export type Framing = 'neutral' | 'distancing' | 'endorsing' | 'emphatic' | 'directive' | 'tentative';

/** Who an attribution is attributed to, after titles are split off and pronouns are resolved. */
export interface SpeakerRef {
  /** Canonical name: "Ryan Dillon", "U.S. officials", "Russia". Stable key of the speaker's group. */
  name: string;
  /** Title or role split from the name: "U.S. Army Col.", "Pentagon spokesman". */
  role?: string;
  type: SourceType;
  /** True where the text keeps the source anonymous or vague ("sources said", "a person familiar with"). */
  anonymous?: boolean;
  /** Other ways the text names this speaker: surname only, pronouns it resolved, the full mention. */
  aliases: string[];
}

export interface Attribution {
  /** Unique within one analysis result, e.g. "q7"; the overlay and highlights key on it. */
  id: string;
  /** The claim verb or phrase ("said", "according to", "told"); null for a follow-on quotation with no cue of its own. */
  cue: Span | null;
  /** Where the text names the source ("U.S. Army Col. Ryan Dillon", "he"); empty where it names none. */
  sources: Span[];
  /** What was said; several spans where a quotation is split around its cue. */
  contents: Span[];
  kind: QuoteKind;
  /** Null where the text names no source at all ("believed to be"). */
  speaker: SpeakerRef | null;
  /** Calibrated probability that speaker and content together are right. */
  confidence: number;
  /** Classification fields (issue 4); present once the classifiers have run. */
  certainty?: Certainty;
  framing?: Framing;
  /** The cue's lemma ("say", "claim", "according to"), for display and framing. */
  cueLemma?: string;
  /**
   * Set on a follow-on quotation (cue null, no source of its own): the id of the attribution it
   * continues, whose speaker it shares.
   */
  continues?: string;
  /**
   * Whether the overlay lists it by default: a quotation or report of speech the engine is sure enough
   * of (src/engine/shown.ts). The rest sits behind "N more, less sure" and stays in exports, marked.
   */
  shown?: boolean;
}

/** One group in the overlay: every attribution of one person or body. */
export interface Speaker {
  /**
   * Same as SpeakerRef.name of its attributions, but for words people said together ("Donald Trump and Hillary Clinton"),
   * which are listed in the group of each of them: an attribution may be in more than one group.
   */
  name: string;
  role?: string;
  type: SourceType;
  anonymous?: boolean;
  aliases: string[];
  /** Ids of this speaker's attributions, in text order. */
  attributionIds: string[];
  /** How many of them carry low certainty. */
  hedged: number;
}

/** What the page's markup says about its text that the characters do not (the engine's optional second input). */
export interface TextHints {
  /** Character ranges of block quotations (<blockquote>): quoted passages that need no quotation marks. */
  blockQuotes?: Array<{ start: number; end: number }>;
}

export interface Analysis {
  quotes: Attribution[];
  speakers: Speaker[];
}
