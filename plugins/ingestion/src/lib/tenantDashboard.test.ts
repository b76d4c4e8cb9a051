import { ingestionJob, jobHealth } from '../testing/jobFixtures';
import { tenantDashboard } from './tenantDashboard';

describe('tenantDashboard', () => {
  it('counts jobs by lifecycle, adds up SLA compliance, and lists failing jobs and recommendations', () => {
    const draft = ingestionJob({ id: 'a', name: 'a' });
    const production = ingestionJob({ id: 'b', name: 'b' });
    const recommendation = {
      kind: 'reduce-cpu' as const,
      message: 'fewer cores',
      resources: draft.resources,
      runIds: ['r1'],
    };
    const dashboard = tenantDashboard([
      {
        job: draft,
        health: jobHealth({
          sla: { judgedRuns: 3, metRuns: 1 },
          recommendations: [recommendation],
          lastFinishedRun: { id: 'r1', state: 'failed', message: 'no table' },
        }),
      },
      {
        job: production,
        health: jobHealth({
          lifecycle: 'production',
          sla: { judgedRuns: 5, metRuns: 5 },
          lastFinishedRun: { id: 'r2', state: 'succeeded' },
        }),
      },
    ]);
    expect(dashboard).toEqual({
      jobs: 2,
      byLifecycle: { draft: 1, production: 1 },
      sla: { judged: 8, met: 6, rate: 0.75 },
      failing: [{ job: draft, message: 'no table', at: undefined }],
      recommendations: [{ job: draft, recommendation }],
    });
  });

  it('has no compliance rate before any run was judged', () => {
    expect(tenantDashboard([]).sla).toEqual({ judged: 0, met: 0 });
  });
});
