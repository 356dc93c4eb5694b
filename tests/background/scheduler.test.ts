/** The worker's engine queue (src/background/scheduler.ts): one job at a time, newest per tab, tabs in turn. */
import { createScheduler, Superseded } from '../../src/background/scheduler';

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
