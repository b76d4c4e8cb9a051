import { VcpuHourBalance } from '@internal/backstage-plugin-ingestion-common';
import { formatDay, formatRelative } from '../../lib/format';

/** When the balance runs out, in words: "Runs out on 12 Dec at the current rate (in 15 days)". */
export function describeDepletion(
  balance: VcpuHourBalance,
  now: number,
): { text: string; tone: 'secondary' | 'warning' | 'danger' } {
  if (balance.purchasedHours <= 0 && balance.remainingHours <= 0) {
    return { text: 'No vCPU-hours to consume.', tone: 'secondary' };
  }
  if (balance.remainingHours <= 0) {
    return {
      text: 'Used up: new runs are suspended until you buy more.',
      tone: 'danger',
    };
  }
  if (!balance.estimatedDepletionAt || balance.consumptionRatePerHour <= 0) {
    return {
      text: 'Not being consumed: no vCPU-hours used in the last 24 hours.',
      tone: 'secondary',
    };
  }
  const at = balance.estimatedDepletionAt;
  const day = formatDay(at, now);
  const on = /^(today|tomorrow)/.test(day) ? day : `on ${day}`;
  const soon = Date.parse(at) - now < 3 * 24 * 3_600_000;
  return {
    text: `Runs out ${on} at the current rate (${formatRelative(at, now)}).`,
    tone: soon ? 'warning' : 'secondary',
  };
}
