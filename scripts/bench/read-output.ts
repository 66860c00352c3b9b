/**
 * Reading what a benchmark step printed: `/usr/bin/time` output, the /proc sampler's figures,
 * build phases from timestamped Astro log lines, the peers' JSON lines and the search index's
 * log line, and the record each step leaves.
 */

/**
 * @example
 * round(1.2345, 2); // 1.23
 */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** One output line of a step, with its arrival time in ms after the step started. */
export interface LogLine {
  ms: number;
  text: string;
}

/** What `/usr/bin/time` reports about a process tree. */
export interface TimeOutput {
  seconds: number;
  peakRssKb: number;
  /** User + system CPU seconds of the tree (with `-f '%e %M %U %S'`): less sensitive than wall time to other jobs. */
  cpuSeconds?: number;
}

/**
 * Reads `/usr/bin/time -f '%e %M'` or `-f '%e %M %U %S'` output (the last line; a failing
 * command adds a "Command exited with non-zero status" line before it).
 *
 * @example
 * parseTimeOutput('12.34 456789\n'); // { seconds: 12.34, peakRssKb: 456789 }
 * parseTimeOutput('12.34 456789 20.50 1.50\n'); // { seconds: 12.34, peakRssKb: 456789, cpuSeconds: 22 }
 */
export function parseTimeOutput(text: string): TimeOutput | undefined {
  const last = text
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+(\.\d+)?\s+\d+(\s+\d+(\.\d+)?\s+\d+(\.\d+)?)?$/.test(line))
    .pop();
  if (!last) return undefined;
  const [seconds, kb, user, system] = last.split(/\s+/).map(Number);
  return {
    seconds: seconds!,
    peakRssKb: kb!,
    ...(user !== undefined && system !== undefined ? { cpuSeconds: round(user + system, 2) } : {}),
  };
}

/** The fields of `/proc/<pid>/stat` the memory sampler needs. */
export interface ProcStat {
  pid: number;
  comm: string;
  pgrp: number;
  /** User + system CPU, in clock ticks (usually 1/100 s). */
  cpuTicks: number;
  /** Resident set size in pages. */
  rssPages: number;
}

/**
 * Parses `/proc/<pid>/stat` (the command name may hold spaces and parentheses: fields are
 * counted after the last `)`).
 *
 * @example
 * parseProcStat('42 (node) S 1 42 42 0 -1 0 0 0 0 0 150 50 0 0 20 0 7 0 100 999 2500'); // { pid: 42, pgrp: 42, cpuTicks: 200, rssPages: 2500, … }
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  const open = text.indexOf('(');
  if (close < 0 || open < 0) return undefined;
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state): field n is rest[n - 3].
  const field = (n: number) => Number(rest[n - 3]);
  const stat = {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    pgrp: field(5),
    cpuTicks: field(14) + field(15),
    rssPages: field(24),
  };
  return Number.isFinite(stat.pid) && Number.isFinite(stat.rssPages) && Number.isFinite(stat.cpuTicks)
    ? stat
    : undefined;
}

/** A build phase: the time between two milestones of Astro's log. */
export interface Phase {
  name: string;
  seconds: number;
}

// Each milestone ends the phase named beside it. Astro prints "HH:MM:SS [tag] message".
const MILESTONES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'startup (Node, config, Vite server)', pattern: /\[content\] Syncing content/ },
  { name: 'content sync (article loader: parse, validate, Markdown)', pattern: /\[content\] Synced content/ },
  { name: 'types + build info', pattern: /\[build\] Building (static|server) entrypoints/ },
  { name: 'bundle (Vite)', pattern: /generating static routes/ },
  // Astro closes the pages with "✓ Completed in …", then optimises images if any page has one.
  { name: 'render pages (getStaticPaths + HTML)', pattern: /generating optimized images|^✓ Completed in/ },
];
const KNOWN_TAGS = new Set(['content', 'types', 'build', 'vite', 'WARN', 'ERROR', 'news-archive-articles']);

/**
 * Splits a build's wall time into phases from the arrival times of Astro's milestone lines.
 * Lines written by integrations after the pages and Astro's images (sitemap, redirects, and,
 * once Astro has exited, pictures and search index) each close a phase named after the
 * integration's tag.
 *
 * @example
 * buildPhases(lines, 61.2); // [{ name: 'startup …', seconds: 2.1 }, { name: 'content sync …', seconds: 14.8 }, …]
 */
export function buildPhases(lines: readonly LogLine[], totalSeconds: number): Phase[] {
  const points: { name: string; ms: number }[] = [];
  let next = 0;
  let afterImages = false;
  let imagesClosed = false;
  for (const line of lines) {
    const text = stripAnsi(line.text)
      .replace(/^\d\d:\d\d:\d\d\s+/, '')
      .trim();
    const milestone = MILESTONES[next];
    if (milestone && milestone.pattern.test(text)) {
      points.push({ name: milestone.name, ms: line.ms });
      next++;
      if (next === MILESTONES.length) afterImages = true;
      continue;
    }
    if (!afterImages) continue;
    if (!imagesClosed && /^✓ Completed in/.test(text)) {
      points.push({ name: 'optimise images', ms: line.ms });
      imagesClosed = true;
      continue;
    }
    const tag = /^\[([^\]]+)\]/.exec(text)?.[1];
    if (/^\[build\] Complete!/.test(text)) {
      // Steps `npm run build` runs after Astro exits (the search index) log with a tag too.
      points.push({ name: 'other build:done work', ms: line.ms });
      continue;
    }
    if (tag && !KNOWN_TAGS.has(tag)) points.push({ name: `integration ${tag}`, ms: line.ms });
  }
  const phases: Phase[] = [];
  let previous = 0;
  for (const point of points) {
    phases.push({ name: point.name, seconds: round((point.ms - previous) / 1000, 2) });
    previous = point.ms;
  }
  if (points.length > 0) {
    phases.push({ name: 'exit', seconds: round(Math.max(0, totalSeconds - previous / 1000), 2) });
  }
  // Two lines from one integration (e.g. a start and an end message) make two phases of the same name: merge.
  return phases.reduce<Phase[]>((out, phase) => {
    const same = out.find((item) => item.name === phase.name);
    if (same) same.seconds = round(same.seconds + phase.seconds, 2);
    else out.push({ ...phase });
    return out;
  }, []);
}

