import {
  buildLentCapacityQuota,
  buildResourceQuota,
} from './buildResourceQuota';

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
    expect(quota.spec).toMatchObject({
      hard: {
        'requests.cpu': '12',
        'limits.cpu': '12',
        'requests.memory': '49152Mi',
        'limits.memory': '49152Mi',
      },
    });
  });

  it('in the dedicated namespace, counts opportunistic pods apart so they never hold back a dedicated pod', () => {
    const allocation = {
      namespace: 'ingestion-dedicated',
      tier: 'dedicated' as const,
      sparkUnits: 3,
      cores: 12,
      memoryGiB: 48,
    };
    const scope = (operator: string) => ({
      matchExpressions: [
        {
          scopeName: 'PriorityClass',
          operator,
          values: ['ingestion-opportunistic'],
        },
      ],
    });
    expect((buildResourceQuota(allocation).spec as any).scopeSelector).toEqual(
      scope('NotIn'),
    );
    const lent = buildLentCapacityQuota(allocation);
    expect(lent.metadata.name).toBe('lent-capacity');
    expect(lent.spec).toEqual({
      hard: {
        'requests.cpu': '12',
        'limits.cpu': '12',
        'requests.memory': '49152Mi',
        'limits.memory': '49152Mi',
      },
      scopeSelector: scope('In'),
    });
  });

  it('keeps one unscoped quota in the namespaces that lend nothing', () => {
    const quota = buildResourceQuota({
      namespace: 'ingestion-vcore-hours',
      tier: 'vcore-hours',
      sparkUnits: 1,
      cores: 4,
      memoryGiB: 16,
    });
    expect(quota.spec).not.toHaveProperty('scopeSelector');
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
