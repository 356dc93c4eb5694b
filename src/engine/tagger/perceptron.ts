/**
 * A structured averaged perceptron (Collins 2002) over token sequences with first-order label transitions
 * and Viterbi decoding. Both extractor stages use it: cue tagging and source/content tagging around a cue.
 * Training is deterministic: a fixed-seed shuffle, a fixed epoch count and features interned in the order met.
 */

/** A trained model as the decoder reads it (weights.json stores it packed: StoredSequenceModel). */
export interface SequenceModel {
  labels: string[];
  /** [previous label or start (last row)][label] */
  transitions: number[][];
  /** Feature hashes kept (see features.ts); features absent weigh nothing. */
  features: number[];
  /** Their weights, labels.length per feature, in the order of `features`. */
  weights: number[];
}

/**
 * The compact, JSON form of a trained model, as committed in tagger/weights.json. Feature hashes are
 * 32-bit, ~10 digits each; written ascending as gaps they take ~5, which took weights.json from 1,615,141
 * to 1,236,592 bytes and background.js from 2,583,983 to 2,205,712 (the aim is ≤ 2,560,000). Row order is
 * free: compile() finds a feature by its hash wherever its row is, and scores add up in the token's own
 * feature order, so decoding is bit-for-bit the same.
 */
export interface StoredSequenceModel {
  labels: string[];
  transitions: number[][];
  /** The kept feature hashes in ascending order, each as its difference from the one before (the first as is). */
  featureGaps: number[];
  /** labels.length per feature, in the order of the hashes. */
  weights: number[];
}

/** Sorts a model's features by hash, moving their weight rows with them, and writes the hashes as gaps. */
export function packSequenceModel(model: SequenceModel): StoredSequenceModel {
  const L = model.labels.length;
  const order = model.features.map((_, row) => row).sort((a, b) => model.features[a] - model.features[b]);
  const featureGaps: number[] = [];
  const weights: number[] = [];
  let previous = 0;
  for (const row of order) {
    const hash = model.features[row];
    if (!Number.isInteger(hash) || hash < 0 || hash >= 2 ** 32) throw new Error(`feature hash ${hash} is not a uint32`);
    if (featureGaps.length > 0 && hash === previous) throw new Error(`feature hash ${hash} kept twice`);
    featureGaps.push(hash - previous);
    previous = hash;
    for (let label = 0; label < L; label++) weights.push(model.weights[row * L + label]);
  }
  return { labels: model.labels, transitions: model.transitions, featureGaps, weights };
}

/** The hashes back from their gaps (sums of integers below 2^32: exact in a double). */
export function unpackSequenceModel(stored: StoredSequenceModel): SequenceModel {
  const features = new Array<number>(stored.featureGaps.length);
  let hash = 0;
  stored.featureGaps.forEach((gap, k) => { hash += gap; features[k] = hash; });
  return { labels: stored.labels, transitions: stored.transitions, features, weights: stored.weights };
}

/** allowed[prev][cur], with prev = labels.length meaning the start of the sequence. */
export type TransitionMask = boolean[][];

/** BIO rule: an I- label follows its own B- or I-. */
export function bioMask(labels: string[]): TransitionMask {
  const rows: boolean[][] = [];
  for (let prev = 0; prev <= labels.length; prev++) {
    rows.push(labels.map((label) => {
      if (!label.startsWith('I')) return true;
      if (prev === labels.length) return false;
      const type = label.slice(1);
      return labels[prev] === 'B' + type || labels[prev] === 'I' + type;
    }));
  }
  return rows;
}

/** Best label sequence for emission scores (n × L, row-major) under transitions and a mask. */
export function viterbi(emissions: Float64Array, n: number, labelCount: number, transitions: ArrayLike<number>[], mask: TransitionMask): Int32Array {
  const path = new Int32Array(n);
  if (n === 0) return path;
  const L = labelCount;
  let score = new Float64Array(L);
  const back = new Int32Array(n * L);
  for (let cur = 0; cur < L; cur++) score[cur] = mask[L][cur] ? transitions[L][cur] + emissions[cur] : -Infinity;
  for (let i = 1; i < n; i++) {
    const next = new Float64Array(L);
    for (let cur = 0; cur < L; cur++) {
      let best = -Infinity;
      let bestPrev = 0;
      for (let prev = 0; prev < L; prev++) {
        if (!mask[prev][cur]) continue;
        const candidate = score[prev] + transitions[prev][cur];
        if (candidate > best) { best = candidate; bestPrev = prev; }
      }
      next[cur] = best + emissions[i * L + cur];
      back[i * L + cur] = bestPrev;
    }
    score = next;
  }
  let bestLast = 0;
  for (let cur = 1; cur < L; cur++) if (score[cur] > score[bestLast]) bestLast = cur;
  path[n - 1] = bestLast;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + path[i]];
  return path;
}

