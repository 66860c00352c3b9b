/**
 * `npm run bench -- [--articles N] [--seed S] [--out FILE] [--peer-runs N | --no-peers] [--import] [--cpu-prof | --profile-only | --relevance-only | --search-only | --no-relevance] [--timeout MIN]`
 *
 * Generates a deterministic synthetic archive in `.bench/site/` (outside `content/`), then
 * measures each step as a whole process with `/usr/bin/time` (wall time, peak RSS), exactly as
 * the peers' script (`--peers`, see docs/performance.md) measures the peer generators on the
 * same corpus in the same run:
 *
 * 1. cold build (no dist, no Astro cache), 2. rebuild with nothing changed, 3. rebuild after
 * editing one article, 4. rebuild after adding one article, 5. the search index (its time in
 * the build log, and `buildSearchIndex` alone over the built site), 6. `dist/` size and files,
 * 7. search relevance: precision of the first ten results and recall of the queries of
 * `bench/relevance.ts` for the phrases the generator plants (`--relevance-only`: a cold build
 * and this step alone, no timings; `--no-relevance` leaves it out), 8. a content-only commit
 * from a warm cache to a finished deploy (`bench/deploy-step.ts`). `--search-only`: a cold build
 * and the search queries in Chromium alone.
 *
 * Writes `.bench/report-<N>.json` (or `--out`), prints a Markdown table with our times as
 * ratios to the peers' (absolute times drift on shared machines) and the targets.
 * The peers run `--peer-runs` times (2 by default: before our steps and after them) on a
 * snapshot of the generated corpus; their mean is the reference. `--cpu-prof` adds one more
 * cold build under `node --cpu-prof` (not a timing) and summarises where its CPU time went,
 * by build phase and by module, in `.bench/prof/<N>/summary.md`; `--profile-only` runs just that.
 * Exits non-zero when a step fails, after printing the end of its output.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { distStats, measureCommand, treeStats, type RunResult } from './bench/measure.ts';
import { summariseProfileDir } from './bench/profile.ts';
import { evaluateTargets, formatBytes } from './bench/report.ts';
import {
  buildPhases,
  aggregatePeers,
  parsePeers,
  parseSearchIndexLog,
  stripAnsi,
  type PeerResult,
  type StepResult,
  round,
} from './bench/read-output.ts';
import { createCorpus } from './bench/generate-corpus.ts';
import { relevanceStep, searchQueriesStep } from './bench/search-steps.ts';
import { benchReport, benchSummary } from './bench/summary.ts';
import { writeCorpus } from './bench/write-corpus.ts';

const PROJECT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(PROJECT, '.bench');
/** Fixed build time: every generated article is older, and builds are reproducible. */
export const BUILD_TIME = '2026-11-23T12:00:00+07:00';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    pictured: { type: 'string', default: '0.25' },
    out: { type: 'string' },
    root: { type: 'string', default: path.join(BENCH, 'site') },
    peers: { type: 'string', default: path.resolve(PROJECT, '../shared/bench/peers.sh') },
    'no-peers': { type: 'boolean', default: false },
    'peer-runs': { type: 'string', default: '2' },
    import: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'profile-only': { type: 'boolean', default: false },
    'relevance-only': { type: 'boolean', default: false },
    'search-only': { type: 'boolean', default: false },
    'no-relevance': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '60' },
  },
  strict: true,
});
const articles = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed)) {
  console.error('--articles and --seed take whole numbers (articles ≥ 1)');
  process.exit(2);
}
const pictured = Number(values.pictured);
if (!(pictured >= 0 && pictured <= 1)) {
  console.error('--pictured takes the share of articles with a picture, from 0 to 1');
  process.exit(2);
}
const timeoutSeconds = Number(values.timeout) * 60;
const root = path.resolve(values.root);
const logs = path.join(BENCH, 'logs');
const outFile = path.resolve(
  values.out ??
    path.join(BENCH, values['profile-only'] ? `report-${articles}-profile.json` : `report-${articles}.json`),
);
const env: NodeJS.ProcessEnv = { ...process.env, BUILD_TIME, ASTRO_TELEMETRY_DISABLED: '1' };
// Builds run with Node's defaults, whatever the caller's shell sets (only --cpu-prof adds options).
delete env['NODE_OPTIONS'];

