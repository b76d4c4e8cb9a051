import { buildResourceQuota } from './buildResourceQuota';

describe('buildResourceQuota', () => {
  it('caps requests and limits at the Spark Units of the tier', () => {
    const quota = buildResourceQuota({
      namespace: 'ingestion-dedicated',
      tier: 'dedicated',
      sparkUnits: 3,
      cores: 12,
      memoryGiB: 48,
    });
    expect(quota.metadata).toMatchObject({
      name: 'spark-units',
      namespace: 'ingestion-dedicated',
      labels: { 'ingestion.backstage.io/tier': 'dedicated' },
      annotations: { 'ingestion.backstage.io/spark-units': '3' },
    });
    expect(quota.spec).toEqual({
      hard: {
        'requests.cpu': '12',
        'limits.cpu': '12',
        'requests.memory': '49152Mi',
        'limits.memory': '49152Mi',
      },
    });
  });

  it('writes fractions exactly and zero Spark Units as zero', () => {
    expect(
      buildResourceQuota({
        namespace: 'n',
        tier: 'draft',
        sparkUnits: 1,
        cores: 1.5,
        memoryGiB: 2.5,
      }).spec,
    ).toEqual({
      hard: {
        'requests.cpu': '1500m',
        'limits.cpu': '1500m',
        'requests.memory': '2560Mi',
        'limits.memory': '2560Mi',
      },
    });
    expect(
      (
        buildResourceQuota({
          namespace: 'n',
          tier: 'draft',
          sparkUnits: 0,
          cores: 0,
          memoryGiB: 0,
        }).spec as any
      ).hard,
    ).toMatchObject({ 'limits.cpu': '0', 'limits.memory': '0Mi' });
  });
});
