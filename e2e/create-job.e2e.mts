import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  baseUrl,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';
import { callAsGuest } from './support/callAsGuest.mts';
import {
  fillTemplateField,
  nextTemplateStep,
} from './support/templateForm.mts';

const portal = usePortal();

const TENANT = 'group:default/team-orion';

const fill = fillTemplateField;
const next = nextTemplateStep;

test('a guest creates an ingestion job from the template and finds it in the catalog', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    // Capacity first: team-orion buys vCPU-hours, so the job has a pool to draw from.
    const purchase = await callAsGuest(
      page,
      'POST',
      `/api/ingestion/tenants/${encodeURIComponent(TENANT)}/purchases`,
      { unitType: 'vcpu-hours', quantity: 100, period: 'monthly' },
    );
    assert.equal(purchase.status, 201, JSON.stringify(purchase.json));

    await page.goto(`${baseUrl}/create`);
    const card = page
      .locator('article, .MuiCard-root')
      .filter({ hasText: 'New ingestion job' })
      .first();
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Choose' }).click();

    // Job: the tenant is picked among the catalog's tenant groups.
    const tenant = page.locator('#root_tenant');
    await tenant.waitFor({ timeout: 30_000 });
    await tenant.click();
    await tenant.fill('Orion');
    await page.getByRole('option', { name: /Orion/ }).first().click();
    await fill(page, 'name', 'nightly-orders');
    await fill(page, 'description', 'Orders from the payments database');
    await next(page);

    // Source: PostgreSQL is the default type; its connection fields are shown.
    await fill(page, 'source_host', 'payments-db.internal');
    await fill(page, 'source_port', '5432');
    await fill(page, 'source_database', 'payments');
    await fill(page, 'source_table', 'public.orders');
    await fill(page, 'source_credentialsSecret', 'payments-db-reader');
    assert.equal(await page.locator('#root_source_bucket').count(), 0);
    await next(page);

    // Target
    await fill(page, 'target_path', 's3a://lake/payments/orders');
    await next(page);

    // Schedule: the default cron, every day at 02:00 UTC. Estimates and sizing: the defaults.
    await page.locator('#root_schedule_expression').waitFor();
    await next(page);
    await page.locator('#root_estimates_slaMinutes').waitFor();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByText('payments-db.internal').waitFor();
    await page.getByRole('button', { name: 'Create' }).click();

    // The capacity check runs before the job is created; then the link to the entity is offered.
    await page.getByText('Capacity check').first().waitFor({ timeout: 60_000 });
    const entityLink = page.getByRole('link', {
      name: 'Open the job in the catalog',
    });
    await entityLink.waitFor({ timeout: 60_000 });
    await page.getByText(/Admitted in the vcore-hours pool/).waitFor();

    const jobs = await callAsGuest(
      page,
      'GET',
      `/api/ingestion/jobs?tenant=${encodeURIComponent(
        TENANT,
      )}&search=nightly-orders`,
    );
    const created = jobs.json.items.filter(
      (j: { name: string }) => j.name === 'nightly-orders',
    );
    assert.equal(created.length, 1, JSON.stringify(jobs.json));
    const [job] = created;
    assert.equal(job.pool, 'vcore-hours');

    // A password pasted into a job is refused, so it can reach no response, entity or page.
    const planted = 'planted-Pa55word-e2e';
    const withPassword = await callAsGuest(
      page,
      'PUT',
      `/api/ingestion/jobs/${job.id}`,
      {
        ...Object.fromEntries(
          Object.entries(job).filter(([key]) =>
            [
              'name',
              'description',
              'tenant',
              'source',
              'target',
              'schedule',
              'estimates',
              'resources',
              'pool',
            ].includes(key),
          ),
        ),
        source: { ...job.source, password: planted },
      },
    );
    assert.equal(withPassword.status, 400);
    assert.match(
      withPassword.json.error.message,
      /source.password credentials are never accepted/,
    );
    assert.doesNotMatch(JSON.stringify(withPassword.json), new RegExp(planted));

    // The entity arrives through the job event within seconds; the entity page may need a reload until then.
    await entityLink.click();
    await page.waitForURL(
      /\/catalog\/default\/resource\/team-orion-nightly-orders/,
    );
    const deadline = Date.now() + 30_000;
    while (
      !(await page
        .getByRole('heading', { name: 'nightly-orders', exact: true })
        .isVisible()) &&
      Date.now() < deadline
    ) {
      await page.waitForTimeout(1_000);
      if (await page.getByText(/not found/i).isVisible()) await page.reload();
    }
    await page
      .getByRole('heading', { name: 'nightly-orders', exact: true })
      .waitFor({ timeout: 5_000 });
    await page.getByText('Orders from the payments database').first().waitFor();

    const entity = await callAsGuest(
      page,
      'GET',
      '/api/catalog/entities/by-name/resource/default/team-orion-nightly-orders',
    );
    assert.equal(entity.status, 200);
    assert.equal(
      entity.json.metadata.annotations['ingestion.backstage.io/job-id'],
      job.id,
    );
    assert.equal(entity.json.spec.owner, TENANT);
    assert.doesNotMatch(JSON.stringify(entity.json), /payments-db-reader/);

    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'job-entity.png'),
      fullPage: true,
    });

    // The entity's Ingestion tab shows the job as the service runs it, without its credentials. The entity
    // page's tabs are links; the sidebar also has one named Ingestion.
    await page
      .locator(
        'a[href="/catalog/default/resource/team-orion-nightly-orders/ingestion"]',
      )
      .click();
    await page.waitForURL(/\/team-orion-nightly-orders\/ingestion$/);
    await page.getByText('Run history').waitFor({ timeout: 30_000 });
    await page.getByText('public.orders').first().waitFor();
    assert.doesNotMatch(await page.content(), new RegExp(planted));
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'job-entity-ingestion-tab.png'),
      fullPage: true,
    });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'create-job-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});
