import { utilisationOf } from './utilisation';

const NAMESPACES = [
  { tier: 'dedicated' as const, namespace: 'ns-d', cores: 16, memoryGiB: 64 },
  { tier: 'vcore-hours' as const, namespace: 'ns-v', cores: 8, memoryGiB: 32 },
];
const run = (
  tier: 'dedicated' | 'vcore-hours',
  tenant: string,
  cores: number,
  opportunistic = false,
) => ({
  tier,
  tenant,
  opportunistic,
  allocatedCores: cores,
  allocatedMemoryMiB: cores * 2048,
});

describe('utilisation', () => {
  it('counts runs per namespace and per dedicated tenant, and opportunistic runs as lent by the dedicated namespace', () => {
    const result = utilisationOf(
      NAMESPACES,
      [
        run('dedicated', 'orion', 4),
        run('dedicated', 'orion', 2),
        run('vcore-hours', 'lyra', 3),
        run('vcore-hours', 'lyra', 5, true),
      ],
      new Map([
        ['orion', 2],
        ['vega', 1],
        ['gone', 0],
      ]),
      { cores: 4, memoryGiB: 16 },
    );
    expect(result.namespaces).toEqual([
      {
        tier: 'dedicated',
        namespace: 'ns-d',
        capacity: { cores: 16, memoryMiB: 65536 },
        used: { cores: 6, memoryMiB: 12288 },
        lent: { cores: 5, memoryMiB: 10240 },
      },
      {
        tier: 'vcore-hours',
        namespace: 'ns-v',
        capacity: { cores: 8, memoryMiB: 32768 },
        used: { cores: 3, memoryMiB: 6144 },
        lent: { cores: 0, memoryMiB: 0 },
      },
    ]);
    expect(result.dedicatedTenants).toEqual([
      {
        tenant: 'orion',
        units: 2,
        capacity: { cores: 8, memoryMiB: 32768 },
        used: { cores: 6, memoryMiB: 12288 },
      },
      {
        tenant: 'vega',
        units: 1,
        capacity: { cores: 4, memoryMiB: 16384 },
        used: { cores: 0, memoryMiB: 0 },
      },
    ]);
    expect(result.dedicated).toEqual({
      capacity: { cores: 16, memoryMiB: 65536 },
      owned: { cores: 6, memoryMiB: 12288 },
      lent: { cores: 5, memoryMiB: 10240 },
    });
  });
});
