import { Resources } from '../scheduling/resources';
import { LendingPolicy } from './lendingPolicy';

/** The dedicated namespace at one instant: what it holds, and what its owners' (non-opportunistic) runs hold. */
export interface DedicatedUse {
  capacity: Resources;
  /** Held by runs of the tenants owning dedicated units: lending never counts against it. */
  owned: Resources;
  /** Held by opportunistic runs on lent capacity. */
  lent: Resources;
}

/** Since when the namespace has been idle above the threshold without a break; null while it is not. */
export interface IdleWindow {
  idleSince: number | null;
}

export const NOT_IDLE: IdleWindow = { idleSince: null };

/**
 * The idle share of the namespace: the smaller of its idle cores and idle memory shares, so a namespace whose memory
 * is full is not idle however many cores sit unused. Opportunistic runs do not make it less idle: they hold lent
 * capacity that the owners get back on demand.
 */
export function idleShare(use: DedicatedUse): number {
  const share = (capacity: number, owned: number) =>
    capacity > 0 ? Math.max(0, capacity - owned) / capacity : 0;
  return Math.min(
    share(use.capacity.cores, use.owned.cores),
    share(use.capacity.memoryMiB, use.owned.memoryMiB),
  );
}

/** The idle window after observing the namespace at `now`: it starts when idleness crosses the threshold, and breaks when it falls back. */
export function observeIdle(
  window: IdleWindow,
  use: DedicatedUse,
  now: number,
  policy: Pick<LendingPolicy, 'idleThreshold'>,
): IdleWindow {
  if (idleShare(use) <= policy.idleThreshold) return NOT_IDLE;
  return window.idleSince === null ? { idleSince: now } : window;
}

/** Whether the namespace has been idle above the threshold for more than the window (Requirement 8.2). */
export function isLending(
  window: IdleWindow,
  now: number,
  policy: Pick<LendingPolicy, 'idleWindowMs'>,
): boolean {
  return (
    window.idleSince !== null && now - window.idleSince > policy.idleWindowMs
  );
}

/**
 * What may still be lent now: while lending, the whole idle part (capacity minus what the owners hold) less what is
 * already lent; nothing otherwise. The whole idle part and not just the share above the threshold, since any of it
 * is taken back by preemption the moment an owner needs it.
 */
export function lendableCapacity(
  window: IdleWindow,
  use: DedicatedUse,
  now: number,
  policy: Pick<LendingPolicy, 'idleWindowMs'>,
): Resources {
  if (!isLending(window, now, policy)) return { cores: 0, memoryMiB: 0 };
  return {
    cores: Math.max(0, use.capacity.cores - use.owned.cores - use.lent.cores),
    memoryMiB: Math.max(
      0,
      use.capacity.memoryMiB - use.owned.memoryMiB - use.lent.memoryMiB,
    ),
  };
}
