/**
 * How the speaker put it (stated as fact, hedged, speculated) as a three-step meter with its word. The
 * words that show it are in a tooltip shown on hover and on keyboard focus, tied to the meter with
 * aria-describedby so screen readers read it too.
 */
import { useState } from 'preact/hooks';
import type { Certainty } from '../shared/attribution';
import { certaintyLevel, certaintyWords } from '../shared/words';

interface CertaintyMeterProps {
  certainty: Certainty;
  /** Unique within the shadow root. */
  tipId: string;
}

export function CertaintyMeter({ certainty, tipId }: CertaintyMeterProps) {
  // Escape hides a shown tooltip first (WCAG 1.4.13); a second Escape then closes the panel.
  const [dismissed, setDismissed] = useState(false);
  const value = Number.isFinite(certainty.score) ? Math.min(1, Math.max(0, certainty.score)) : 0;
  const words = certaintyWords(certainty);
  return (
    <span class="meter-wrap" data-dismissed={dismissed ? '' : undefined} onMouseLeave={() => setDismissed(false)}>
      <span
        class="meter"
        role="meter"
        tabIndex={0}
        aria-label="How the speaker put it"
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={value}
        aria-valuetext={words.label}
        aria-describedby={tipId}
        data-level={certaintyLevel(certainty)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !dismissed) {
            setDismissed(true);
            event.stopPropagation();
          }
        }}
        onBlur={() => setDismissed(false)}
      >
        <span class="bars" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span class="meter-label">{words.label}</span>
      </span>
      <span class="tip" role="tooltip" id={tipId}>
        {words.meaning}
      </span>
    </span>
  );
}
