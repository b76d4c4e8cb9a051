import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  openFromSidebar,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';

const portal = usePortal({ extraConfig: ['e2e/app-config.forecast.e2e.yaml'] });

test('a platform admin sees each namespace’s forecast fan chart, the purchase advice and the tenants’ growth', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    await openFromSidebar(page, 'Forecast', /\/ingestion\/forecast$/);
    // A fresh portal has no run history yet: the page shows the demo history, labelled as such.
    await page
      .getByText('Demo data', { exact: true })
      .waitFor({ timeout: 60_000 });
    const shared = page.getByTestId('namespace-forecast-vcore-hours');
    const chart = shared.getByRole('figure');
    assert.match(
      (await chart.getAttribute('aria-label')) ?? '',
      /^Demand of ingestion-vcore-hours in Spark Units: 90 days of history and 90 days of forecast$/,
    );
    // The fan: the interval band, the forecast and the demand, drawn by recharts as SVG paths.
    assert.ok((await chart.locator('.recharts-area-area').count()) >= 1);
    assert.ok((await chart.locator('.recharts-line-curve').count()) >= 2);
    const card = await shared.innerText();
    assert.match(card, /30 days[\s\S]*60 days[\s\S]*90 days/);
    assert.match(
      card,
      /Buy \d+ Spark Units? by \d{1,2} \w{3} \d{4}|No purchase needed/,
    );
    const growth = page.getByRole('grid').last();
    assert.match(await growth.innerText(), /team-orion/);
    await shared.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: join(resultsDir, 'forecast-page.png'),
      fullPage: true,
    });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'forecast-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});
