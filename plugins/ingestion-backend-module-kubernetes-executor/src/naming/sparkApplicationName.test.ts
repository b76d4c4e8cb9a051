import {
  jobConfigMapName,
  runNetworkPolicyName,
  sparkApplicationName,
} from './sparkApplicationName';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe('sparkApplicationName', () => {
  it('is ingest-<run id> for the UUIDs the dispatcher makes', () => {
    expect(sparkApplicationName('0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f')).toBe(
      'ingest-0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f',
    );
  });

  it.each([
    'Run_2024-05-01T02:00',
    'x'.repeat(200),
    '-leading-dash',
    'UPPER',
    '::',
  ])('gives a valid, short, stable name for %s', runId => {
    const name = sparkApplicationName(runId);
    expect(name).toMatch(DNS_LABEL);
    expect(name.length).toBeLessThanOrEqual(50);
    expect(sparkApplicationName(runId)).toBe(name);
  });

  it('never gives two run ids the same name', () => {
    expect(sparkApplicationName('Run_1')).not.toBe(
      sparkApplicationName('run-1'),
    );
    expect(sparkApplicationName('a'.repeat(100))).not.toBe(
      sparkApplicationName('a'.repeat(101)),
    );
  });

  it('derives the names of the run’s ConfigMap and NetworkPolicy from it', () => {
    expect(jobConfigMapName('r1')).toBe('ingest-r1-job');
    expect(runNetworkPolicyName('r1')).toBe('ingest-r1-egress');
  });
});
