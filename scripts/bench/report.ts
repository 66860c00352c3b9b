/**
 * The benchmark's pure arithmetic and formatting: ratios to the peers, the targets, and the
 * Markdown tables (`read-output.ts` reads what the steps printed).
 */
import { type PeerResult, type PeerSummary, type StepResult } from './read-output.ts';

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

/** A performance target and whether this run meets it. */
export interface Target {
  target: string;
  measured: string;
  /** undefined when this run cannot tell (peer missing, wrong corpus size). */
  pass: boolean | undefined;
}

/**
 * What a newsroom would run instead of us on every commit: Hugo's news site, then Pagefind's
 * CLI over it. `undefined` unless both peers have a time.
 *
 * @example
 * newsStackSeconds([{ peer: 'hugo-news', seconds: 11.1 }, { peer: 'pagefind-cli', seconds: 13 }]); // 24.1
 */
export function newsStackSeconds(peers: readonly PeerResult[]): number | undefined {
  const seconds = (name: string) => peers.find((peer) => peer.peer === name)?.seconds;
  const [site, index] = [seconds('hugo-news'), seconds('pagefind-cli')];
  return site === undefined || index === undefined ? undefined : site + index;
}

/**
 * Checks the targets: a cold build, everything included, at most as long as Hugo's news site
 * plus Pagefind's CLI; a rebuild after editing or adding one article at most as long as Hugo's
 * floor (`hugo`); peak memory under 2 GB. They are stated at 10,000 articles (memory also at
 * 100,000); at another size the comparisons are still shown, marked as indicative.
 *
 * @example
 * evaluateTargets(10_000, steps, peers);
 */
export function evaluateTargets(
  articles: number,
  steps: readonly StepResult[],
  peers: readonly PeerResult[],
): Target[] {
  const hugo = peers.find((peer) => peer.peer === 'hugo')?.seconds;
  const newsStack = newsStackSeconds(peers);
  const step = (id: StepResult['id']) => steps.find((item) => item.id === id && item.exitCode === 0);
  const builds = steps.filter((item) => ['cold', 'unchanged', 'edit', 'add'].includes(item.id));
  const peak = (item: StepResult) => Math.max(item.peakRssMb, item.sampled?.peakGroupRssMb ?? 0);
  const peakMb = builds.length ? Math.max(...builds.map(peak)) : undefined;
  const largest = builds.length ? Math.max(...builds.map((item) => item.peakRssMb)) : undefined;
  const memory = peakMb === undefined ? 'n/a' : `${peakMb} MB (largest single process: ${largest} MB)`;
  const against = (id: StepResult['id'], theirs: number | undefined, peer: string, text: string): Target => {
    const value = ratio(step(id)?.seconds, theirs);
    return {
      target: text,
      measured:
        value === undefined
          ? 'n/a'
          : `${step(id)!.seconds.toFixed(1)} s vs ${peer} ${theirs!.toFixed(1)} s = ${formatRatio(value)}`,
      pass: value === undefined ? undefined : value <= 1,
    };
  };
  const scale = articles === 10_000 ? '' : ` (indicative: run at ${articles.toLocaleString('en')} articles)`;
  const targets: Target[] = [
    against('cold', newsStack, 'Hugo news + Pagefind', `cold build within 1× Hugo news + Pagefind${scale}`),
    against('edit', hugo, 'Hugo', `rebuild after editing one article within 1× Hugo's floor${scale}`),
    against('add', hugo, 'Hugo', `rebuild after adding one article within 1× Hugo's floor${scale}`),
    {
      target: `peak memory under 2 GB${scale}`,
      measured: memory,
      pass: peakMb === undefined ? undefined : peakMb < 2048,
    },
  ];
  const deploy = steps.find((item) => item.id === 'deploy');
  if (deploy) {
    const parts = deploy.phases?.map((phase) => `${phase.name} ${phase.seconds.toFixed(1)} s`).join(', ');
    targets.push({
      target: `a content-only commit from a warm cache to a finished deploy under 60 s${scale}`,
      measured: deploy.exitCode === 0 ? `${deploy.seconds.toFixed(1)} s (${parts})` : `failed (${parts})`,
      pass: deploy.exitCode === 0 && deploy.seconds < 60,
    });
  }
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
 * The Markdown table: our steps with their ratios to Hugo's floor and to Hugo's news site plus
 * Pagefind's CLI, then the peers. Peak RSS is `/usr/bin/time`'s (the largest process, as for the
 * peers); when the /proc sampler saw more in all processes at once (Astro plus Pagefind's
 * service), both are shown.
 *
 * @example
 * console.log(formatTable({ articles: 10_000, steps, peers }));
 */
export function formatTable({ steps, peers }: TableInput): string {
  const hugo = peers.find((peer) => peer.peer === 'hugo')?.seconds;
  const newsStack = newsStackSeconds(peers);
  const rows: string[][] = [['step', 'seconds', 'peak RSS MB', 'vs Hugo', 'vs Hugo news + Pagefind']];
  for (const step of steps) {
    const failed = step.exitCode !== 0;
    rows.push([
      `${step.label}${failed ? ` (FAILED, exit ${step.exitCode})` : ''}${step.note ? ` (${step.note})` : ''}`,
      step.seconds.toFixed(2),
      step.sampled && step.sampled.peakGroupRssMb > step.peakRssMb
        ? `${step.peakRssMb} (all processes: ${step.sampled.peakGroupRssMb})`
        : String(step.peakRssMb),
      failed ? 'n/a' : formatRatio(ratio(step.seconds, hugo)),
      failed ? 'n/a' : formatRatio(ratio(step.seconds, newsStack)),
    ]);
  }
  for (const peer of peers) {
    const runs = (peer as PeerSummary).runs;
    const names: Record<string, string> = {
      hugo: "Hugo's floor",
      'hugo-news': 'Hugo news site',
      'pagefind-cli': "Pagefind's CLI over it",
      eleventy: 'Eleventy',
    };
    const name = `${names[peer.peer] ?? peer.peer}${peer.version ? ` ${peer.version}` : ''} (peer${runs && runs.length > 1 ? `, mean of ${runs.length} runs` : ''})`;
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
 * formatTargets(targets); // '- ❌ cold build within 1× Hugo news + Pagefind: 38.1 s vs Hugo news + Pagefind 24.1 s = 1.58×'
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
