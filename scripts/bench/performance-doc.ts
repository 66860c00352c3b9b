/**
 * `node scripts/bench/performance-doc.ts [REPORT.json] [--doc docs/performance.md]`
 *
 * Rewrites the benchmark table of `docs/performance.md` (the lines between
 * {@link TABLE_START} and {@link TABLE_END}) from a JSON report of `npm run bench`; without
 * a report named, the newest `.bench/report-*.json`. The rest of the document is left as it is.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, formatRatio, markdownTable, ratio } from './report.ts';

/** The marker lines the table is written between. */
export const TABLE_START = '<!-- bench-table:start -->';
export const TABLE_END = '<!-- bench-table:end -->';

/** One measured step of the report, as `npm run bench` writes it. */
export interface ReportStep {
  /** `cold`, `edit`, `deploy`, …: what the step measured. */
  id?: string;
  label: string;
  seconds: number;
  peakRssMb: number;
  exitCode: number;
  note?: string;
  sampled?: { peakGroupRssMb: number };
  /** The step's parts: a build's phases, or the deploy step's commands. */
  phases?: { name: string; seconds: number }[];
}

/** One peer of the report (the mean over its runs). */
export interface ReportPeer {
  peer: string;
  version?: string;
  seconds?: number;
  peak_rss_mb?: number;
  runs?: number[];
  error?: string;
}

/** The parts of a `.bench/report-*.json` the table shows. */
export interface BenchReport {
  articles: number;
  seed?: number;
  measuredAt?: string;
  machine?: { cpus?: number; memoryGb?: number; node?: string };
  code?: { commit?: string; uncommittedFiles?: number };
  steps: ReportStep[];
  peers: ReportPeer[];
  dist?: { bytes: number; files: number; htmlFiles: number };
  searchQueries?: unknown;
  /** Step 7: the planted-phrase queries' mean precision of the first ten results and recall. */
  relevance?: unknown;
}

/** How each peer of `peers.sh` is named in the table. */
const PEER_NAMES: Record<string, string> = {
  hugo: 'Hugo floor site',
  'hugo-news': 'Hugo news site',
  'pagefind-cli': "Pagefind's CLI over the Hugo news site",
  eleventy: 'Eleventy floor site',
};

/** A reference time the steps are compared with: a peer, or Hugo's news site plus Pagefind's CLI. */
interface Reference {
  heading: string;
  seconds: number;
}

function references(peers: readonly ReportPeer[]): Reference[] {
  const ok = (name: string) => peers.find((peer) => peer.peer === name && peer.error === undefined && peer.seconds);
  const out: Reference[] = [];
  const hugo = ok('hugo');
  if (hugo) out.push({ heading: 'vs Hugo floor', seconds: hugo.seconds! });
  const news = ok('hugo-news');
  if (news) out.push({ heading: 'vs Hugo news', seconds: news.seconds! });
  const pagefind = ok('pagefind-cli');
  // What a newsroom would run instead on every commit: Hugo's news site, then Pagefind over it.
  if (news && pagefind) out.push({ heading: 'vs Hugo news + Pagefind', seconds: news.seconds! + pagefind.seconds! });
  const eleventy = ok('eleventy');
  if (eleventy) out.push({ heading: 'vs Eleventy', seconds: eleventy.seconds! });
  return out;
}

function peerName(peer: ReportPeer): string {
  const name = PEER_NAMES[peer.peer] ?? peer.peer;
  const runs = peer.runs && peer.runs.length > 1 ? `, mean of ${peer.runs.length} runs` : '';
  return `${name}${peer.version ? ` ${peer.version}` : ''} (peer${runs})`;
}

function relevanceLine(relevance: unknown): string[] {
  const value = relevance as { queries?: unknown; precisionAt10?: unknown; recall?: unknown } | undefined;
  if (
    typeof value?.queries !== 'number' ||
    typeof value.precisionAt10 !== 'number' ||
    typeof value.recall !== 'number'
  ) {
    return [];
  }
  return [
    `- Search relevance, ${value.queries} queries for planted phrases: precision of the first ten results ${value.precisionAt10.toFixed(2)}, recall ${value.recall.toFixed(2)} (means).`,
  ];
}

