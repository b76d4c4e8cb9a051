// Starts the real backend (serving the built frontend) and Debian's Chromium for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
export const baseUrl = 'http://localhost:7007';
export const resultsDir = join(repoRoot, 'test-results', 'e2e');

export interface Portal {
  backend: ChildProcess;
  stop(): Promise<void>;
}

async function waitForReady(
  url: string,
  timeoutMs: number,
  backend: ChildProcess,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) {
      throw new Error(
        `backend exited with code ${backend.exitCode}; see test-results/e2e/backend.log`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`backend not ready at ${url} after ${timeoutMs} ms`);
}

/** Starts the backend with the e2e config on a fresh database and waits until it is ready. */
export async function startPortal(): Promise<Portal> {
  rmSync(join(repoRoot, '.run', 'e2e'), { recursive: true, force: true });
  mkdirSync(join(repoRoot, '.run', 'e2e', 'sqlite'), { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(join(resultsDir, 'backend.log'));
  const backend = spawn(
    process.execPath,
    [
      join(repoRoot, '.yarn', 'releases', 'yarn-4.13.0.cjs'),
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../e2e/app-config.e2e.yaml',
    ],
    {
      cwd: join(repoRoot, 'packages', 'backend'),
      detached: true,
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  backend.stdout!.pipe(log);
  backend.stderr!.pipe(log);
  await waitForReady(
    `${baseUrl}/.backstage/health/v1/readiness`,
    180_000,
    backend,
  );
  return {
    backend,
    async stop() {
      try {
        process.kill(-backend.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(r => setTimeout(r, 500));
    },
  };
}

/** Launches Debian's Chromium headless; the flags keep it off the closed network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the portal and signs in with the guest provider (a member of the tenant team-orion). */
export async function signInAsGuest(browser: Browser): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
  });
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('button', { name: 'Enter' })
    .waitFor({ state: 'detached', timeout: 30_000 });
  return page;
}
