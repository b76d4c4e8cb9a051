import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  IngestionExecutor,
  RunObservation,
  RunSubmission,
} from '@internal/backstage-plugin-ingestion-node';
import { ChildProcess, spawn } from 'node:child_process';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  credentialsEnvironment,
  ownSecrets,
} from './application/credentialsEnvironment';
import { toApplicationJobConfig } from '@internal/backstage-plugin-ingestion-node';
import { LocalExecutorOptions } from './config/LocalExecutorOptions';
import { readLocalExecutorConfig } from './config/readLocalExecutorConfig';
import { summarizeEventLogFile } from './metrics/summarizeEventLogFile';
import { toRunMetrics } from './metrics/toRunMetrics';
import { liveProcess } from './processes/processTable';
import { terminateProcessGroup } from './processes/terminateProcessGroup';
import { isValidRunId } from './runs/isValidRunId';
import { KeyedSerialQueue } from './runs/KeyedSerialQueue';
import { RunFolder } from './runs/RunFolder';
import { runOutcome } from './runs/runOutcome';
import { RunState } from './runs/RunState';
import { localResources } from './spark/localResources';
import { selectJars } from './spark/selectJars';
import { sparkSubmitArguments } from './spark/sparkSubmitArguments';

const FINAL_STATES = ['succeeded', 'failed', 'cancelled'];
/** Variables of the backend's own environment that must not reach a run: each run gets exactly its own. */
const INHERITED_VARIABLES_DROPPED = /^INGEST_|^SPARK_HOME$|^PYSPARK_/;

/**
 * Runs each ingestion run as `spark-submit --master local[N]` of the ingestion application on this machine.
 *
 * Everything about a run lives in its folder under the work dir (see RunFolder), so a restarted backend knows
 * what the previous one started: a run is running while the process recorded in state.json (same pid, same
 * start time) lives, and its outcome is result.json. The process is the leader of its own process group, so a
 * cancel reaches the JVM and the Python driver it started, and it outlives the backend (logs go to a file, not a
 * pipe) unless `onShutdown: cancel`.
 *
 * @public
 */
export class LocalSparkExecutor implements IngestionExecutor {
  readonly id = 'local-spark';

  readonly #options: LocalExecutorOptions;
  readonly #logger: LoggerService;
  /** Submissions of this backend still writing files: observed as submitted, never as lost. */
  readonly #preparing = new Map<string, Promise<void>>();
  readonly #cancelling = new Map<string, Promise<void>>();
  /** Final observations: a finished run's files no longer change, and its event log is costly to re-read. */
  readonly #finished = new Map<string, RunObservation>();
  readonly #stateUpdates = new KeyedSerialQueue();

  constructor(options: LocalExecutorOptions, deps: { logger: LoggerService }) {
    this.#options = options;
    this.#logger = deps.logger;
  }

  static fromConfig(
    config: Config,
    deps: { logger: LoggerService },
  ): LocalSparkExecutor {
    return new LocalSparkExecutor(readLocalExecutorConfig(config), deps);
  }

  get options(): Readonly<LocalExecutorOptions> {
    return this.#options;
  }

