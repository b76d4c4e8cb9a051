import { spawn } from 'node:child_process';
import { liveGroupMembers, liveProcess } from './processTable';
import { terminateProcessGroup } from './terminateProcessGroup';

/*
 * Real process groups (bash and sleep, not Spark): a leader with two children, as spark-submit's JVM has its
 * Python driver. Detached, as the executor spawns runs.
 */
function spawnGroup(script: string): number {
  const child = spawn('bash', ['-c', script], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid!;
}

async function waitForMembers(pgid: number, count: number) {
  for (let i = 0; i < 100 && liveGroupMembers(pgid).length < count; i++) {
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  expect(liveGroupMembers(pgid)).toHaveLength(count);
}

describe('terminateProcessGroup', () => {
  it('ends the leader and its children with SIGTERM when they honour it', async () => {
    const pgid = spawnGroup('sleep 60 & sleep 60 & wait');
    await waitForMembers(pgid, 3);
    const started = Date.now();
    const outcome = await terminateProcessGroup(pgid, { graceMs: 3000 });
    expect(outcome).toEqual({ survivors: [], killed: false });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(liveGroupMembers(pgid)).toEqual([]);
  });

  it('kills what ignores SIGTERM once the grace period is over', async () => {
    // An ignored signal stays ignored across fork and exec: the sleeps ignore SIGTERM too.
    const pgid = spawnGroup("trap '' TERM; sleep 60 & sleep 60 & wait");
    await waitForMembers(pgid, 3);
    const started = Date.now();
    const outcome = await terminateProcessGroup(pgid, { graceMs: 300 });
    const took = Date.now() - started;
    expect(outcome).toEqual({ survivors: [], killed: true });
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(2300);
    expect(liveGroupMembers(pgid)).toEqual([]);
  });

  it('does nothing for a group that is already gone', async () => {
    const pgid = spawnGroup('exit 0');
    for (let i = 0; i < 100 && liveProcess(pgid); i++) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(await terminateProcessGroup(pgid, { graceMs: 100 })).toEqual({
      survivors: [],
      killed: false,
    });
  });
});

describe('processTable', () => {
  it('identifies a live process by pid and start time, and its group', async () => {
    const pgid = spawnGroup('sleep 60');
    const self = liveProcess(process.pid)!;
    expect(self.pid).toBe(process.pid);
    expect(self.startTime).toMatch(/\S/);
    const leader = liveProcess(pgid)!;
    expect(leader.pgid).toBe(pgid);
    expect(leader.startTime).not.toBe('');
    await terminateProcessGroup(pgid, { graceMs: 1000 });
    expect(liveProcess(pgid)).toBeUndefined();
  });
});
