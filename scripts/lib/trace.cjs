/**
 * Main-thread cost of the extension's content scripts on one page load, from a Chromium trace: the
 * sampled CPU profile inside the trace says which samples ran our code (any frame from a
 * chrome-extension:// script), and the RunTask events say which task each sample belonged to.
 *   ourMs          wall time of samples running our code (main thread)
 *   ourCpuMs       the same in thread CPU time: each sample's wall time scaled by its task's CPU share
 *                  (RunTask tdur / dur). On a loaded 2-core machine the renderer is often preempted in the
 *                  middle of our code, and the next sample then spans the wait (gaps of 2–5 ms after a
 *                  0.2 ms sampling interval); the wall figure swung 36–64 ms between visits of one page
 *                  while the CPU figure is the work our code makes the page's thread do.
 *   byScript       wall time split by our script file (content.js, overlay.js), by the innermost frame
 *   byScriptCpu    the same in CPU time
 *   longestTaskMs  the longest main-thread task that ran any of our code
 *   ourLongestMs   our own wall time within that task
 *   ourLongestCpuMs  the same in CPU time
 */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

async function startTrace(cdp) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  return async function stopTrace() {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** The renderer main thread: the one that ran the page's RunTasks with our content script's EvaluateScript. */
function mainThreadOf(events, isOurUrl) {
  const evaluate = events.find((e) => e.name === 'EvaluateScript' && isOurUrl(e.args?.data?.url ?? ''));
  if (evaluate) return { pid: evaluate.pid, tid: evaluate.tid };
  const named = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return named ? { pid: named.pid, tid: named.tid } : null;
}

/** Sample timestamps (µs) of one thread whose stack holds one of our frames. */
function ourSamples(events, thread, isOurUrl) {
  const profiles = new Map();
  for (const event of events) {
    if (event.pid !== thread.pid) continue;
    // The Profile event is on the sampled thread; its chunks come from the sampler thread, matched by id.
    if (event.name === 'Profile' && event.tid === thread.tid) profiles.set(event.id, { time: event.args.data.startTime, nodes: new Map(), samples: [] });
    if (event.name !== 'ProfileChunk') continue;
    const profile = profiles.get(event.id);
    if (!profile) continue;
    const chunk = event.args.data;
    for (const node of chunk.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = chunk.cpuProfile?.samples ?? [];
    const deltas = chunk.timeDeltas ?? [];
    samples.forEach((id, i) => {
      profile.time += deltas[i] ?? 0;
      profile.samples.push([id, profile.time]);
    });
  }
  const ours = [];
  for (const profile of profiles.values()) {
    const memo = new Map();
    /** The URL of the innermost frame of ours on the sample's stack (where the time went), or null. */
    const ourUrl = (id) => {
      if (memo.has(id)) return memo.get(id);
      const node = profile.nodes.get(id);
      const url = node?.callFrame?.url ?? '';
      const result = !node ? null : isOurUrl(url) ? url : node.parent !== undefined ? ourUrl(node.parent) : null;
      memo.set(id, result);
      return result;
    };
    // A sample covers the time up to the next one.
    profile.samples.forEach(([id, time], i) => {
      const next = profile.samples[i + 1]?.[1];
      const url = next === undefined ? null : ourUrl(id);
      if (url) ours.push([time, next - time, url]);
    });
  }
  return ours;
}

function summariseTrace(events, isOurUrl = (url) => url.startsWith('chrome-extension://')) {
  const thread = mainThreadOf(events, isOurUrl);
  if (!thread) return { ourMs: 0, ourCpuMs: 0, byScript: {}, byScriptCpu: {}, longestTaskMs: 0, ourLongestMs: 0, ourLongestCpuMs: 0, samples: 0 };
  const samples = ourSamples(events, thread, isOurUrl);
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid)
    .sort((a, b) => a.ts - b.ts);
  let longest = { dur: 0, ours: 0, oursCpu: 0 };
  const ourTimeIn = new Map();
  let ourUs = 0;
  let ourCpuUs = 0;
  const byScript = {};
  const byScriptCpu = {};
  for (const [time, duration, url] of samples) {
    // Tasks do not overlap on one thread: the last task starting before the sample holds it.
    let low = 0;
    let high = tasks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (tasks[mid].ts <= time) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const candidate = tasks[found];
    const task = candidate && time <= candidate.ts + candidate.dur ? candidate : null;
    // Outside any task (or with no thread time recorded), a sample counts in full.
    const cpuShare = task && task.dur > 0 && task.tdur !== undefined ? Math.min(1, task.tdur / task.dur) : 1;
    const file = url.split('/').pop();
    ourUs += duration;
    ourCpuUs += duration * cpuShare;
    byScript[file] = (byScript[file] ?? 0) + duration / 1000;
    byScriptCpu[file] = (byScriptCpu[file] ?? 0) + (duration * cpuShare) / 1000;
    if (task) ourTimeIn.set(task, (ourTimeIn.get(task) ?? 0) + duration);
  }
  // A sample straddling the task's end would count past it: our share is at most the task.
  for (const [task, ours] of ourTimeIn) {
    if (task.dur <= longest.dur) continue;
    const cpuShare = task.dur > 0 && task.tdur !== undefined ? Math.min(1, task.tdur / task.dur) : 1;
    longest = { dur: task.dur, ours: Math.min(ours, task.dur), oursCpu: Math.min(ours, task.dur) * cpuShare };
  }
  return {
    ourMs: ourUs / 1000,
    ourCpuMs: ourCpuUs / 1000,
    byScript,
    byScriptCpu,
    longestTaskMs: longest.dur / 1000,
    ourLongestMs: longest.ours / 1000,
    ourLongestCpuMs: longest.oursCpu / 1000,
    samples: samples.length,
  };
}

module.exports = { startTrace, summariseTrace };
