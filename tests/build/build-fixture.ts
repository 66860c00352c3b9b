/**
 * Builds a fixture site under tests/fixtures/ with the real `npm run build` script, the way
 * a newsroom's CI would, and reads what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type DefaultTreeNode = DefaultTreeAdapterTypes.Node;

const PROJECT = path.resolve(import.meta.dirname, '../..');

export interface FixtureBuild {
  status: number | null;
  output: string;
  dist: string;
  /** Reads a file from the fixture's `dist/`, relative path. */
  read: (file: string) => string;
  exists: (file: string) => boolean;
  /** Every file under `dist/`, relative, sorted. */
  files: () => string[];
}

/** Fixtures built once by `tests/global-setup.ts`; read them with {@link builtFixture}. */
export const SHARED_FIXTURES = ['basic', 'search'];

export function fixturePath(name: string): string {
  return path.join(PROJECT, 'tests/fixtures', name);
}

/**
 * Builds a fixture now, with the build time fixed at 2024-06-01 12:00 Vietnam time and the
 * machine's zone set to New York, so every dateline asserted proves zone independence.
 */
export function buildFixture(name: string, env: Record<string, string> = {}): FixtureBuild {
  const root = fixturePath(name);
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/build.ts'), '--root', root], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: {
      ...process.env,
      BUILD_TIME: '2024-06-01T12:00:00+07:00',
      TZ: 'America/New_York',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...env,
    },
  });
  return readFixture(name, result.status, `${result.stdout}\n${result.stderr}`);
}

/**
 * A private copy of a shared fixture's content at `tests/fixtures/<name>` (a folder inside the
 * source fixture, so its config reaches `src/` the same way), for a test that builds or serves
 * it without touching the shared fixture's folders. Returns the copy's root.
 */
export async function privateFixtureCopy(source: string, name: string): Promise<string> {
  const root = fixturePath(name);
  await rm(root, { recursive: true, force: true });
  await cp(path.join(fixturePath(source), 'content'), path.join(root, 'content'), { recursive: true });
  await writeFile(
    path.join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\n" +
      "import { archiveConfig } from '../../../../src/integrations/archive-config.ts';\n" +
      "export default defineConfig(archiveConfig(new URL('.', import.meta.url)));\n",
  );
  return root;
}

/** A shared fixture as built by the global setup. */
export function builtFixture(name: string): FixtureBuild {
  const builds = JSON.parse(readFileSync(fixturePath('.builds.json'), 'utf8')) as Record<
    string,
    { status: number | null; output: string }
  >;
  const build = builds[name];
  if (!build) throw new Error(`Fixture "${name}" is not in SHARED_FIXTURES`);
  return readFixture(name, build.status, build.output);
}

function readFixture(name: string, status: number | null, output: string): FixtureBuild {
  const dist = path.join(fixturePath(name), 'dist');
  return {
    status,
    output,
    dist,
    read: (file) => readFileSync(path.join(dist, file), 'utf8'),
    exists: (file) => existsSync(path.join(dist, file)),
    files: () =>
      (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
        .sort(),
  };
}

/** Text of every `<script>` element in a page, found by a real HTML parser. */
export function scriptContents(html: string): string[] {
  const scripts: string[] = [];
  const walk = (node: DefaultTreeNode) => {
    if ('tagName' in node && node.tagName === 'script') {
      scripts.push(node.childNodes.map((child) => ('value' in child ? child.value : '')).join(''));
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(html));
  return scripts;
}
