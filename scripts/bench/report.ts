/**
 * The benchmark's pure arithmetic and formatting: `/usr/bin/time` output, build phases from
 * timestamped Astro log lines, peers' JSON lines, ratios to Hugo and Eleventy, the issue's
 * targets, and the Markdown table.
 */

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
  id: 'cold' | 'unchanged' | 'edit' | 'add' | 'search' | 'import';
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

/**
 * Phases of several builds side by side: one row per phase, one column per step.
 *
 * @example
 * formatPhases([cold, unchanged]);
 */
export function formatPhases(steps: readonly StepResult[]): string {
  const names: string[] = [];
  for (const step of steps)
    for (const phase of step.phases ?? []) if (!names.includes(phase.name)) names.push(phase.name);
  const header = ['phase (s)', ...steps.map((step) => step.label.replace(/^\d+\.\s*/, ''))];
  const rows = names.map((name) => [
    name,
    ...steps.map((step) => {
      const phase = step.phases?.find((item) => item.name === name);
      return phase ? phase.seconds.toFixed(2) : '';
    }),
  ]);
  rows.push(['total (wall)', ...steps.map((step) => step.seconds.toFixed(2))]);
  rows.push([
    'CPU seconds, all processes (sampled)',
    ...steps.map((step) => (step.sampled?.cpuSeconds ?? step.cpuSeconds)?.toFixed(1) ?? 'n/a'),
  ]);
  rows.push(['peak RSS MB, largest process (/usr/bin/time)', ...steps.map((step) => String(step.peakRssMb))]);
  rows.push([
    'peak RSS MB, all processes at once (sampled)',
    ...steps.map((step) => (step.sampled ? `${step.sampled.peakGroupRssMb}` : 'n/a')),
  ]);
  rows.push(['load average when started', ...steps.map((step) => step.loadBefore?.toFixed(2) ?? 'n/a')]);
  return markdownTable([header, ...rows], [false, ...steps.map(() => true)]);
}

/**
 * ours / theirs, or undefined when either side is missing or zero.
 *
 * @example
 * ratio(30, 10); // 3
 */
export function ratio(ours: number | undefined, theirs: number | undefined): number | undefined {
  if (ours === undefined || theirs === undefined || !(theirs > 0) || !Number.isFinite(ours)) return undefined;
  return ours / theirs;
}

/**
 * @example
 * formatRatio(2.345); // '2.35×'
 * formatRatio(undefined); // 'n/a'
 */
export function formatRatio(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(2)}×`;
}

/**
 * @example
 * formatBytes(1_572_864); // '1.5 MB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A performance target and whether this run meets it. */
export interface Target {
  target: string;
  measured: string;
  /** undefined when this run cannot tell (peer missing, wrong corpus size). */
  pass: boolean | undefined;
}

/**
 * Checks the issue's targets. They are stated at 10,000 articles (memory also at 100,000);
 * at another size the comparisons are still shown, marked as indicative.
 *
 * @example
 * evaluateTargets(10_000, steps, peers);
 */
export function evaluateTargets(
  articles: number,
  steps: readonly StepResult[],
  peers: readonly PeerResult[],
): Target[] {
  const hugo = peers.find((peer) => peer.peer === 'hugo' && peer.seconds !== undefined);
  const step = (id: StepResult['id']) => steps.find((item) => item.id === id && item.exitCode === 0);
  const builds = steps.filter((item) => ['cold', 'unchanged', 'edit', 'add'].includes(item.id));
  const peak = (item: StepResult) => Math.max(item.peakRssMb, item.sampled?.peakGroupRssMb ?? 0);
  const peakMb = builds.length ? Math.max(...builds.map(peak)) : undefined;
  const largest = builds.length ? Math.max(...builds.map((item) => item.peakRssMb)) : undefined;
  const memory = peakMb === undefined ? 'n/a' : `${peakMb} MB (largest single process: ${largest} MB)`;
  const against = (id: StepResult['id'], limit: number, text: string): Target => {
    const value = ratio(step(id)?.seconds, hugo?.seconds);
    return {
      target: text,
      measured:
        value === undefined
          ? 'n/a'
          : `${step(id)!.seconds.toFixed(1)} s vs Hugo ${hugo!.seconds!.toFixed(1)} s = ${formatRatio(value)}`,
      pass: value === undefined ? undefined : value <= limit,
    };
  };
  const scale = articles === 10_000 ? '' : ` (indicative: run at ${articles.toLocaleString('en')} articles)`;
  const targets: Target[] = [
    against('cold', 2, `cold build within 2× Hugo's full build${scale}`),
    against('edit', 1, `rebuild after editing one article faster than Hugo's full build${scale}`),
    against('add', 1, `rebuild after adding one article faster than Hugo's full build${scale}`),
    {
      target: `peak memory under 2 GB${scale}`,
      measured: memory,
      pass: peakMb === undefined ? undefined : peakMb < 2048,
    },
  ];
  if (articles >= 100_000) {
    targets.push({
      target: 'at 100,000 articles the build completes within 24 GB',
      measured: memory,
      pass: peakMb === undefined || step('cold') === undefined ? false : peakMb < 24 * 1024,
    });
  }
  return targets;
}