const progress = (message: string) => console.error(`[bench] ${message}`);
const steps: StepResult[] = [];
const extra: Record<string, unknown> = {};
const peerRuns: PeerResult[][] = [];
const peerCount = values['no-peers'] ? 0 : Math.max(0, Number(values['peer-runs']));

await mkdir(logs, { recursive: true });
progress(`generating ${articles} articles (seed ${seed}) in ${path.relative(PROJECT, root)}/`);
const corpus = await writeCorpus(root, { articles, seed, buildTime: new Date(BUILD_TIME), pictured, plant: true });
progress(`corpus: ${formatBytes(corpus.bytes)} in ${corpus.seconds.toFixed(1)} s`);
// The peers build a snapshot of the corpus as generated, before our steps edit and add.
const peersCorpus = path.join(BENCH, 'peers-corpus');
await rm(peersCorpus, { recursive: true, force: true });
await cp(path.join(root, 'content/articles'), peersCorpus, { recursive: true });

/** Everything a build leaves behind: output, Astro's data store and caches. */
async function clearBuildState(): Promise<void> {
  for (const name of ['dist', 'node_modules', '.astro']) {
    await rm(path.join(root, name), { recursive: true, force: true });
  }
}

function tail(run: RunResult, count = 40): string {
  return run.lines
    .slice(-count)
    .map((line) => stripAnsi(line.text))
    .join('\n');
}

/** The measured part of a step's record, shared by every kind of step. */
function measuredStep(
  id: StepResult['id'],
  label: string,
  run: Awaited<ReturnType<typeof measureCommand>>,
  logFile: string,
  loadBefore: number,
): StepResult {
  return {
    id,
    label,
    seconds: run.seconds,
    peakRssMb: Math.round(run.peakRssKb / 1024),
    ...(run.cpuSeconds !== undefined ? { cpuSeconds: run.cpuSeconds } : {}),
    ...(run.sampled ? { sampled: run.sampled } : {}),
    exitCode: run.exitCode,
    log: path.relative(PROJECT, logFile),
    loadBefore,
  };
}

/** Runs a script as a measured step; a failure is reported with the end of its log. */
async function measureScript(
  id: StepResult['id'],
  label: string,
  args: string[],
  logName: string,
): Promise<StepResult> {
  const logFile = path.join(logs, `${articles}-${logName}.log`);
  const loadBefore = round(os.loadavg()[0]!, 2);
  const result = await measureCommand(process.execPath, args, { cwd: PROJECT, env, logFile, timeoutSeconds });
  if (result.exitCode !== 0) {
    failed = true;
    console.error(`--- last lines of ${path.relative(PROJECT, logFile)} ---\n${tail(result)}\n---`);
  }
  return measuredStep(id, label, result, logFile, loadBefore);
}

async function build(id: StepResult['id'], label: string, stepEnv = env): Promise<StepResult> {
  const loadBefore = round(os.loadavg()[0]!, 2);
  progress(`${label} (load average ${loadBefore})…`);
  const logFile = path.join(logs, `${articles}-${id}.log`);
  const run = await measureCommand(process.execPath, [path.join(PROJECT, 'scripts/build.ts'), '--root', root], {
    cwd: PROJECT,
    env: stepEnv,
    logFile,
    timeoutSeconds,
  });
  lastStartedUs = run.startedUs;
  const pagesLine = run.lines.map((line) => stripAnsi(line.text)).find((text) => /page\(s\) built in/.test(text));
  const step: StepResult = {
    ...measuredStep(id, label, run, logFile, loadBefore),
    phases: buildPhases(run.lines, run.seconds),
    ...(pagesLine ? { pages: Number(/(\d+) page\(s\)/.exec(pagesLine)?.[1]) } : {}),
    ...(run.timedOut ? { note: `killed after ${values.timeout} min` } : {}),
  };
  const search = parseSearchIndexLog(run.lines.map((line) => stripAnsi(line.text)));
  if (search) step.searchIndex = search;
  progress(
    `${label}: ${run.seconds.toFixed(1)} s, CPU ${run.sampled?.cpuSeconds ?? run.cpuSeconds ?? '?'} s, ` +
      `${step.peakRssMb} MB (all processes at once: ${run.sampled?.peakGroupRssMb ?? '?'} MB)` +
      (run.exitCode ? `, FAILED (exit ${run.exitCode})` : ''),
  );
  if (run.exitCode !== 0) console.error(`--- last lines of ${path.relative(PROJECT, logFile)} ---\n${tail(run)}\n---`);
  return step;
}

