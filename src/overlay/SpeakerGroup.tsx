/**
 * One speaker: name, role, source type, counts, then their attributions as a list. Stays in the DOM
 * when filtered out (hidden), so `data-speaker` is always there for checks.
 */
import type { CSSProperties } from 'preact';
import { AttributionItem, type Reviewing } from './AttributionItem';
import type { Filters, GroupView } from './view-model';
import { SOURCE_TYPE_LABEL, UNSOURCED_LABEL, matchesFilters, plural } from './view-model';

interface SpeakerGroupProps {
  group: GroupView;
  /** Unique within the shadow root; prefixes the ids of the group's elements. */
  domId: string;
  filters: Filters;
  selectedId: string | null;
  hoveredId: string | null;
  revealedId: string | null;
  onSelect(id: string): void;
  /** How many of the group's items to draw (the panel draws long lists a batch at a time); all by default. */
  drawn?: number;
  /** The desk's review controls, where the page has a desk. */
  reviewing?: Reviewing;
}

export function SpeakerGroup({ group, domId, filters, selectedId, hoveredId, revealedId, onSelect, drawn, reviewing }: SpeakerGroupProps) {
  const { speaker } = group;
  const visibleCount = group.items.filter((item) => matchesFilters(item, filters)).length;
  const headingId = `${domId}-name`;
  const style = { '--ws-speaker': group.color, '--ws-initials': group.initialsColor } as CSSProperties;
  return (
    <section
      class="group"
      data-speaker={speaker ? speaker.name : undefined}
      data-unsourced={speaker ? undefined : ''}
      aria-labelledby={headingId}
      hidden={visibleCount === 0 || drawn === 0}
      style={style}
    >
      <div class="group-head">
        <span class="swatch initials" aria-hidden="true" data-initials={group.initials}>
          {group.initials}
        </span>
        <span class="group-title">
          <h3 class="group-name" id={headingId} title={speaker ? speaker.name : undefined}>
            {speaker ? speaker.name : UNSOURCED_LABEL}
          </h3>
          {speaker?.role && <span class="group-role">{speaker.role}</span>}
        </span>
        <span class="group-stats">
          {speaker && <span class="badge">{SOURCE_TYPE_LABEL[speaker.type] ?? speaker.type}</span>}
          {speaker?.anonymous && <span class="badge flag">anonymous</span>}
          {/* One line a group: a count of one says nothing the list does not, and each item says how it was put. */}
          {group.items.length > 1 && <span>{plural(group.items.length, 'quote')}</span>}
        </span>
      </div>
      <ul class="items" aria-labelledby={headingId}>
        {(drawn === undefined ? group.items : group.items.slice(0, drawn)).map((item, index) => (
          <AttributionItem
            key={item.quote.id}
            item={item}
            domId={`${domId}-i${index}`}
            visible={matchesFilters(item, filters)}
            selected={item.quote.id === selectedId}
            hovered={item.quote.id === hoveredId}
            revealed={item.quote.id === revealedId}
            flagAnonymous={!speaker?.anonymous}
            onSelect={onSelect}
            reviewing={reviewing}
          />
        ))}
      </ul>
    </section>
  );
}
