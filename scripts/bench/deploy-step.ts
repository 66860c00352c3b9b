/**
 * The benchmark's deploy step: what a newsroom's CI does for a commit that only changes
 * `content/`, from a warm cache to a finished deploy: `npm run check`, `npm run build`,
 * `npm run verify` and `npm run deploy` to an S3-compatible store. The store is s3rver on
 * loopback (`local-store.ts`), filled first by an unmeasured deploy of the site as built, so
 * the measured deploy sends only what the edit changed.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { measureCommand, type RunResult } from './measure.ts';
import type { Phase, StepResult } from './read-output.ts';

/** The bucket the benchmark deploys to. */
export const BENCH_BUCKET = 'bench-site';

/** A store on loopback, and the environment that points the AWS SDK at it. */
export interface LocalStore {
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Starts the local store (`local-store.ts`) in a process of its own.
 *
 * @example
 * const store = await startLocalStore();
 * spawn(process.execPath, ['scripts/deploy.ts', `s3://${BENCH_BUCKET}/site`], { env: { ...process.env, ...store.env } });
 */
export async function startLocalStore(): Promise<LocalStore> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'local-store.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`the local S3 store stopped (exit ${code})`)));
  });
  return {
    env: {
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_S3: endpoint,
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        // The store closes and removes its objects when its input ends.
        child.stdin.end();
      }),
  };
}

/** One command of the deploy step, as the CI workflow runs it. */
export interface DeployCommand {
  name: 'check' | 'build' | 'verify' | 'deploy';
  /** The script and its arguments, relative to the project. */
  args: string[];
}

/**
 * The commands of a content-only commit's CI run on the site at `root`, in order.
 *
 * @example
 * deployCommands('/bench/site').map((command) => command.name); // ['check', 'build', 'verify', 'deploy']
 */
export function deployCommands(root: string): DeployCommand[] {
  const dist = path.join(root, 'dist');
  return [
    { name: 'check', args: ['scripts/check-content.ts', '--root', root] },
    { name: 'build', args: ['scripts/build.ts', '--root', root] },
    { name: 'verify', args: ['scripts/verify-dist.ts', dist] },
    { name: 'deploy', args: ['scripts/deploy.ts', `s3://${BENCH_BUCKET}/site`, '--dir', dist] },
  ];
}

/**
 * The deploy's summary line ("Đã gửi N tệp (…), M tệp không đổi, đã xoá K tệp."), if printed.
 *
 * @example
 * deploySummaryLine(['Đọc các tệp…', 'Đã gửi 3 tệp (41.2 KB), 25702 tệp không đổi, đã xoá 0 tệp.']);
 * // 'Đã gửi 3 tệp (41.2 KB), 25702 tệp không đổi, đã xoá 0 tệp.'
 */
export function deploySummaryLine(lines: readonly string[]): string | undefined {
  return lines.findLast((line) => /^Đã gửi \d+ tệp/.test(line.trim()))?.trim();
}

/**
 * The step's parts as build phases, for the phase table.
 *
 * @example
 * deployPhases([{ name: 'check', seconds: 2.1 }, { name: 'build', seconds: 20.4 }]);
 * // [{ name: 'npm run check', seconds: 2.1 }, { name: 'npm run build', seconds: 20.4 }]
 */
export function deployPhases(parts: readonly { name: string; seconds: number }[]): Phase[] {
  return parts.map((part) => ({ name: `npm run ${part.name}`, seconds: part.seconds }));
}

export interface DeployStepOptions {
  /** The project (where the scripts are) and the built site's root, built with a warm cache. */
  project: string;
  root: string;
  env: NodeJS.ProcessEnv;
  /** Each command's log is `<logPrefix>-<name>.log`. */
  logPrefix: string;
  timeoutSeconds: number;
  /** Edits one article and commits it, as a journalist's commit. */
  editOne: () => Promise<string>;
}

/** What the deploy step measured, and the unmeasured first deploy that filled the store. */
export interface DeployStepOutcome {
  step: StepResult;
  /** The first deploy of the whole site (not part of the step). */
  firstDeploy: { seconds: number; summary?: string; exitCode: number };
  /** What each command printed last, when one failed. */
  failure?: string;
}

/**
 * Fills a fresh local store with the site as built, then edits one article and times check,
 * build, verify and deploy, each as a whole process; the step's time is their sum.
 *
 * @example
 * const { step } = await measureDeployStep({ project, root: '.bench/site', env, logPrefix: '.bench/logs/10000-deploy', timeoutSeconds: 3600, editOne: corpus.editOne });
 * step.seconds; // 41.8
 */
export async function measureDeployStep(options: DeployStepOptions): Promise<DeployStepOutcome> {
  const store = await startLocalStore();
  const env = { ...options.env, ...store.env, FORCE_COLOR: '0' };
  const runCommand = (command: DeployCommand, log: string) =>
    measureCommand(process.execPath, command.args, {
      cwd: options.project,
      env,
      logFile: `${options.logPrefix}-${log}.log`,
      timeoutSeconds: options.timeoutSeconds,
    });
  const lastLines = (run: RunResult) =>
    run.lines
      .slice(-20)
      .map((line) => line.text)
      .join('\n');
  try {
    const [, , verify, deploy] = deployCommands(options.root);
    // The store holds the site as last deployed: a verified build, sent whole.
    const verified = await runCommand(verify!, 'first-verify');
    const first = verified.exitCode === 0 ? await runCommand(deploy!, 'first-deploy') : verified;
    const firstDeploy = {
      seconds: first.seconds,
      exitCode: first.exitCode,
      ...optional('summary', deploySummaryLine(first.lines.map((line) => line.text))),
    };
    const loadBefore = Math.round(loadavg()[0]! * 100) / 100;
    const changed = await options.editOne();
    const parts: { name: string; seconds: number }[] = [];
    const runs: RunResult[] = [];
    let failure: string | undefined = first.exitCode === 0 ? undefined : lastLines(first);
    for (const command of failure === undefined ? deployCommands(options.root) : []) {
      const run = await runCommand(command, command.name);
      parts.push({ name: command.name, seconds: run.seconds });
      runs.push(run);
      if (run.exitCode !== 0) {
        failure = `npm run ${command.name}:\n${lastLines(run)}`;
        break;
      }
    }
    const summary = runs.length === 4 ? deploySummaryLine(runs[3]!.lines.map((line) => line.text)) : undefined;
    const step: StepResult = {
      id: 'deploy',
      label: '9. content-only commit to a finished deploy',
      seconds: Math.round(parts.reduce((sum, part) => sum + part.seconds, 0) * 100) / 100,
      peakRssMb: Math.round(Math.max(0, ...runs.map((run) => run.peakRssKb)) / 1024),
      exitCode: failure === undefined ? 0 : 1,
      phases: deployPhases(parts),
      changed,
      loadBefore,
      ...optional('note', summary),
    };
    return { step, firstDeploy, ...optional('failure', failure) };
  } finally {
    await store.close();
  }
}

/** `{ [key]: value }`, or nothing when the value is undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
