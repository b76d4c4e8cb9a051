/** Channel on which the backend pushes registry, balance and utilisation changes to open pages. */
export const CAPACITY_SIGNAL_CHANNEL = 'ingestion:capacity';

/** A message on {@link CAPACITY_SIGNAL_CHANNEL}. */
export type CapacitySignal =
  | { kind: 'registry' }
  | { kind: 'balance'; tenant: string }
  /** Runs started or finished, capacity lent or taken back (platform admins only). */
  | { kind: 'utilisation' };
