/**
 * The panel's line to the desk: keep this article on the desk, open the desk, say when a review could
 * not be saved, and list the reader's reviews that no longer fit a passage of this version of the page
 * (orphans: shown, never dropped).
 */
import type { OrphanReview, PageDesk } from '../shared/desk/page';
import { MARK_LABEL } from '../shared/desk/schema';
import { plural } from './view-model';

interface DeskBarProps {
  desk: PageDesk & { notice?: string };
  onPin?(pinned: boolean): void;
  onOpenDesk?(): void;
}

export function DeskBar({ desk, onPin, onOpenDesk }: DeskBarProps) {
  const reviewed = Object.keys(desk.reviews).length;
  return (
    <div class="desk-bar">
      {onPin && (
        <button type="button" class="desk-button" data-pin aria-pressed={desk.pinned} onClick={() => onPin(!desk.pinned)}>
          {desk.pinned ? 'Kept on desk' : 'Keep on desk'}
        </button>
      )}
      {onOpenDesk && (
        <button type="button" class="desk-button" data-open-desk onClick={onOpenDesk}>
          Open desk
        </button>
      )}
      <span class="desk-count">{reviewed > 0 ? `${plural(reviewed, 'review')} on this page` : 'Mark a quote to keep it on your desk'}</span>
      {desk.notice && (
        <p class="desk-notice" role="alert" data-desk-notice>
          {desk.notice}
        </p>
      )}
    </div>
  );
}

export function Orphans({ orphans }: { orphans: readonly OrphanReview[] }) {
  if (orphans.length === 0) return null;
  return (
    <section class="orphans" data-orphans aria-label="Reviews not placed on this page">
      <p>
        {plural(orphans.length, 'review')} of yours could not be placed on this version of the page (its words changed). They stay on your
        desk:
      </p>
      <ul>
        {orphans.map((orphan) => (
          <li key={orphan.key} data-orphan={orphan.key} data-marked={orphan.review.mark ?? undefined}>
            “{orphan.content}” {orphan.speaker ? `\u2014 ${orphan.speaker}` : ''}
            {orphan.review.mark ? ` \u00B7 ${MARK_LABEL[orphan.review.mark]}` : ''}
            {orphan.review.note ? ` \u00B7 ${orphan.review.note}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
