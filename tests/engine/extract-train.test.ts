/**
 * scripts/train.ts is deterministic: two runs on the same slice of PolNeAR write byte-identical weights
 * (the committed weights are reproduced the same way by `npm run train`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeShared } from '../helpers/shared';

const ROOT = path.resolve(__dirname, '..', '..');

function train(out: string): Buffer {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/train.ts', '--limit', '4', '--out', out], { cwd: ROOT, stdio: 'pipe' });
  return fs.readFileSync(out);
}

describeShared('extractor training', () => {
  test('two runs on the same four articles write identical weights', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-train-'));
    try {
      const first = train(path.join(dir, 'a.json'));
      const second = train(path.join(dir, 'b.json'));
      expect(second.equals(first)).toBe(true);
      const model = JSON.parse(first.toString('utf8'));
      expect(model.cue.featureGaps.length).toBeGreaterThan(100);
      expect(model.role.featureGaps.length).toBeGreaterThan(10);
      expect(model.cue.weights.length).toBe(model.cue.featureGaps.length * model.cue.labels.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
