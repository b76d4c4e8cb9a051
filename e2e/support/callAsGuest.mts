import type { Page } from 'playwright-core';

/**
 * Calls the backend from the page as the signed-in guest, with the token the frontend's fetch would add, and
 * returns the status and the JSON body (null when there is none).
 */
export async function callAsGuest(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const refresh = await fetch('/api/auth/guest/refresh', {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      const { backstageIdentity } = await refresh.json();
      const res = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${backstageIdentity.token}`,
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}
