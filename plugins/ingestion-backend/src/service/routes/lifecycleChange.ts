import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ingestionJobLifecyclePermission } from '@internal/backstage-plugin-ingestion-common';
import { Request } from 'express';
import { ResolvedCaller } from '../../tenancy/CallerResolver';

/** Promoting or sending back by hand is for platform admins (permission framework). */
export async function authorizeLifecycleChange(
  permissions: PermissionsService,
  caller: ResolvedCaller,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: ingestionJobLifecyclePermission }],
    { credentials: caller.credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      'Only platform admins may promote a job or send it back to draft by hand',
    );
  }
}

/** Runs a lifecycle change by hand as an audit event (Backstage's auditor): who, which job, and the outcome. */
export async function audited<T>(
  auditor: AuditorService,
  request: Request<any, any, any, any, any>,
  meta: { action: 'promote' | 'send-back'; jobId: string },
  change: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: 'ingestion-job-lifecycle',
    severityLevel: 'medium',
    request,
    meta,
  });
  try {
    const result = await change();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
