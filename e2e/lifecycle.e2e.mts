import { before, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  baseUrl,
  repoRoot,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';
import { callAsGuest } from './support/callAsGuest.mts';

const portal = usePortal();

// The job reads the quick start's demo source; create it if this machine has not run the quick start.
before(() => {
  execFileSync(join(repoRoot, 'scripts', 'demo', 'seed-source.sh'), {
    stdio: 'pipe',
    timeout: 5 * 60_000,
  });
});

const TENANT = 'group:default/team-orion';
const NAME = 'orders-profiled';

/** Runs the job now and waits until the server has judged the run against the SLA. */
async function runToEnd(page: Page, jobId: string) {
  const queued = await callAsGuest(
    page,
    'POST',
    `/api/ingestion/jobs/${jobId}/runs`,
  );
  assert.equal(queued.status, 202, JSON.stringify(queued.json));
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    const runs = await callAsGuest(
      page,
      'GET',
      `/api/ingestion/jobs/${jobId}/runs`,
    );
    const run = runs.json.items.find((r: any) => r.id === queued.json.id);
    if (run.slaMet !== undefined) return run;
    assert.ok(Date.now() < deadline, `run ${run.id} still ${run.state}`);
    await page.waitForTimeout(2_000);
  }
}

test('a new job is profiled on real Spark and promoted; its health page, the dashboard and the notification show it', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    const purchase = await callAsGuest(
      page,
      'POST',
      `/api/ingestion/tenants/${encodeURIComponent(TENANT)}/purchases`,
      { unitType: 'vcpu-hours', quantity: 200, period: 'monthly' },
    );
    assert.equal(purchase.status, 201, JSON.stringify(purchase.json));
    const created = await callAsGuest(page, 'POST', '/api/ingestion/jobs', {
      name: NAME,
      description: 'Orders from the demo database, profiled in draft',
      tenant: TENANT,
      source: {
        type: 'postgres',
        host: '127.0.0.1',
        port: 55432,
        database: 'ingest_demo',
        table: 'public.orders',
        credentialsSecret: 'demo-postgres',
      },
      target: {
        type: 'local',
        path: join(
          repoRoot,
          '.run',
          'demo-lake',
          'default',
          'team-orion',
          NAME,
        ),
        format: 'parquet',
      },
      schedule: { type: 'cron', expression: '0 3 * * *', timezone: 'UTC' },
      estimates: {
        dataVolumeGiB: 0.1,
        expectedDurationMinutes: 5,
        slaMinutes: 15,
      },
      resources: {
        executorInstances: 1,
        executorCores: 1,
        executorMemoryGiB: 1,
        driverCores: 1,
        driverMemoryGiB: 1,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const jobId = created.json.id;
    for (let i = 0; i < 3; i++) {
      const run = await runToEnd(page, jobId);
      assert.equal(run.state, 'succeeded', JSON.stringify(run));
      assert.equal(run.namespace, 'ingestion-draft');
      // eslint-disable-next-line no-console
      console.log(`draft run ${i + 1}: ${run.metrics.durationMs} ms`);
    }
    const job = await callAsGuest(page, 'GET', `/api/ingestion/jobs/${jobId}`);
    assert.equal(job.json.lifecycle, 'production', JSON.stringify(job.json));
    assert.equal(job.json.tier, 'vcore-hours');

    await page.goto(
      `${baseUrl}/catalog/default/resource/team-orion-${NAME}/ingestion`,
    );
    await page
      .getByText('In production, in the vcore-hours namespace.')
      .waitFor({ timeout: 60_000 });
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'lifecycle-health-page.png'),
      fullPage: true,
    });

    await page.goto(`${baseUrl}/ingestion`);
    await page.getByTestId('stat-jobs').waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: join(resultsDir, 'lifecycle-tenant-dashboard.png'),
      fullPage: true,
    });

    await page.goto(`${baseUrl}/notifications`);
    await page
      .getByText(`${NAME}: promoted to production`)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: join(resultsDir, 'lifecycle-notification.png'),
      fullPage: true,
    });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'lifecycle-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});
