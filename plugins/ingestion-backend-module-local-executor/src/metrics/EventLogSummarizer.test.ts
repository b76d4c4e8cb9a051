import fs from 'node:fs';
import path from 'node:path';
import { EventLogSummarizer, summarizeEventLog } from './EventLogSummarizer';
import { summarizeEventLogFile } from './summarizeEventLogFile';

/*
 * The fixture is a real event log: the first run of LocalSparkExecutor.spark.test.ts (PostgreSQL table orders,
 * 3000 rows, read in 2 partitions, written to local Parquet partitioned by region), written by Spark 4.1.4 with
 * the executor's confs. Only machine paths were rewritten. The expected numbers are what the application's own
 * summarizer (ingestion-app/src/ingestion_app/eventlog.py) reports for the same file, plus sums read off the log.
 */
const FIXTURE = path.join(
  __dirname,
  '__fixtures__',
  'postgres-to-local.eventlog',
);
const lines = () => fs.readFileSync(FIXTURE, 'utf8').split('\n');

const EXPECTED = {
  appId: 'local-1795746031736',
  startTime: 1795746031236,
  endTime: 1795746046254,
  tasks: 7,
  failedTasks: 0,
  executorRunTimeMs: 8210,
  executorCpuTimeNs: 1375468334,
  jvmGcTimeMs: 248,
  peakExecutionMemoryBytes: 8454128,
  peakJvmHeapBytes: 151630888,
  peakJvmRssBytes: 501501952,
  // The copy job only: the application's helper jobs read the output back (6001 records read in all).
  inputBytes: 0,
  inputRecords: 3000,
  outputBytes: 56260,
  outputRecords: 3000,
};

describe('EventLogSummarizer on a real Spark 4.1 event log', () => {
  it('sums CPU and run time, takes memory peaks, and counts the copy job input and output', () => {
    const summary = summarizeEventLog(lines());
    expect(summary).toEqual({ ...EXPECTED, lastEventTime: EXPECTED.endTime });
  });

  it('gives the same summary when streaming the file', async () => {
    expect(await summarizeEventLogFile(FIXTURE)).toEqual(
      summarizeEventLog(lines()),
    );
  });

  it('counts every task when the log has no ingest-copy job group (another application)', () => {
    const withoutGroups = lines().map(line =>
      line.replace(/"ingest-(copy|prepare|verify)"/g, '"other"'),
    );
    const summary = summarizeEventLog(withoutGroups);
    expect(summary.inputRecords).toBe(6001);
    expect(summary.outputRecords).toBe(3000);
    expect(summary.executorCpuTimeNs).toBe(EXPECTED.executorCpuTimeNs);
  });

  it('keeps what is complete in a log cut short by a kill', () => {
    const all = lines().filter(Boolean);
    const firstCopyTaskEnd = all.findIndex(
      (line, i) =>
        line.includes('"SparkListenerTaskEnd"') &&
        all.slice(0, i).some(l => l.includes('"ingest-copy"')),
    );
    // Up to and including the first task of the copy job, then half of the next line.
    const cut = [
      ...all.slice(0, firstCopyTaskEnd + 1),
      all[firstCopyTaskEnd + 1].slice(0, 40),
    ];
    const summarizer = new EventLogSummarizer();
    cut.forEach(line => summarizer.add(line));
    const summary = summarizer.summary();

    expect(summary.endTime).toBeUndefined();
    expect(summary.startTime).toBe(EXPECTED.startTime);
    expect(summary.lastEventTime).toBeGreaterThan(EXPECTED.startTime);
    expect(summary.lastEventTime).toBeLessThan(EXPECTED.endTime);
    expect(summary.tasks).toBe(2); // the prepare job's task and the first copy task
    expect(summary.inputRecords).toBeGreaterThan(0);
    expect(summary.inputRecords).toBeLessThan(3000);
  });

  it('ignores blank lines, non-JSON lines and events it does not know', () => {
    const summary = summarizeEventLog([
      '',
      'not json',
      '42',
      '{"Event":"SparkListenerSomethingNew","Timestamp":5}',
      '{"Event":"SparkListenerApplicationStart","App ID":"local-1","Timestamp":1000}',
      '{"Event":"SparkListenerTaskEnd","Stage ID":0,"Task Info":{"Finish Time":1500,"Failed":true},"Task Metrics":{"Executor CPU Time":2500000,"Executor Run Time":3}}',
    ]);
    expect(summary).toMatchObject({
      appId: 'local-1',
      startTime: 1000,
      lastEventTime: 1500,
      tasks: 1,
      failedTasks: 1,
      executorCpuTimeNs: 2500000,
      executorRunTimeMs: 3,
    });
  });

  it('takes heap peaks from stage executor metrics when Spark logs them', () => {
    const summary = summarizeEventLog([
      '{"Event":"SparkListenerStageExecutorMetrics","Executor ID":"driver","Stage ID":0,"Stage Attempt ID":0,"Executor Metrics":{"JVMHeapMemory":777,"ProcessTreeJVMRSSMemory":999}}',
    ]);
    expect(summary.peakJvmHeapBytes).toBe(777);
    expect(summary.peakJvmRssBytes).toBe(999);
  });
});
