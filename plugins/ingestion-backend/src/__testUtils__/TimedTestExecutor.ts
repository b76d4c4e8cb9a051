import {
  IngestionExecutor,
  RunObservation,
  RunSubmission,
} from '@internal/backstage-plugin-ingestion-node';

/**
 * FOR TESTS ONLY: an executor that "runs" nothing and reports each run finished a set time after it was
 * submitted. Its state lives in `engine`, which tests share between executor instances to play an external engine
 * that keeps running while the scheduler restarts.
 */
export class TimedTestExecutor implements IngestionExecutor {
  readonly id = 'timed-test';

  constructor(
    readonly engine: {
      runs: Map<
        string,
        { submission: RunSubmission; submittedAt: number; cancelledAt?: number }
      >;
      submissions: string[];
    },
    private readonly options: {
      now: () => number;
      durationMs: number;
      /** The Spark event log every succeeded run leaves (none by default). */
      eventLog?: string;
      /** What each run reports having read (default 100 bytes: a run that is all start-up). */
      bytesIn?: number;
      failJobs?: Set<string>;
      /** The secret names each tenant owns. */
      secrets?: Record<string, string[]>;
    },
  ) {}

  static newEngine() {
    return { runs: new Map(), submissions: [] as string[] };
  }

  async submit(run: RunSubmission): Promise<void> {
    this.engine.submissions.push(run.runId);
    if (!this.engine.runs.has(run.runId)) {
      this.engine.runs.set(run.runId, {
        submission: run,
        submittedAt: this.options.now(),
      });
    }
  }

  async readEventLog(runId: string): Promise<string | undefined> {
    const observed = await this.observe(runId);
    return observed?.state === 'succeeded' ? this.options.eventLog : undefined;
  }

  async hasSecret(tenant: string, name: string): Promise<boolean> {
    return this.options.secrets?.[tenant]?.includes(name) ?? false;
  }

  async observe(runId: string): Promise<RunObservation | undefined> {
    const run = this.engine.runs.get(runId);
    if (!run) return undefined;
    const startedAt = new Date(run.submittedAt).toISOString();
    if (run.cancelledAt !== undefined) {
      return {
        runId,
        state: 'cancelled',
        startedAt,
        finishedAt: new Date(run.cancelledAt).toISOString(),
      };
    }
    const end = run.submittedAt + this.options.durationMs;
    if (this.options.now() < end) return { runId, state: 'running', startedAt };
    const failed = this.options.failJobs?.has(run.submission.jobId);
    return {
      runId,
      state: failed ? 'failed' : 'succeeded',
      startedAt,
      finishedAt: new Date(end).toISOString(),
      ...(failed
        ? { message: 'source table public.orders does not exist' }
        : {
            watermark: `wm-${runId}`,
            outputPath: `${run.submission.application.target.path}/run_id=${runId}`,
            metrics: {
              durationMs: this.options.durationMs,
              cpuTimeMs: 1000,
              executorRunTimeMs: 1200,
              peakMemoryBytes: 1 << 20,
              bytesIn: this.options.bytesIn ?? 100,
              bytesOut: 80,
              recordsIn: 10,
              recordsOut: 10,
            },
          }),
    };
  }

  async cancel(runId: string): Promise<void> {
    const run = this.engine.runs.get(runId);
    if (run && run.cancelledAt === undefined)
      run.cancelledAt = this.options.now();
  }

  async listActive(): Promise<RunObservation[]> {
    const all = await Promise.all(
      [...this.engine.runs.keys()].map(id => this.observe(id)),
    );
    return all.filter((o): o is RunObservation => o?.state === 'running');
  }
}
