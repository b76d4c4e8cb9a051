import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../__testUtils__/testCluster';

/*
 * image/kubernetes_main.py, the driver's entry point in the job image, run with the real ingestion application
 * (ingestion-app/src) and the project's pyspark venv; the termination log is a temporary file.
 */

jest.setTimeout(5 * 60_000);

const script = path.resolve(__dirname, '../../image/kubernetes_main.py');
const python = path.join(repoRoot, '.tools/spark/venv/bin/python');
let dir: string;

/** The image's layout: the application package beside the entry point. */
function imageLayout(): string {
  const app = path.join(dir, 'opt/ingestion-app');
  fs.mkdirSync(app, { recursive: true });
  fs.copyFileSync(script, path.join(app, 'kubernetes_main.py'));
  fs.cpSync(
    path.join(repoRoot, 'ingestion-app/src/ingestion_app'),
    path.join(app, 'ingestion_app'),
    { recursive: true },
  );
  return path.join(app, 'kubernetes_main.py');
}

beforeAll(() => {
  // The venv with pyspark, which the application imports (about a second when cached).
  execFileSync(path.join(repoRoot, 'test-infra/spark/setup.sh'), {
    stdio: 'pipe',
    timeout: 15 * 60_000,
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-k8s-main-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kubernetes_main.py', () => {
  it('runs the application and leaves its result.json in the termination log, with its exit code', () => {
    const entry = imageLayout();
    const config = path.join(dir, 'job.json');
    const result = path.join(dir, 'result.json');
    const terminationLog = path.join(dir, 'termination-log');
    fs.writeFileSync(
      config,
      JSON.stringify({
        jobId: 'j1',
        runId: 'r1',
        source: { type: 'postgres' },
        target: {},
      }),
    );
    const run = spawnSync(
      python,
      [entry, '--config', config, '--result', result],
      {
        env: { ...process.env, INGEST_TERMINATION_LOG: terminationLog },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2); // the application's "invalid job.json"
    const written = JSON.parse(fs.readFileSync(result, 'utf8'));
    expect(written).toMatchObject({
      status: 'failed',
      errorField: expect.any(String),
    });
    expect(written.error).toMatch(/^invalid config: /);
    expect(JSON.parse(fs.readFileSync(terminationLog, 'utf8'))).toEqual(
      written,
    );
  });

  it('fits a result into the 4096 bytes Kubernetes keeps, giving up the least useful parts first', () => {
    const entry = imageLayout();
    const fit = (result: object) =>
      execFileSync(
        python,
        [
          '-c',
          'import json, sys, kubernetes_main; sys.stdout.write(kubernetes_main.fitted(json.load(sys.stdin)).decode())',
        ],
        {
          cwd: path.dirname(entry),
          input: JSON.stringify(result),
          encoding: 'utf8',
        },
      );
    const metrics = { durationMs: 1, executorCpuTimeMs: 2 };

    const small = fit({
      status: 'succeeded',
      watermark: '7',
      eventLog: '/tmp/x',
      metrics,
    });
    expect(JSON.parse(small)).toEqual({
      status: 'succeeded',
      watermark: '7',
      metrics,
    });

    const longError = fit({
      status: 'failed',
      error: 'é'.repeat(5000),
      metrics,
    });
    expect(Buffer.byteLength(longError)).toBeLessThanOrEqual(4096);
    const parsed = JSON.parse(longError);
    expect(parsed.metrics).toEqual(metrics);
    expect(parsed.error).toMatch(/^é+\.\.\.$/);
  });
});
