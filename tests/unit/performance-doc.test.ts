import { describe, expect, it } from 'vitest';
import {
  performanceTable,
  readReport,
  replaceBetweenMarkers,
  TABLE_END,
  TABLE_START,
} from '../../scripts/bench/performance-doc.ts';

// A small report in the shape `npm run bench` writes (fields the table does not show left in).
const REPORT = {
  articles: 10000,
  seed: 1,
  buildTime: '2026-11-23T12:00:00+07:00',
  measuredAt: '2026-12-01T03:04:05.000Z',
  machine: { cpus: 2, cpuModel: 'x', memoryGb: 7.8, node: 'v24.21.0', platform: 'linux' },
  code: { commit: 'abc1234', uncommittedFiles: 0 },
  steps: [
    {
      id: 'cold',
      label: '1. cold build (no caches)',
      seconds: 90.04,
      peakRssMb: 1200,
      exitCode: 0,
      sampled: { peakGroupRssMb: 1500, cpuSeconds: 1, peakProcess: { comm: 'node', rssMb: 1200 } },
    },
    { id: 'unchanged', label: '2. rebuild, nothing changed', seconds: 8, peakRssMb: 640, exitCode: 0 },
    { id: 'edit', label: '3. rebuild after editing one article', seconds: 20, peakRssMb: 650, exitCode: 1 },
    {
      id: 'deploy',
      label: '9. content-only commit to a finished deploy',
      seconds: 52.3,
      peakRssMb: 700,
      exitCode: 0,
      note: 'Đã gửi 27 tệp (840 KB), 25321 tệp không đổi, đã xoá 24 tệp.',
      phases: [
        { name: 'npm run check', seconds: 6.1 },
        { name: 'npm run build', seconds: 21.2 },
        { name: 'npm run verify', seconds: 20 },
        { name: 'npm run deploy', seconds: 5 },
      ],
    },
    {
      id: 'search',
      label: '5. search index alone (Pagefind)',
      seconds: 40,
      peakRssMb: 180,
      exitCode: 0,
      note: '35.0 MB, 10000 files',
    },
  ],
  peers: [
    { peer: 'hugo', version: '0.111.3', seconds: 8, peak_rss_mb: 600, runs: [7, 9] },
    { peer: 'hugo-news', version: '0.111.3', seconds: 20, peak_rss_mb: 900, runs: [20] },
    { peer: 'pagefind-cli', version: '1.6.0', seconds: 30, peak_rss_mb: 700, runs: [30] },
    { peer: 'eleventy', error: 'npm install of @11ty/eleventy failed', runs: [] },
  ],
  targets: [],
  dist: { bytes: 259_000_000, files: 25740, htmlFiles: 15011, byExtension: {} },
  searchQueries: [
    { label: 'search page', requests: 9, bytes: 373_760, gzipBytes: 287_744, results: 0 },
    { label: 'first query "da lat"', requests: 60, bytes: 278_528, gzipBytes: 200_000, ms: 712, results: 10 },
    {
      label: 'typed "da lat"',
      requests: 60,
      bytes: 278_528,
      gzipBytes: 200_000,
      ms: 640,
      msRange: [600, 910],
      results: 10,
    },
  ],
  relevance: { queries: 33, precisionAt10: 0.954, recall: 0.9, scores: [] },
};

