/**
 * `node scripts/search-probe.ts [--dist DIR] [--query Q]... [--typed] [--json]`
 *
 * What a reader's browser pays for search: serves a built site (`dist/` by default) on
 * loopback, opens `/tim-kiem/` in Debian's Chromium, then runs each query (two by default)
 * the way a reader does and reports, per step, the requests and bytes the browser fetched and
 * the time to results on screen: from Enter, or with `--typed` from the last key of the query
 * typed a key at a time (the page searches once the reader pauses, and fetches what it can
 * while the reader types). Bytes are counted twice:
 * as served here (no compression) and as a CDN that gzips text would send them (Pagefind's
 * index files and WebAssembly are already compressed and count as they are).
 *
 * `probeSearch()` is exported for the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium.ts';
import { serveDirectory } from './lib/static-server.ts';

/** Worth gzipping on a CDN; everything else is already compressed. */
const TEXT = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

export interface ProbeStep {
  label: string;
  requests: number;
  /** Bytes as served without compression. */
  bytes: number;
  /** Bytes with text files gzipped, as a CDN would send them. */
  gzipBytes: number;
  /** Enter (or the last key, typed) to results on screen, for a query. */
  ms?: number;
  /** Results found, for a query. */
  results?: number;
  files: { path: string; bytes: number }[];
}

export interface ProbeReport {
  dist: string;
  steps: ProbeStep[];
}

/**
 * Serves `dist` on loopback and measures the search page and each query in Chromium.
 *
 * @example
 * const report = await probeSearch({ dist: 'dist', queries: ['da lat', 'bao loc'] });
 * report.steps[1]; // { label: 'query "da lat"', requests: 9, bytes: 231_000, gzipBytes: 180_000, ms: 42, … }
 */
export async function probeSearch(options: {
  dist: string;
  queries: readonly string[];
  /** Type each query a key at a time (this many ms apart), instead of setting it and pressing Enter. */
  typedDelayMs?: number;
}): Promise<ProbeReport> {
  const root = path.resolve(options.dist);
  if (!existsSync(path.join(root, 'pagefind'))) throw new Error(`${root} has no pagefind/ bundle`);
  const gzipSizes = new Map<string, number>();
  let log: { path: string; bytes: number; gzip: number }[] = [];
  const site = await serveDirectory(root, {
    onServe: (pathname, file, size) => {
      // Chromium fetches the icon whenever it likes; it is not part of any step's cost.
      if (pathname === '/favicon.svg') return;
      if (!gzipSizes.has(file)) {
        gzipSizes.set(file, TEXT.has(path.extname(file)) ? gzipSync(readFileSync(file)).length : size);
      }
      log.push({ path: pathname, bytes: size, gzip: gzipSizes.get(file)! });
    },
  });
  const origin = site.url;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
  const steps: ProbeStep[] = [];
  const step = (label: string, extra: Partial<ProbeStep> = {}) => {
    steps.push({
      label,
      requests: log.length,
      bytes: log.reduce((sum, entry) => sum + entry.bytes, 0),
      gzipBytes: log.reduce((sum, entry) => sum + entry.gzip, 0),
      ...extra,
      files: log.map(({ path: file, bytes }) => ({ path: file, bytes })),
    });
    log = [];
  };
  try {
    // A fresh context: nothing cached from an earlier run.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/tim-kiem/`, { waitUntil: 'networkidle' });
    step('search page');
    for (const query of options.queries) {
      const typed = options.typedDelayMs;
      if (typed !== undefined) {
        await page.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>('[data-search-form] input[name="q"]')!;
          input.value = '';
          input.addEventListener('input', () => ((window as { lastKey?: number }).lastKey = performance.now()));
        });
        await page.focus('[data-search-form] input[name="q"]');
        await page.keyboard.type(query, { delay: typed });
      }
      const measured = await page.evaluate(
        async ({ text, typed }) => {
          const input = document.querySelector<HTMLInputElement>('[data-search-form] input[name="q"]')!;
          const root = document.querySelector('[data-search]')!;
          const status = document.querySelector('[data-search-status]')!;
          let started = (window as { lastKey?: number }).lastKey ?? performance.now();
          if (!typed) {
            input.focus();
            input.value = text;
            started = performance.now();
            input.form!.requestSubmit();
          }
          await new Promise<void>((resolve) => {
            const done = () => !root.hasAttribute('aria-busy') && (status.textContent ?? '').includes(text);
            if (done()) return resolve();
            new MutationObserver((_, observer) => {
              if (done()) {
                observer.disconnect();
                resolve();
              }
            }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          });
          return { ms: performance.now() - started, results: document.querySelectorAll('.search-result').length };
        },
        { text: query, typed: typed !== undefined },
      );
      // Let late requests (preloads, the next page's fragments) land in this step.
      await page.waitForLoadState('networkidle');
      step(`${typed === undefined ? 'query' : 'typed'} "${query}"`, {
        ms: Math.round(measured.ms),
        results: measured.results,
      });
    }
    await context.close();
  } finally {
    await browser.close();
    await site.close();
  }
  return { dist: root, steps };
}

/** A reader typing steadily: about six keys a second. */
export const TYPING_DELAY_MS = 160;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      query: { type: 'string', multiple: true, default: ['da lat', 'bao loc'] },
      typed: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const report = await probeSearch({
    dist: values.dist,
    queries: values.query,
    ...(values.typed ? { typedDelayMs: TYPING_DELAY_MS } : {}),
  });
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`| bước | yêu cầu | byte (không nén) | byte (gzip) | thời gian | kết quả |`);
    console.log(`| --- | ---: | ---: | ---: | ---: | ---: |`);
    for (const entry of report.steps) {
      const time = entry.ms === undefined ? '' : `${entry.ms} ms`;
      console.log(
        `| ${entry.label} | ${entry.requests} | ${kb(entry.bytes)} | ${kb(entry.gzipBytes)} | ${time} | ${entry.results ?? ''} |`,
      );
    }
  }
}
