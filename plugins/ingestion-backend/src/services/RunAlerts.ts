import { LoggerService } from '@backstage/backend-plugin-api';
import { IngestionRun } from '@internal/backstage-plugin-ingestion-common';
import { NotificationService } from '@backstage/plugin-notifications-node';

/** What the dispatcher tells a tenant about its runs. */
export interface RunAlerts {
  /** A run was stopped at its time limit. */
  runTimedOut(
    run: IngestionRun,
    job: { id: string; name: string },
    limitMinutes: number,
  ): Promise<void>;
  /** A run on lent capacity was stopped for the capacity's owner and queued again; `reason` says so. */
  runPreempted(
    run: IngestionRun,
    job: { id: string; name: string },
    reason: string,
  ): Promise<void>;
}

/** Run alerts as Backstage notifications to the tenant group, linked to the job's page. */
export class NotifyingRunAlerts implements RunAlerts {
  constructor(
    private readonly deps: {
      notifications: Pick<NotificationService, 'send'>;
      logger: LoggerService;
    },
  ) {}

  async runTimedOut(
    run: IngestionRun,
    job: { id: string; name: string },
    limitMinutes: number,
  ): Promise<void> {
    await this.deps.notifications.send({
      recipients: { type: 'entity', entityRef: run.tenant },
      payload: {
        title: `Run of ${job.name} stopped after ${limitMinutes} minutes`,
        description: `Run ${run.id} went past its time limit (a multiple of the job's SLA) and was stopped; it is charged up to the limit only. Look for a source that stopped answering.`,
        severity: 'high',
        link: '/ingestion/jobs',
        topic: 'ingestion-run',
      },
    });
    this.deps.logger.info(
      `Run ${run.id} of job ${job.id} timed out after ${limitMinutes} min; ${run.tenant} notified`,
    );
  }

  async runPreempted(
    run: IngestionRun,
    job: { id: string; name: string },
    reason: string,
  ): Promise<void> {
    await this.deps.notifications.send({
      recipients: { type: 'entity', entityRef: run.tenant },
      payload: {
        title: `Run of ${job.name} preempted and queued again`,
        description: `Run ${run.id} was ${reason}.`,
        severity: 'normal',
        link: '/ingestion/jobs',
        topic: 'ingestion-run',
      },
    });
  }
}
