import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEventLog } from './taskTimeline';
import { resimulateDuration } from './resimulateRun';

/** An event log of one application on local[cores]: 2 s of driver time, then one job of stages of equal tasks. */
function eventLog(options: {
  cores: number;
  stages: number[];
  taskMs: number;
  cut?: (line: string) => boolean;
}) {
  const lines: object[] = [
    { Event: 'SparkListenerApplicationStart', Timestamp: 1_000 },
    {
      Event: 'SparkListenerEnvironmentUpdate',
      'Spark Properties': { 'spark.master': `local[${options.cores}]` },
    },
  ];
  const jobStart = 3_000;
  let clock = jobStart;
  let taskId = 0;
  const stageIds = options.stages.map((_, i) => i);
  lines.push({
    Event: 'SparkListenerJobStart',
    'Job ID': 0,
    'Submission Time': jobStart,
    'Stage IDs': stageIds,
  });
  options.stages.forEach((tasks, stageId) => {
    const freeAt = new Array(options.cores).fill(clock);
    for (let t = 0; t < tasks; t++) {
      const slot = freeAt.indexOf(Math.min(...freeAt));
      const launch = freeAt[slot];
      const info = {
        'Task ID': taskId++,
        'Launch Time': launch,
        'Finish Time': launch + options.taskMs,
      };
      lines.push({
        Event: 'SparkListenerTaskStart',
        'Stage ID': stageId,
        'Task Info': { ...info, 'Finish Time': 0 },
      });
      lines.push({
        Event: 'SparkListenerTaskEnd',
        'Stage ID': stageId,
        'Task Info': info,
      });
      freeAt[slot] += options.taskMs;
    }
    clock = Math.max(...freeAt);
  });
  lines.push({
    Event: 'SparkListenerJobEnd',
    'Job ID': 0,
    'Completion Time': clock,
  });
  lines.push({ Event: 'SparkListenerApplicationEnd', Timestamp: clock + 500 });
  return lines
    .map(line => JSON.stringify(line))
    .filter(line => !options.cut || !options.cut(line))
    .join('\n');
}

describe('resimulateDuration', () => {
  it('replays the task timeline at other core counts, keeping the driver time', () => {
    // 2.5 s outside the job; stages of 8 and 3 tasks of 1 s on 2 cores: 4 s + 2 s.
    const timeline = parseEventLog(
      eventLog({ cores: 2, stages: [8, 3], taskMs: 1_000 }),
    );
    expect(timeline.gaps).toEqual([]);
    expect(timeline.recordedCores).toBe(2);
    expect(resimulateDuration(timeline, 2)).toBe(2_500 + 6_000);
    expect(resimulateDuration(timeline, 4)).toBe(2_500 + 2_000 + 1_000);
    expect(resimulateDuration(timeline, 8)).toBe(2_500 + 1_000 + 1_000);
    // Past the widest stage, more cores change nothing.
    expect(resimulateDuration(timeline, 64)).toBe(
      resimulateDuration(timeline, 8),
    );
    expect(resimulateDuration(timeline, 1)).toBe(2_500 + 11_000);
  });

  it('still answers from a partial log, saying what it filled in', () => {
    // The run was killed: no job end, no application end, and the last task never ended.
    const full = eventLog({ cores: 2, stages: [8], taskMs: 1_000 });
    const lines = full.split('\n');
    const lastTaskEnd = lines.map(l => l.includes('TaskEnd')).lastIndexOf(true);
    const partial = lines
      .filter((_line, i) => i !== lastTaskEnd)
      .filter(line => !/JobEnd|ApplicationEnd/.test(line))
      .join('\n')
      .concat('\n{"Event":"SparkListenerTaskEnd","Stage');
    const timeline = parseEventLog(partial);
    expect(timeline.gaps).toEqual([
      '1 unreadable line(s) skipped',
      'no application end: the last event stands for it',
      '1 task(s) without an end: counted until the last event',
      '1 job(s) without an end: ended with their last task',
    ]);
    const predicted = resimulateDuration(timeline, 4);
    expect(predicted).toBeGreaterThan(0);
    expect(predicted).toBeLessThan(resimulateDuration(timeline, 2));
  });

  it('counts overlapping jobs once, not twice', () => {
    const log = [
      { Event: 'SparkListenerApplicationStart', Timestamp: 0 },
      {
        Event: 'SparkListenerEnvironmentUpdate',
        'Spark Properties': { 'spark.master': 'local[2]' },
      },
      {
        Event: 'SparkListenerJobStart',
        'Job ID': 0,
        'Submission Time': 1_000,
        'Stage IDs': [0],
      },
      {
        Event: 'SparkListenerJobStart',
        'Job ID': 1,
        'Submission Time': 1_000,
        'Stage IDs': [1],
      },
      {
        Event: 'SparkListenerTaskEnd',
        'Stage ID': 0,
        'Task Info': {
          'Task ID': 0,
          'Launch Time': 1_000,
          'Finish Time': 3_000,
        },
      },
      {
        Event: 'SparkListenerTaskEnd',
        'Stage ID': 1,
        'Task Info': {
          'Task ID': 1,
          'Launch Time': 1_000,
          'Finish Time': 3_000,
        },
      },
      { Event: 'SparkListenerJobEnd', 'Job ID': 0, 'Completion Time': 3_000 },
      { Event: 'SparkListenerJobEnd', 'Job ID': 1, 'Completion Time': 3_000 },
      { Event: 'SparkListenerApplicationEnd', Timestamp: 4_000 },
    ]
      .map(line => JSON.stringify(line))
      .join('\n');
    const timeline = parseEventLog(log);
    expect(timeline.jobGroups).toHaveLength(1);
    // At the recorded cores, exactly what was measured: never more than the application's span.
    expect(resimulateDuration(timeline, 2)).toBe(4_000);
    expect(resimulateDuration(timeline, 1)).toBeGreaterThan(4_000);
  });

  it('reads a real event log of the ingestion application and reproduces its measured duration', () => {
    const real = readFileSync(
      resolve(
        __dirname,
        '../../../../ingestion-backend-module-local-executor/src/metrics/__fixtures__/postgres-to-local.eventlog',
      ),
      'utf8',
    );
    const timeline = parseEventLog(real);
    expect(timeline.recordedCores).toBe(2);
    expect(timeline.gaps).toEqual([]);
    expect(resimulateDuration(timeline, 2)).toBe(
      timeline.appEndMs - timeline.appStartMs,
    );
    expect(resimulateDuration(timeline, 1)).toBeGreaterThanOrEqual(
      resimulateDuration(timeline, 2),
    );
  });

  it('refuses a log with no timed events or no known slots', () => {
    expect(() => parseEventLog('')).toThrow(/no timed events/);
    expect(() =>
      parseEventLog(
        JSON.stringify({
          Event: 'SparkListenerApplicationStart',
          Timestamp: 5,
        }),
      ),
    ).toThrow(/task slots are unknown/);
  });
});
