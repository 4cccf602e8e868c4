import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';

/** What one measured command did. */
export interface Measured {
  ms: number;
  /** Peak resident memory of the whole process tree, sampled every 100 ms, in bytes. */
  peakRss: number;
  /**
   * CPU time (user + system) of the command and its descendants, in ms: the larger of what the
   * kernel counts for the children waited for, and the sum of what each process of the tree had
   * used when last sampled (a process its parent does not wait for, such as Pagefind's binary
   * under its Node API, is counted only there). On a shared machine wall time depends on what
   * else runs; CPU time much less. One measured command at a time.
   */
  cpuMs: number;
  stdout: string;
  stderr: string;
  code: number;
}

/** Resident memory of a process and all its descendants, from /proc (Linux); notes each one's CPU time in `cpu`. */
function treeRss(root: number, cpu: Map<number, number>): number {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
    const used = ownCpuMs(`/proc/${pid}/stat`);
    if (used !== null) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, used));
  }
  return total;
}

/** Fields of a /proc stat file after the command name (which may hold spaces), numbered from 3 (state). */
function statFields(file: string): string[] | null {
  try {
    const stat = readFileSync(file, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // the process ended while we looked
  }
}

/** A process's own CPU time (utime + stime, every thread), in ms; clock ticks are 10 ms. */
function ownCpuMs(file: string): number | null {
  const fields = statFields(file);
  return fields ? (Number(fields[14 - 3]) + Number(fields[15 - 3])) * 10 : null;
}

/**
 * CPU time of this process's children that have ended and been waited for (cutime + cstime of
 * /proc/self/stat, in clock ticks of 10 ms), in ms.
 */
function childrenCpuMs(): number {
  const fields = statFields('/proc/self/stat')!;
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * 10;
}

/** Runs a command to completion, timing it and sampling the peak memory of its process tree. */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuMs();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    const cpu = new Map<number, number>();
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid, cpu));
    }, 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        ms: performance.now() - started,
        peakRss,
        cpuMs: Math.max(
          childrenCpuMs() - cpuBefore,
          [...cpu.values()].reduce((a, b) => a + b, 0),
        ),
        stdout,
        stderr,
        code: code ?? 1,
      });
    });
  });
}

/** Total size in bytes of the files under a folder, and how many there are. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(`${entry.parentPath}/${entry.name}`).size;
    files += 1;
  }
  return { bytes, files };
}
