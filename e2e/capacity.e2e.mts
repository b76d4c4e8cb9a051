import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  openFromSidebar,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';

const portal = usePortal();

async function screenshotOnFailure<T>(
  page: Page,
  name: string,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, name), fullPage: true });
    throw error;
  }
}

/** The vCPU-hour balance card's figures: what is left, and what is purchased and valid (0 when nothing is). */
async function readBalance(page: Page) {
  const text = await page.getByTestId('vcpu-hour-balance').innerText();
  const number = (s: string) => Number(s.replace(/,/g, ''));
  const remaining = /^vCPU-hour balance\s+(-?[\d,.]+)/.exec(text);
  const purchased = /of ([\d,.]+) vCPU-hours? left/.exec(text);
  assert.ok(remaining, `balance card: ${text}`);
  return {
    remaining: number(remaining[1]),
    purchased: purchased ? number(purchased[1]) : 0,
  };
}

const formatted = (n: number) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** Picks a radio option by clicking its label, as a person does (the input itself is visually hidden). */
async function choose(scope: Locator, name: string | RegExp) {
  await scope.locator('label').filter({ hasText: name }).click();
  assert.ok(await scope.getByRole('radio', { name }).isChecked());
}

/** Fills the purchase form with vCPU-hours and goes through the confirmation. */
async function buyVcpuHours(page: Page, quantity: number, period: string) {
  const form = page.getByRole('form', { name: 'Buy capacity' });
  await choose(form, /^vCPU-hours/);
  await form.getByRole('textbox', { name: /Quantity/ }).fill(String(quantity));
  await choose(form, period);
  await form.getByRole('button', { name: 'Review purchase' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

test('a guest buys vCPU-hours on the Capacity page and sees the balance and the burn-down change', async () => {
  const page = await signInAsGuest(portal.browser);
  const purchased = await screenshotOnFailure(
    page,
    'capacity-failure.png',
    async () => {
      await openFromSidebar(page, 'Capacity', /\/ingestion\/capacity$/);
      const balance = page.getByTestId('vcpu-hour-balance');
      await balance.waitFor({ timeout: 30_000 });
      await page.getByText('Tenant team-orion').waitFor();
      // A fresh portal: nothing bought yet, nothing to chart.
      const before = await readBalance(page);
      if (before.purchased === 0) {
        await page.getByTestId('burn-down-empty').waitFor();
      }

      // A bad quantity is named by the form and nothing is sent.
      const form = page.getByRole('form', { name: 'Buy capacity' });
      await form.getByRole('textbox', { name: /Quantity/ }).fill('0');
      await form.getByRole('button', { name: 'Review purchase' }).click();
      await form.getByText('Quantity must be greater than 0').waitFor();
      assert.equal(await page.getByRole('dialog').count(), 0);

      const dialog = await buyVcpuHours(page, 100, '1 month');
      assert.match(
        await dialog.innerText(),
        /Buy 100 vCPU-hours valid for a month, until \d{1,2} \w{3} \d{4}, \d\d:\d\d\?/,
      );
      await dialog.getByRole('button', { name: 'Buy' }).click();
      await dialog.waitFor({ state: 'detached' });
      await form.getByText('Bought 100 vCPU-hours').waitFor();

      // The balance and the chart show the purchase.
      const afterFirst = before.purchased + 100;
      await balance
        .getByText(`of ${formatted(afterFirst)} vCPU-hours left`)
        .waitFor({ timeout: 5_000 });
      assert.deepEqual(await readBalance(page), {
        remaining: before.remaining + 100,
        purchased: afterFirst,
      });
      const chart = page.getByTestId('burn-down-chart');
      await chart.waitFor();
      const area = chart.locator('path.recharts-area-area');
      await area.waitFor();
      const d = (await area.getAttribute('d')) ?? '';
      assert.ok(d.split(/[MLHVZ]/i).length > 3, `area path has points: ${d}`);
      // Purchased level and projection.
      assert.equal(await chart.locator('path.recharts-line-curve').count(), 2);
      assert.match(
        (await chart.getAttribute('aria-label')) ?? '',
        new RegExp(
          `now ${formatted(before.remaining + 100)} of ${formatted(
            afterFirst,
          )} vCPU-hours purchased`,
        ),
      );
      const row = page.getByRole('row').filter({ hasText: '100 vCPU-hours' });
      assert.match(await row.innerText(), /1 month · Active/);
      assert.match(await row.innerText(), /guest/);
      return afterFirst;
    },
  );

  // A purchase made elsewhere appears on the open page without a reload, pushed by the capacity signal.
  const elsewhere = await signInAsGuest(portal.browser);
  await screenshotOnFailure(
    elsewhere,
    'capacity-elsewhere-failure.png',
    async () => {
      await openFromSidebar(elsewhere, 'Capacity', /\/ingestion\/capacity$/);
      await elsewhere
        .getByTestId('vcpu-hour-balance')
        .waitFor({ timeout: 30_000 });
      const dialog = await buyVcpuHours(elsewhere, 50, '1 day');
      await dialog.getByRole('button', { name: 'Buy' }).click();
      await dialog.waitFor({ state: 'detached' });
    },
  );
  await screenshotOnFailure(page, 'capacity-live-failure.png', async () => {
    await page
      .getByTestId('vcpu-hour-balance')
      .getByText(`of ${formatted(purchased + 50)} vCPU-hours left`)
      .waitFor({ timeout: 5_000 });
    const row = page.getByRole('row').filter({ hasText: '50 vCPU-hours' });
    await row.waitFor({ timeout: 1_000 });
    assert.match(await row.innerText(), /1 day · Active/);
    assert.match(
      (await page.getByTestId('burn-down-chart').getAttribute('aria-label')) ??
        '',
      new RegExp(`of ${formatted(purchased + 50)} vCPU-hours purchased`),
    );
    // Let the success toast time out, leaving the form's own confirmation.
    await page.waitForFunction(
      () => document.body.innerText.split('Bought 100 vCPU-hours').length === 2,
      null,
      { timeout: 10_000 },
    );
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'capacity-page.png'),
      fullPage: true,
    });
  });
  await elsewhere.close();
  await page.close();
});

test('the guest sees the Spark Unit registry read-only on the Platform admin page', async () => {
  const page = await signInAsGuest(portal.browser);
  await screenshotOnFailure(page, 'admin-failure.png', async () => {
    await openFromSidebar(page, 'Platform admin', /\/ingestion\/admin$/);
    const registry = page.getByRole('grid');
    await registry.waitFor({ timeout: 30_000 });
    const vcoreRow = registry.getByRole('row', {
      name: /ingestion-vcore-hours/,
    });
    assert.match(await vcoreRow.innerText(), /vcore-hours\s+8\s+32\s+128 GiB/);
    const totalRow = registry.getByRole('row', { name: /^Total/ });
    assert.match(
      await totalRow.innerText(),
      /^Total\s+Ingestion Units: the sum of Spark Units\s+18\s+72\s+288 GiB/,
    );
    await page.getByText('Read-only', { exact: true }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: /Change Spark Units/ }).count(),
      0,
    );
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: join(resultsDir, 'admin-page.png'),
      fullPage: true,
    });
  });
  await page.close();
});
