import { ValidityPeriod } from '@internal/backstage-plugin-ingestion-common';

const daysInUtcMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * When a purchase starting at `validFrom` stops being valid: a day, a calendar month or a calendar year later
 * in UTC, with the day of month clamped to the target month (31 Jan + 1 month = 28 or 29 Feb), as the backend
 * computes it.
 */
export function validityEnd(validFrom: number, period: ValidityPeriod): number {
  const from = new Date(validFrom);
  if (period === 'daily') return validFrom + 24 * 3_600_000;
  const monthsToAdd = period === 'monthly' ? 1 : 12;
  const totalMonths = from.getUTCMonth() + monthsToAdd;
  const year = from.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = totalMonths % 12;
  const day = Math.min(from.getUTCDate(), daysInUtcMonth(year, month));
  return Date.UTC(
    year,
    month,
    day,
    from.getUTCHours(),
    from.getUTCMinutes(),
    from.getUTCSeconds(),
    from.getUTCMilliseconds(),
  );
}

/** Whether a validity window is over, running, or yet to start at `now`. */
export function validityStatus(
  validFrom: string,
  validUntil: string,
  now: number,
): 'active' | 'expired' | 'scheduled' {
  if (Date.parse(validUntil) <= now) return 'expired';
  if (Date.parse(validFrom) > now) return 'scheduled';
  return 'active';
}
