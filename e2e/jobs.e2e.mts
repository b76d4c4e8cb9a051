import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  baseUrl,
  openFromSidebar,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';
import { callAsGuest } from './support/callAsGuest.mts';

const portal = usePortal();

const TENANT = 'group:default/team-orion';

/** Small runs (2 cores), so that the jobs fit the draft namespace's slices side by side. */
const SMALL = {
  executorInstances: 1,
  executorCores: 1,
  executorMemoryGiB: 1,
  driverCores: 1,
  driverMemoryGiB: 1,
};

/** The demo PostgreSQL's orders table, by secret reference; landed in S3 (no local folders in e2e). */
const ordersJob = (name: string, schedule: object) => ({
  name,
  description: 'Orders from the demo database into the lake',
  tenant: TENANT,
  source: {
    type: 'postgres',
    host: '127.0.0.1',
    port: 55432,
    database: 'ingest_demo',
    table: 'public.orders',
    partitionColumn: 'id',
    numPartitions: 2,
    incrementalColumn: 'updated_at',
    credentialsSecret: 'demo-postgres',
  },
  target: {
    type: 's3',
    path: `s3a://lake/e2e/${name}`,
    format: 'parquet',
    partitionBy: ['currency'],
  },
  schedule,
  estimates: { dataVolumeGiB: 0.5, expectedDurationMinutes: 5, slaMinutes: 15 },
  resources: SMALL,
});

async function createJob(page: Page, spec: object) {
  const created = await callAsGuest(page, 'POST', '/api/ingestion/jobs', spec);
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return created.json as { id: string; name: string };
}

/** The row of the jobs table that links to a job. */
const jobRow = (page: Page, name: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

/** Opens an entity page, reloading until the catalog has the entity (it arrives with the job event). */
async function openEntity(page: Page, url: string, title: string) {
  await page.goto(url);
  // Exact: the not-found page's heading is the entity's full name, which contains the title.
  const heading = page.getByRole('heading', { name: title, exact: true });
  const deadline = Date.now() + 45_000;
  while (!(await heading.isVisible()) && Date.now() < deadline) {
    await page.waitForTimeout(1_000);
    if (await page.getByText(/not found/i).isVisible()) await page.reload();
  }
  await heading.waitFor({ timeout: 5_000 });
}

async function screenshotOnFailure(
  page: Page,
  name: string,
  body: () => Promise<void>,
) {
  try {
    await body();
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, name), fullPage: true });
    throw error;
  }
}

