/**
 * Builds a fixture site under tests/fixtures/ with the real `npm run build` script, the way
 * a newsroom's CI would, and reads what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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

export function fixturePath(name: string): string {
  return path.join(PROJECT, 'tests/fixtures', name);
}

export function buildFixture(name: string, env: Record<string, string> = {}): FixtureBuild {
  const root = fixturePath(name);
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/build.ts'), '--root', root], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, BUILD_TIME: '2024-06-01T12:00:00+07:00', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  const dist = path.join(root, 'dist');
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
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
