/**
 * The speaker's certainty as a three-step meter. Its evidence words are in a tooltip shown on hover
 * and on keyboard focus, tied to the meter with aria-describedby so screen readers read it too.
 */
import { useState } from 'preact/hooks';
import type { Certainty } from '../shared/attribution';
import { score } from './view-model';

interface CertaintyMeterProps {
  certainty: Certainty;
  /** Unique within the shadow root. */
  tipId: string;
}

function evidenceText(evidence: readonly string[]): string {
  if (evidence.length === 0) return 'No hedging or boosting words in this passage.';
  return `Evidence: ${evidence.map((word) => `\u201C${word}\u201D`).join(', ')}`;
}

export function CertaintyMeter({ certainty, tipId }: CertaintyMeterProps) {
  // Escape hides a shown tooltip first (WCAG 1.4.13); a second Escape then closes the panel.
  const [dismissed, setDismissed] = useState(false);
  const value = Number.isFinite(certainty.score) ? Math.min(1, Math.max(0, certainty.score)) : 0;
  return (
    <span class="meter-wrap" data-dismissed={dismissed ? '' : undefined} onMouseLeave={() => setDismissed(false)}>
      <span
        class="meter"
        role="meter"
        tabIndex={0}
        aria-label="Speaker certainty"
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={value}
        aria-valuetext={`${certainty.label}, ${score(certainty.score)}`}
        aria-describedby={tipId}
        data-level={certainty.label}
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
        <span class="meter-label">{certainty.label}</span>
        <span class="meter-score">{score(certainty.score)}</span>
      </span>
      <span class="tip" role="tooltip" id={tipId}>
        {evidenceText(certainty.evidence ?? [])}
      </span>
    </span>
  );
}