const dist = path.join(root, 'dist');
/** When the last build step started (monotonic µs), to line a CPU profile up with its log. */
let lastStartedUs = 0;
let failed = false;

/** One run of `peers.sh` (Hugo, Eleventy) on the corpus snapshot. */
async function runPeers(): Promise<void> {
  if (!existsSync(values.peers)) {
    peerRuns.push([{ peer: 'hugo', error: `no ${values.peers}` }]);
    return;
  }
  progress(`peers (Hugo, Eleventy) on the same corpus, run ${peerRuns.length + 1} of ${peerCount}…`);
  const peersRun = await measureCommand('bash', [values.peers, peersCorpus, path.join(BENCH, 'peers')], {
    cwd: PROJECT,
    env,
    logFile: path.join(logs, `${articles}-peers-${peerRuns.length + 1}.log`),
    timeoutSeconds,
  });
  const results = parsePeers(peersRun.lines.map((line) => line.text).join('\n'));
  for (const peer of results) progress(`${peer.peer}: ${peer.error ?? `${peer.seconds} s, ${peer.peak_rss_mb} MB`}`);
  peerRuns.push(results);
}

async function run(): Promise<void> {
  if (values['profile-only']) return profileColdBuild();
  if (values['relevance-only'] || values['search-only']) {
    await clearBuildState();
    const cold = await build('cold', '1. cold build (no caches)');
    steps.push(cold);
    if (cold.exitCode !== 0) return void (failed = true);
    extra['dist'] = distStats(await treeStats(dist), await treeStats(path.join(dist, 'pagefind')));
    return values['search-only'] ? searchQueries() : searchRelevance();
  }
  // Peer runs bracket ours (one before, the rest after), so their mean sees similar load.
  if (peerCount > 0) await runPeers();
  await clearBuildState();
  const cold = await build('cold', '1. cold build (no caches)');
  steps.push(cold);
  if (cold.exitCode !== 0) return void (failed = true);
  extra['dist'] = distStats(await treeStats(dist), await treeStats(path.join(dist, 'pagefind')));

  const unchanged = await build('unchanged', '2. rebuild, nothing changed');
  steps.push(unchanged);
  if (unchanged.exitCode !== 0) return void (failed = true);

  const edited = await corpus.editOne();
  const edit = await build('edit', '3. rebuild after editing one article');
  edit.changed = path.relative(root, path.join(root, edited));
  steps.push(edit);
  if (edit.exitCode !== 0) return void (failed = true);

  const added = await corpus.addOne();
  const add = await build('add', '4. rebuild after adding one article');
  add.changed = added;
  steps.push(add);
  if (add.exitCode !== 0) return void (failed = true);
  extra['distAfterAdd'] = distStats(await treeStats(dist), await treeStats(path.join(dist, 'pagefind')));
  await deployStep();
  while (peerRuns.length < peerCount) await runPeers();

  await searchIndexAlone();
  await searchQueries();
  // It lists every result of 33 queries: thousands each at 10,000 articles.
  if (!values['no-relevance']) await searchRelevance();
  if (values.import) await importer();
  if (values['cpu-prof']) await profileColdBuild();
}

/** A content-only commit from the warm cache to a finished deploy on a local S3 store. */
async function deployStep(): Promise<void> {
  progress('deploy: edit one article, then check, build, verify and deploy to a local S3 store…');
  const { measureDeployStep } = await import('./bench/deploy-step.ts');
  const logPrefix = path.join(logs, `${articles}-deploy`);
  const outcome = await measureDeployStep({
    project: PROJECT,
    root,
    env,
    logPrefix,
    timeoutSeconds,
    editOne: corpus.editOne,
  });
  steps.push(outcome.step);
  extra['firstDeploy'] = outcome.firstDeploy;
  if (outcome.failure !== undefined) {
    failed = true;
    console.error(`--- the deploy step failed ---\n${outcome.failure}\n---`);
  }
  progress(
    `deploy step: ${outcome.step.seconds} s (${outcome.step.phases?.map((p) => `${p.name} ${p.seconds} s`).join(', ')})`,
  );
}

