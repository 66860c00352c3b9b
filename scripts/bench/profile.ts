/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) of a build: self time per function and per
 * module, and inclusive time per module (time with the module anywhere on the stack, e.g.
 * everything under `unified`, `sharp` or `src/data/article-loader.ts`).
 *
 * CLI: `node scripts/bench/profile.ts DIR_OR_FILE [--top 25]` prints Markdown tables for the
 * busiest process in DIR (the Astro build, main thread and workers summed).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownTable } from './report.ts';
import { round } from './read-output.ts';

/** The parts of a `.cpuprofile` used here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Cost {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  selfByFunction: Cost[];
  selfByModule: Cost[];
  inclusiveByModule: Cost[];
}

/**
 * Which module a script URL belongs to: an npm package (`@scope/name`), a project file
 * (`src/data/archive.ts`), `node:internal`, or a V8 pseudo-frame like `(garbage collector)`.
 *
 * @example
 * moduleOf('file:///p/node_modules/@astrojs/sitemap/dist/index.js', '/p'); // '@astrojs/sitemap'
 * moduleOf('file:///p/src/lib/archive.ts', '/p'); // 'src/lib/archive.ts'
 */
export function moduleOf(url: string, project: string, functionName = ''): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native/V8)';
  if (url.startsWith('node:')) return 'node: internals';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const at = file.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = file.slice(at + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (file.startsWith(`${project}/`)) {
    const relative = file.slice(project.length + 1);
    // Astro's bundled build output (the prerender chunks) lives in the site root's dist/.prerender etc.
    return relative.includes('/.prerender/') || relative.includes('/chunks/') ? 'astro build chunks (pages)' : relative;
  }
  return file.includes('.prerender') || file.includes('/chunks/') ? 'astro build chunks (pages)' : file;
}

/**
 * Sums one or more profiles (a process's main thread and its worker threads each write one).
 *
 * @example
 * const summary = summariseProfile([JSON.parse(text)], '/work/main', 20);
 */
export function summariseProfile(
  profiles: CpuProfile | readonly CpuProfile[],
  project: string,
  top = 25,
): ProfileSummary {
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const list: readonly CpuProfile[] = 'nodes' in profiles ? [profiles] : profiles;
  for (const profile of list) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const selfMs = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
    const moduleOfNode = (id: number) => {
      const frame = byId.get(id)!.callFrame;
      return moduleOf(frame.url, project, frame.functionName);
    };
    const stackModules = new Map<number, string[]>();
    const modulesOnStack = (id: number): string[] => {
      const known = stackModules.get(id);
      if (known) return known;
      const up = parent.get(id);
      const own = moduleOfNode(id);
      const above = up === undefined ? [] : modulesOnStack(up);
      const list = above.includes(own) ? above : [...above, own];
      stackModules.set(id, list);
      return list;
    };
    for (const [id, ms] of selfMs) {
      const frame = byId.get(id)!.callFrame;
      const module = moduleOfNode(id);
      totalMs += ms;
      add(
        functions,
        `${frame.functionName || '(anonymous)'} (${module}${frame.url ? `:${frame.lineNumber + 1}` : ''})`,
        ms,
      );
      add(modules, module, ms);
      for (const onStack of modulesOnStack(id)) add(inclusive, onStack, ms);
    }
  }
  const ranked = (map: Map<string, number>): Cost[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: round(ms, 0), share: totalMs > 0 ? round(ms / totalMs, 3) : 0 }));
  return {
    totalMs: round(totalMs, 0),
    selfByFunction: ranked(functions),
    selfByModule: ranked(modules),
    inclusiveByModule: ranked(inclusive),
  };
}

/** A span of wall time to break a profile down by, e.g. one build phase. */
export interface ProfileWindow {
  name: string;
  /** Monotonic microseconds, the clock of `.cpuprofile` timestamps and `process.hrtime`. */
  startUs: number;
  endUs: number;
}

export interface WindowSummary {
  name: string;
  wallSeconds: number;
  /** Sampled non-idle seconds on the main thread and on worker threads. */
  mainBusySeconds: number;
  workerBusySeconds: number;
  /** Heaviest modules by self time in the window, all threads, idle excluded. */
  top: Cost[];
}

/**
 * Breaks profiles down by windows of wall time (build phases): how busy the main thread and
 * the workers were, and which modules took the time. The first profile is the main thread.
 *
 * @example
 * summariseWindows([main, worker1], [{ name: 'render pages', startUs, endUs }], '/work/main');
 */
export function summariseWindows(
  profiles: readonly CpuProfile[],
  windows: readonly ProfileWindow[],
  project: string,
  top = 6,
): WindowSummary[] {
  const perWindow = windows.map(() => ({ main: 0, workers: 0, modules: new Map<string, number>() }));
  profiles.forEach((profile, thread) => {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i] ?? 0;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const frame = byId.get(profile.samples[i]!)!.callFrame;
      const module = moduleOf(frame.url, project, frame.functionName);
      if (module === '(idle)' || module === '(program)') continue;
      const index = windows.findIndex((window) => at >= window.startUs && at < window.endUs);
      if (index < 0) continue;
      const bucket = perWindow[index]!;
      if (thread === 0) bucket.main += ms;
      else bucket.workers += ms;
      bucket.modules.set(module, (bucket.modules.get(module) ?? 0) + ms);
    }
  });
  return windows.map((window, index) => {
    const bucket = perWindow[index]!;
    const busy = bucket.main + bucket.workers;
    return {
      name: window.name,
      wallSeconds: round((window.endUs - window.startUs) / 1e6, 2),
      mainBusySeconds: round(bucket.main / 1000, 2),
      workerBusySeconds: round(bucket.workers / 1000, 2),
      top: [...bucket.modules]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, ms]) => ({ name, ms: round(ms, 0), share: busy > 0 ? round(ms / busy, 3) : 0 })),
    };
  });
}