/**
 * @example
 * stripAnsi('\u001b[32mok\u001b[39m'); // 'ok'
 */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** A line of `peers.sh` output. */
export interface PeerResult {
  peer: string;
  version?: string;
  articles?: number;
  seconds?: number;
  peak_rss_mb?: number;
  error?: string;
}

/**
 * The JSON lines of `peers.sh` output; other lines are ignored.
 *
 * @example
 * parsePeers('{"peer":"hugo","seconds":9.5}\n'); // [{ peer: 'hugo', seconds: 9.5 }]
 */
export function parsePeers(output: string): PeerResult[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        const value = JSON.parse(line) as PeerResult;
        return typeof value.peer === 'string' ? [value] : [];
      } catch {
        return [];
      }
    });
}

/** A peer over several runs: mean seconds, highest peak RSS, every run's seconds. */
export interface PeerSummary extends PeerResult {
  runs?: number[];
}

/**
 * Folds several `peers.sh` runs into one result per peer: the mean time (runs bracket our
 * steps, so the mean sees the same machine load), the highest peak RSS. A peer that failed
 * in every run keeps its first error.
 *
 * @example
 * aggregatePeers([[{ peer: 'hugo', seconds: 9 }], [{ peer: 'hugo', seconds: 11 }]]);
 * // [{ peer: 'hugo', seconds: 10, runs: [9, 11] }]
 */
export function aggregatePeers(runs: readonly (readonly PeerResult[])[]): PeerSummary[] {
  const names: string[] = [];
  for (const run of runs) for (const peer of run) if (!names.includes(peer.peer)) names.push(peer.peer);
  return names.map((name) => {
    const results = runs.flatMap((run) => run.filter((peer) => peer.peer === name));
    const ok = results.filter((peer) => peer.error === undefined && peer.seconds !== undefined);
    if (ok.length === 0) return { ...results[0]!, runs: [] };
    const seconds = ok.map((peer) => peer.seconds!);
    const rss = ok.map((peer) => peer.peak_rss_mb).filter((mb): mb is number => mb !== undefined);
    return {
      ...ok[0]!,
      seconds: round(seconds.reduce((sum, value) => sum + value, 0) / seconds.length, 2),
      ...(rss.length ? { peak_rss_mb: Math.max(...rss) } : {}),
      runs: seconds,
    };
  });
}

/** What the /proc sampler saw over one step. */
export interface SampledUsage {
  peakGroupRssMb: number;
  /** The largest single process, e.g. `node 1480` or `pagefind_extend 2560`. */
  peakProcess: { comm: string; rssMb: number };
  cpuSeconds: number;
}

/** One measured step of our build. */
export interface StepResult {
  id: 'cold' | 'unchanged' | 'edit' | 'add' | 'deploy' | 'search' | 'import';
  label: string;
  seconds: number;
  peakRssMb: number;
  /** User + system CPU seconds of the whole process tree. */
  cpuSeconds?: number;
  /**
   * From sampling /proc every half second: the highest sum of RSS over every process of the
   * step (Astro and the Pagefind service at once), and CPU seconds including processes that
   * `/usr/bin/time` never sees because nobody waits for them (Pagefind's service).
   */
  sampled?: SampledUsage;
  exitCode: number;
  phases?: Phase[];
  note?: string;
  /** Build log, relative to the project. */
  log?: string;
  /** Pages Astro reported building. */
  pages?: number;
  /** What the search-index integration logged, when it did. */
  searchIndex?: SearchIndexLog;
  /** The article edited or added before this step. */
  changed?: string;
  /** One-minute load average when the step started (other jobs on a shared machine skew times). */
  loadBefore?: number;
}

/**
 * The search-index integration's log line:
 * "Chỉ mục tìm kiếm: N bài viết, Y phần (lập lại I, dùng lại R từ bộ nhớ đệm), K KB, S giây".
 */
export interface SearchIndexLog {
  pages: number;
  /** Shards (years) in the index. */
  shards: number;
  /** Shards indexed by this build; the others were reused from the cache. */
  indexed: number;
  kb: number;
  seconds: number;
}

/**
 * @example
 * parseSearchIndexLog(['[news-archive-search-index] Chỉ mục tìm kiếm: 10 bài viết, 2 phần (lập lại 1, dùng lại 1 từ bộ nhớ đệm), 42 KB, 1.5 giây']);
 * // { pages: 10, shards: 2, indexed: 1, kb: 42, seconds: 1.5 }
 */
export function parseSearchIndexLog(lines: readonly string[]): SearchIndexLog | undefined {
  for (const line of lines) {
    const match =
      /Chỉ mục tìm kiếm: (\d+) bài viết, (\d+) phần \(lập lại (\d+), dùng lại \d+ từ bộ nhớ đệm\), (\d+) KB, ([\d.]+) giây/.exec(
        line,
      );
    if (match) {
      const [pages, shards, indexed, kb, seconds] = match.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
        number,
      ];
      return { pages, shards, indexed, kb, seconds };
    }
  }
  return undefined;
}
