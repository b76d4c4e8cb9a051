import type { Page } from 'playwright-core';

/** Fills a field of the template form, found by its JSON path (`root_source_host`: the form's field ids). */
export async function fillTemplateField(
  page: Page,
  field: string,
  value: string,
) {
  await page.locator(`#root_${field}`).fill(value);
}

/** Goes to the template form's next step. */
export async function nextTemplateStep(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
}
