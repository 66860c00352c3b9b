/**
 * What `npm run bench` leaves: the JSON report (steps as ratios to the peers, the machine, the
 * code measured) and the summary it prints (the table of steps against the peers, the site's
 * size, the search measurements, the targets and where the time goes).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { formatScores, type QueryScore } from './relevance.ts';
import { round, type PeerSummary, type StepResult } from './read-output.ts';
import { formatBytes, formatPhases, formatTable, formatTargets, ratio, type Target } from './report.ts';

/** What the cold build left in dist/. */
interface DistInfo {
  bytes: number;
  files: number;
  htmlFiles: number;
  pagefind?: { bytes: number; files: number } | undefined;
}

export interface SummaryInput {
  articles: number;
  seed: number;
  cpus: number;
  steps: readonly StepResult[];
  peers: readonly PeerSummary[];
  targets: readonly Target[];
  /** The report's other measurements, by name (`dist`, `searchQueries`, `relevance`, …). */
  extra: Readonly<Record<string, unknown>>;
  reportFile: string;
  logsDir: string;
}

/**
 * @example
 * console.log(benchSummary({ articles: 10000, seed: 1, cpus: 2, steps, peers, targets, extra, reportFile, logsDir }));
 */
export function benchSummary({
  articles,
  seed,
  cpus,
  steps,
  peers,
  targets,
  extra,
  reportFile,
  logsDir,
}: SummaryInput): string {
  const distInfo = extra['dist'] as DistInfo | undefined;
  const lines = [
    `## Benchmark: ${articles.toLocaleString('en')} articles (seed ${seed}), ${cpus} CPUs, Node ${process.version}`,
    '',
    formatTable({ articles, steps, peers }),
    '',
    distInfo
      ? `dist/ after the cold build: ${formatBytes(distInfo.bytes)}, ${distInfo.files} files (${distInfo.htmlFiles} HTML)` +
        (distInfo.pagefind
          ? `; search index dist/pagefind/: ${formatBytes(distInfo.pagefind.bytes)}, ${distInfo.pagefind.files} files`
          : '; no dist/pagefind/')
      : 'dist/: n/a',
    ...steps
      .filter((step) => step.searchIndex)
      .map(
        (step) =>
          `search index in "${step.label}": ${step.searchIndex!.pages} pages in ${step.searchIndex!.shards} shards (by time of publication), ${step.searchIndex!.indexed} indexed (the rest reused), ${step.searchIndex!.kb} KB, ${step.searchIndex!.seconds} s`,
      ),
    ...(Array.isArray(extra['searchQueries'])
      ? [
          '',
          'Search in the browser (bytes as served / gzipped, time from Enter to results):',
          ...(extra['searchQueries'] as { label: string; bytes: number; gzipBytes: number; ms?: number }[]).map(
            (step) =>
              `- ${step.label}: ${formatBytes(step.bytes)} / ${formatBytes(step.gzipBytes)}${step.ms === undefined ? '' : `, ${step.ms} ms`}`,
          ),
        ]
      : [`search queries: ${String(extra['searchQueries'] ?? 'n/a')}`]),
    '',
    ...(typeof extra['relevance'] === 'object'
      ? [
          'Search relevance (planted phrases; precision of the first ten results, recall):',
          '',
          formatScores((extra['relevance'] as { scores: QueryScore[] }).scores),
        ]
      : [`search relevance: ${String(extra['relevance'] ?? 'n/a')}`]),
    '',
    'Targets:',
    formatTargets(targets),
    '',
    'Where the time goes (seconds between milestones of the build log):',
    '',
    formatPhases(steps.filter((step) => step.phases && step.phases.length > 0)),
    '',
    `JSON report: ${reportFile}; build logs: ${logsDir}/`,
  ];
  return lines.join('\n');
}

/** The commit measured, and how many files differed from it. */
function gitState(project: string) {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: project, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--short'], { cwd: project, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean).length;
    return { commit, uncommittedFiles: dirty };
  } catch {
    return undefined;
  }
}

export interface ReportInput {
  project: string;
  articles: number;
  seed: number;
  buildTime: string;
  corpus: { root: string; articles: number; pictured: number; bytes: number; seconds: number };
  steps: readonly StepResult[];
  peers: readonly PeerSummary[];
  targets: readonly Target[];
  extra: Readonly<Record<string, unknown>>;
}

/**
 * The JSON report: every step with its ratios to the peers, the machine and the code measured.
 *
 * @example
 * await writeFile('.bench/report-10000.json', JSON.stringify(benchReport({ … }), null, 2));
 */
export function benchReport({ project, articles, seed, buildTime, corpus, steps, peers, targets, extra }: ReportInput) {
  const hugo = peers.find((peer) => peer.peer === 'hugo')?.seconds;
  const eleventy = peers.find((peer) => peer.peer === 'eleventy')?.seconds;
  return {
    articles,
    seed,
    buildTime,
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    code: gitState(project),
    corpus: { ...corpus, seconds: round(corpus.seconds, 2) },
    steps: steps.map((step) => ({
      ...step,
      vsHugo: ratio(step.seconds, hugo),
      vsEleventy: ratio(step.seconds, eleventy),
    })),
    peers,
    targets,
    ...extra,
  };
}
