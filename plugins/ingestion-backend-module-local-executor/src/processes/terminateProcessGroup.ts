import { liveGroupMembers } from './processTable';

const POLL_MS = 50;

/**
 * Stops every process of a group: SIGTERM first, so Spark's shutdown hooks can close the event log and delete
 * their temporary files, then SIGKILL for whatever is still alive after the grace period. Resolves once no live
 * member is left, or after `graceMs + killWaitMs` with the pids that survived (which a caller reports).
 */
export async function terminateProcessGroup(
  pgid: number,
  options: { graceMs: number; killWaitMs?: number },
): Promise<{ survivors: number[]; killed: boolean }> {
  if (liveGroupMembers(pgid).length === 0) {
    return { survivors: [], killed: false };
  }
  signalGroup(pgid, 'SIGTERM');
  if (await waitUntilEmpty(pgid, options.graceMs)) {
    return { survivors: [], killed: false };
  }
  signalGroup(pgid, 'SIGKILL');
  await waitUntilEmpty(pgid, options.killWaitMs ?? 2000);
  return { survivors: liveGroupMembers(pgid), killed: true };
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch (error: any) {
    // ESRCH: every member exited meanwhile.
    if (error?.code !== 'ESRCH') {
      throw error;
    }
  }
}

async function waitUntilEmpty(
  pgid: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (liveGroupMembers(pgid).length === 0) {
      return true;
    }
    if (Date.now() >= deadline) {
      return false;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}
