/**
 * The publishing workflow, parsed: when it runs, what it may do, and that nothing is
 * deployed before content is checked, the project tested, the site built and dist/ verified.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const FILE = path.resolve(import.meta.dirname, '../../.github/workflows/publish.yml');
const TEXT = readFileSync(FILE, 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: {
    push: { branches: string[] };
    schedule: { cron: string }[];
    workflow_dispatch: unknown;
  };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(TEXT) as Workflow;
const build = workflow.jobs['build']!;
const deploy = workflow.jobs['deploy']!;

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
  it('runs on push to main, daily, and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, hour, ...rest] = workflow.on.schedule[0]!.cron.split(' ');
    expect(rest).toEqual(['*', '*', '*']);
    expect(Number(minute)).toBeLessThan(60);
    // Early morning in Vietnam (UTC+7), and the comment says how UTC maps to it.
    expect((Number(hour) + 7) % 24).toBeLessThan(8);
    expect(TEXT).toMatch(/UTC\+7/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('grants only read access, and Pages and OIDC only to the deploy job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(build.permissions).toBeUndefined();
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('cancels a run in progress when a newer one starts', () => {
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': true });
  });

  it('pins every action to a full commit SHA, with its version in a comment', () => {
    const uses = TEXT.split('\n').filter((line) => /^\s*(-\s*)?uses:/.test(line));
    expect(uses.length).toBe(5);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
    for (const step of [...build.steps, ...deploy.steps]) {
      if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    }
  });

  it('installs, checks content, tests, restores the build cache, builds and verifies, in that order, before packaging dist/', () => {
    const order = [
      stepIndex(build, { uses: 'actions/checkout' }),
      stepIndex(build, { uses: 'actions/setup-node' }),
      stepIndex(build, { run: /apt-get install .*chromium/ }),
      stepIndex(build, { run: /^npm install\b/ }),
      stepIndex(build, { run: /^npm run check$/ }),
      stepIndex(build, { run: /^npm test$/ }),
      stepIndex(build, { uses: 'actions/cache' }),
      stepIndex(build, { run: /^npm run build$/ }),
      stepIndex(build, { run: /^npm run verify$/ }),
      stepIndex(build, { uses: 'actions/upload-pages-artifact' }),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('uses Node 24 with the npm cache, and keeps the checkout token out of the workspace', () => {
    const setupNode = build.steps[stepIndex(build, { uses: 'actions/setup-node' })]!;
    expect(setupNode.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    const checkout = build.steps[stepIndex(build, { uses: 'actions/checkout' })]!;
    expect(checkout.with).toMatchObject({ 'persist-credentials': false });
  });

  it("keeps Astro's caches and the last dist/ between runs, keyed on content and code", () => {
    const cache = build.steps[stepIndex(build, { uses: 'actions/cache' })]!;
    expect(String(cache.with?.['path']).split('\n')).toEqual(expect.arrayContaining(['node_modules/.astro', 'dist']));
    expect(String(cache.with?.['key'])).toContain("hashFiles('content/**'");
    expect(String(cache.with?.['restore-keys'])).toMatch(/astro-build-/);
  });

  it('deploys the verified dist/ to GitHub Pages, only after the build job', () => {
    const upload = build.steps[stepIndex(build, { uses: 'actions/upload-pages-artifact' })]!;
    expect(upload.with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(deploy.environment?.url).toBe('${{ steps.deployment.outputs.page_url }}');
    expect(deploy.steps[0]!.id).toBe('deployment');
  });

  it('builds on Debian, whose chromium the browser tests drive', () => {
    expect(build.container).toMatch(/^node:24-bookworm/);
  });
});
