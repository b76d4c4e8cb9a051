import { JobGroup, TaskTimeline } from './taskTimeline';

/**
 * The duration one run would have had with `cores` task slots instead of the ones it had, in the manner of
 * Sparklens: the driver's own time (everything outside Spark jobs) stays as measured; each job's stages are
 * replayed one after another, their tasks placed greedily on the slots in launch order (each task on the slot that
 * frees first), so a stage lasts as long as its busiest slot.
 *
 * The replay misses what the log does not show (scheduler delay, a stage overlapping the next), so each job group
 * is calibrated against itself: the replay at the recorded cores is compared with the group's measured span, and
 * the difference is kept as a fixed overhead (or, when the replay is longer because stages overlapped, as a ratio).
 * At the recorded cores the prediction is therefore the measured duration.
 */
export function resimulateDuration(
  timeline: TaskTimeline,
  cores: number,
): number {
  if (!(cores >= 1)) {
    throw new Error(`cores: must be at least 1, got ${cores}`);
  }
  const slots = Math.floor(cores);
  let insideJobs = 0;
  let predicted = 0;
  for (const group of timeline.jobGroups) {
    const measured = Math.max(0, group.endMs - group.startMs);
    insideJobs += measured;
    const atRecorded = replay(group, timeline.recordedCores);
    const atTarget = replay(group, slots);
    if (atRecorded <= measured) {
      predicted += atTarget + (measured - atRecorded);
    } else {
      predicted += atTarget * (measured / atRecorded);
    }
  }
  const driverMs = Math.max(
    0,
    timeline.appEndMs - timeline.appStartMs - insideJobs,
  );
  return driverMs + predicted;
}

/** Sum over the group's stages of each stage's makespan on `slots` slots. */
function replay(group: JobGroup, slots: number): number {
  let total = 0;
  for (const tasks of group.stages) total += makespan(tasks, slots);
  return total;
}

/** Greedy list scheduling in launch order: each task goes to the slot that is free first. */
function makespan(taskDurations: readonly number[], slots: number): number {
  const freeAt = new Array<number>(Math.max(1, Math.floor(slots))).fill(0);
  for (const duration of taskDurations) {
    let earliest = 0;
    for (let i = 1; i < freeAt.length; i++) {
      if (freeAt[i] < freeAt[earliest]) earliest = i;
    }
    freeAt[earliest] += duration;
  }
  return Math.max(...freeAt);
}
