import {
  UnitType,
  ValidityPeriod,
} from '@internal/backstage-plugin-ingestion-common';

/**
 * Formatting shared by the ingestion pages. One locale for every number and date so that a page reads
 * consistently ("12 Dec 2026, 14:30", "1,250.5 vCPU-hours"); times are shown in the viewer's time zone.
 */
const LOCALE = 'en-GB';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and at most `maxFractionDigits` decimals. */
export function formatNumber(value: number, maxFractionDigits = 1): string {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      maximumFractionDigits: maxFractionDigits,
    });
    numberFormats.set(maxFractionDigits, format);
  }
  // Avoid "-0" for tiny negative values rounded away.
  const formatted = format.format(value);
  return formatted === '-0' ? '0' : formatted;
}

/** "1,250.5 vCPU-hours", "1 vCPU-hour". */
export function formatHours(hours: number): string {
  return `${formatNumber(hours)} ${hours === 1 ? 'vCPU-hour' : 'vCPU-hours'}`;
}

/** A quantity of something one can buy, with its unit: "100 vCPU-hours", "2 Dedicated Ingestion Units". */
export function formatQuantity(unitType: UnitType, quantity: number): string {
  if (unitType === 'vcpu-hours') return formatHours(quantity);
  return `${formatNumber(quantity, 0)} Dedicated Ingestion ${
    quantity === 1 ? 'Unit' : 'Units'
  }`;
}

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  'vcpu-hours': 'vCPU-hours',
  'dedicated-units': 'Dedicated Ingestion Units',
};

/** "1 day", "1 month", "1 year". */
export const PERIOD_LABELS: Record<ValidityPeriod, string> = {
  daily: '1 day',
  monthly: '1 month',
  yearly: '1 year',
};

/** "a day", "a month", "a year": for sentences such as "valid for a month". */
export const PERIOD_PHRASES: Record<ValidityPeriod, string> = {
  daily: 'a day',
  monthly: 'a month',
  yearly: 'a year',
};

const toDate = (value: string | number | Date) =>
  value instanceof Date ? value : new Date(value);

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dayMonthFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
});

/** "12 Dec 2026". */
export function formatDate(value: string | number | Date): string {
  return dateFormat.format(toDate(value));
}

/** "12 Dec 2026, 14:30". */
export function formatDateTime(value: string | number | Date): string {
  const date = toDate(value);
  return `${dateFormat.format(date)}, ${timeFormat.format(date)}`;
}

/** "14:30". */
export function formatTime(value: string | number | Date): string {
  return timeFormat.format(toDate(value));
}

/** A day relative to `now`: "today", "tomorrow", "12 Dec", or "12 Dec 2027" in another year. */
export function formatDayName(
  value: string | number | Date,
  now: number,
): string {
  const date = toDate(value);
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const dayDiff = Math.floor(
    (date.getTime() - startOfToday.getTime()) / DAY_MS,
  );
  if (dayDiff === 0) return 'today';
  if (dayDiff === 1) return 'tomorrow';
  if (date.getFullYear() === new Date(now).getFullYear()) {
    return dayMonthFormat.format(date);
  }
  return dateFormat.format(date);
}

/**
 * A day relative to `now`, as short as it can be while unambiguous: "today at 14:30", "tomorrow at 09:00",
 * "12 Dec", or "12 Dec 2027" in another year.
 */
export function formatDay(value: string | number | Date, now: number): string {
  const day = formatDayName(value, now);
  return day === 'today' || day === 'tomorrow'
    ? `${day} at ${formatTime(value)}`
    : day;
}

/** "in 45 minutes", "in 20 hours", "in 12 days" (or "… ago" for the past). */
export function formatRelative(
  value: string | number | Date,
  now: number,
): string {
  const diff = toDate(value).getTime() - now;
  const abs = Math.abs(diff);
  let amount: number;
  let unit: string;
  if (abs < HOUR_MS) {
    amount = Math.max(1, Math.round(abs / 60_000));
    unit = 'minute';
  } else if (abs < 48 * HOUR_MS) {
    amount = Math.round(abs / HOUR_MS);
    unit = 'hour';
  } else {
    amount = Math.round(abs / DAY_MS);
    unit = 'day';
  }
  const phrase = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  return diff >= 0 ? `in ${phrase}` : `${phrase} ago`;
}

/**
 * A catalog entity ref as people say it: "group:default/team-orion" becomes "team-orion", and
 * "user:default/guest" becomes "guest"; other namespaces are kept ("group:finance/team-x" → "finance/team-x").
 */
export function formatEntityRef(ref: string): string {
  const match = /^(?:[^:/]+:)?(?:([^/]+)\/)?(.+)$/.exec(ref);
  if (!match) return ref;
  const [, namespace, name] = match;
  return namespace && namespace !== 'default' ? `${namespace}/${name}` : name;
}

/** "128 GiB". */
export function formatGiB(gib: number): string {
  return `${formatNumber(gib)} GiB`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** "0 B", "512 B", "1.5 MiB", "12.3 GiB": binary units, as Spark and Kubernetes report memory. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${BYTE_UNITS[unit]}`;
}

/** Memory given in MiB, as the scheduler counts it: "512 MiB", "8 GiB". */
export function formatMiB(mib: number): string {
  return formatBytes(mib * 1024 * 1024);
}

/** A duration as people say it: "850 ms", "42 s", "4 min 12 s", "1 h 05 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  }
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

// en-GB abbreviates millions as "m", which reads as minutes or metres next to durations: use en-US's "K" and "M"
// (the same digits and separators otherwise).
const compactFormat = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** A count in few characters: "950", "12.4K", "3.1M". */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/** Like {@link formatDay}, always with the time: "today at 14:30", "12 Dec at 09:00", "3 Jan 2027 at 09:00". */
export function formatDayAndTime(
  value: string | number | Date,
  now: number,
): string {
  const day = formatDay(value, now);
  return day.includes(' at ') ? day : `${day} at ${formatTime(value)}`;
}

const utcDayFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar day the server names in UTC ("2026-12-03") as "3 Dec 2026", the same in every time zone. */
export function formatUtcDay(day: string | number): string {
  return utcDayFormat.format(typeof day === 'number' ? day : Date.parse(day));
}

/** An amount in its currency (ISO 4217), e.g. "€400.00". */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(
    amount,
  );
}
