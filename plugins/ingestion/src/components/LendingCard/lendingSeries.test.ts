import { LendingEvent } from '@internal/backstage-plugin-ingestion-common';
import { lentCoresSeries, reclaimPoints } from './lendingSeries';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

const loan = (
  runId: string,
  cores: number,
  start: number,
  end?: number,
): LendingEvent => ({
  kind: 'loan',
  runId,
  tenant: 'group:default/team-lyra',
  cores,
  memoryMiB: 1024,
  occurredAt: at(start),
  ...(end !== undefined && { endedAt: at(end) }),
});

describe('lent cores over time', () => {
  it('steps up when a loan starts and down when it ends, and keeps open loans to the end', () => {
    expect(
      lentCoresSeries(
        [loan('a', 2, 10, 30), loan('b', 4, 20), loan('c', 1, 30, 40)],
        T0,
        T0 + 60 * MIN,
      ),
    ).toEqual([
      { at: T0, cores: 0 },
      { at: T0 + 10 * MIN, cores: 2 },
      { at: T0 + 20 * MIN, cores: 6 },
      { at: T0 + 30 * MIN, cores: 5 },
      { at: T0 + 40 * MIN, cores: 4 },
      { at: T0 + 60 * MIN, cores: 4 },
    ]);
  });

  it('clips loans to the period shown', () => {
    expect(lentCoresSeries([loan('a', 2, -10, 5)], T0, T0 + 10 * MIN)).toEqual([
      { at: T0, cores: 2 },
      { at: T0 + 5 * MIN, cores: 0 },
      { at: T0 + 10 * MIN, cores: 0 },
    ]);
  });
});

describe('reclaim points', () => {
  it('gives each reclaim its time in seconds, and none while the dedicated run is not running yet', () => {
    const events: LendingEvent[] = [
      loan('a', 2, 0),
      {
        kind: 'reclaim',
        runId: 'd1',
        tenant: 'group:default/team-orion',
        cores: 4,
        memoryMiB: 4096,
        occurredAt: at(5),
        requestedAt: at(5),
        victims: 2,
        reclaimMs: 3400,
      },
      {
        kind: 'reclaim',
        runId: 'd2',
        tenant: 'group:default/team-orion',
        cores: 4,
        memoryMiB: 4096,
        occurredAt: at(8),
        requestedAt: at(8),
        victims: 1,
      },
    ];
    expect(reclaimPoints(events)).toEqual([
      {
        at: T0 + 5 * MIN,
        runId: 'd1',
        tenant: 'group:default/team-orion',
        victims: 2,
        seconds: 3.4,
      },
      {
        at: T0 + 8 * MIN,
        runId: 'd2',
        tenant: 'group:default/team-orion',
        victims: 1,
      },
    ]);
  });
});
