import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsDir, signInAsGuest, usePortal } from './support/portal.mts';

const portal = usePortal();

test('a guest signs in, finds Ingestion in the sidebar and sees their tenant', async () => {
  const page = await signInAsGuest(portal.browser);
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  const link = sidebar.getByRole('link', { name: 'Ingestion', exact: true });
  await link.waitFor({ timeout: 30_000 }).catch(async error => {
    await page.screenshot({
      path: join(resultsDir, 'sidebar-missing.png'),
      fullPage: true,
    });
    throw error;
  });
  await link.click();
  // The overview is the tenant's dashboard, with the platform's capacity below it.
  await page
    .getByTestId('current-tenant')
    .getByText('team-orion')
    .waitFor({ timeout: 30_000 });
  await page.getByTestId('stat-jobs').waitFor();
  await page.getByText(/Ingestion Units \(/).waitFor();
  assert.match(page.url(), /\/ingestion$/);
  await page.screenshot({
    path: join(resultsDir, 'ingestion-page.png'),
    fullPage: true,
  });
});
