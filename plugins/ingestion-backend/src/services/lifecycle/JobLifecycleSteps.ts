import {
  IngestionJob,
  IngestionJobSpec,
  JobHealth,
} from '@internal/backstage-plugin-ingestion-common';

/** The lifecycle steps the job service takes on a user's behalf. */
export interface JobLifecycleSteps {
  /** Promotes a draft by hand (409 with the calendar's reason when its namespace has no room). */
  promote(jobId: string, by: string): Promise<IngestionJob>;
  /** Records a return to draft the caller already admitted, with the edited spec that caused it if any. */
  sendBack(
    job: IngestionJob,
    by: string,
    reason: string,
    change?: { spec?: IngestionJobSpec },
  ): Promise<IngestionJob>;
  /** The job's timeline, profiling progress, SLA compliance and recommendations. */
  health(job: IngestionJob): Promise<JobHealth>;
}
