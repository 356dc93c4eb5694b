/**
 * The details of the messages the content script sends over the overlay link. Only the content
 * script can send them (the link is not in the page's reach), but each detail is still checked for
 * shape before use: anything malformed is ignored rather than half-rendered.
 */
import type { AnalysisReply } from '../shared/messages';
import type { HoverDetail, OverlayState, RevealDetail, ToggleDetail } from '../shared/overlay-contract';

const STATUSES = new Set<OverlayState['status']>(['analyzing', 'done', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSpanList(value: unknown): boolean {
  return Array.isArray(value) && value.every((span) => isRecord(span) && typeof span.text === 'string');
}

function isCertainty(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.label === 'string' &&
    typeof value.score === 'number' &&
    Array.isArray(value.evidence) &&
    value.evidence.every((word) => typeof word === 'string')
  );
}

function isAttribution(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.kind !== 'string') return false;
  if (typeof value.confidence !== 'number') return false;
  if (value.certainty !== undefined && !isCertainty(value.certainty)) return false;
  if (value.framing !== undefined && typeof value.framing !== 'string') return false;
  if (value.cue !== null && !(isRecord(value.cue) && typeof value.cue.text === 'string')) return false;
  if (!isSpanList(value.contents)) return false;
  if (value.speaker !== null && !(isRecord(value.speaker) && typeof value.speaker.name === 'string' && typeof value.speaker.type === 'string')) return false;
  return true;
}

function isSpeaker(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    Array.isArray(value.attributionIds) &&
    value.attributionIds.every((id) => typeof id === 'string')
  );
}

function isAnalysis(value: unknown): value is AnalysisReply {
  return (
    isRecord(value) &&
    Array.isArray(value.quotes) &&
    value.quotes.every(isAttribution) &&
    Array.isArray(value.speakers) &&
    value.speakers.every(isSpeaker)
  );
}

/** The page's desk: a malformed one is dropped (the analysis still shows, without review controls). */
function readDesk(value: unknown): OverlayState['desk'] | undefined {
  if (!isRecord(value) || !isRecord(value.article) || typeof value.article.url !== 'string' || typeof value.article.title !== 'string') return undefined;
  if (!isRecord(value.claims) || !isRecord(value.reviews) || !Array.isArray(value.orphans)) return undefined;
  const claimsOk = Object.values(value.claims).every((claim) => isRecord(claim) && typeof claim.key === 'string' && isRecord(claim.selector));
  const reviewsOk = Object.values(value.reviews).every((review) => isRecord(review) && typeof review.note === 'string');
  const orphansOk = value.orphans.every((orphan) => isRecord(orphan) && typeof orphan.content === 'string' && isRecord(orphan.review));
  return claimsOk && reviewsOk && orphansOk ? (value as unknown as OverlayState['desk']) : undefined;
}

export function readState(detail: unknown): OverlayState | null {
  if (!isRecord(detail) || !STATUSES.has(detail.status as OverlayState['status'])) return null;
  const status = detail.status as OverlayState['status'];
  if (status === 'done') {
    if (!isAnalysis(detail.analysis)) return null;
    const desk = readDesk(detail.desk);
    return desk ? { status, analysis: detail.analysis, desk } : { status, analysis: detail.analysis };
  }
  if (status === 'error') return { status, error: typeof detail.error === 'string' ? detail.error : undefined };
  return { status };
}

export function readHover(detail: unknown): HoverDetail | null {
  if (!isRecord(detail)) return null;
  const id = typeof detail.id === 'string' ? detail.id : null;
  const x = typeof detail.x === 'number' && Number.isFinite(detail.x) ? detail.x : 0;
  const y = typeof detail.y === 'number' && Number.isFinite(detail.y) ? detail.y : 0;
  return { id, x, y };
}

export function readToggle(detail: unknown): ToggleDetail {
  if (!isRecord(detail)) return {};
  return {
    ...(typeof detail.open === 'boolean' ? { open: detail.open } : {}),
    ...(detail.focusList === true ? { focusList: true } : {}),
  };
}

export function readReveal(detail: unknown): RevealDetail | null {
  if (!isRecord(detail) || typeof detail.attributionId !== 'string' || detail.attributionId === '') return null;
  return { attributionId: detail.attributionId };
}