function deployLine(steps: readonly ReportStep[]): string[] {
  const step = steps.find((item) => item.id === 'deploy');
  if (!step?.phases) return [];
  const parts = step.phases.map((phase) => `${phase.name} ${phase.seconds.toFixed(1)} s`).join(', ');
  const outcome = step.exitCode === 0 ? `${step.seconds.toFixed(1)} s` : `failed (exit ${step.exitCode})`;
  const sent = step.note ? ` ${step.note}` : '';
  return [
    `- A content-only commit from a warm cache to a finished deploy on a local S3 store: ${outcome} (${parts}); the target is under 60 s.${sent}`,
  ];
}

function searchLines(queries: unknown): string[] {
  if (!Array.isArray(queries)) return [];
  return queries.flatMap(
    (step: { label?: unknown; bytes?: unknown; gzipBytes?: unknown; ms?: unknown; msRange?: unknown }) =>
      typeof step.label === 'string' && typeof step.bytes === 'number' && typeof step.gzipBytes === 'number'
        ? [
            `  - ${step.label}: ${formatBytes(step.bytes)} (${formatBytes(step.gzipBytes)} gzipped)` +
              (typeof step.ms === 'number' ? `, ${step.ms} ms` : '') +
              (Array.isArray(step.msRange) ? ` (median; ${step.msRange.join(' to ')} ms)` : ''),
          ]
        : [],
  );
}

/**
 * The Markdown written between the markers: when and what was measured, the table of our
 * steps with their ratios to each peer, then the peers themselves, `dist/` and search.
 *
 * @example
 * performanceTable({ articles: 10_000, steps: [{ label: '1. cold build', seconds: 90, peakRssMb: 1200, exitCode: 0 }],
 *   peers: [{ peer: 'hugo', seconds: 9 }] });
 * // 'Measured …\n\n| step | seconds | peak RSS MB … | vs Hugo floor |\n…| 10.00× |\n…'
 */
export function performanceTable(report: BenchReport): string {
  const refs = references(report.peers);
  const rows: string[][] = [
    ['step', 'seconds', 'peak RSS MB, largest process (all processes)', ...refs.map((ref) => ref.heading)],
  ];
  for (const step of report.steps) {
    const failed = step.exitCode !== 0;
    const all = step.sampled?.peakGroupRssMb;
    rows.push([
      // The deploy step's note, what the deploy sent, is a line of its own below.
      `${step.label}${failed ? ` (FAILED, exit ${step.exitCode})` : ''}${step.note && step.id !== 'deploy' ? ` (${step.note})` : ''}`,
      step.seconds.toFixed(1),
      all !== undefined && all > step.peakRssMb ? `${step.peakRssMb} (${all})` : String(step.peakRssMb),
      ...refs.map((ref) => (failed ? 'n/a' : formatRatio(ratio(step.seconds, ref.seconds)))),
    ]);
  }
  for (const peer of report.peers) {
    const failed = peer.error !== undefined || peer.seconds === undefined;
    rows.push([
      failed ? `${peerName(peer)}: ${peer.error ?? 'no result'}` : peerName(peer),
      failed ? 'n/a' : peer.seconds!.toFixed(1),
      failed ? 'n/a' : String(peer.peak_rss_mb ?? 'n/a'),
      ...refs.map(() => ''),
    ]);
  }
  const machine = report.machine;
  const context = [
    `${report.articles.toLocaleString('en')} articles${report.seed === undefined ? '' : ` (seed ${report.seed})`}`,
    report.measuredAt ? `measured ${report.measuredAt.slice(0, 10)}` : undefined,
    report.code?.commit
      ? `commit ${report.code.commit}${report.code.uncommittedFiles ? ` with ${report.code.uncommittedFiles} uncommitted files` : ''}`
      : undefined,
    machine?.cpus ? `${machine.cpus} CPUs` : undefined,
    machine?.memoryGb ? `${machine.memoryGb} GB of memory` : undefined,
    machine?.node ? `Node ${machine.node}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const details = [
    ...(report.dist
      ? [
          `- \`dist/\` after the cold build: ${formatBytes(report.dist.bytes)}, ${report.dist.files.toLocaleString('en')} files (${report.dist.htmlFiles.toLocaleString('en')} HTML pages).`,
        ]
      : []),
    ...(searchLines(report.searchQueries).length > 0
      ? [
          '- Search in Chromium on loopback (bytes fetched, time from Enter, or from the last key typed, to results):',
          ...searchLines(report.searchQueries),
        ]
      : []),
    ...relevanceLine(report.relevance),
    ...deployLine(report.steps),
  ];
  const ratios = refs.length > 0 ? ' Ratios are our time divided by the reference time (below 1 is faster).' : '';
  return [
    `${context.join(', ')}.${ratios}`,
    '',
    markdownTable(rows, [false, true, true, ...refs.map(() => true)]),
    ...(details.length > 0 ? ['', ...details] : []),
  ].join('\n');
}

