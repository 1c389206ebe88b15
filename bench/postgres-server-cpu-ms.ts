import { readdirSync, readFileSync } from 'node:fs';
import { clockTicksPerSecond } from './process-cpu-ms';

interface PostgresProcess {
  pid: number;
  parent: number;
  stat: string[];
}

function postgresProcesses(): PostgresProcess[] {
  const found: PostgresProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.push({ pid: Number(entry), parent: Number(fields[1]), stat: fields });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return found;
}

/**
 * CPU milliseconds every PostgreSQL server on this machine has spent so far: each postmaster, its live server
 * processes, and (from the postmaster's own accounting) those that have exited, so a connection closed during a
 * round still counts. Undefined when no server runs here (REFUNDS_TEST_DATABASE_URL naming another machine).
 */
export function postgresServerCpuMs(): number | undefined {
  const processes = postgresProcesses();
  const pids = new Set(processes.map((process) => process.pid));
  const postmasters = processes.filter((process) => !pids.has(process.parent));
  if (postmasters.length === 0) return undefined;
  // Fields 14 and 15 of /proc/<pid>/stat: the process's own user and system time; 16 and 17 on a postmaster: its
  // exited children's.
  let ticks = 0;
  for (const { stat } of processes) ticks += Number(stat[11]) + Number(stat[12]);
  for (const { stat } of postmasters) ticks += Number(stat[13]) + Number(stat[14]);
  return (ticks * 1000) / clockTicksPerSecond;
}
