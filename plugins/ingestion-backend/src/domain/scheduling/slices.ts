import { InputError } from '@backstage/errors';

/** Minutes in a day; slice lengths must divide it. */
export const MINUTES_PER_DAY = 1440;
/** The slice length of Requirement 7.1 when nothing else is configured. */
export const DEFAULT_SLICE_MINUTES = 15;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

/**
 * Validates a slice length and returns it in milliseconds.
 *
 * Slices must tile a day exactly: then every UTC day starts on a slice boundary, slice indexes are simply
 * `floor(epochMs / sliceMs)`, and a 24-hour heatmap has a whole number of cells.
 */
export function sliceLengthMs(
  sliceMinutes: number = DEFAULT_SLICE_MINUTES,
): number {
  if (
    !Number.isInteger(sliceMinutes) ||
    sliceMinutes <= 0 ||
    MINUTES_PER_DAY % sliceMinutes !== 0
  ) {
    throw new InputError(
      `sliceMinutes: must be a positive whole number of minutes that divides 1440, got ${sliceMinutes}`,
    );
  }
  return sliceMinutes * MS_PER_MINUTE;
}

/** The index of the slice holding an instant. */
export function sliceIndexAt(epochMs: number, sliceMs: number): number {
  return Math.floor(epochMs / sliceMs);
}

/** The instant a slice starts. */
export function sliceStartMs(index: number, sliceMs: number): number {
  return index * sliceMs;
}

/** The first slice boundary at or after an instant: the earliest slice a run can be given from `epochMs` on. */
export function nextSliceBoundaryMs(epochMs: number, sliceMs: number): number {
  return Math.ceil(epochMs / sliceMs) * sliceMs;
}

/** The first slice a run starting at `startMs` touches. */
export function firstSliceOfRun(startMs: number, sliceMs: number): number {
  return Math.floor(startMs / sliceMs);
}

/**
 * One past the last slice a run [startMs, startMs + durationMs) touches. A run ending exactly on a boundary does
 * not touch the slice that starts there.
 */
export function endSliceOfRun(
  startMs: number,
  durationMs: number,
  sliceMs: number,
): number {
  return Math.ceil((startMs + durationMs) / sliceMs);
}

/** Slice indexes [first, end) touched by one run. */
export interface SliceSpan {
  first: number;
  end: number;
}

/**
 * The slices a run [startMs, startMs + durationMs) occupies: every slice its duration touches, so a run from
 * 10:05 to 10:20 occupies the 10:00 and the 10:15 slices.
 */
export function slicesOfRun(
  startMs: number,
  durationMs: number,
  sliceMs: number,
): SliceSpan {
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) {
    throw new InputError(
      `durationMs: a run must last a positive, finite time, got ${durationMs}`,
    );
  }
  return {
    first: firstSliceOfRun(startMs, sliceMs),
    end: endSliceOfRun(startMs, durationMs, sliceMs),
  };
}
