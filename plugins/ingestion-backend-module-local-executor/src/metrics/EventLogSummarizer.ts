import { EventLogSummary } from './EventLogSummary';

/**
 * The job group the ingestion application gives the job that copies source to target. Its helper jobs (schema,
 * partition bounds, the read-back count of the output) read and write too; counting them would double the
 * records, so input/output comes from this group alone when the log has it.
 */
export const COPY_JOB_GROUP = 'ingest-copy';

type Io = Pick<
  EventLogSummary,
  'inputBytes' | 'inputRecords' | 'outputBytes' | 'outputRecords'
>;

/**
 * Sums a Spark event log (JSON lines, uncompressed, not rolled), one line at a time so that a large log is
 * never held in memory. Field names as Spark 4.1 writes them (see ingestion-app/README.md, "Spark event log"):
 * CPU time is in nanoseconds, run and GC times in milliseconds, memory peaks in bytes. A line that is not JSON
 * (the last line of a log cut short by a kill) is skipped: what was complete still counts.
 */
export class EventLogSummarizer {
  readonly #summary: EventLogSummary = {
    tasks: 0,
    failedTasks: 0,
    executorRunTimeMs: 0,
    executorCpuTimeNs: 0,
    jvmGcTimeMs: 0,
    peakExecutionMemoryBytes: 0,
    peakJvmHeapBytes: 0,
    peakJvmRssBytes: 0,
    inputBytes: 0,
    inputRecords: 0,
    outputBytes: 0,
    outputRecords: 0,
  };
  readonly #groupOfStage = new Map<number, string | undefined>();
  readonly #ioOfAllTasks: Io = emptyIo();
  readonly #ioOfCopyJob: Io = emptyIo();

  add(line: string): void {
    const trimmed = line.trim();
    if (!trimmed) {
      return;
    }
    let event: any;
    try {
      event = JSON.parse(trimmed);
    } catch {
      return;
    }
    if (!event || typeof event !== 'object') {
      return;
    }
    const s = this.#summary;
    this.#noteTime(event.Timestamp);
    switch (event.Event) {
      case 'SparkListenerApplicationStart':
        s.appId =
          typeof event['App ID'] === 'string' ? event['App ID'] : undefined;
        s.startTime = number(event.Timestamp) || undefined;
        break;
      case 'SparkListenerApplicationEnd':
        s.endTime = number(event.Timestamp) || undefined;
        break;
      case 'SparkListenerJobStart': {
        this.#noteTime(event['Submission Time']);
        const group = event.Properties?.['spark.jobGroup.id'];
        for (const stageId of event['Stage IDs'] ?? []) {
          this.#groupOfStage.set(
            stageId,
            typeof group === 'string' ? group : undefined,
          );
        }
        break;
      }
      case 'SparkListenerJobEnd':
        this.#noteTime(event['Completion Time']);
        break;
      case 'SparkListenerStageExecutorMetrics':
        // Per-stage peaks, present only with spark.eventLog.logStageExecutorMetrics=true.
        this.#notePeaks(event['Executor Metrics']);
        break;
      case 'SparkListenerTaskEnd':
        this.#addTask(event);
        break;
      default:
        break;
    }
  }

  summary(): EventLogSummary {
    const copyJobSeen = [...this.#groupOfStage.values()].includes(
      COPY_JOB_GROUP,
    );
    return {
      ...this.#summary,
      ...(copyJobSeen ? this.#ioOfCopyJob : this.#ioOfAllTasks),
    };
  }

  #addTask(event: any) {
    const s = this.#summary;
    const info = event['Task Info'] ?? {};
    const metrics = event['Task Metrics'] ?? {};
    this.#noteTime(info['Finish Time']);
    s.tasks += 1;
    if (info.Failed || info.Killed) {
      s.failedTasks += 1;
    }
    s.executorRunTimeMs += number(metrics['Executor Run Time']);
    s.executorCpuTimeNs += number(metrics['Executor CPU Time']);
    s.jvmGcTimeMs += number(metrics['JVM GC Time']);
    s.peakExecutionMemoryBytes = Math.max(
      s.peakExecutionMemoryBytes,
      number(metrics['Peak Execution Memory']),
    );
    this.#notePeaks(event['Task Executor Metrics']);

    const io: Io = {
      inputBytes: number(metrics['Input Metrics']?.['Bytes Read']),
      inputRecords: number(metrics['Input Metrics']?.['Records Read']),
      outputBytes: number(metrics['Output Metrics']?.['Bytes Written']),
      outputRecords: number(metrics['Output Metrics']?.['Records Written']),
    };
    addIo(this.#ioOfAllTasks, io);
    if (this.#groupOfStage.get(event['Stage ID']) === COPY_JOB_GROUP) {
      addIo(this.#ioOfCopyJob, io);
    }
  }

  #notePeaks(executorMetrics: any) {
    if (!executorMetrics) {
      return;
    }
    const s = this.#summary;
    s.peakJvmHeapBytes = Math.max(
      s.peakJvmHeapBytes,
      number(executorMetrics.JVMHeapMemory),
    );
    s.peakJvmRssBytes = Math.max(
      s.peakJvmRssBytes,
      number(executorMetrics.ProcessTreeJVMRSSMemory),
    );
  }

  #noteTime(value: unknown) {
    const time = number(value);
    if (time > 0) {
      this.#summary.lastEventTime = Math.max(
        this.#summary.lastEventTime ?? 0,
        time,
      );
    }
  }
}

/** Sums a whole log given as lines. */
export function summarizeEventLog(lines: Iterable<string>): EventLogSummary {
  const summarizer = new EventLogSummarizer();
  for (const line of lines) {
    summarizer.add(line);
  }
  return summarizer.summary();
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function emptyIo(): Io {
  return { inputBytes: 0, inputRecords: 0, outputBytes: 0, outputRecords: 0 };
}

function addIo(into: Io, io: Io) {
  into.inputBytes += io.inputBytes;
  into.inputRecords += io.inputRecords;
  into.outputBytes += io.outputBytes;
  into.outputRecords += io.outputRecords;
}
