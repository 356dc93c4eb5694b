/**
 * The panel's words for what the engine measures. A reader sees words, never a bare score: the kind of
 * attribution, how the speaker put it, how sure WhoSaid is, and what the reporter's verb conveys. Each
 * has a short label and a meaning shown on hover and focus and read by screen readers; the legend
 * lists them all. Pure, so tests read the words without a DOM.
 */
import type { QuoteKind, Certainty, Framing } from './attribution';

/**
 * A number with the thousands of its whole part grouped, as en-US writes it ("200,000"). Not toLocaleString: its first call
 * in a page loads the number formats, 14 ms of the panel's first draw on a 5 MB page (bench:giant, profiled).
 */
export function grouped(count: number): string {
  const [whole, fraction] = String(count).split('.');
  const digits = whole.replace(/^-/, '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${whole.startsWith('-') ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}

/** "1 quote", "11 quotes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export interface Explained {
  label: string;
  meaning: string;
}

export const KIND_WORDS: Record<QuoteKind, Explained> = {
  direct: { label: 'Quoted', meaning: "The speaker's own words, inside quotation marks." },
  indirect: { label: 'Paraphrased', meaning: "The reporter's summary of what was said, without quotation marks." },
  mixed: { label: 'Partly quoted', meaning: "A summary that quotes some of the speaker's own words." },
};

export function kindWords(kind: string): Explained {
  return KIND_WORDS[kind as QuoteKind] ?? { label: kind, meaning: '' };
}

const quoted = (words: readonly string[]) => words.map((word) => `\u201C${word}\u201D`).join(', ');

/** How the speaker put it, from the certainty label and the words that moved it. */
export const CERTAINTY_WORDS: Record<Certainty['label'], Explained> = {
  high: { label: 'Stated as fact', meaning: 'Said plainly, with no word of doubt.' },
  medium: { label: 'Hedged', meaning: 'The speaker softened the claim.' },
  low: { label: 'Speculated', meaning: 'The speaker was unsure, or only guessed.' },
};

/**
 * Words that hold no claim: "Hedged" would say the speaker softened something, and the evidence would be the
 * reporter's verb ("spoke about", "hopes") passed off as the speaker's words.
 */
export const NO_CLAIM_WORDS: Record<NonNullable<Certainty['basis']>, Explained> = {
  topic: { label: 'No claim', meaning: 'Only what was talked about: nothing is claimed, so there is nothing to be sure of.' },
  wish: { label: 'A wish', meaning: 'What the speaker wants or hopes for, not a claim of fact.' },
};

/** The words for a certainty that holds no claim (a known basis), or undefined: a claim, rated by its label. */
function noClaimWords(certainty: Certainty): Explained | undefined {
  return certainty.basis && Object.hasOwn(NO_CLAIM_WORDS, certainty.basis) ? NO_CLAIM_WORDS[certainty.basis] : undefined;
}

/** The level the panel draws: the label's, or none when the words hold no claim. */
export function certaintyLevel(certainty: Certainty): Certainty['label'] | 'none' {
  return noClaimWords(certainty) ? 'none' : certainty.label;
}

export function certaintyWords(certainty: Certainty): Explained {
  const words = noClaimWords(certainty);
  if (words) {
    const verb = certainty.evidence?.length ? ` The reporter's words: ${quoted(certainty.evidence)}.` : '';
    return { label: words.label, meaning: `${words.meaning}${verb}` };
  }
  const base = CERTAINTY_WORDS[certainty.label] ?? CERTAINTY_WORDS.medium;
  const evidence = certainty.evidence ?? [];
  const differs = certainty.differs?.length ? ` Not all of it: ${certainty.differs.join('; ')}.` : '';
  if (evidence.length === 0) return { label: base.label, meaning: base.meaning + differs };
  const shownBy = certainty.label === 'high' ? 'Said firmly' : base.meaning.replace(/\.$/, '');
  return { label: base.label, meaning: `${shownBy}: ${quoted(evidence)}.${differs}` };
}

/**
 * How sure WhoSaid is that this speaker said this, from the confidence. It is calibrated (expected
 * calibration error 0.034 on PolNeAR dev, README), so 0.75 means about three in four such attributions are
 * right and under 0.5 fewer than half are.
 */
export const SURE_AT = 0.75;
export const FAIRLY_SURE_AT = 0.5;

export type SureLevel = 'sure' | 'fairly-sure' | 'unsure';

export const SURE_WORDS: Record<SureLevel, Explained> = {
  sure: { label: 'Sure', meaning: 'WhoSaid is sure this speaker said this.' },
  'fairly-sure': { label: 'Fairly sure', meaning: 'WhoSaid is fairly sure this speaker said this: check the passage.' },
  unsure: { label: 'Unsure', meaning: 'WhoSaid is unsure who said this: read the passage before relying on it.' },
};

export function sureLevel(confidence: number): SureLevel {
  if (!Number.isFinite(confidence)) return 'unsure';
  return confidence >= SURE_AT ? 'sure' : confidence >= FAIRLY_SURE_AT ? 'fairly-sure' : 'unsure';
}

export function sureWords(confidence: number): Explained {
  return SURE_WORDS[sureLevel(confidence)];
}

/** What the reporter's verb conveys. The verb itself is shown beside it, as written. */
export const FRAMING_WORDS: Record<Framing, Explained> = {
  neutral: { label: 'neutral verb', meaning: 'The reporter used a neutral verb of saying.' },
  distancing: { label: 'reporter keeps distance', meaning: 'The verb (like \u201Cclaimed\u201D) shows the reporter does not vouch for it.' },
  endorsing: { label: 'reporter vouches', meaning: 'The verb (like \u201Cconfirmed\u201D, \u201Cpointed out\u201D) presents it as true.' },
  emphatic: { label: 'said forcefully', meaning: 'The verb (like \u201Cinsisted\u201D, \u201Cstressed\u201D) says it was said with force.' },
  directive: { label: 'a call to act', meaning: 'The verb (like \u201Curged\u201D, \u201Cdemanded\u201D) reports a call or an order.' },
  tentative: { label: 'said tentatively', meaning: 'The verb (like \u201Csuggested\u201D) reports a tentative claim.' },
};

export function framingWords(framing: string): Explained {
  return FRAMING_WORDS[framing as Framing] ?? { label: framing, meaning: '' };
}
