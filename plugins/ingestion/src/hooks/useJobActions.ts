import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  IngestionJob,
  IngestionRun,
} from '@internal/backstage-plugin-ingestion-common';
import { useCallback, useState } from 'react';
import { ingestionApiRef } from '../api';
import { serverMessage } from '../lib/errors';
import { formatDayAndTime } from '../lib/format';

/** Why an action on a job was refused, in the server's words. */
export interface JobActionRefusal {
  title: string;
  message: string;
  /** 402: the tenant's vCPU-hours are used up; buying more fixes it. */
  needsCapacity: boolean;
}

/** Which action is under way, so that its button can show it: `<jobId>:run`, `<jobId>:status`, `<runId>:cancel`. */
export type PendingJobAction = string | undefined;

const isPaymentRequired = (error: unknown) =>
  ResponseError.is(error) && error.statusCode === 402;

/**
 * The actions on a job that both the Jobs page and a job's Ingestion tab offer: run now, pause or resume, and
 * cancel a run. Successes are told in a toast and followed by `onChanged` (to reload); a refusal is kept, with
 * the server's message, for the page to show next to the job until dismissed or the next action.
 */
export function useJobActions(onChanged: () => void) {
  const api = useApi(ingestionApiRef);
  const toastApi = useApi(coreApis.toast);
  const [pending, setPending] = useState<PendingJobAction>();
  const [refusal, setRefusal] = useState<JobActionRefusal>();

  const perform = useCallback(
    async (key: string, failure: string, action: () => Promise<void>) => {
      setPending(key);
      setRefusal(undefined);
      try {
        await action();
        onChanged();
      } catch (error) {
        setRefusal({
          title: failure,
          message: serverMessage(error),
          needsCapacity: isPaymentRequired(error),
        });
      } finally {
        setPending(undefined);
      }
    },
    [onChanged],
  );

  const runNow = useCallback(
    (job: IngestionJob) =>
      perform(`${job.id}:run`, `Could not run ${job.name}`, async () => {
        const run = await api.executeNow(job.id);
        toastApi.post({
          title: `Run of ${job.name} queued`,
          description: run.estimatedStartAt
            ? `Expected to start ${formatDayAndTime(
                run.estimatedStartAt,
                Date.now(),
              )}.`
            : 'It starts as soon as its namespace has room.',
          status: 'success',
          timeout: 6000,
        });
      }),
    [api, perform, toastApi],
  );

  const setStatus = useCallback(
    (job: IngestionJob, status: IngestionJob['status']) =>
      perform(
        `${job.id}:status`,
        `Could not ${status === 'paused' ? 'pause' : 'resume'} ${job.name}`,
        async () => {
          await api.setJobStatus(job.id, status);
          toastApi.post({
            title:
              status === 'paused'
                ? `${job.name} paused`
                : `${job.name} resumed`,
            description:
              status === 'paused'
                ? 'No new runs are scheduled until it is resumed; runs under way go on.'
                : 'Runs are scheduled again from its next occurrence.',
            status: 'success',
            timeout: 6000,
          });
        },
      ),
    [api, perform, toastApi],
  );

  const cancel = useCallback(
    (job: IngestionJob, run: IngestionRun) =>
      perform(`${run.id}:cancel`, `Could not cancel the run`, async () => {
        await api.cancelRun(job.id, run.id);
        toastApi.post({
          title: `Run of ${job.name} cancelled`,
          status: 'info',
          timeout: 6000,
        });
      }),
    [api, perform, toastApi],
  );

  return {
    pending,
    refusal,
    dismissRefusal: () => setRefusal(undefined),
    runNow,
    setStatus,
    cancel,
  };
}

/** What {@link useJobActions} gives a page. */
export type JobActions = ReturnType<typeof useJobActions>;
