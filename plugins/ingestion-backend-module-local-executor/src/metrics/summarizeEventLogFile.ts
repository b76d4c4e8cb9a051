import fs from 'node:fs';
import readline from 'node:readline';
import { EventLogSummarizer } from './EventLogSummarizer';
import { EventLogSummary } from './EventLogSummary';

/** Streams an event log file through the summarizer: logs of long runs reach many megabytes. */
export async function summarizeEventLogFile(
  file: string,
): Promise<EventLogSummary> {
  const summarizer = new EventLogSummarizer();
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    summarizer.add(line);
  }
  return summarizer.summary();
}
