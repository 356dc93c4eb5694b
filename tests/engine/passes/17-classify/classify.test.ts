import type { Attribution } from '../../../../src/shared/attribution';
import { classify } from '../../../../src/engine/passes/17-classify';
import { fitLogistic } from '../../../../scripts/train-classifiers';
import { reliabilityBins, expectedCalibrationError, reliabilitySvg, agreement } from '../../../../scripts/eval-classifiers';

const TEXT = 'Russia claimed that they may have killed the leader. “It is over,” he said.';

function found(): Attribution[] {
  return [
    {
      id: 'q0',
      cue: { start: 7, end: 14, text: 'claimed' },
      sources: [{ start: 0, end: 6, text: 'Russia' }],
      contents: [{ start: 15, end: 51, text: TEXT.slice(15, 51) }],
      kind: 'indirect',
      speaker: null,
      confidence: 0.7,
    },
    {
      id: 'q1',
      cue: null,
      sources: [],
      contents: [{ start: 53, end: 66, text: TEXT.slice(53, 66) }],
      kind: 'direct',
      speaker: null,
      confidence: 0.4,
    },
  ];
}

describe('classify', () => {
  it('fills certainty, framing, cue lemma and a probability on every attribution, keeping the rest', () => {
    const input = found();
    const output = classify(TEXT, input);
    expect(output.map((a) => a.id)).toEqual(['q0', 'q1']);
    expect(output[0]).toMatchObject({ framing: 'distancing', cueLemma: 'claim', certainty: { label: 'low', evidence: ['may'] } });
    expect(output[1]).toMatchObject({ framing: 'neutral', certainty: { label: 'high' } });
    expect(output[1].cueLemma).toBeUndefined();
    for (const attribution of output) {
      expect(attribution.confidence).toBeGreaterThan(0);
      expect(attribution.confidence).toBeLessThan(1);
      expect(attribution.certainty!.score).toBeGreaterThanOrEqual(0);
      expect(attribution.certainty!.score).toBeLessThanOrEqual(1);
    }
    expect(input[0].certainty).toBeUndefined();
    expect(input[0].confidence).toBe(0.7);
  });

  it('keeps a cue lemma the extractor already set', () => {
    const input = found();
    input[0].cueLemma = 'claim';
    expect(classify(TEXT, input)[0].cueLemma).toBe('claim');
  });

  it('calibrated confidence rises with the raw score, all else equal', () => {
    const scores = [0.1, 0.3, 0.5, 0.7, 0.9].map((raw) => {
      const [attribution] = found();
      return classify(TEXT, [{ ...attribution, confidence: raw }])[0].confidence;
    });
    for (let k = 1; k < scores.length; k++) expect(scores[k]).toBeGreaterThanOrEqual(scores[k - 1]);
  });
});

describe('calibration helpers', () => {
  it('fitLogistic recovers the weights of a known logistic model', () => {
    // Deterministic grid: x in [-3, 3], P(y=1) = σ(2x - 1), labels as expected counts out of 200.
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i <= 60; i++) {
      const x = -3 + i / 10;
      const positives = Math.round(200 / (1 + Math.exp(-(2 * x - 1))));
      for (let k = 0; k < 200; k++) {
        rows.push([x]);
        labels.push(k < positives ? 1 : 0);
      }
    }
    const { weights, bias } = fitLogistic(rows, labels, 0);
    expect(weights[0]).toBeCloseTo(2, 1);
    expect(bias).toBeCloseTo(-1, 1);
  });

  it('expected calibration error is the count-weighted gap between confidence and accuracy', () => {
    const points = [
      { p: 0.95, right: true }, { p: 0.95, right: true }, { p: 0.95, right: false }, { p: 0.95, right: true },
      { p: 0.15, right: false }, { p: 0.15, right: false }, { p: 0.15, right: false }, { p: 0.15, right: true },
    ];
    const bins = reliabilityBins(points);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ count: 4, accuracy: 0.75 });
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.5 * 0.2 + 0.5 * 0.1, 10);
    expect(expectedCalibrationError(reliabilityBins([{ p: 1, right: true }]))).toBe(0);
  });

  it('draws one bar per non-empty bin in a standalone SVG', () => {
    const svg = reliabilitySvg(reliabilityBins([{ p: 0.95, right: true }, { p: 0.15, right: false }]), 'test', 0.1);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect class="bin"/g)).toHaveLength(2);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('agreement gives accuracy, macro-F1 and the confusion matrix', () => {
    const result = agreement([['low', 'low'], ['high', 'high'], ['high', 'medium'], ['medium', 'medium']], ['low', 'medium', 'high']);
    expect(result.accuracy).toBe(0.75);
    expect(result.confusion.high.medium).toBe(1);
    // F1: low 1, medium 2/3, high 2/3.
    expect(result.macroF1).toBeCloseTo((1 + 2 / 3 + 2 / 3) / 3, 10);
  });
});
