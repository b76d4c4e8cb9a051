/** The thresholds a tenant is alerted at, as fractions of purchased vCPU-hours remaining. */
export const BALANCE_ALERT_THRESHOLDS = [
  { id: 'low-20', fraction: 0.2 },
  { id: 'exhausted', fraction: 0 },
] as const;

export type BalanceAlertId = (typeof BALANCE_ALERT_THRESHOLDS)[number]['id'];

export interface AlertDecision {
  id: BalanceAlertId;
  action: 'fire' | 'rearm';
  /** False when a more severe alert fires at the same moment: the tenant is told once, about the worse news. */
  notify: boolean;
}

export interface WalletForAlerts {
  purchasedHours: number;
  remainingHours: number;
  /** Whether the tenant ever bought vCPU-hours (an expired wallet is exhausted, a never-used one is not). */
  hasBought: boolean;
}

/**
 * Which alerts to send and which to re-arm, given the wallet now and which alerts have fired since they were last
 * armed. An alert fires once when the balance crosses its threshold downwards and is re-armed only when a purchase
 * lifts the balance back above it, so a tenant hovering at 19% is told once, not on every check.
 */
export function decideBalanceAlerts(
  wallet: WalletForAlerts,
  fired: ReadonlySet<BalanceAlertId>,
): AlertDecision[] {
  const isBelow: Record<BalanceAlertId, boolean> = {
    'low-20':
      wallet.purchasedHours > 0 &&
      wallet.remainingHours <= wallet.purchasedHours * 0.2 + 1e-9,
    exhausted: wallet.hasBought && wallet.remainingHours <= 1e-9,
  };
  const decisions: AlertDecision[] = [];
  for (const { id } of BALANCE_ALERT_THRESHOLDS) {
    if (isBelow[id] && !fired.has(id))
      decisions.push({ id, action: 'fire', notify: true });
    if (!isBelow[id] && fired.has(id))
      decisions.push({ id, action: 'rearm', notify: false });
  }
  const exhaustedNow = decisions.some(
    d => d.id === 'exhausted' && d.action === 'fire',
  );
  return decisions.map(d =>
    exhaustedNow && d.id === 'low-20' && d.action === 'fire'
      ? { ...d, notify: false }
      : d,
  );
}
