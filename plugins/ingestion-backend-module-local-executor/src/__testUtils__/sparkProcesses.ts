import { execFileSync } from 'node:child_process';

/**
 * Processes as `ps` lists them: the tests check the executor's process handling with the system's own tool, not
 * with the executor's /proc reader.
 */
function ps(): Array<{
  pid: number;
  pgid: number;
  stat: string;
  args: string;
}> {
  return execFileSync('ps', ['-A', '-o', 'pid=,pgid=,stat=,args='], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
    .split('\n')
    .map(line => line.trim().match(/^(\d+)\s+(\d+)\s+(\S+)\s*(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map(m => ({
      pid: Number(m[1]),
      pgid: Number(m[2]),
      stat: m[3],
      args: m[4],
    }));
}

/** Live (not zombie) processes of a process group, with their command lines. */
export function liveProcessesOfGroup(pgid: number) {
  return ps().filter(p => p.pgid === pgid && !p.stat.startsWith('Z'));
}

/** Live Spark driver JVMs (SparkSubmit) whose command line names this job.json. */
export function sparkSubmitJvmsFor(jobFile: string) {
  return ps().filter(
    p =>
      !p.stat.startsWith('Z') &&
      p.args.includes('org.apache.spark.deploy.SparkSubmit') &&
      p.args.includes(jobFile),
  );
}
