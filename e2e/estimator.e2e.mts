import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  fillTemplateField,
  nextTemplateStep,
} from './support/templateForm.mts';
import {
  openFromSidebar,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';

const portal = usePortal();

test('a guest asks the estimator for a job’s size and sees the recommendation, its interval and both costs', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    await openFromSidebar(page, 'Estimator', /\/ingestion\/estimator$/);
    const form = page.getByRole('form', { name: 'Estimate resources' });
    await form.waitFor({ timeout: 30_000 });

    // A bad volume is named by the form and nothing is sent.
    const volume = form.getByRole('textbox', { name: /Data volume/ });
    await volume.fill('0');
    await form.getByRole('button', { name: 'Estimate' }).click();
    assert.equal(await volume.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('estimate-summary').count(), 0);

    await volume.fill('40');
    await form
      .getByRole('textbox', { name: /Desired completion time/ })
      .fill('30');
    await form.getByRole('textbox', { name: /Runs every/ }).fill('60');
    await form.getByRole('button', { name: 'Estimate' }).click();

    const units = page.getByTestId('recommended-units');
    await units.waitFor({ timeout: 30_000 });
    assert.match(await units.innerText(), /^\d+ Ingestion Units?$/);
    // A fresh portal has no finished run of a PostgreSQL → S3 job: the server says so.
    assert.match(
      await page.getByTestId('estimate-basis').innerText(),
      /no history: conservative prior/,
    );
    const expected = await page.getByTestId('expected-duration').innerText();
    const match =
      /interval ([\d.,]+)–([\d.,]+) min \(desired within 30 min\)/.exec(
        expected,
      );
    assert.ok(match, expected);
    assert.ok(Number(match[2].replace(/,/g, '')) <= 30, expected);
    const costs = await page.getByTestId('cost-comparison').innerText();
    assert.match(costs, /Dedicated units\s+€[\d,.]+/);
    assert.match(costs, /vCPU-hours\s+€[\d,.]+/);
    assert.match(
      await page.getByTestId('cheaper-option').innerText(),
      /^(Dedicated units|vCPU-hours) cost €[\d,.]+ less a month\.$/,
    );
    await page
      .getByTestId('estimate-interval-chart')
      .locator('svg')
      .first()
      .waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'estimator-page.png'),
      fullPage: true,
    });

    // The recommended size goes into the job template: its form opens filled from the estimate.
    const recommendedExecutors = /(\d+) executors? ×/.exec(
      await page.getByTestId('estimate-summary').innerText(),
    );
    await page.getByRole('link', { name: 'Create a job of this size' }).click();
    const tenant = page.locator('#root_tenant');
    await tenant.waitFor({ timeout: 30_000 });
    await tenant.click();
    await tenant.fill('Orion');
    await page.getByRole('option', { name: /Orion/ }).first().click();
    await fillTemplateField(page, 'name', 'sized-by-the-estimator');
    await nextTemplateStep(page);
    await fillTemplateField(page, 'source_host', 'payments-db.internal');
    await fillTemplateField(page, 'source_port', '5432');
    await fillTemplateField(page, 'source_database', 'payments');
    await fillTemplateField(page, 'source_table', 'public.orders');
    await fillTemplateField(page, 'source_credentialsSecret', 'payments-db');
    await nextTemplateStep(page);
    await fillTemplateField(page, 'target_path', 's3a://lake/orders');
    await nextTemplateStep(page);
    const every = page.locator('#root_schedule_everyMinutes');
    await every.waitFor({ timeout: 15_000 });
    assert.equal(await every.inputValue(), '60');
    await nextTemplateStep(page);
    const volumeField = page.locator('#root_estimates_dataVolumeGiB');
    await volumeField.waitFor({ timeout: 15_000 });
    assert.equal(await volumeField.inputValue(), '40');
    assert.equal(
      await page.locator('#root_estimates_slaMinutes').inputValue(),
      '30',
    );
    assert.ok(recommendedExecutors, 'the summary names the executors');
    assert.equal(
      await page.locator('#root_resources_executorInstances').inputValue(),
      recommendedExecutors[1],
    );
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'estimator-job-form.png'),
      fullPage: true,
    });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'estimator-failure.png'),
      fullPage: true,
    });
    throw error;
  } finally {
    await page.close();
  }
});
