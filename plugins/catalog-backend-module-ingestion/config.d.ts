import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The ingestion job entity provider: every ingestion job becomes a Resource of type ingestion-job.
       * Job changes arrive as events within seconds; this full re-read is the safety net.
       */
      ingestionJobs?: {
        /**
         * How often all jobs are re-read from the ingestion API. Default: every 5 minutes (the first after 15
         * seconds), timeout 3 minutes, global scope (one replica at a time).
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Jobs asked for per page of `GET /jobs`, 1 to 500. Default 200.
         */
        pageSize?: number;
      };
    };
  };
}
