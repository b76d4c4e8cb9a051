import { formatTime } from '../../lib/format';

/** A slice's window in the viewer's time: "14:15–14:30". */
export function sliceWindow(sliceStart: string, sliceMinutes: number): string {
  const start = Date.parse(sliceStart);
  return `${formatTime(start)}–${formatTime(start + sliceMinutes * 60_000)}`;
}

const weekdayDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
});

/**
 * The label above a slice's column, or undefined for most slices: every third hour ("03:00", "06:00"), and at
 * midnight the day ("Sat 28") so that the change of day shows.
 */
export function hourLabel(sliceStart: string): string | undefined {
  const date = new Date(sliceStart);
  if (date.getMinutes() !== 0 || date.getHours() % 3 !== 0) return undefined;
  return date.getHours() === 0 ? weekdayDay.format(date) : formatTime(date);
}
