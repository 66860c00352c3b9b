/**
 * The benchmark's summary as printed at the end of `npm run bench`: the table of steps against
 * the peers, the site's size, the search measurements, the targets and where the time goes.
 */
import { formatScores, type QueryScore } from './relevance.ts';
import { formatBytes, formatPhases, formatTable, formatTargets, type Target } from './report.ts';
import { type PeerSummary, type StepResult } from './read-output.ts';

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
