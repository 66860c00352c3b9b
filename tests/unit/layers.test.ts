/**
 * Imports flow one way: pure logic (`src/lib`, its plugins and the dictionary) at the bottom,
 * then the caches, then the data layer that reads files, then Astro's integrations, with pages
 * and the command-line scripts on top. A module that imports upwards fails here, named.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers } from '../../src/lib/module-graph.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');

type Layer = 'i18n' | 'lib' | 'browser' | 'cache' | 'data' | 'integrations' | 'pages' | 'styles' | 'scripts';

/** The layers each layer may import from (itself included where listed). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  i18n: [],
  lib: ['lib', 'i18n'],
  browser: ['browser', 'lib', 'i18n'],
  cache: ['cache', 'lib'],
  data: ['data', 'cache', 'lib', 'i18n'],
  integrations: ['integrations', 'data', 'cache', 'lib', 'i18n'],
  pages: ['pages', 'data', 'lib', 'i18n', 'browser', 'styles'],
  styles: [],
  scripts: ['scripts', 'integrations', 'data', 'cache', 'lib', 'i18n'],
};

function layerOf(file: string): Layer | undefined {
  const [top, second] = path.relative(PROJECT, file).split(path.sep);
  if (top === 'scripts') return 'scripts';
  if (top !== 'src') return undefined;
  const bySrcFolder: Record<string, Layer> = {
    i18n: 'i18n',
    lib: 'lib',
    plugins: 'lib',
    scripts: 'browser',
    cache: 'cache',
    data: 'data',
    'content.config.ts': 'data',
    integrations: 'integrations',
    pages: 'pages',
    components: 'pages',
    layouts: 'pages',
    styles: 'styles',
  };
  return bySrcFolder[second!];
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(path.join(dir, entry.name))
      : /\.(ts|mjs|astro)$/.test(entry.name)
        ? [path.join(dir, entry.name)]
        : [],
  );

describe('imports between layers', () => {
  it('flow one way: lib ← cache ← data ← integrations ← pages and scripts', () => {
    const wrongWay: string[] = [];
    const files = [...sources(path.join(PROJECT, 'src')), ...sources(path.join(PROJECT, 'scripts'))];
    for (const file of files) {
      const from = layerOf(file)!;
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const to = layerOf(path.resolve(path.dirname(file), specifier));
        if (to && !MAY_IMPORT[from].includes(to)) {
          wrongWay.push(`${path.relative(PROJECT, file)} (${from}) imports ${specifier} (${to})`);
        }
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(wrongWay).toEqual([]);
  });
});
