// Starts the real backend (serving the built frontend) and Debian's Chromium for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
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

const lockDir = join(repoRoot, '.run', 'e2e.lock');

function lockHolderAlive(): boolean {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every e2e file starts its own portal on port 7007 and a fresh database, and `node --test` may run files in
 * parallel: one portal at a time, then. The lock is a directory holding the owner's pid; a dead owner's lock is
 * taken over.
 */
async function acquirePortalLock(timeoutMs = 15 * 60_000) {
  mkdirSync(join(repoRoot, '.run'), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      process.on('exit', releasePortalLock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock without a pid file may be in the middle of being taken; only a dead owner's lock is stale.
    if (!lockHolderAlive() && Date.now() - lockMtime() > 5_000) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another e2e portal still holds ${lockDir}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

function lockMtime(): number {
  try {
    return statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}

function releasePortalLock() {
  try {
    if (readFileSync(join(lockDir, 'pid'), 'utf8') === String(process.pid)) {
      rmSync(lockDir, { recursive: true, force: true });
    }
  } catch {
    // not ours, or already gone
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port);
  });
}

/**
 * Waits until nothing listens on the portal's port, so that the tests never run against some other backend
 * (a developer's, or another checkout's) that happens to be up.
 */
async function waitForFreePort(timeoutMs = 5 * 60_000) {
  const port = Number(new URL(baseUrl).port);
  const deadline = Date.now() + timeoutMs;
  while (!(await portIsFree(port))) {
    if (Date.now() > deadline) {
      throw new Error(`port ${port} is still taken by another process`);
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

const sparkRunsDir = join(repoRoot, '.run', 'e2e', 'local-executor', 'runs');

/**
 * Spark runs live in process groups of their own, so that they outlive a backend restart (the next backend adopts
 * them); the tests' portal is not restarted, so its runs are stopped with it instead of being left behind.
 */
function stopSparkRuns() {
  let runs: string[];
  try {
    runs = readdirSync(sparkRunsDir);
  } catch {
    return; // no run was started
  }
  for (const run of runs) {
    try {
      const { pgid } = JSON.parse(
        readFileSync(join(sparkRunsDir, run, 'state.json'), 'utf8'),
      );
      if (typeof pgid === 'number') process.kill(-pgid, 'SIGKILL');
    } catch {
      // not started, or already finished
    }
  }
}

/**
 * Starts the backend with the e2e config (and `extraConfig` files, relative to the repository, on top) on a fresh
 * database and waits until it is ready.
 */
export async function startPortal(extraConfig: string[] = []): Promise<Portal> {
  await acquirePortalLock();
  try {
    await waitForFreePort();
  } catch (error) {
    releasePortalLock();
    throw error;
  }
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
      ...extraConfig.flatMap(file => ['--config', join('..', '..', file)]),
    ],
    {
      cwd: join(repoRoot, 'packages', 'backend'),
      detached: true,
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  backend.stdout!.pipe(log);
  backend.stderr!.pipe(log);
  const stop = async () => {
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    stopSparkRuns();
    await new Promise(r => setTimeout(r, 500));
    releasePortalLock();
  };
  try {
    await waitForReady(
      `${baseUrl}/.backstage/health/v1/readiness`,
      180_000,
      backend,
    );
  } catch (error) {
    // The caller gets no portal to stop: do not leave the backend running.
    await stop();
    throw error;
  }
  return { backend, stop };
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

/** Follows a link of the sidebar, by its exact name, and waits for the page's address. */
export async function openFromSidebar(
  page: Page,
  name: string,
  path: RegExp,
): Promise<void> {
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await sidebar.getByRole('link', { name, exact: true }).click();
  await page.waitForURL(path, { timeout: 30_000 });
}

/**
 * Starts the portal and Chromium before a test file's tests and stops both after them. The browser is there once
 * the file's `before` hook has run.
 */
export function usePortal(options?: { extraConfig?: string[] }): {
  readonly browser: Browser;
} {
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  before(async () => {
    portal = await startPortal(options?.extraConfig);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await portal?.stop();
  });
  return {
    get browser() {
      if (!browser)
        throw new Error('the portal has not started (usePortal before hook)');
      return browser;
    },
  };
}