/**
 * @example
 * console.log(formatWindows(summariseWindows(profiles, windows, project)));
 */
export function formatWindows(summaries: readonly WindowSummary[]): string {
  return markdownTable(
    [
      ['phase', 'wall s', 'main thread busy s', 'workers busy s', 'top modules (self time, busy threads)'],
      ...summaries.map((summary) => [
        summary.name,
        summary.wallSeconds.toFixed(1),
        summary.mainBusySeconds.toFixed(1),
        summary.workerBusySeconds.toFixed(1),
        summary.top.map((cost) => `${cost.name} ${(cost.ms / 1000).toFixed(1)}`).join(', '),
      ]),
    ],
    [false, true, true, true, false],
  );
}

/**
 * @example
 * console.log(formatProfileSummary(summary));
 */
export function formatProfileSummary(summary: ProfileSummary): string {
  const table = (title: string, costs: readonly Cost[]) =>
    `${title}\n\n${markdownTable(
      [
        ['', 'seconds', 'share'],
        ...costs.map((cost) => [cost.name, (cost.ms / 1000).toFixed(2), `${(cost.share * 100).toFixed(1)}%`]),
      ],
      [false, true, true],
    )}`;
  return [
    `Sampled time, all threads of the build process (idle included): ${(summary.totalMs / 1000).toFixed(1)} s`,
    table('Self time by module', summary.selfByModule),
    table('Inclusive time by module (module anywhere on the stack)', summary.inclusiveByModule),
    table('Self time by function', summary.selfByFunction),
  ].join('\n\n');
}

/**
 * The profiles of the busiest process in a folder (or the file itself): Node names them
 * `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, one per thread; the process whose
 * files are largest in total is the Astro build (`build.ts` itself only waits). Main thread first.
 */
export async function busiestProcessProfiles(target: string): Promise<string[]> {
  if ((await stat(target)).isFile()) return [target];
  const files = (await readdir(target)).filter((name) => name.endsWith('.cpuprofile'));
  const byPid = new Map<string, { files: string[]; size: number }>();
  for (const name of files) {
    const pid = name.split('.')[3] ?? name;
    const entry = byPid.get(pid) ?? { files: [], size: 0 };
    entry.files.push(path.join(target, name));
    entry.size += (await stat(path.join(target, name))).size;
    byPid.set(pid, entry);
  }
  const busiest = [...byPid.values()].sort((a, b) => b.size - a.size)[0]?.files ?? [];
  // Main thread (thread id 0) first, then the workers.
  return busiest.sort((a, b) => Number(path.basename(a).split('.')[4]) - Number(path.basename(b).split('.')[4]));
}

if (import.meta.main) {
  const [target, flag, value] = process.argv.slice(2);
  if (!target) {
    console.error('usage: profile.ts DIR_OR_FILE [--top N]');
    process.exit(2);
  }
  const files = await busiestProcessProfiles(target);
  if (files.length === 0) {
    console.error(`no .cpuprofile in ${target}`);
    process.exit(1);
  }
  const profiles = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as CpuProfile));
  const project = path.resolve(import.meta.dirname, '../..');
  console.log(`Profiles (one per thread): ${files.join(', ')}\n`);
  console.log(formatProfileSummary(summariseProfile(profiles, project, flag === '--top' ? Number(value) : 25)));
}

/**
 * The profiles a cold build under `--cpu-prof` wrote to `dir`, summarised by build phase (the
 * step's phases, from `startedUs` on the profiles' clock) and by module, written beside them as
 * `summary.md`; `undefined` when no profile was written.
 *
 * @example
 * await summariseProfileDir('.bench/prof/10000', process.cwd(), startedUs, step);
 */
export async function summariseProfileDir(
  dir: string,
  project: string,
  startedUs: number,
  step: { seconds: number; phases?: readonly { name: string; seconds: number }[] | undefined },
) {
  const files = await busiestProcessProfiles(dir);
  if (files.length === 0) return undefined;
  const profiles = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as CpuProfile));
  const summary: ProfileSummary = summariseProfile(profiles, project, 30);
  let at = startedUs;
  const windows = (step.phases ?? []).map((phase) => {
    const window = { name: phase.name, startUs: at, endUs: at + phase.seconds * 1e6 };
    at = window.endUs;
    return window;
  });
  const byPhase = summariseWindows(profiles, windows, project);
  await writeFile(
    path.join(dir, 'summary.md'),
    `CPU by build phase (cold build under --cpu-prof, ${step.seconds.toFixed(1)} s wall)\n\n${formatWindows(byPhase)}\n\n${formatProfileSummary(summary)}\n`,
  );
  return { files: files.map((file) => path.relative(project, file)), byPhase, ...summary };
}
