/**
 * The task timeline of one Spark application, read from its event log: what the re-simulation needs and nothing
 * more.
 */
export interface TaskTimeline {
  appStartMs: number;
  appEndMs: number;
  /** Task slots the run had: N of `local[N]`, or the executors' cores added up. */
  recordedCores: number;
  /** Groups of jobs that overlapped in time (most often one job each), in order. */
  jobGroups: JobGroup[];
  /** What was missing from the log and how it was filled in; empty for a complete log. */
  gaps: string[];
}

export interface JobGroup {
  startMs: number;
  endMs: number;
  /** Each stage's task durations in launch order, stages in the order they were submitted. */
  stages: number[][];
}

interface MutableJob {
  id: number;
  startMs: number;
  endMs?: number;
  stageIds: number[];
}

/**
 * Reads a Spark event log (JSON lines). Partial logs are normal (a run killed or still going, a log cut by a
 * crash): a task that never ended lasts until the last event, a job that never ended ends with its last task, and
 * an application without its end event ends at the last event; each such fill-in is listed in `gaps`. Lines that
 * are not JSON (a torn last line) are skipped and counted.
 */
export function parseEventLog(text: string): TaskTimeline {
  const gaps: string[] = [];
  let appStartMs: number | undefined;
  let appEndMs: number | undefined;
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  let localCores: number | undefined;
  let executorCores = 0;
  let unreadable = 0;
  const jobs = new Map<number, MutableJob>();
  const stageTasks = new Map<
    number,
    Map<number, { launch: number; finish?: number }>
  >();
  const stageOrder: number[] = [];

  const seen = (ms: unknown) => {
    if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) {
      firstMs = Math.min(firstMs, ms);
      lastMs = Math.max(lastMs, ms);
    }
  };
  const tasksOf = (stageId: number) => {
    let tasks = stageTasks.get(stageId);
    if (!tasks) {
      tasks = new Map();
      stageTasks.set(stageId, tasks);
      stageOrder.push(stageId);
    }
    return tasks;
  };

  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let event: any;
    try {
      event = JSON.parse(line);
    } catch {
      unreadable++;
      continue;
    }
    switch (event.Event) {
      case 'SparkListenerApplicationStart':
        appStartMs = event.Timestamp;
        seen(event.Timestamp);
        break;
      case 'SparkListenerApplicationEnd':
        appEndMs = event.Timestamp;
        seen(event.Timestamp);
        break;
      case 'SparkListenerEnvironmentUpdate': {
        const master = event['Spark Properties']?.['spark.master'];
        const match = /^local\[(\d+)\]$/.exec(master ?? '');
        if (match) localCores = Number(match[1]);
        break;
      }
      case 'SparkListenerExecutorAdded':
        executorCores += event['Executor Info']?.['Total Cores'] ?? 0;
        seen(event.Timestamp);
        break;
      case 'SparkListenerJobStart':
        jobs.set(event['Job ID'], {
          id: event['Job ID'],
          startMs: event['Submission Time'],
          stageIds: event['Stage IDs'] ?? [],
        });
        seen(event['Submission Time']);
        break;
      case 'SparkListenerJobEnd': {
        const job = jobs.get(event['Job ID']);
        if (job) job.endMs = event['Completion Time'];
        seen(event['Completion Time']);
        break;
      }
      case 'SparkListenerTaskStart': {
        const info = event['Task Info'];
        tasksOf(event['Stage ID']).set(info['Task ID'], {
          launch: info['Launch Time'],
        });
        seen(info['Launch Time']);
        break;
      }
      case 'SparkListenerTaskEnd': {
        const info = event['Task Info'];
        tasksOf(event['Stage ID']).set(info['Task ID'], {
          launch: info['Launch Time'],
          finish: info['Finish Time'],
        });
        seen(info['Launch Time']);
        seen(info['Finish Time']);
        break;
      }
      default:
        break;
    }
  }

  if (!Number.isFinite(firstMs)) {
    throw new Error('The event log has no timed events');
  }
  if (unreadable > 0) gaps.push(`${unreadable} unreadable line(s) skipped`);
  if (appStartMs === undefined) {
    gaps.push('no application start: the first event stands for it');
    appStartMs = firstMs;
  }
  if (appEndMs === undefined) {
    gaps.push('no application end: the last event stands for it');
    appEndMs = lastMs;
  }
  const endOfLog = lastMs;
  let unfinishedTasks = 0;
  const durations = new Map<number, Array<{ launch: number; ms: number }>>();
  for (const [stageId, tasks] of stageTasks) {
    const list = [...tasks.values()].map(task => ({
      launch: task.launch,
      ms: Math.max(0, (task.finish ?? endOfLog) - task.launch),
    }));
    unfinishedTasks += [...tasks.values()].filter(
      task => task.finish === undefined,
    ).length;
    durations.set(
      stageId,
      list.sort((a, b) => a.launch - b.launch),
    );
  }
  if (unfinishedTasks > 0) {
    gaps.push(
      `${unfinishedTasks} task(s) without an end: counted until the last event`,
    );
  }

  const jobList = [...jobs.values()].sort((a, b) => a.startMs - b.startMs);
  let unfinishedJobs = 0;
  for (const job of jobList) {
    if (job.endMs === undefined) {
      unfinishedJobs++;
      const finishes = job.stageIds.flatMap(id =>
        [...(stageTasks.get(id)?.values() ?? [])].map(
          t => t.finish ?? endOfLog,
        ),
      );
      job.endMs = finishes.length ? Math.max(...finishes) : lastMs;
    }
  }
  if (unfinishedJobs > 0) {
    gaps.push(
      `${unfinishedJobs} job(s) without an end: ended with their last task`,
    );
  }
  // Stages whose job start was lost still ran: they form jobs of their own, timed by their tasks.
  const claimed = new Set(jobList.flatMap(job => job.stageIds));
  const orphans = stageOrder.filter(id => !claimed.has(id));
  if (orphans.length > 0) {
    gaps.push(
      `${orphans.length} stage(s) without their job: timed by their tasks`,
    );
    for (const id of orphans) {
      const tasks = durations.get(id) ?? [];
      const start = Math.min(...tasks.map(t => t.launch));
      const end = Math.max(...tasks.map(t => t.launch + t.ms));
      jobList.push({ id: -1, startMs: start, endMs: end, stageIds: [id] });
    }
    jobList.sort((a, b) => a.startMs - b.startMs);
  }

  // Jobs that overlap ran side by side: their tasks are pooled into one stage (in launch order), or their times
  // would add up twice.
  const jobGroups: JobGroup[] = [];
  let pooled: Array<{ launch: number; ms: number }> | undefined;
  for (const job of jobList) {
    const stageTimings = job.stageIds
      .filter(id => durations.has(id))
      .sort((a, b) => stageOrder.indexOf(a) - stageOrder.indexOf(b))
      .map(id => durations.get(id)!);
    const last = jobGroups[jobGroups.length - 1];
    if (last && job.startMs < last.endMs) {
      pooled = [...(pooled ?? []), ...stageTimings.flat()].sort(
        (a, b) => a.launch - b.launch,
      );
      last.endMs = Math.max(last.endMs, job.endMs!);
      last.stages = [pooled.map(t => t.ms)];
    } else {
      pooled = stageTimings.flat();
      jobGroups.push({
        startMs: job.startMs,
        endMs: job.endMs!,
        stages: stageTimings.map(tasks => tasks.map(t => t.ms)),
      });
    }
  }

  const recordedCores = localCores ?? executorCores;
  if (!(recordedCores > 0)) {
    throw new Error(
      'The event log names neither local[N] nor any executor: its task slots are unknown',
    );
  }
  return { appStartMs, appEndMs, recordedCores, jobGroups, gaps };
}