/**
 * Replaces what lies between the marker lines of `doc` with `block`. Throws when the markers
 * are missing or out of order, so a document is never rewritten in the wrong place.
 *
 * @example
 * replaceBetweenMarkers(`a\n${TABLE_START}\nold\n${TABLE_END}\nb`, 'new');
 * // `a\n${TABLE_START}\n\nnew\n\n${TABLE_END}\nb`
 */
export function replaceBetweenMarkers(doc: string, block: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`the document has no "${TABLE_START}" line followed by a "${TABLE_END}" line`);
  }
  // Blank lines around the block, as prettier formats Markdown.
  return `${doc.slice(0, start + TABLE_START.length)}\n\n${block}\n\n${doc.slice(end)}`;
}

/**
 * Checks the parsed JSON has what the table needs.
 *
 * @example
 * readReport(JSON.parse(readFileSync('.bench/report-10000.json', 'utf8'))); // { articles: 10000, steps: […], … }
 */
export function readReport(value: unknown): BenchReport {
  const report = value as Partial<BenchReport> | null;
  if (
    !report ||
    typeof report.articles !== 'number' ||
    !Array.isArray(report.steps) ||
    !report.steps.every((step) => typeof step?.label === 'string' && typeof step.seconds === 'number')
  ) {
    throw new Error('not a report of npm run bench (it needs "articles" and "steps" with a label and seconds each)');
  }
  return { ...report, peers: Array.isArray(report.peers) ? report.peers : [] } as BenchReport;
}

/** The newest `report-*.json` in `dir` (the CPU-profile-only reports left out). */
function newestReport(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((name) => /^report-.*\.json$/.test(name) && !name.endsWith('-profile.json'))
    .map((name) => path.join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

if (import.meta.main) {
  const project = path.resolve(import.meta.dirname, '../..');
  const { values, positionals } = parseArgs({
    options: { doc: { type: 'string', default: path.join(project, 'docs/performance.md') } },
    allowPositionals: true,
  });
  const file = positionals[0] ? path.resolve(positionals[0]) : newestReport(path.join(project, '.bench'));
  if (!file) {
    console.error('No report: run `npm run bench` first, or name a report-*.json.');
    process.exit(2);
  }
  try {
    const report = readReport(JSON.parse(readFileSync(file, 'utf8')));
    const doc = readFileSync(values.doc, 'utf8');
    writeFileSync(values.doc, replaceBetweenMarkers(doc, performanceTable(report)));
    console.log(
      `${path.relative(process.cwd(), values.doc)}: table rewritten from ${path.relative(process.cwd(), file)}`,
    );
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
