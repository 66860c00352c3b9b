/**
 * The publishing and test workflows, parsed: when they run, what they may do, that nothing is
 * deployed before content is checked, the site built and dist/ verified, that code is tested
 * first while a content-only push goes without the test suite and Chromium, and that the target
 * (GitHub Pages or object storage) is a repository variable. The step that tells a content-only
 * push apart is run for real, on a git repository made here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOWS = path.resolve(import.meta.dirname, '../../.github/workflows');
const PUBLISH_TEXT = readFileSync(path.join(WORKFLOWS, 'publish.yml'), 'utf8');
const TESTS_TEXT = readFileSync(path.join(WORKFLOWS, 'tests.yml'), 'utf8');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  container?: string;
  needs?: string | string[];
  if?: string;
  uses?: string;
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const publish = parse(PUBLISH_TEXT) as Workflow;
const tests = parse(TESTS_TEXT) as Workflow;
const { changes, test, build, deploy } = publish.jobs as Record<'changes' | 'test' | 'build' | 'deploy', Job>;
const testJob = tests.jobs['test']!;

/** Index of the first step of a job that uses an action or runs a command. */
function stepIndex(job: Job, match: { uses?: string; run?: RegExp }): number {
  const index = job.steps.findIndex(
    (step) =>
      (match.uses !== undefined && step.uses?.startsWith(`${match.uses}@`)) ||
      (match.run !== undefined && match.run.test(step.run ?? '')),
  );
  expect(index, JSON.stringify(match.uses ?? String(match.run))).toBeGreaterThanOrEqual(0);
  return index;
}