  async submit(run: RunSubmission): Promise<void> {
    if (!isValidRunId(run.runId)) {
      throw new InputError(
        `runId must be 1-128 letters, digits, '.', '_' or '-' starting with a letter or digit, got ${JSON.stringify(
          run.runId,
        )}`,
      );
    }
    const folder = this.#folder(run.runId);
    if (!(await folder.claim())) {
      this.#logger.debug(
        `Run ${run.runId} is already known; not starting it again`,
      );
      return;
    }
    const preparation = this.#prepareAndStart(run, folder);
    this.#preparing.set(run.runId, preparation);
    try {
      await preparation;
    } finally {
      this.#preparing.delete(run.runId);
    }
  }

  async readEventLog(runId: string): Promise<string | undefined> {
    if (!isValidRunId(runId)) return undefined;
    const file = await this.#folder(runId).eventLogFile();
    return file ? fs.readFile(file, 'utf8').catch(() => undefined) : undefined;
  }

  async observe(runId: string): Promise<RunObservation | undefined> {
    if (!isValidRunId(runId)) {
      return undefined;
    }
    const known = this.#finished.get(runId);
    if (known) {
      return known;
    }
    if (this.#preparing.has(runId)) {
      return { runId, state: 'submitted' };
    }
    const folder = this.#folder(runId);
    if (!(await folder.exists())) {
      return undefined;
    }
    const state = await folder.readState();
    const processAlive = isAlive(state);
    if (processAlive) {
      return runOutcome({ runId, preparing: false, state, processAlive });
    }
    const result = await folder.readResult();
    const finishedAt =
      state?.exit?.at ?? (await folder.resultWrittenAt())?.toISOString();
    const eventLog = await folder.eventLogFile();
    const summary = eventLog
      ? await summarizeEventLogFile(eventLog)
      : undefined;
    const processDurationMs =
      state?.startedAt && finishedAt
        ? Date.parse(finishedAt) - Date.parse(state.startedAt)
        : undefined;
    const observation = runOutcome({
      runId,
      preparing: false,
      state,
      result,
      processAlive,
      finishedAt,
      metrics: toRunMetrics({ summary, result, processDurationMs }),
      logTail: result ? undefined : await folder.logTail(20),
    });
    if (FINAL_STATES.includes(observation.state)) {
      this.#finished.set(runId, observation);
    }
    return observation;
  }

  async cancel(runId: string): Promise<void> {
    if (!isValidRunId(runId)) {
      return;
    }
    // Concurrent cancels of one run share one termination (and all wait for it).
    let cancellation = this.#cancelling.get(runId);
    if (!cancellation) {
      cancellation = this.#cancel(runId).finally(() =>
        this.#cancelling.delete(runId),
      );
      this.#cancelling.set(runId, cancellation);
    }
    await cancellation;
  }

  /** Whether the tenant has an entry of that name in `ingestion.executors.local.secrets` (values are not read). */
  async hasSecret(tenant: string, name: string): Promise<boolean> {
    return Object.prototype.hasOwnProperty.call(
      ownSecrets(this.#options.secrets, tenant),
      name,
    );
  }

  /**
   * Every run in the work dir: running ones and finished ones not yet pruned, so that a restarted scheduler can
   * adopt the runs that went on, or finished, while it was down. Folders of runs finished longer than
   * `keepFinishedRunsHours` ago are deleted here.
   */
  async listActive(): Promise<RunObservation[]> {
    const names = await fs.readdir(this.#runsDir()).catch(() => [] as string[]);
    const observations: RunObservation[] = [];
    for (const runId of names.filter(isValidRunId).sort()) {
      const observation = await this.observe(runId);
      if (!observation) {
        continue;
      }
      if (await this.#pruneIfExpired(observation)) {
        continue;
      }
      observations.push(observation);
    }
    return observations;
  }

  /** Called when the backend stops: see `onShutdown`. */
  async shutdown(): Promise<void> {
    const running = (await this.listActive()).filter(
      o => o.state === 'running',
    );
    if (running.length === 0) {
      return;
    }
    if (this.#options.onShutdown === 'cancel') {
      this.#logger.info(
        `Cancelling ${running.length} local Spark run(s) on shutdown`,
      );
      await Promise.all(running.map(o => this.cancel(o.runId)));
    } else {
      this.#logger.info(
        `${
          running.length
        } local Spark run(s) keep running; the next backend adopts them: ${running
          .map(o => o.runId)
          .join(', ')}`,
      );
    }
  }

  async #prepareAndStart(run: RunSubmission, folder: RunFolder) {
    const submittedAt = new Date().toISOString();
    const initial: RunState = {
      runId: run.runId,
      jobId: run.jobId,
      submittedAt,
    };
    await folder.writeState(initial);

    let command: { args: string[]; env: NodeJS.ProcessEnv };
    try {
      command = await this.#command(run, folder);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.warn(
        `Run ${run.runId} of job ${run.jobId} failed before Spark started: ${message}`,
      );
      await folder.writeResult({ status: 'failed', error: message });
      return;
    }

    await fs.writeFile(
      folder.jobFile,
      `${JSON.stringify(toApplicationJobConfig(run), null, 2)}\n`,
    );
    await fs.mkdir(folder.eventLogDir, { recursive: true });
    await fs.mkdir(folder.localDir, { recursive: true });

    // A file, not a pipe: the process must be able to write after this backend is gone.
    const log = fsSync.openSync(folder.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(this.#options.sparkSubmit, command.args, {
        cwd: folder.dir,
        env: command.env,
        // Its own process group (and session): cancel signals the whole tree, and a Ctrl-C or SIGTERM aimed at
        // the backend's group does not reach the run.
        detached: true,
        stdio: ['ignore', log, log],
      });
    } finally {
      fsSync.closeSync(log);
    }
    const pid = child.pid;
    if (pid === undefined) {
      const error = await new Promise<Error>(resolve =>
        child.once('error', resolve),
      );
      await folder.writeResult({
        status: 'failed',
        error: `could not start ${this.#options.sparkSubmit}: ${error.message}`,
      });
      return;
    }
    this.#track(run.runId, folder, child);
    await this.#updateState(folder, state => ({
      ...state,
      pid,
      pgid: pid,
      processStartTime: liveProcess(pid)?.startTime,
      startedAt: new Date().toISOString(),
    }));
    this.#logger.info(
      `Started run ${run.runId} of job ${run.jobId}: spark-submit pid ${pid} in ${folder.dir}`,
    );
  }

  async #command(run: RunSubmission, folder: RunFolder) {
    const credentials = credentialsEnvironment(run, this.#options.secrets);
    const jarNames = await fs.readdir(this.#options.jarsDir).catch(() => {
      throw new Error(
        `the local executor's jars folder ${
          this.#options.jarsDir
        } does not exist (run test-infra/spark/setup.sh)`,
      );
    });
    const jars = selectJars(jarNames, {
      sourceType: String(run.application.source.type),
      targetType: String(run.application.target.type),
    }).map(name => path.join(this.#options.jarsDir, name));
    await fs.access(this.#options.sparkSubmit, fs.constants.X_OK).catch(() => {
      throw new Error(
        `spark-submit not found at ${
          this.#options.sparkSubmit
        } (run test-infra/spark/setup.sh or set ingestion.executors.local.sparkSubmit)`,
      );
    });
    const { cores, driverMemoryMiB } = localResources(
      run.resources,
      this.#options.maxCores,
    );
    const args = sparkSubmitArguments({
      cores,
      driverMemoryMiB,
      jars,
      applicationFile: this.#options.applicationFile,
      jobFile: folder.jobFile,
      resultFile: folder.resultFile,
      eventLogDir: folder.eventLogDir,
      localDir: folder.localDir,
    });
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !INHERITED_VARIABLES_DROPPED.test(name),
      ),
    );
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      PYSPARK_PYTHON: this.#options.python,
      PYSPARK_DRIVER_PYTHON: this.#options.python,
      // Spark would otherwise look up the host's name and warn when it resolves to a loopback address.
      SPARK_LOCAL_IP: '127.0.0.1',
      ...credentials,
    };
    return { args, env };
  }

  #track(runId: string, folder: RunFolder, child: ChildProcess) {
    // The backend may stop while Spark runs on; the exit is then recovered from result.json.
    child.unref();
    child.once('exit', (code, signal) => {
      this.#updateState(folder, state => ({
        ...state,
        exit: { code, signal, at: new Date().toISOString() },
      })).catch(error =>
        this.#logger.warn(
          `Could not record the exit of run ${runId}: ${error}`,
        ),
      );
      this.#logger.info(
        `Run ${runId}: spark-submit exited (${signal ?? `code ${code}`})`,
      );
    });
  }

  async #cancel(runId: string) {
    await this.#preparing.get(runId)?.catch(() => undefined);
    const folder = this.#folder(runId);
    const state = await folder.readState();
    if (!state || state.pgid === undefined || !isAlive(state)) {
      return; // unknown, never started, or already finished: nothing to stop
    }
    await this.#updateState(folder, current => ({
      ...current,
      cancelRequestedAt: current.cancelRequestedAt ?? new Date().toISOString(),
    }));
    const started = Date.now();
    const { survivors, killed } = await terminateProcessGroup(state.pgid, {
      graceMs: this.#options.cancelGraceMs,
    });
    this.#finished.delete(runId);
    const took = Date.now() - started;
    if (survivors.length > 0) {
      this.#logger.error(
        `Run ${runId}: processes ${survivors.join(', ')} survived SIGKILL`,
      );
    } else {
      this.#logger.info(
        `Cancelled run ${runId} in ${took} ms${
          killed ? ' (SIGKILL after the grace period)' : ''
        }`,
      );
    }
  }

  async #pruneIfExpired(observation: RunObservation): Promise<boolean> {
    if (!FINAL_STATES.includes(observation.state)) {
      return false;
    }
    const folder = this.#folder(observation.runId);
    const finishedAt = observation.finishedAt
      ? Date.parse(observation.finishedAt)
      : (await fs.stat(folder.dir)).mtimeMs;
    if (Date.now() - finishedAt <= this.#options.keepFinishedRunsMs) {
      return false;
    }
    await folder.remove();
    this.#finished.delete(observation.runId);
    return true;
  }

  #updateState(folder: RunFolder, change: (state: RunState) => RunState) {
    return this.#stateUpdates.run(folder.dir, async () => {
      const state = await folder.readState();
      if (state) {
        await folder.writeState(change(state));
      }
    });
  }

  #runsDir() {
    return path.join(this.#options.workDir, 'runs');
  }

  #folder(runId: string) {
    return new RunFolder(path.join(this.#runsDir(), runId));
  }
}

/** The run's spark-submit process is alive: the recorded pid exists and started when the recorded one did. */
function isAlive(state: RunState | undefined): boolean {
  if (state?.pid === undefined || state.processStartTime === undefined) {
    return false;
  }
  return liveProcess(state.pid)?.startTime === state.processStartTime;
}