/**
 * A model ready for scoring: an open-addressing table from feature hash to its row in a flat weight
 * array. Feature hashes are already well mixed, so the low bits index the table directly; this is a few
 * times faster than a Map on the ~10^5 lookups an article needs.
 */
export interface CompiledModel {
  labels: string[];
  transitions: number[][];
  keys: Int32Array;
  rows: Int32Array;
  mask: number;
  weights: Float64Array;
}

export function compile(model: SequenceModel): CompiledModel {
  let size = 1;
  while (size < model.features.length * 2) size <<= 1;
  const keys = new Int32Array(size).fill(-1);
  const rows = new Int32Array(size);
  const mask = size - 1;
  // Keys compare as int32: a few template-only features (bias) use all 32 bits of their hash.
  model.features.forEach((hash, row) => {
    const feature = hash | 0;
    let slot = feature & mask;
    while (keys[slot] !== -1 && keys[slot] !== feature) slot = (slot + 1) & mask;
    keys[slot] = feature;
    rows[slot] = row;
  });
  return { labels: model.labels, transitions: model.transitions, keys, rows, mask, weights: Float64Array.from(model.weights) };
}

/** Emission scores (n × labels, row-major) of hashed features under a trained model. */
export function emissionScores(model: CompiledModel, features: number[][]): Float64Array {
  const L = model.labels.length;
  const { keys, rows, mask, weights } = model;
  const out = new Float64Array(features.length * L);
  for (let i = 0; i < features.length; i++) {
    const list = features[i];
    for (let k = 0; k < list.length; k++) {
      const feature = list[k] | 0;
      let slot = feature & mask;
      while (keys[slot] !== feature) {
        if (keys[slot] === -1) { slot = -1; break; }
        slot = (slot + 1) & mask;
      }
      if (slot < 0) continue;
      const base = rows[slot] * L;
      for (let label = 0; label < L; label++) out[i * L + label] += weights[base + label];
    }
  }
  return out;
}

export function decode(model: CompiledModel, features: number[][], mask: TransitionMask): { path: Int32Array; emissions: Float64Array } {
  const emissions = emissionScores(model, features);
  return { path: viterbi(emissions, features.length, model.labels.length, model.transitions, mask), emissions };
}

/** A training instance: interned feature ids per position and gold label ids. */
export interface Instance { features: Int32Array[]; gold: Int32Array }

