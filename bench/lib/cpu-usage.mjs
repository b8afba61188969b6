import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

// Who used the CPU during a recorded window, from /proc (Linux; elsewhere `cpuWindow` answers null): the server
// under test, its PostgreSQL backends, this load generator, and everything else. On a shared 2-core machine the last
// one says whether the figures can be trusted: anything else running slows every request.

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

/** CPU time the whole machine spent busy (every core, every process, the kernel): all but idle and iowait. */
function machineBusyTicks() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return user + nice + system + irq + softirq + steal;
  } catch {
    return null;
  }
}

function processTicks() {
  const ticks = new Map();
  let pids;
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      ticks.set(pid, { ticks: Number(fields[11]) + Number(fields[12]), command });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

/**
 * Starts a window; `end()` returns the CPU used in it, in % of one core: `server` (the process `serverPid`),
 * `postgres` (backends connected to `database`), `loadGenerator` (this process) and `others` (the rest of the
 * machine's busy time: other processes, other databases, the kernel's own work).
 */
export function cpuWindow({ serverPid, database }) {
  const busyBefore = machineBusyTicks();
  const before = processTicks();
  const started = process.hrtime.bigint();
  return {
    end() {
      const after = processTicks();
      const busyAfter = machineBusyTicks();
      if (!before || !after || busyBefore === null || busyAfter === null) return null;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const used = { server: 0, postgres: 0, loadGenerator: 0 };
      for (const [pid, { ticks, command }] of after) {
        const delta = ticks - (before.get(pid)?.ticks ?? 0);
        if (delta <= 0) continue;
        if (pid === String(serverPid)) used.server += delta;
        else if (pid === String(process.pid)) used.loadGenerator += delta;
        else if (command.startsWith('postgres: ') && command.includes(` ${database} `)) used.postgres += delta;
      }
      // Everything else from the machine's total, so processes that came and went inside the window count too.
      used.others = Math.max(0, busyAfter - busyBefore - used.server - used.postgres - used.loadGenerator);
      const percent = (value) => Math.round((100 * value) / TICKS_PER_SECOND / seconds);
      return { cores: os.cpus().length, server: percent(used.server), postgres: percent(used.postgres), loadGenerator: percent(used.loadGenerator), others: percent(used.others) };
    },
  };
}
