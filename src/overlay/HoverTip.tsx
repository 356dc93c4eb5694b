/**
 * The small label beside the pointer while it rests on a page highlight: the speaker's initials on their
 * colour (the same badge as in the panel, so colour is not the only cue), "Ryan Dillon — said (quoted)",
 * and how it was put. Mouse-only context for what is already in the panel, so it is hidden from screen readers.
 */
import type { CSSProperties } from 'preact';
import type { Attribution } from '../shared/attribution';
import { hoverLabel } from './view-model';
import { certaintyWords, framingWords } from '../shared/words';

/** Gap between the pointer and the label. */
const OFFSET = 14;
/** Room the label needs before it flips to the other side of the pointer. */
const ROOM_X = 330;
const ROOM_Y = 70;

interface HoverTipProps {
  quote: Attribution;
  color: string;
  initials: string;
  initialsColor: string;
  x: number;
  y: number;
}

function viewport(): { width: number; height: number } {
  const width = typeof innerWidth === 'number' && innerWidth > 0 ? innerWidth : Infinity;
  const height = typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight : Infinity;
  return { width, height };
}

export function HoverTip({ quote, color, initials, initialsColor, x, y }: HoverTipProps) {
  const { width, height } = viewport();
  const flipX = x + OFFSET + ROOM_X > width;
  const flipY = y + OFFSET + ROOM_Y > height;
  const style = {
    left: `${flipX ? x - OFFSET : x + OFFSET}px`,
    top: `${flipY ? y - OFFSET : y + OFFSET}px`,
    transform: `translate(${flipX ? '-100%' : '0'}, ${flipY ? '-100%' : '0'})`,
    '--ws-speaker': color,
    '--ws-initials': initialsColor,
  } as CSSProperties;
  const details = [quote.certainty && certaintyWords(quote.certainty).label, quote.framing && framingWords(quote.framing).label].filter(Boolean).join(' \u00B7 ');
  return (
    <div class="hover-tip" aria-hidden="true" data-hover-id={quote.id} style={style}>
      <span class="swatch initials" data-initials={initials}>
        {initials}
      </span>
      <span>
        <span class="hover-main">{hoverLabel(quote)}</span>
        {details && <span class="hover-sub">{details}</span>}
      </span>
    </div>
  );
}
