import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  baseUrl,
  openFromSidebar,
  resultsDir,
  signInAsGuest,
  usePortal,
} from './support/portal.mts';

const portal = usePortal({ extraConfig: ['e2e/app-config.api.e2e.yaml'] });

test('a platform admin registers an API client for a tenant and revokes it', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    await openFromSidebar(page, 'Platform admin', /\/ingestion\/admin$/);
    const card = page.getByText('API clients', { exact: true });
    await card.waitFor({ timeout: 60_000 });
    const clientId = `partner-etl-${Date.now().toString(36)}`;
    await page.getByRole('textbox', { name: 'Client id' }).fill(clientId);
    await page
      .getByRole('textbox', { name: /Tenant/ })
      .fill('group:default/team-lyra');
    // The checkbox's drawn indicator covers the input: click its label.
    await page.getByText('ingestion.write', { exact: true }).click();
    await page.getByRole('button', { name: 'Register client' }).click();
    const row = page.getByRole('row', { name: new RegExp(clientId) });
    await row.waitFor({ timeout: 30_000 });
    assert.match(
      await row.innerText(),
      /team-lyra[\s\S]*ingestion\.read, ingestion\.write/,
    );
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: join(resultsDir, 'api-clients.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: `Revoke ${clientId}` }).click();
    await row.getByText('Revoked').waitFor({ timeout: 30_000 });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'api-clients-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});

test('the catalog shows the ingestion API with its OpenAPI definition (api-docs)', async () => {
  const page = await signInAsGuest(portal.browser);
  try {
    // The catalog module reads the definition from the backend shortly after start-up.
    const definition = `${baseUrl}/catalog/default/api/ingestion/definition`;
    for (let attempt = 0; ; attempt++) {
      await page.goto(definition);
      // Swagger UI breaks paths with zero-width spaces for display; its data-path holds the path as written.
      const found = await page
        .locator('.opblock-summary-path[data-path$="/jobs/{jobId}/metrics"]')
        .first()
        .waitFor({ timeout: 15_000 })
        .then(
          () => true,
          () => false,
        );
      if (found) break;
      assert.ok(
        attempt < 8,
        'the ingestion API entity never appeared in the catalog',
      );
    }
    await page.getByText('Ingestion API v1').first().waitFor();
    await page.screenshot({
      path: join(resultsDir, 'api-docs.png'),
    });
  } catch (error) {
    await page.screenshot({
      path: join(resultsDir, 'api-docs-failure.png'),
      fullPage: true,
    });
    throw error;
  }
});
