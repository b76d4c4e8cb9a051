import { deriveRegistrySnapshot } from './sparkUnitRegistry';

const names = {
  dedicated: 'ns-dedicated',
  'vcore-hours': 'ns-vcore',
  draft: 'ns-draft',
} as const;

describe('deriveRegistrySnapshot', () => {
  it('sums Spark Units across namespaces into Ingestion Units and capacity', () => {
    const snapshot = deriveRegistrySnapshot(
      [
        { tier: 'dedicated', sparkUnits: 10 },
        { tier: 'vcore-hours', sparkUnits: 6 },
        { tier: 'draft', sparkUnits: 2 },
      ],
      { cores: 4, memoryGiB: 16 },
      names,
    );
    expect(snapshot.totalIngestionUnits).toBe(18);
    expect(snapshot.totalCores).toBe(72);
    expect(snapshot.totalMemoryGiB).toBe(288);
    expect(snapshot.namespaces.map(n => [n.namespace, n.cores])).toEqual([
      ['ns-dedicated', 40],
      ['ns-vcore', 24],
      ['ns-draft', 8],
    ]);
  });

  it('lists every tier, with zero units where nothing is allocated', () => {
    const snapshot = deriveRegistrySnapshot(
      [{ tier: 'draft', sparkUnits: 3 }],
      { cores: 2, memoryGiB: 8 },
      names,
    );
    expect(snapshot.namespaces.map(n => [n.tier, n.sparkUnits])).toEqual([
      ['dedicated', 0],
      ['vcore-hours', 0],
      ['draft', 3],
    ]);
    expect(snapshot.totalIngestionUnits).toBe(3);
  });
});
