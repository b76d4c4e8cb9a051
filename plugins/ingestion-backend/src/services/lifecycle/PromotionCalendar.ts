import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import { PromotionDecision } from '../../domain/lifecycle/promotion';

/** What the lifecycle needs of the slice calendar (the scheduler implements it). */
export interface PromotionCalendar {
  /** Whether a draft job with this many consecutive runs within its SLA goes to production now. */
  decidePromotion(
    job: IngestionJob,
    consecutiveWithinSla: number,
    requiredRuns: number,
  ): Promise<PromotionDecision>;
  /** Places a job's runs where its lifecycle now puts them. */
  jobSaved(job: IngestionJob): Promise<void>;
}
