/** The worker's engine queue (src/background/scheduler.ts): one job at a time, newest per tab, tabs in turn. */
import { createScheduler, LOADING_HOLD_MS, MAX_YIELD_WAIT_MS, Superseded, YIELD_MS } from '../../src/background/scheduler';

/** A scheduler whose tasks run only when the test says so. */
function manual() {
  const tasks: Array<() => void> = [];
  const scheduler = createScheduler((run) => tasks.push(run));
  const step = async () => {
    tasks.shift()?.();
    await Promise.resolve();
  };
  return { scheduler, tasks, step };
}

describe('createScheduler', () => {
  test('a newer job for the same tab supersedes the one still waiting', async () => {
    const { scheduler, step } = manual();
    const ran: string[] = [];
    const first = scheduler.run('tab1', () => ran.push('a1'));
    const second = scheduler.run('tab1', () => ran.push('a2'));
    await expect(first).rejects.toBeInstanceOf(Superseded);
    await step();
    await expect(second).resolves.toBe(1);
    expect(ran).toEqual(['a2']);
  });

  test('a tab that keeps sending cannot starve another: tabs are served in turn', async () => {
    const { scheduler, step } = manual();
    const ran: string[] = [];
    void scheduler.run('busy', () => ran.push('busy1'));
    await step();
    // While the busy tab's first job ran, it queued another, and a quiet tab queued one.
    void scheduler.run('busy', () => ran.push('busy2')).catch(() => undefined);
    const quiet = scheduler.run('quiet', () => ran.push('quiet1'));
    void scheduler.run('busy', () => ran.push('busy3')).catch(() => undefined);
    await step();
    await step();
    await quiet;
    expect(ran).toEqual(['busy1', 'quiet1', 'busy3']);
    expect(scheduler.waiting).toBe(0);
  });

  test('one job at a time, and a failing job fails only its own promise', async () => {
    const { scheduler, tasks, step } = manual();
    const failing = scheduler.run('a', () => {
      throw new Error('engine failed');
    });
    const next = scheduler.run('b', () => 'ok');
    expect(tasks).toHaveLength(1);
    await step();
    await expect(failing).rejects.toThrow('engine failed');
    await step();
    await expect(next).resolves.toBe('ok');
  });

  test('destroy rejects what waits', async () => {
    const { scheduler } = manual();
    const pending = scheduler.run('a', () => 1);
    scheduler.destroy();
    await expect(pending).rejects.toBeInstanceOf(Superseded);
  });
});

describe('jobs that give way (the parts of a long article) while another tab talks to the worker', () => {
  /** A scheduler on a clock the test moves; tasks and timers run only when the test says so. */
  function clocked() {
    let time = 1_000;
    const tasks: Array<() => void> = [];
    const timers: Array<{ at: number; run: () => void }> = [];
    const scheduler = createScheduler((run) => tasks.push(run), () => time, (run, ms) => timers.push({ at: time + ms, run }));
    const drain = async () => {
      for (let k = 0; k < 10; k++) {
        tasks.shift()?.();
        await Promise.resolve();
      }
    };
    const advance = async (ms: number) => {
      time += ms;
      for (const timer of timers.splice(0).filter((t) => t.at <= time || (timers.push(t), false))) timer.run();
      await drain();
    };
    return { scheduler, drain, advance };
  }

  test('a part waits while another tab was heard from in the last YIELD_MS, then runs', async () => {
    const { scheduler, drain, advance } = clocked();
    const ran: string[] = [];
    scheduler.noteActivity('tab:2');
    const part = scheduler.run('tab:1', () => ran.push('part'), { yields: true });
    await drain();
    expect(ran).toEqual([]);
    await advance(YIELD_MS - 1);
    expect(ran).toEqual([]);
    await advance(1);
    await part;
    expect(ran).toEqual(['part']);
  });

  test('the other tab’s own job runs at once, ahead of the waiting part', async () => {
    const { scheduler, drain, advance } = clocked();
    const ran: string[] = [];
    scheduler.noteActivity('tab:2');
    void scheduler.run('tab:1', () => ran.push('part'), { yields: true });
    const own = scheduler.run('tab:2', () => ran.push('small'));
    await drain();
    await own;
    expect(ran).toEqual(['small']);
    await advance(YIELD_MS);
    expect(ran).toEqual(['small', 'part']);
  });

  test('its own tab’s messages do not hold a part up, nor does a job that does not give way', async () => {
    const { scheduler, drain } = clocked();
    const ran: string[] = [];
    scheduler.noteActivity('tab:1');
    void scheduler.run('tab:1', () => ran.push('part'), { yields: true });
    await drain();
    scheduler.noteActivity('tab:1');
    void scheduler.run('tab:3', () => ran.push('whole'));
    await drain();
    expect(ran).toEqual(['part', 'whole']);
  });

  test('a tab loading a page holds a part up LOADING_HOLD_MS, until the tab is heard from again', async () => {
    const { scheduler, drain, advance } = clocked();
    const ran: string[] = [];
    scheduler.noteActivity('tab:2', LOADING_HOLD_MS);
    void scheduler.run('tab:1', () => ran.push('part'), { yields: true });
    await drain();
    await advance(YIELD_MS);
    expect(ran).toEqual([]);
    await advance(LOADING_HOLD_MS - YIELD_MS - 1);
    expect(ran).toEqual([]);
    await advance(1);
    expect(ran).toEqual(['part']);

    // The page's first message ends its load's hold: YIELD_MS from then, not LOADING_HOLD_MS from the load.
    scheduler.noteActivity('tab:2', LOADING_HOLD_MS);
    void scheduler.run('tab:1', () => ran.push('next part'), { yields: true });
    await advance(100);
    scheduler.noteActivity('tab:2');
    await advance(YIELD_MS);
    expect(ran).toEqual(['part', 'next part']);
  });

  test('a tab that never stops talking holds a part up for MAX_YIELD_WAIT_MS at most', async () => {
    const { scheduler, drain, advance } = clocked();
    const ran: string[] = [];
    scheduler.noteActivity('tab:2');
    void scheduler.run('tab:1', () => ran.push('part'), { yields: true });
    await drain();
    for (let waited = 0; waited < MAX_YIELD_WAIT_MS - 100; waited += 100) {
      await advance(100);
      scheduler.noteActivity('tab:2');
    }
    expect(ran).toEqual([]);
    await advance(100);
    expect(ran).toEqual(['part']);
  });
});
