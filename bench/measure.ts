/**
 * Measuring commands for the benchmarks: median wall time of a few runs and
 * the peak memory of the whole process tree (the command and, for PDFs, its
 * browser), sampled from /proc.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const runs = Number(process.env.BENCH_RUNS ?? 3);

export interface Measure {
  seconds: number;
  peakMb?: number | undefined;
}

/** Run a command `runs` times; the median wall time and the largest peak RSS (via GNU time when present). */
export function measure(command: string[], cwd: string, before?: () => void): Measure {
  const timed = spawnSync('/usr/bin/time', ['--version']).status === 0;
  const samples: number[] = [];
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    before?.();
    const args = timed ? ['-f', '%M', ...command] : command.slice(1);
    const started = process.hrtime.bigint();
    const result = spawnSync(timed ? '/usr/bin/time' : command[0]!, args, { cwd, encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
    if (timed) peak = Math.max(peak, Number(result.stderr.trim().split('\n').at(-1)) / 1024);
  }
  samples.sort((a, b) => a - b);
  return { seconds: samples[Math.floor(samples.length / 2)]!, peakMb: timed ? peak : undefined };
}

export function hasPandoc(): boolean {
  return spawnSync('pandoc', ['--version']).status === 0;
}

export function row(label: string, value: string, target = ''): string {
  return `${label.padEnd(44)} ${value.padStart(10)}   ${target}`;
}


/** Run a command once, sampling the summed memory (PSS, else RSS) of its whole process tree; wall time and that peak. */
export async function measureTree(command: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Measure> {
  const started = process.hrtime.bigint();
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const known = new Map<number, number>();
  const timer = setInterval(() => (peak = Math.max(peak, treeMemoryMb(child.pid!, known))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${command.join(' ')} failed:\n${stderr}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peak };
}

/**
 * Medians of `runs` rounds of `measureTree` over several commands, run in
 * turn within each round (ours, then a peer, then ours again…), so a slow
 * spell of a shared machine weighs on every command alike and ratios stay fair.
 */
export async function measureTreesInTurn(commands: Array<{ command: string[]; cwd: string; env?: NodeJS.ProcessEnv; before?: () => void }>): Promise<Measure[]> {
  const samples: Measure[][] = commands.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, { command, cwd, env, before }] of commands.entries()) {
      before?.();
      samples[index]!.push(await measureTree(command, cwd, env));
    }
  }
  return samples.map((measures) => {
    const seconds = measures.map((sample) => sample.seconds).sort((a, b) => a - b);
    return { seconds: seconds[Math.floor(seconds.length / 2)]!, peakMb: Math.max(...measures.map((sample) => sample.peakMb ?? 0)) };
  });
}

/** Median of `runs` runs of `measureTree`, with the largest peak. */
export async function measureTreeMedian(command: string[], cwd: string, env?: NodeJS.ProcessEnv, before?: () => void): Promise<Measure> {
  const [measure] = await measureTreesInTurn([{ command, cwd, env, before }]);
  return measure!;
}

/** Whether this kernel tells a process's proportional set size (Linux 4.14 and later). */
const hasPss = (() => {
  try {
    readFileSync('/proc/self/smaps_rollup', 'utf8');
    return true;
  } catch {
    return false;
  }
})();

/**
 * The memory of `root`'s process tree now, in MB: each process's PSS (its
 * RSS where the kernel has no PSS). A process that is exiting (a closed
 * page's renderer) has no PSS to read any more: until it is a zombie it
 * counts what it last had, in `known`, not its RSS, which would count the
 * memory it shares with the browser's other processes a second time.
 */
function treeMemoryMb(root: number, known: Map<number, number>): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      // A zombie has given all its memory back.
      if (fields[0] !== 'Z') rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid; current > 1; current = parents.get(current) ?? 0) if (current === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) {
    if (!inTree(pid)) continue;
    if (!hasPss) {
      total += bytes;
      continue;
    }
    const pss = proportional(pid) ?? known.get(pid) ?? 0;
    known.set(pid, pss);
    total += pss;
  }
  return total / 1024 / 1024;
}

/**
 * The process's proportional set size (its private memory plus its share of
 * memory shared with others), in bytes: summing RSS over Chromium's processes
 * would count the browser binary and shared memory once per process.
 */
function proportional(pid: number): number | undefined {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Run a command once without blocking this process (a server in it keeps answering); wall time, exit code and output. */
export async function timeCommand(command: string[], cwd: string): Promise<{ seconds: number; code: number | null; stdout: string }> {
  const started = process.hrtime.bigint();
  const child = spawn(command[0]!, command.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, code, stdout };
}
