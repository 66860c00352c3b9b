/**
 * Runs one benchmark step as a whole process under `/usr/bin/time -f '%e %M %U %S'` (wall
 * seconds and peak RSS in KB, as the peers' script measures the peers, plus CPU
 * seconds), timestamps every output line as it arrives, and sizes output folders.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import {
  parseProcStat,
  parseTimeOutput,
  type LogLine,
  type ProcStat,
  type SampledUsage,
  round,
} from './read-output.ts';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Every output line (stdout and stderr, merged) is written here. */
  logFile: string;
  /** Kill the step after this many seconds. */
  timeoutSeconds: number;
  /** Called for each line, e.g. to show progress. */
  onLine?: (line: LogLine) => void;
}

export interface RunResult {
  /** Wall seconds and peak RSS (KB) of the largest process in the tree, per `/usr/bin/time`. */
  seconds: number;
  peakRssKb: number;
  /** User + system CPU seconds of the tree. */
  cpuSeconds?: number;
  exitCode: number;
  timedOut: boolean;
  /** Memory and CPU of every process of the step, sampled from /proc (Linux only). */
  sampled?: SampledUsage;
  /** When the step started, in monotonic µs: the clock of `--cpu-prof` timestamps. */
  startedUs: number;
  /** Output lines with their arrival time (ms after the start); route-by-route lines are kept too. */
  lines: LogLine[];
}

/**
 * @example
 * const run = await measureCommand(process.execPath, ['scripts/build.ts', '--root', '.bench/site'], { … });
 */
export async function measureCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-time-'));
  const timeFile = path.join(dir, 'time');
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const startedUs = Number(process.hrtime.bigint() / 1000n);
  const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: LogLine[] = [];
  const collect = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => {
      const reader = createInterface({ input: stream, crlfDelay: Infinity });
      reader.on('line', (text) => {
        const line = { ms: performance.now() - started, text };
        lines.push(line);
        log.write(`${(line.ms / 1000).toFixed(3).padStart(9)} ${text}\n`);
        options.onLine?.(line);
      });
      reader.on('close', resolve);
    });
  const sampler = child.pid === undefined ? undefined : sampleProcessGroup(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutSeconds * 1000);
  const [code] = await Promise.all([
    new Promise<number>((resolve) => child.on('close', (exit) => resolve(exit ?? 1))),
    collect(child.stdout),
    collect(child.stderr),
  ]);
  clearTimeout(timer);
  const sampled = sampler?.stop();
  await new Promise((resolve) => log.end(resolve));
  const timeText = await readFile(timeFile, 'utf8').catch(() => '');
  await rm(dir, { recursive: true, force: true });
  const parsed = parseTimeOutput(timeText);
  return {
    seconds: parsed?.seconds ?? (performance.now() - started) / 1000,
    peakRssKb: parsed?.peakRssKb ?? 0,
    ...(parsed?.cpuSeconds !== undefined ? { cpuSeconds: parsed.cpuSeconds } : {}),
    exitCode: timedOut ? 124 : code,
    timedOut,
    startedUs,
    lines,
    ...(sampled ? { sampled } : {}),
  };
}

const PAGE_KB = 4;
const TICKS_PER_SECOND = 100;

async function readGroup(pgid: number): Promise<ProcStat[]> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const stats = await Promise.all(
    pids.map((pid) =>
      readFile(`/proc/${pid}/stat`, 'utf8').then(
        (text) => parseProcStat(text),
        () => undefined,
      ),
    ),
  );
  return stats.filter((stat): stat is ProcStat => stat !== undefined && stat.pgrp === pgid);
}

/**
 * Samples every process of a process group (the step runs detached, so Astro, its workers and
 * the Pagefind service all share the group) twice a second until stopped.
 */
function sampleProcessGroup(pgid: number): { stop(): SampledUsage | undefined } {
  let peakGroupKb = 0;
  let peakProcess = { comm: '', kb: 0 };
  const cpuTicks = new Map<number, number>();
  let running = false;
  const sample = async () => {
    if (running) return;
    running = true;
    try {
      const group = await readGroup(pgid);
      let sum = 0;
      for (const stat of group) {
        const kb = stat.rssPages * PAGE_KB;
        sum += kb;
        if (kb > peakProcess.kb) peakProcess = { comm: stat.comm, kb };
        cpuTicks.set(stat.pid, Math.max(cpuTicks.get(stat.pid) ?? 0, stat.cpuTicks));
      }
      peakGroupKb = Math.max(peakGroupKb, sum);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sample(), 500);
  void sample();
  return {
    stop() {
      clearInterval(timer);
      if (peakGroupKb === 0) return undefined;
      const ticks = [...cpuTicks.values()].reduce((total, value) => total + value, 0);
      return {
        peakGroupRssMb: Math.round(peakGroupKb / 1024),
        peakProcess: { comm: peakProcess.comm, rssMb: Math.round(peakProcess.kb / 1024) },
        cpuSeconds: round(ticks / TICKS_PER_SECOND, 1),
      };
    },
  };
}

export interface TreeStats {
  bytes: number;
  files: number;
  /** Files per extension (without the dot; '' for none). */
  byExtension: Record<string, { files: number; bytes: number }>;
}

/**
 * Total size and file count of a folder, recursively; undefined when it does not exist.
 *
 * @example
 * await treeStats('.bench/site/dist'); // { bytes: 412000000, files: 31000, byExtension: { html: … } }
 */
export async function treeStats(dir: string): Promise<TreeStats | undefined> {
  try {
    await stat(dir);
  } catch {
    return undefined;
  }
  const stats: TreeStats = { bytes: 0, files: 0, byExtension: {} };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const full = path.join(entry.parentPath, entry.name);
        const { size } = await stat(full);
        const ext = path.extname(entry.name).slice(1).toLowerCase();
        stats.bytes += size;
        stats.files += 1;
        const bucket = (stats.byExtension[ext] ??= { files: 0, bytes: 0 });
        bucket.files += 1;
        bucket.bytes += size;
      }),
  );
  return stats;
}

/**
 * What a built site holds: its size, files and HTML pages, and its search index's size.
 *
 * @example
 * distStats(await treeStats('dist'), await treeStats('dist/pagefind'))?.htmlFiles; // 15123
 */
export function distStats(stats: TreeStats | undefined, pagefind: TreeStats | undefined) {
  if (!stats) return undefined;
  return {
    bytes: stats.bytes,
    files: stats.files,
    htmlFiles: stats.byExtension['html']?.files ?? 0,
    byExtension: stats.byExtension,
    pagefind: pagefind ? { bytes: pagefind.bytes, files: pagefind.files } : undefined,
  };
}