/** What the table needs about one run. */
export interface TableInput {
  articles: number;
  steps: readonly StepResult[];
  peers: readonly PeerResult[];
}

/**
 * The Markdown table: our steps with their ratios to each peer's full build, then the peers.
 * Peak RSS is `/usr/bin/time`'s (the largest process, as for the peers); when the /proc
 * sampler saw more in all processes at once (Astro plus Pagefind's service), both are shown.
 *
 * @example
 * console.log(formatTable({ articles: 10_000, steps, peers }));
 */
export function formatTable({ steps, peers }: TableInput): string {
  const hugo = peers.find((peer) => peer.peer === 'hugo')?.seconds;
  const eleventy = peers.find((peer) => peer.peer === 'eleventy')?.seconds;
  const rows: string[][] = [['step', 'seconds', 'peak RSS MB', 'vs Hugo', 'vs Eleventy']];
  for (const step of steps) {
    const failed = step.exitCode !== 0;
    rows.push([
      `${step.label}${failed ? ` (FAILED, exit ${step.exitCode})` : ''}${step.note ? ` (${step.note})` : ''}`,
      step.seconds.toFixed(2),
      step.sampled && step.sampled.peakGroupRssMb > step.peakRssMb
        ? `${step.peakRssMb} (all processes: ${step.sampled.peakGroupRssMb})`
        : String(step.peakRssMb),
      failed ? 'n/a' : formatRatio(ratio(step.seconds, hugo)),
      failed ? 'n/a' : formatRatio(ratio(step.seconds, eleventy)),
    ]);
  }
  for (const peer of peers) {
    const runs = (peer as PeerSummary).runs;
    const name = `${peer.peer === 'hugo' ? 'Hugo' : peer.peer === 'eleventy' ? 'Eleventy' : peer.peer}${peer.version ? ` ${peer.version}` : ''} full build (peer${runs && runs.length > 1 ? `, mean of ${runs.length} runs` : ''})`;
    if (peer.error !== undefined || peer.seconds === undefined) {
      rows.push([`${name}: ${peer.error ?? 'no result'}`, 'n/a', 'n/a', '', '']);
    } else {
      rows.push([name, peer.seconds.toFixed(2), String(peer.peak_rss_mb ?? 'n/a'), '', '']);
    }
  }
  return markdownTable(rows, [false, true, true, true, true]);
}

/**
 * @example
 * formatTargets(targets); // '- ✅ cold build within 2× …: 40.1 s vs Hugo 25.0 s = 1.60×'
 */
export function formatTargets(targets: readonly Target[]): string {
  return targets
    .map(({ target, measured, pass }) => `- ${pass === undefined ? '❔' : pass ? '✅' : '❌'} ${target}: ${measured}`)
    .join('\n');
}

/**
 * A Markdown table with padded columns; `right` marks right-aligned columns.
 *
 * @example
 * markdownTable([['a', 'b'], ['1', '2']], [false, true]);
 */
export function markdownTable(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(3, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const pad = (text: string, column: number) => {
    const gap = ' '.repeat(widths[column]! - [...text].length);
    return right[column] ? gap + text : text + gap;
  };
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => pad(cell, column)).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (right[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}
