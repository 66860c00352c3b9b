/**
 * Runs the site's search indexer alone over a built `dist/`, so the benchmark can time it
 * as a whole process: `node scripts/bench/run-search-index.ts DIST OUT`. Prints the
 * indexer's stats as one JSON line.
 */
import path from 'node:path';

const [distDir, outputPath] = process.argv.slice(2);
if (!distDir || !outputPath) {
  console.error('usage: run-search-index.ts DIST OUT');
  process.exit(2);
}
const modulePath = path.resolve(import.meta.dirname, '../../src/integrations/search-index.ts');
const { buildSearchIndex } = (await import(modulePath)) as {
  buildSearchIndex?: (options: { distDir: string; outputPath?: string }) => Promise<unknown>;
};
if (typeof buildSearchIndex !== 'function') {
  console.error('src/integrations/search-index.ts has no buildSearchIndex');
  process.exit(3);
}
console.log(JSON.stringify(await buildSearchIndex({ distDir, outputPath })));
