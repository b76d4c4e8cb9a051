import { VcpuHourBalance } from '@internal/backstage-plugin-ingestion-common';
import { describeDepletion } from './depletion';

const now = new Date(2026, 10, 27, 10, 0).getTime();
const balance = (b: Partial<VcpuHourBalance>): VcpuHourBalance => ({
  tenant: 'group:default/team-lyra',
  purchasedHours: 1000,
  remainingHours: 500,
  consumedHours: 500,
  consumptionRatePerHour: 2,
  remainingFraction: 0.5,
  ...b,
});

describe('describeDepletion', () => {
  it('gives the day the balance runs out at the current rate', () => {
    expect(
      describeDepletion(
        balance({
          estimatedDepletionAt: new Date(2026, 11, 12, 14, 0).toISOString(),
        }),
        now,
      ),
    ).toEqual({
      text: 'Runs out on 12 Dec at the current rate (in 15 days).',
      tone: 'secondary',
    });
  });

  it('warns when it runs out within three days', () => {
    expect(
      describeDepletion(
        balance({
          estimatedDepletionAt: new Date(2026, 10, 28, 9, 0).toISOString(),
        }),
        now,
      ),
    ).toEqual({
      text: 'Runs out tomorrow at 09:00 at the current rate (in 23 hours).',
      tone: 'warning',
    });
  });

  it('says when nothing is being consumed, when it is used up, and when nothing was bought', () => {
    expect(
      describeDepletion(balance({ consumptionRatePerHour: 0 }), now).text,
    ).toBe('Not being consumed: no vCPU-hours used in the last 24 hours.');
    expect(describeDepletion(balance({ remainingHours: 0 }), now)).toEqual({
      text: 'Used up: new runs are suspended until you buy more.',
      tone: 'danger',
    });
    expect(
      describeDepletion(balance({ purchasedHours: 0, remainingHours: 0 }), now)
        .text,
    ).toBe('No vCPU-hours to consume.');
  });
});