/** Deterministic PRNG for the training shuffle. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class PerceptronTrainer {
  private readonly ids = new Map<number, number>();
  private readonly names: number[] = [];
  private readonly L: number;
  /** Flat [feature × label] arrays, allocated when training starts (all features are interned by then). */
  private weights = new Float64Array(0);
  private totals = new Float64Array(0);
  private stamps = new Float64Array(0);
  private readonly transitions: Float64Array[];
  private readonly transitionTotals: Float64Array[];
  private readonly transitionStamps: Float64Array[];
  private clock = 0;

  constructor(readonly labels: string[], private readonly mask: TransitionMask) {
    this.L = labels.length;
    const rows = (): Float64Array[] => Array.from({ length: this.L + 1 }, () => new Float64Array(this.L));
    this.transitions = rows();
    this.transitionTotals = rows();
    this.transitionStamps = rows();
  }

  /** Interns feature strings; ids follow the order features are first met, so training is reproducible. */
  intern(features: number[][]): Int32Array[] {
    return features.map((list) => {
      const ids = new Int32Array(list.length);
      list.forEach((name, k) => {
        let id = this.ids.get(name);
        if (id === undefined) {
          id = this.names.length;
          this.ids.set(name, id);
          this.names.push(name);
        }
        ids[k] = id;
      });
      return ids;
    });
  }

  get featureCount(): number {
    return this.names.length;
  }

  labelId(label: string): number {
    const id = this.labels.indexOf(label);
    if (id < 0) throw new Error(`unknown label ${label}`);
    return id;
  }

  private bumpFeature(index: number, delta: number): void {
    this.totals[index] += (this.clock - this.stamps[index]) * this.weights[index];
    this.stamps[index] = this.clock;
    this.weights[index] += delta;
  }

  private bumpTransition(prev: number, label: number, delta: number): void {
    this.transitionTotals[prev][label] += (this.clock - this.transitionStamps[prev][label]) * this.transitions[prev][label];
    this.transitionStamps[prev][label] = this.clock;
    this.transitions[prev][label] += delta;
  }

  private predict(instance: Instance): Int32Array {
    const n = instance.features.length;
    const L = this.L;
    const emissions = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      for (const id of instance.features[i]) {
        const base = id * L;
        for (let label = 0; label < L; label++) emissions[i * L + label] += this.weights[base + label];
      }
    }
    return viterbi(emissions, n, L, this.transitions, this.mask);
  }

  train(instances: Instance[], epochs: number, seed: number, log?: (message: string) => void): void {
    const size = this.names.length * this.L;
    if (this.weights.length !== size) {
      this.weights = new Float64Array(size);
      this.totals = new Float64Array(size);
      this.stamps = new Float64Array(size);
    }
    const random = mulberry32(seed);
    const order = instances.map((_, k) => k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [order[k], order[j]] = [order[j], order[k]];
      }
      let wrong = 0;
      let total = 0;
      for (const index of order) {
        const instance = instances[index];
        this.clock++;
        const predicted = this.predict(instance);
        const gold = instance.gold;
        total += gold.length;
        let prevGold = this.L;
        let prevPredicted = this.L;
        for (let i = 0; i < gold.length; i++) {
          const g = gold[i];
          const p = predicted[i];
          if (g !== p) {
            wrong++;
            for (const id of instance.features[i]) {
              this.bumpFeature(id * this.L + g, 1);
              this.bumpFeature(id * this.L + p, -1);
            }
          }
          if (g !== p || prevGold !== prevPredicted) {
            this.bumpTransition(prevGold, g, 1);
            this.bumpTransition(prevPredicted, p, -1);
          }
          prevGold = g;
          prevPredicted = p;
        }
      }
      log?.(`epoch ${epoch + 1}/${epochs}: ${(100 * wrong / Math.max(1, total)).toFixed(2)}% tokens wrong`);
    }
  }

  /**
   * Averaged weights scaled so the largest is 100 (decoding is scale-free), rounded to `decimals`, with
   * features whose every scaled weight is below `prune` dropped.
   */
  export(prune: number, decimals: number): SequenceModel {
    const L = this.L;
    const averageAt = (weights: ArrayLike<number>, totals: ArrayLike<number>, stamps: ArrayLike<number>, index: number): number =>
      (totals[index] + (this.clock - stamps[index]) * weights[index]) / Math.max(1, this.clock);
    const transitions = this.transitions.map((row, prev) =>
      Array.from(row, (_, label) => averageAt(row, this.transitionTotals[prev], this.transitionStamps[prev], label)));
    let largest = 1e-9;
    for (const row of transitions) for (const value of row) largest = Math.max(largest, Math.abs(value));
    for (let index = 0; index < this.weights.length; index++) {
      largest = Math.max(largest, Math.abs(averageAt(this.weights, this.totals, this.stamps, index)));
    }
    const scale = 100 / largest;
    const round = (value: number): number => {
      const rounded = Number((value * scale).toFixed(decimals));
      return Object.is(rounded, -0) ? 0 : rounded;
    };
    const features: number[] = [];
    const weights: number[] = [];
    this.names.forEach((name, id) => {
      const scaled: number[] = [];
      for (let label = 0; label < L; label++) scaled.push(round(averageAt(this.weights, this.totals, this.stamps, id * L + label)));
      if (scaled.every((value) => Math.abs(value) < prune)) return;
      features.push(name);
      weights.push(...scaled);
    });
    return { labels: this.labels, transitions: transitions.map((row) => row.map(round)), features, weights };
  }
}
