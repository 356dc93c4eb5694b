import { runSliced, runSlicedUnlessAborted, SliceAborted } from '../../src/shared/steps';
import { PAUSE, type Steps } from '../../src/shared/steps';

/** Steps that note each step and whether the generator was closed. */
function noted(count: number, log: string[]): Generator<void, string, void> {
  return (function* () {
    try {
      for (let k = 0; k < count; k++) {
        log.push(`step ${k}`);
        yield;
      }
      return 'done';
    } finally {
      log.push('closed');
    }
  })();
}

describe('runSliced', () => {
  test('runs every step and gives the thread back between slices: a timer set before it runs in between', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page'), 0);
    await expect(runSliced(noted(3, log), undefined, 0)).resolves.toBe('done');
    expect(log.indexOf('page')).toBeGreaterThan(0);
    expect(log.indexOf('page')).toBeLessThan(log.indexOf('step 2'));
    expect(log.at(-1)).toBe('closed');
  });

  test('runs steps in one slice while the budget lasts', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page'), 0);
    await runSliced(noted(50, log), undefined, 10_000);
    expect(log.indexOf('page')).toBe(-1);
  });

  test('a step announced by PAUSE starts a slice of its own, however much budget is left', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page'), 0);
    const steps = (function* (): Steps<string> {
      log.push('before');
      yield PAUSE;
      log.push('long step');
      return 'done';
    })();
    await expect(runSliced(steps, undefined, 10_000)).resolves.toBe('done');
    expect(log).toEqual(['before', 'page', 'long step']);
  });

  test('aborted between slices: the steps are closed and SliceAborted thrown; no later step runs', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    await expect(runSliced(noted(1000, log), controller.signal, 0)).rejects.toBeInstanceOf(SliceAborted);
    expect(log.at(-1)).toBe('closed');
    expect(log.filter((entry) => entry.startsWith('step')).length).toBeLessThan(1000);
  });
});

describe('runSlicedUnlessAborted', () => {
  test('the value when the steps finish; null, the steps closed, when aborted between slices', async () => {
    await expect(runSlicedUnlessAborted(noted(3, []), new AbortController().signal)).resolves.toEqual({ value: 'done' });
    const log: string[] = [];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    await expect(runSlicedUnlessAborted(noted(1000, log), controller.signal, 0)).resolves.toBeNull();
    expect(log.at(-1)).toBe('closed');
  });
});
