/**
 * The scheduler's pure domain: slices, schedule expansion, the slice calendar, admission with alternatives,
 * placement, fair share, start-time estimates and expected durations. No I/O: callers pass `now` and capacities in.
 */
export * from './slices';
export * from './resources';
export { parseCronExpression, assertTimeZone } from './cronExpression';
export type { CronFields } from './cronExpression';
export * from './scheduleExpansion';
export * from './scheduleShift';
export * from './sliceCalendar';
export * from './reservation';
export * from './admission';
export * from './placement';
export * from './fairShare';
export * from './startTimeEstimate';
export * from './expectedDuration';