describe('.github/workflows/publish.yml', () => {
  it('runs on push to main, daily in the Vietnamese early morning, and by hand', () => {
    expect(publish.on['push']).toEqual({ branches: ['main'] });
    const schedule = publish.on['schedule'] as { cron: string }[];
    expect(schedule).toHaveLength(1);
    const [minute, hour, ...rest] = schedule[0]!.cron.split(' ');
    expect(rest).toEqual(['*', '*', '*']);
    expect(Number(minute)).toBeLessThan(60);
    expect((Number(hour) + 7) % 24).toBeLessThan(8);
    expect(PUBLISH_TEXT).toMatch(/UTC\+7/);
    expect(publish.on).toHaveProperty('workflow_dispatch');
  });

  it('grants only read access, and Pages and OIDC only to the Pages deploy job', () => {
    expect(publish.permissions).toEqual({ contents: 'read' });
    expect(tests.permissions).toEqual({ contents: 'read' });
    for (const job of [changes, build, testJob]) expect(job.permissions).toBeUndefined();
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('cancels a run in progress when a newer one starts', () => {
    expect(publish.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': true });
  });

  it('pins every action to a full commit SHA, with its version in a comment', () => {
    const lines = `${PUBLISH_TEXT}\n${TESTS_TEXT}`.split('\n').filter((line) => /^\s*(-\s*)?uses:/.test(line));
    const actions = lines.filter((line) => !/uses: \.\//.test(line));
    expect(actions.length).toBe(8);
    for (const line of actions) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
  });

  it('tests the code before building, unless the push changed only content/', () => {
    expect(changes.outputs).toEqual({ code: '${{ steps.diff.outputs.code }}' });
    expect(test.needs).toBe('changes');
    expect(test.if).toBe("needs.changes.outputs.code == 'true'");
    expect(test.uses).toBe('./.github/workflows/tests.yml');
    expect(build.needs).toEqual(['changes', 'test']);
    // The build goes ahead when the tests passed or were skipped, never when they failed.
    expect(build.if).toContain("needs.test.result == 'success' || needs.test.result == 'skipped'");
    expect(build.if).toContain('!cancelled()');
  });

  it('checks content, restores the build cache, builds and verifies, in that order, with no tests and no Chromium', () => {
    const order = [
      stepIndex(build, { uses: 'actions/checkout' }),
      stepIndex(build, { uses: 'actions/setup-node' }),
      stepIndex(build, { run: /^npm install\b/ }),
      stepIndex(build, { run: /^npm run check$/ }),
      stepIndex(build, { uses: 'actions/cache' }),
      stepIndex(build, { run: /^npm run build$/ }),
      stepIndex(build, { run: /^npm run verify\b/ }),
      stepIndex(build, { uses: 'actions/upload-pages-artifact' }),
      stepIndex(build, { run: /^npm run deploy\b/ }),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    for (const step of build.steps) {
      expect(step.run ?? '').not.toMatch(/chromium|npm test|vitest|playwright/i);
    }
  });

  it('uses Node 24 with the npm cache, and keeps the checkout token out of the build', () => {
    const setupNode = build.steps[stepIndex(build, { uses: 'actions/setup-node' })]!;
    expect(setupNode.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    const checkout = build.steps[stepIndex(build, { uses: 'actions/checkout' })]!;
    expect(checkout.with).toMatchObject({ 'persist-credentials': false });
    expect(build.container).toMatch(/^node:24-bookworm/);
  });

  it("keeps Astro's caches and the last dist/ between runs, keyed on content and code", () => {
    const cache = build.steps[stepIndex(build, { uses: 'actions/cache' })]!;
    expect(String(cache.with?.['path']).split('\n')).toEqual(expect.arrayContaining(['node_modules/.astro', 'dist']));
    expect(String(cache.with?.['key'])).toContain("hashFiles('content/**'");
    expect(String(cache.with?.['restore-keys'])).toMatch(/astro-build-/);
  });

  it('publishes to GitHub Pages or to object storage, as the PUBLISH_TARGET variable says', () => {
    const upload = build.steps[stepIndex(build, { uses: 'actions/upload-pages-artifact' })]!;
    expect(upload.if).toBe("vars.PUBLISH_TARGET != 's3'");
    expect(upload.with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toContain("vars.PUBLISH_TARGET != 's3'");
    expect(deploy.if).toContain("needs.build.result == 'success'");
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(deploy.steps[0]!.id).toBe('deployment');

    // dist/ is checked against the limits of where it goes.
    expect(build.steps[stepIndex(build, { run: /^npm run verify\b/ })]!.run).toBe(
      "npm run verify -- ${{ vars.PUBLISH_TARGET == 's3' && '--host s3' || '' }}",
    );
    const s3 = build.steps[stepIndex(build, { run: /^npm run deploy\b/ })]!;
    expect(s3.if).toBe("vars.PUBLISH_TARGET == 's3'");
    expect(s3.run).toBe('npm run deploy -- "$DEPLOY_S3_URL"');
    expect(s3.env).toEqual({
      DEPLOY_S3_URL: '${{ vars.DEPLOY_S3_URL }}',
      AWS_REGION: '${{ vars.AWS_REGION }}',
      AWS_ENDPOINT_URL_S3: '${{ vars.AWS_ENDPOINT_URL_S3 }}',
      AWS_ACCESS_KEY_ID: '${{ secrets.AWS_ACCESS_KEY_ID }}',
      AWS_SECRET_ACCESS_KEY: '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
    });
    // Secrets reach that step only.
    const withSecrets = Object.values(publish.jobs).flatMap((job) =>
      (job.steps ?? []).filter((step) => JSON.stringify(step).includes('secrets.')),
    );
    expect(withSecrets).toEqual([s3]);
  });
});

describe('.github/workflows/tests.yml', () => {
  it('runs on pull requests, on pushes to other branches and when publish.yml calls it, not for content alone', () => {
    expect(tests.on['pull_request']).toEqual({ 'paths-ignore': ['content/**'] });
    expect(tests.on['push']).toEqual({ 'branches-ignore': ['main'], 'paths-ignore': ['content/**'] });
    expect(tests.on).toHaveProperty('workflow_call');
  });

  it('installs Chromium for the browser tests, then lints and runs the whole suite', () => {
    const order = [
      stepIndex(testJob, { uses: 'actions/checkout' }),
      stepIndex(testJob, { uses: 'actions/setup-node' }),
      stepIndex(testJob, { run: /apt-get install .*chromium/ }),
      stepIndex(testJob, { run: /^npm install\b/ }),
      stepIndex(testJob, { run: /^npm run lint$/ }),
      stepIndex(testJob, { run: /^npm test$/ }),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(testJob.container).toMatch(/^node:24-bookworm/);
  });
});

describe("publish.yml's check for a content-only push", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'workflow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Biên tập',
    GIT_AUTHOR_EMAIL: 'bien-tap@example.com',
    GIT_COMMITTER_NAME: 'Biên tập',
    GIT_COMMITTER_EMAIL: 'bien-tap@example.com',
  };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
  const origin = path.join(dir, 'origin');
  const commit = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(origin, file)), { recursive: true });
    writeFileSync(path.join(origin, file), text);
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', file);
    return git(origin, 'rev-parse', 'HEAD');
  };
  mkdirSync(origin);
  git(origin, 'init', '-q');
  const first = commit('content/articles/a.md', 'Bài một');
  const contentOnly = commit('content/articles/b.md', 'Bài hai');
  const code = commit('src/lib/dates.ts', 'export {};');
  const runner = path.join(dir, 'runner');
  mkdirSync(runner);
  git(runner, 'init', '-q');
  git(runner, 'remote', 'add', 'origin', `file://${origin}`);
  const script = changes.steps.find((step) => step.id === 'diff')!.run!;

  /** Runs the step as GitHub's bash shell would, and returns what it wrote to GITHUB_OUTPUT. */
  const decide = (vars: { EVENT: string; BEFORE: string; AFTER: string }) => {
    const output = path.join(dir, `output-${Math.random()}`);
    writeFileSync(output, '');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: runner,
      env: { ...env, ...vars, GITHUB_OUTPUT: output },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(output, 'utf8');
  };

  it('skips the tests for a push of articles only, and runs them for code, other events or an unknown base', () => {
    expect(decide({ EVENT: 'push', BEFORE: first, AFTER: contentOnly })).toBe('code=false\n');
    expect(decide({ EVENT: 'push', BEFORE: contentOnly, AFTER: code })).toBe('code=true\n');
    expect(decide({ EVENT: 'push', BEFORE: first, AFTER: code })).toBe('code=true\n');
    expect(decide({ EVENT: 'schedule', BEFORE: '', AFTER: contentOnly })).toBe('code=true\n');
    expect(decide({ EVENT: 'push', BEFORE: '0'.repeat(40), AFTER: contentOnly })).toBe('code=true\n');
  });
});