describe('performanceTable', () => {
  it('writes the steps with ratios to each peer, Hugo news plus Pagefind together, then the peers', () => {
    expect(performanceTable(readReport(REPORT))).toMatchInlineSnapshot(`
      "10,000 articles (seed 1), measured 2026-12-01, commit abc1234, 2 CPUs, 7.8 GB of memory, Node v24.21.0. Ratios are our time divided by the reference time (below 1 is faster).

      | step                                                             | seconds | peak RSS MB, largest process (all processes) | vs Hugo floor | vs Hugo news | vs Hugo news + Pagefind |
      | ---------------------------------------------------------------- | ------: | -------------------------------------------: | ------------: | -----------: | ----------------------: |
      | 1. cold build (no caches)                                        |    90.0 |                                  1200 (1500) |        11.26× |        4.50× |                   1.80× |
      | 2. rebuild, nothing changed                                      |     8.0 |                                          640 |         1.00× |        0.40× |                   0.16× |
      | 3. rebuild after editing one article (FAILED, exit 1)            |    20.0 |                                          650 |           n/a |          n/a |                     n/a |
      | 9. content-only commit to a finished deploy                      |    52.3 |                                          700 |         6.54× |        2.61× |                   1.05× |
      | 5. search index alone (Pagefind) (35.0 MB, 10000 files)          |    40.0 |                                          180 |         5.00× |        2.00× |                   0.80× |
      | Hugo floor site 0.111.3 (peer, mean of 2 runs)                   |     8.0 |                                          600 |               |              |                         |
      | Hugo news site 0.111.3 (peer)                                    |    20.0 |                                          900 |               |              |                         |
      | Pagefind's CLI over the Hugo news site 1.6.0 (peer)              |    30.0 |                                          700 |               |              |                         |
      | Eleventy floor site (peer): npm install of @11ty/eleventy failed |     n/a |                                          n/a |               |              |                         |

      - \`dist/\` after the cold build: 247.0 MB, 25,740 files (15,011 HTML pages).
      - Search in Chromium on loopback (bytes fetched, time from Enter, or from the last key typed, to results):
        - search page: 365.0 KB (281.0 KB gzipped)
        - first query "da lat": 272.0 KB (195.3 KB gzipped), 712 ms
        - typed "da lat": 272.0 KB (195.3 KB gzipped), 640 ms (median; 600 to 910 ms)
      - Search relevance, 33 queries for planted phrases: precision of the first ten results 0.95, recall 0.90 (means).
      - A content-only commit from a warm cache to a finished deploy on a local S3 store: 52.3 s (npm run check 6.1 s, npm run build 21.2 s, npm run verify 20.0 s, npm run deploy 5.0 s); the target is under 60 s. Đã gửi 27 tệp (840 KB), 25321 tệp không đổi, đã xoá 24 tệp."
    `);
  });

  it('shows no ratio column when no peer ran', () => {
    const table = performanceTable(readReport({ articles: 100, steps: [REPORT.steps[1]], peers: [] }));
    expect(table).toMatchInlineSnapshot(`
      "100 articles.

      | step                        | seconds | peak RSS MB, largest process (all processes) |
      | --------------------------- | ------: | -------------------------------------------: |
      | 2. rebuild, nothing changed |     8.0 |                                          640 |"
    `);
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only the lines between the markers', () => {
    const doc = `# Performance\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nHow to run it.\n`;
    expect(replaceBetweenMarkers(doc, 'new table')).toBe(
      `# Performance\n\n${TABLE_START}\n\nnew table\n\n${TABLE_END}\n\nHow to run it.\n`,
    );
  });

  it('refuses a document without both markers in order', () => {
    expect(() => replaceBetweenMarkers(`${TABLE_END}\n${TABLE_START}\n`, 'x')).toThrowErrorMatchingInlineSnapshot(
      `[Error: the document has no "<!-- bench-table:start -->" line followed by a "<!-- bench-table:end -->" line]`,
    );
    expect(() => replaceBetweenMarkers('# Performance\n', 'x')).toThrow();
  });
});

describe('readReport', () => {
  it('refuses JSON that is not a benchmark report', () => {
    expect(() => readReport({ articles: 10, steps: [{ label: 'x' }] })).toThrowErrorMatchingInlineSnapshot(
      `[Error: not a report of npm run bench (it needs "articles" and "steps" with a label and seconds each)]`,
    );
    expect(() => readReport(null)).toThrow();
  });

  it('reads a report without peers as one with none', () => {
    expect(readReport({ articles: 10, steps: [] }).peers).toEqual([]);
  });
});
