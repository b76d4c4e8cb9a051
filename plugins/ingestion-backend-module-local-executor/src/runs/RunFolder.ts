import fs from 'node:fs/promises';
import path from 'node:path';
import { ApplicationResult } from '../application/ApplicationResult';
import { RunState } from './RunState';

/**
 * One run's folder under the work dir, and the files in it:
 * job.json (the application's config), result.json (its outcome), state.json (process identity, cancel),
 * events/ (Spark's event log), spark-local/ (Spark's scratch space), spark-submit.log (stdout and stderr).
 */
export class RunFolder {
  readonly jobFile: string;
  readonly resultFile: string;
  readonly stateFile: string;
  readonly eventLogDir: string;
  readonly localDir: string;
  readonly logFile: string;

  constructor(readonly dir: string) {
    this.jobFile = path.join(dir, 'job.json');
    this.resultFile = path.join(dir, 'result.json');
    this.stateFile = path.join(dir, 'state.json');
    this.eventLogDir = path.join(dir, 'events');
    this.localDir = path.join(dir, 'spark-local');
    this.logFile = path.join(dir, 'spark-submit.log');
  }

  /**
   * Creates the folder; false when it already exists. mkdir is atomic, so of two submissions of one run id only
   * one can win, in this backend or across a restart.
   */
  async claim(): Promise<boolean> {
    await fs.mkdir(path.dirname(this.dir), { recursive: true });
    try {
      await fs.mkdir(this.dir);
      return true;
    } catch (error: any) {
      if (error?.code === 'EEXIST') {
        return false;
      }
      throw error;
    }
  }

  async exists(): Promise<boolean> {
    return fs.stat(this.dir).then(
      s => s.isDirectory(),
      () => false,
    );
  }

  readState(): Promise<RunState | undefined> {
    return readJson<RunState>(this.stateFile);
  }

  writeState(state: RunState): Promise<void> {
    return writeJsonAtomically(this.stateFile, state);
  }

  readResult(): Promise<ApplicationResult | undefined> {
    return readJson<ApplicationResult>(this.resultFile);
  }

  writeResult(result: ApplicationResult): Promise<void> {
    return writeJsonAtomically(this.resultFile, result);
  }

  /** When result.json was written: the end of a run whose exit this backend did not see. */
  async resultWrittenAt(): Promise<Date | undefined> {
    return fs.stat(this.resultFile).then(
      s => s.mtime,
      () => undefined,
    );
  }

  /**
   * The event log Spark wrote: `<appId>` once the application stopped, `<appId>.inprogress` for one that was
   * killed (then it holds the events up to the kill).
   */
  async eventLogFile(): Promise<string | undefined> {
    const names = await fs
      .readdir(this.eventLogDir)
      .catch(() => [] as string[]);
    const logs = names.filter(n => !n.startsWith('.'));
    const finished = logs.find(n => !n.endsWith('.inprogress'));
    const chosen = finished ?? logs[0];
    return chosen ? path.join(this.eventLogDir, chosen) : undefined;
  }

  /** The last lines spark-submit printed, for a run that ended without result.json. */
  async logTail(maxLines: number): Promise<string> {
    const text = await fs.readFile(this.logFile, 'utf8').catch(() => '');
    return text.trimEnd().split('\n').slice(-maxLines).join('\n');
  }

  async remove(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error: any) {
    if (error?.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  return JSON.parse(text) as T;
}

/** Temp file + rename: a reader (or a restarted backend) never sees half a file. */
async function writeJsonAtomically(
  file: string,
  value: unknown,
): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, {
    mode: 0o600,
  });
  await fs.rename(temp, file);
}
