import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** One process as the operating system lists it. */
export interface ProcessEntry {
  pid: number;
  pgid: number;
  /** Exited but not yet reaped: holds no memory or CPU, and counts as gone. */
  zombie: boolean;
  /**
   * When the process started, in the system's own form (clock ticks since boot on Linux). Together with the pid
   * it identifies a process across a backend restart: a recycled pid has another start time.
   */
  startTime: string;
}

const HAS_PROC = fs.existsSync('/proc/self/stat');

/** Every process of the machine: from /proc on Linux, from `ps` elsewhere. */
export function listProcesses(): ProcessEntry[] {
  return HAS_PROC ? listFromProc() : listFromPs();
}

/** The process with this pid, unless it is gone (or a zombie). */
export function liveProcess(pid: number): ProcessEntry | undefined {
  const entry = HAS_PROC
    ? readProcStat(pid)
    : listFromPs().find(p => p.pid === pid);
  return entry && !entry.zombie ? entry : undefined;
}

/**
 * Pids of the live members of a process group. A group id stays reserved while any member exists, so members of
 * a run's group are that run's processes. Zombies are left out: an orphan whose new parent never reaps it (PID 1
 * of some containers) stays listed as a zombie, but it is gone in every way that matters.
 */
export function liveGroupMembers(pgid: number): number[] {
  return listProcesses()
    .filter(p => p.pgid === pgid && !p.zombie)
    .map(p => p.pid);
}

function listFromProc(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (/^\d+$/.test(name)) {
      const entry = readProcStat(Number(name));
      if (entry) {
        entries.push(entry);
      }
    }
  }
  return entries;
}

function readProcStat(pid: number): ProcessEntry | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp ... starttime(22nd) ...": comm may hold spaces and parentheses, so split after
  // its last ")". Field 3 (state) is then index 0, field 5 (pgrp) index 2, field 22 (starttime) index 19.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    pgid: Number(fields[2]),
    zombie: fields[0] === 'Z' || fields[0] === 'X',
    startTime: fields[19],
  };
}

function listFromPs(): ProcessEntry[] {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,pgid=,stat=,lstart='], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .map(line => line.trim().match(/^(\d+)\s+(\d+)\s+(\S+)\s+(.+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map(m => ({
      pid: Number(m[1]),
      pgid: Number(m[2]),
      zombie: m[3].startsWith('Z'),
      startTime: m[4],
    }));
}