/** Step 5, continued: a first and a second query in Chromium on loopback. */
async function searchQueries(): Promise<void> {
  progress('5. search queries in Chromium (first and second query)…');
  extra['searchQueries'] = await searchQueriesStep(dist);
}

/** Step 7: precision of the first ten results and recall of the relevance queries, in Chromium. */
async function searchRelevance(): Promise<void> {
  progress('7. search relevance in Chromium…');
  extra['relevance'] = await relevanceStep(root);
}

/** Step 5: `buildSearchIndex` alone over the built site. */
async function searchIndexAlone(): Promise<void> {
  progress('5. search index alone (buildSearchIndex over dist/)…');
  const out = path.join(BENCH, 'search-index-alone');
  await rm(out, { recursive: true, force: true });
  const script = path.join(PROJECT, 'scripts/bench/run-search-index.ts');
  const step = await measureScript('search', '5. search index alone (Pagefind)', [script, dist, out], 'search');
  const stats = await treeStats(out);
  steps.push({ ...step, ...(stats ? { note: `${formatBytes(stats.bytes)}, ${stats.files} files` } : {}) });
}

/**
 * Optional (`--import`): times `npm run import` on the corpus turned back into old-site page
 * saves (a tenth of them in Windows-1258, as old exports come).
 */
async function importer(): Promise<void> {
  const script = path.join(PROJECT, 'scripts/import.ts');
  const { oldPageSave } = await import('./bench/old-pages.ts');
  const { encodeWindows1258 } = await import('../src/lib/import/encoding.ts');
  const saves = path.join(BENCH, 'import/saves');
  const out = path.join(BENCH, 'import/out');
  await rm(path.join(BENCH, 'import'), { recursive: true, force: true });
  let index = 0;
  for (const file of createCorpus({ articles, seed, buildTime: new Date(BUILD_TIME) }).articles()) {
    const text = oldPageSave(file.content);
    const target = path.join(saves, file.path.split('/')[2]!, `${String(index).padStart(6, '0')}.txt`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, index % 10 === 9 ? encodeWindows1258(text.replace(/\n/g, '\r\n')) : text);
    index++;
  }
  progress(`6. import ${index} old page saves (npm run import)…`);
  const step = await measureScript(
    'import',
    `6. import ${index} old page saves`,
    [script, saves, '--root', root, '--out', out],
    'import',
  );
  const written = await treeStats(out);
  steps.push({ ...step, note: `${written?.files ?? 0} articles written` });
}

/** With --cpu-prof: one more cold build under `node --cpu-prof`, summarised (not part of the timings). */
async function profileColdBuild(): Promise<void> {
  const dir = path.join(BENCH, 'prof', String(articles));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await clearBuildState();
  const step = await build('cold', 'cold build under --cpu-prof (not a timing)', {
    ...env,
    NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
  });
  extra['profiledBuild'] = { seconds: step.seconds, peakRssMb: step.peakRssMb, phases: step.phases };
  if (step.exitCode !== 0) return void (failed = true);
  const profiled = await summariseProfileDir(dir, PROJECT, lastStartedUs, step);
  if (!profiled) return;
  extra['profile'] = profiled;
  progress(`profile summary: ${path.relative(PROJECT, path.join(dir, 'summary.md'))}`);
}

await run();
const peers = aggregatePeers(peerRuns);

const targets = evaluateTargets(articles, steps, peers);
const report = benchReport({
  project: PROJECT,
  articles,
  seed,
  buildTime: BUILD_TIME,
  corpus: {
    root: path.relative(PROJECT, root),
    articles: corpus.articles.length,
    pictured,
    bytes: corpus.bytes,
    seconds: corpus.seconds,
  },
  steps,
  peers,
  targets,
  extra,
});
await mkdir(path.dirname(outFile), { recursive: true });
await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);

console.log(
  benchSummary({
    articles,
    seed,
    cpus: report.machine.cpus,
    steps,
    peers,
    targets,
    extra,
    reportFile: path.relative(PROJECT, outFile),
    logsDir: path.relative(PROJECT, logs),
  }),
);
if (failed) process.exit(1);
