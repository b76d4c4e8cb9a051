import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
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
