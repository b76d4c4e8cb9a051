import { runSubmission } from '../__testUtils__/runSubmission';
import { buildRunNetworkPolicy } from './buildRunNetworkPolicy';

describe('buildRunNetworkPolicy', () => {
  const run = runSubmission();
  const policy = buildRunNetworkPolicy(run, [
    { cidr: '10.20.30.40/32', ports: [5432] },
    { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'], ports: [443] },
  ]);
  const sameRun = {
    podSelector: {
      matchLabels: {
        'ingestion.backstage.io/run-id': '0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f',
      },
    },
  };

  it('selects the run’s pods and only them', () => {
    expect(policy.metadata).toMatchObject({
      name: 'ingest-0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f-egress',
      namespace: 'ingestion-vcore-hours',
    });
    expect(policy.spec).toMatchObject({
      podSelector: sameRun.podSelector,
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('lets driver and executors of the run talk to each other, nobody else in', () => {
    expect((policy.spec as any).ingress).toEqual([{ from: [sameRun] }]);
    expect((policy.spec as any).egress[0]).toEqual({ to: [sameRun] });
  });

  it('lets the run out to its source and target only', () => {
    expect((policy.spec as any).egress.slice(1)).toEqual([
      {
        to: [{ ipBlock: { cidr: '10.20.30.40/32' } }],
        ports: [{ protocol: 'TCP', port: 5432 }],
      },
      {
        to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }],
        ports: [{ protocol: 'TCP', port: 443 }],
      },
    ]);
  });
});