test('a guest finds the team’s jobs, runs one now from its Ingestion tab and sees the run', async () => {
  const page = await signInAsGuest(portal.browser);
  await screenshotOnFailure(page, 'jobs-failure.png', async () => {
    const purchase = await callAsGuest(
      page,
      'POST',
      `/api/ingestion/tenants/${encodeURIComponent(TENANT)}/purchases`,
      { unitType: 'vcpu-hours', quantity: 200, period: 'monthly' },
    );
    assert.equal(purchase.status, 201, JSON.stringify(purchase.json));

    const orders = await createJob(
      page,
      ordersJob('orders-hourly', {
        type: 'cron',
        expression: '0 * * * *',
        timezone: 'Europe/Berlin',
      }),
    );
    await createJob(
      page,
      ordersJob('orders-nightly-snapshot', {
        type: 'cron',
        expression: '30 2 * * *',
        timezone: 'UTC',
      }),
    );
    const events = await createJob(page, {
      name: 'clickstream-events',
      description: 'Raw click events from the web tier',
      tenant: TENANT,
      source: {
        type: 's3',
        bucket: 'raw-events',
        prefix: 'clicks/',
        format: 'json',
      },
      target: {
        type: 'hdfs',
        path: 'hdfs://namenode:8020/lake/clicks',
        format: 'parquet',
      },
      schedule: { type: 'interval', everyMinutes: 360 },
      estimates: {
        dataVolumeGiB: 2,
        expectedDurationMinutes: 10,
        slaMinutes: 30,
      },
      resources: SMALL,
    });
    const paused = await callAsGuest(
      page,
      'PUT',
      `/api/ingestion/jobs/${events.id}/status`,
      {
        status: 'paused',
      },
    );
    assert.equal(paused.status, 200, JSON.stringify(paused.json));

    // The Jobs page lists them, from the API, with what each one does and when.
    await openFromSidebar(page, 'Jobs', /\/ingestion\/jobs$/);
    const row = jobRow(page, 'orders-hourly');
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    for (const expected of [
      'PostgreSQL → S3',
      'every hour',
      'Active',
      'Draft',
      'vCPU-hours',
      'Never',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in the row: ${text}`);
    }
    const pausedText = await jobRow(page, 'clickstream-events').innerText();
    assert.match(pausedText, /S3 → HDFS/);
    assert.match(pausedText, /every 6 hours/);
    assert.match(pausedText, /Paused/);
    await page.getByText('3 jobs', { exact: true }).waitFor();
    await page.getByTestId('current-tenant').getByText('team-orion').waitFor();

    // Filters go to the API: only the paused job is paused.
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Paused' }).click();
    await page
      .getByText('1 job matches', { exact: true })
      .waitFor({ timeout: 10_000 });
    assert.equal(await jobRow(page, 'orders-hourly').count(), 0);
    await jobRow(page, 'clickstream-events').waitFor();
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'Any status' }).click();
    await page
      .getByText('3 jobs', { exact: true })
      .waitFor({ timeout: 10_000 });
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({
      path: join(resultsDir, 'jobs-page.png'),
      fullPage: true,
    });

    // The job's name leads to its catalog entity, whose Ingestion tab reads the job from the API.
    const href = await row
      .getByRole('link', { name: 'orders-hourly', exact: true })
      .getAttribute('href');
    assert.equal(href, '/catalog/default/resource/team-orion-orders-hourly');
    await openEntity(page, `${baseUrl}${href}`, 'orders-hourly');
    // The entity page's tabs are links; the sidebar also has one named Ingestion.
    await page.locator(`a[href="${href}/ingestion"]`).click();
    await page.waitForURL(/\/team-orion-orders-hourly\/ingestion$/);
    await page.getByText('Run history').waitFor({ timeout: 30_000 });
    await page
      .getByLabel('Source', { exact: true })
      .getByText('127.0.0.1:55432')
      .waitFor();
    assert.equal(await page.getByText(/password/i).count(), 0);
    await page.getByText('No runs yet.', { exact: false }).first().waitFor();

    // Run now: the run is queued, and appears in the tab (which polls while it is active).
    await page.getByRole('button', { name: 'Run now: orders-hourly' }).click();
    await page
      .getByText('Run of orders-hourly queued')
      .waitFor({ timeout: 15_000 });
    const history = page.getByRole('grid');
    await history
      .getByRole('row')
      .filter({ hasText: 'Run now' })
      .first()
      .waitFor({ timeout: 15_000 });
    const runs = await callAsGuest(
      page,
      'GET',
      `/api/ingestion/jobs/${orders.id}/runs`,
    );
    assert.equal(runs.json.totalCount, 1, JSON.stringify(runs.json));
    assert.equal(runs.json.items[0].trigger, 'manual');
    assert.ok(
      ['queued', 'submitted', 'running', 'succeeded', 'failed'].includes(
        runs.json.items[0].state,
      ),
      runs.json.items[0].state,
    );
    await page
      .getByTestId('last-run')
      .getByText(/Queued|Submitted|Running|Succeeded|Failed/)
      .first()
      .waitFor();

    // The toast saying the run is queued goes after a few seconds; the screenshot shows the tab without it.
    await page
      .getByText('Run of orders-hourly queued')
      .waitFor({ state: 'hidden', timeout: 15_000 });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.screenshot({
      path: join(resultsDir, 'job-tab.png'),
      fullPage: true,
    });
  });
});

test('the platform admin page shows the slice calendar, with the team’s job in its slices', async () => {
  // Uses the jobs the test above created. The guest is a tenant member, not a platform admin: the page is
  // read-only and the calendar shows only the
  // team's own jobs by name, which is what a tenant may see.
  const page = await signInAsGuest(portal.browser);
  await screenshotOnFailure(page, 'slice-heatmap-failure.png', async () => {
    await openFromSidebar(page, 'Platform admin', /\/ingestion\/admin$/);
    const grid = page.getByRole('group', { name: 'Slice heatmap' });
    await grid.waitFor({ timeout: 30_000 });
    for (const namespace of [
      'ingestion-dedicated',
      'ingestion-vcore-hours',
      'ingestion-draft',
    ]) {
      assert.equal(
        await grid
          .getByRole('button', { name: new RegExp(`^${namespace},`) })
          .count(),
        96,
        namespace,
      );
    }
    // The hourly job holds a slice of the draft namespace every hour.
    const busy = grid.getByRole('button', {
      name: /^ingestion-draft, .*\d+ jobs?$/,
    });
    assert.ok(
      (await busy.count()) >= 23,
      `busy draft slices: ${await busy.count()}`,
    );
    // Which busy slice comes first depends on the hour the test runs at (the nightly job holds 02:30 alone):
    // open busy slices in order until one lists the hourly job, so the test passes at any time of day.
    const details = page.getByTestId('slice-details');
    const hourly = details.getByRole('link', { name: 'orders-hourly' });
    const eitherJob = details.getByRole('link', {
      name: /^orders-(hourly|nightly-snapshot)$/,
    });
    const candidates = await busy.count();
    for (let i = 0; i < candidates && !(await hourly.count()); i++) {
      await busy.nth(i).click();
      // The names arrive after the slice opens (looked up from the jobs API).
      await eitherJob.first().waitFor({ timeout: 15_000 });
    }
    await hourly.waitFor({ timeout: 15_000 });
    await page.mouse.move(0, 0);
    // Clicking the slice scrolled the page; the sidebar is fixed, so a full-page shot is taken from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(resultsDir, 'slice-heatmap.png'),
      fullPage: true,
    });
  });
});
