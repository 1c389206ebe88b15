import { readFileSync } from 'node:fs';

/** USER_HZ, the unit of /proc/<pid>/stat's CPU times: 100 on every Linux this runs on. */
export const clockTicksPerSecond = 100;

/** User and system CPU time a process has used so far, in milliseconds (Linux); undefined once it is gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name (which may hold spaces) in parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}
