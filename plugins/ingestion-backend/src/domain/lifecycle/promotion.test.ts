import { rebuildCalendar } from '../scheduling/reservation';
import { SchedulableJob } from '../scheduling/reservation';
import { decidePromotion } from './promotion';

const NOW = Date.parse('2026-03-02T00:00:00Z');
const ORION = 'group:default/team-orion';
const HOURLY = {
  type: 'interval' as const,
  everyMinutes: 60,
  startAt: '2026-03-02T00:00:00Z',
};

const draftJob: SchedulableJob = {
  jobId: 'draft-job',
  tier: 'draft',
  tenant: ORION,
  demand: { cores: 4, memoryMiB: 8192 },
  schedule: HOURLY,
  expectedDurationMs: 20 * 60_000,
};

function calendar(occupant?: SchedulableJob) {
  return rebuildCalendar(
    { now: NOW },
    {
      tiers: {
        dedicated: { cores: 8, memoryMiB: 32768 },
        'vcore-hours': { cores: 8, memoryMiB: 32768 },
        draft: { cores: 8, memoryMiB: 32768 },
      },
      tenants: { [ORION]: { cores: 4, memoryMiB: 16384 } },
    },
    [draftJob, ...(occupant ? [occupant] : [])],
  );
}

describe('decidePromotion', () => {
  it('waits until the required consecutive runs within the SLA', () => {
    expect(
      decidePromotion({
        job: { lifecycle: 'draft', pool: 'vcore-hours' },
        consecutiveWithinSla: 2,
        requiredRuns: 3,
        calendar: calendar(),
        request: draftJob,
      }),
    ).toEqual({ action: 'wait', remainingRuns: 1 });
  });

  it('promotes into the namespace of the pool when its calendar admits every slice', () => {
    for (const pool of ['vcore-hours', 'dedicated'] as const) {
      expect(
        decidePromotion({
          job: { lifecycle: 'draft', pool },
          consecutiveWithinSla: 3,
          requiredRuns: 3,
          calendar: calendar(),
          request: draftJob,
        }),
      ).toEqual({ action: 'promote', tier: pool });
    }
  });

  it('refuses, with the reason, when the slices of the target namespace are full', () => {
    const occupant: SchedulableJob = {
      ...draftJob,
      jobId: 'big-production-job',
      tier: 'vcore-hours',
      tenant: 'group:default/team-lyra',
      demand: { cores: 6, memoryMiB: 8192 },
      schedule: { ...HOURLY, startAt: '2026-03-02T00:10:00Z' },
    };
    const decision = decidePromotion({
      job: { lifecycle: 'draft', pool: 'vcore-hours' },
      consecutiveWithinSla: 5,
      requiredRuns: 3,
      calendar: calendar(occupant),
      request: draftJob,
    });
    expect(decision).toMatchObject({ action: 'refuse', tier: 'vcore-hours' });
    expect(decision.action === 'refuse' && decision.reason).toMatch(
      /The vcore-hours namespace has no room for this schedule in \d+ slice\(s\): .* have 2 cores .* need 4 cores/,
    );
  });

  it('refuses a dedicated job whose runs outgrow the tenant’s dedicated units', () => {
    const decision = decidePromotion({
      job: { lifecycle: 'draft', pool: 'dedicated' },
      consecutiveWithinSla: 3,
      requiredRuns: 3,
      calendar: calendar(),
      request: { ...draftJob, demand: { cores: 6, memoryMiB: 8192 } },
    });
    expect(decision).toMatchObject({ action: 'refuse', tier: 'dedicated' });
    expect(decision.action === 'refuse' && decision.reason).toMatch(
      /the tenant's dedicated units have 4 cores/,
    );
  });

  it('leaves a production job where it is', () => {
    expect(
      decidePromotion({
        job: { lifecycle: 'production', pool: 'vcore-hours' },
        consecutiveWithinSla: 9,
        requiredRuns: 3,
        calendar: calendar(),
        request: draftJob,
      }),
    ).toEqual({ action: 'wait', remainingRuns: 0 });
  });
});
