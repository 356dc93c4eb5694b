/**
 * The panel's attributions as desk claims, for exports and "Copy with citation": the analysis as shown
 * (corrections applied) with each attribution's key, anchor and the reader's review from the page's desk.
 */
import type { Attribution } from '../shared/attribution';
import type { ExportItem } from '../shared/desk/exports';
import type { PageDesk } from '../shared/desk/page';
import type { StoredClaim } from '../shared/desk/schema';
import { contentText } from './view-model';

/** The engine's own name for a corrected attribution (applyCorrections keeps it as the first alias). */
export function engineSpeaker(quote: Attribution, desk: PageDesk | undefined): string | null {
  const corrected = desk?.reviews[quote.id]?.speaker;
  return corrected ? (quote.speaker?.aliases[0] ?? null) : (quote.speaker?.name ?? null);
}

export function claimOf(quote: Attribution, desk: PageDesk | undefined): StoredClaim {
  const claim = desk?.claims[quote.id];
  const first = quote.contents[0];
  const last = quote.contents[quote.contents.length - 1];
  const content = contentText(quote);
  return {
    key: claim?.key ?? quote.id,
    speaker: engineSpeaker(quote, desk),
    speakerType: quote.speaker?.type ?? null,
    aliases: quote.speaker?.aliases ?? [],
    cue: quote.cue?.text ?? null,
    kind: quote.kind,
    content,
    confidence: quote.confidence,
    certainty: quote.certainty ?? null,
    framing: quote.framing ?? null,
    selector: claim?.selector ?? {
      quote: { type: 'TextQuoteSelector', exact: content, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: first?.start ?? 0, end: last?.end ?? 0 },
    },
    review: desk?.reviews[quote.id] ?? null,
    seenAt: 0,
  };
}

export function exportItems(quotes: readonly Attribution[], desk: PageDesk | undefined, fallbackUrl: string): ExportItem[] {
  const article = desk?.article ?? { url: fallbackUrl, title: fallbackUrl, outlet: '', published: null };
  return quotes.map((quote) => ({ article, claim: claimOf(quote, desk), shown: quote.shown !== false }));
}
