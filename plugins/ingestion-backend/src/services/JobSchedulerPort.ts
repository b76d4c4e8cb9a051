import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';

/** What the job service needs of the slice calendar (implemented by the scheduler's SliceCalendarService). */
export interface JobCalendar {
  jobSaved(job: IngestionJob): Promise<void>;
  jobRemoved(jobId: string): Promise<void>;
  estimateStart(job: IngestionJob): Promise<string | undefined>;
}

/** What the job service needs of the dispatcher (implemented by the scheduler's RunDispatcher). */
export interface RunCanceller {
  /** Cancels a queued or active run; a run that ran is metered. */
  cancel(run: IngestionRun, reason: string): Promise<void>;
}
