import { before, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  openFromSidebar,
  repoRoot,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';
import { callAsGuest } from './support/callAsGuest.mts';

const portal = usePortal({ extraConfig: ['e2e/app-config.lending.e2e.yaml'] });

// The jobs read the quick start's demo source; create it if this machine has not run the quick start.
before(() => {
  execFileSync(join(repoRoot, 'scripts', 'demo', 'seed-source.sh'), {
    stdio: 'pipe',
    timeout: 5 * 60_000,
  });
});

const TENANT = 'group:default/team-orion';
// Holds its cores for about a minute: PostgreSQL sleeps 0.1 s per row.
const SLOW_QUERY =
  'SELECT o.*, length(pg_sleep(0.1)::text) AS pause FROM public.orders o LIMIT 600';

/** A production job of the tenant (created, then promoted by the platform admin), run by hand only. */
async function productionJob(
  page: Page,
  name: string,
  pool: 'dedicated' | 'vcore-hours',
  source: Record<string, unknown>,
): Promise<string> {
  const created = await callAsGuest(page, 'POST', '/api/ingestion/jobs', {
    name,
    tenant: TENANT,
    pool,
    source: {
      type: 'postgres',
      host: '127.0.0.1',
      port: 55432,
      database: 'ingest_demo',
      credentialsSecret: 'demo-postgres',
      ...source,
    },
    target: {
      type: 'local',
      path: join(repoRoot, '.run', 'demo-lake', 'default', 'team-orion', name),
      format: 'parquet',
    },
    schedule: { type: 'cron', expression: '0 3 1 1 *', timezone: 'UTC' },
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
  const promoted = await callAsGuest(
    page,
    'POST',
    `/api/ingestion/jobs/${created.json.id}/promote`,
  );
  assert.equal(promoted.status, 200, JSON.stringify(promoted.json));
  return created.json.id;
}

/** Runs a job now and waits until the run is running; returns it. */
async function runUntilRunning(page: Page, jobId: string): Promise<any> {
  const queued = await callAsGuest(
    page,
    'POST',
    `/api/ingestion/jobs/${jobId}/runs`,
  );
  assert.equal(queued.status, 202, JSON.stringify(queued.json));
  const deadline = Date.now() + 3 * 60_000;
  for (;;) {
    const runs = await callAsGuest(
      page,
      'GET',
      `/api/ingestion/jobs/${jobId}/runs`,
    );
    const run = runs.json.items.find((r: any) => r.id === queued.json.id);
    if (run.state === 'running') return run;
    assert.ok(Date.now() < deadline, `run ${run.id} still ${run.state}`);
    await page.waitForTimeout(500);
  }
}

test('a platform admin watches a dedicated run take lent capacity back, live on the Platform admin page', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    for (const purchase of [
      { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
      { unitType: 'dedicated-units', quantity: 1, period: 'monthly' },
    ]) {
      const bought = await callAsGuest(
        page,
        'POST',
        `/api/ingestion/tenants/${encodeURIComponent(TENANT)}/purchases`,
        purchase,
      );
      assert.equal(bought.status, 201, JSON.stringify(bought.json));
    }
    const blocker = await productionJob(page, 'lend-blocker', 'vcore-hours', {
      query: SLOW_QUERY,
    });
    const borrower = await productionJob(page, 'lend-borrower', 'vcore-hours', {
      query: SLOW_QUERY,
    });
    const owner = await productionJob(page, 'lend-owner', 'dedicated', {
      table: 'public.orders',
    });

    // The blocker fills the shared namespace; the borrower starts on the idle dedicated one.
    await runUntilRunning(page, blocker);
    const borrowed = await runUntilRunning(page, borrower);
    assert.equal(borrowed.opportunistic, true);
    assert.equal(borrowed.namespace, 'ingestion-dedicated');

    await openFromSidebar(page, 'Platform admin', /\/ingestion\/admin$/);
    await page.getByText('Utilisation now').waitFor({ timeout: 60_000 });
    await page
      .getByText(/^Lending since \d\d:\d\d: /)
      .waitFor({ timeout: 30_000 });

    // The owner's run arrives while the page is open: the page follows without a reload.
    await runUntilRunning(page, owner);
    await page
      .getByText(
        /^1 loan, 1 reclaim \(1 run preempted\); slowest reclaim [\d.]+ s, all within 30 s$/,
      )
      .waitFor({ timeout: 30_000 });
    const reclaims = page.getByRole('figure', {
      name: /^Reclaim times against the 30-second target: slowest [\d.]+ s$/,
    });
    assert.equal(await reclaims.locator('.recharts-bar-rectangle').count(), 1);
    // eslint-disable-next-line no-console
    console.log(`lending e2e: ${await reclaims.getAttribute('aria-label')}`);
    await reclaims.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'lending-admin-page.png'),
      fullPage: true,
    });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'lending-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});
