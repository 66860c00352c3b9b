import { describe, expect, it } from 'vitest';
import { moduleOf, summariseProfile, type CpuProfile } from '../../scripts/bench/profile.ts';
import {
  evaluateTargets,
  newsStackSeconds,
  formatBytes,
  formatPhases,
  formatRatio,
  formatTable,
  formatTargets,
  markdownTable,
  ratio,
} from '../../scripts/bench/report.ts';
import {
  aggregatePeers,
  buildPhases,
  parsePeers,
  parseProcStat,
  parseSearchIndexLog,
  parseTimeOutput,
  type StepResult,
} from '../../scripts/bench/read-output.ts';

const step = (id: StepResult['id'], seconds: number, peakRssMb = 900): StepResult => ({
  id,
  label: id,
  seconds,
  peakRssMb,
  exitCode: 0,
});

describe('parseTimeOutput', () => {
  it('reads wall seconds and peak RSS', () => {
    expect(parseTimeOutput('12.34 456789\n')).toEqual({ seconds: 12.34, peakRssKb: 456789 });
  });

  it('adds user and system CPU seconds when given', () => {
    expect(parseTimeOutput('12.34 456789 20.50 1.50\n')).toEqual({ seconds: 12.34, peakRssKb: 456789, cpuSeconds: 22 });
  });

  it('skips the line time adds for a failing command', () => {
    expect(parseTimeOutput('Command exited with non-zero status 1\n3.00 1024\n')).toEqual({
      seconds: 3,
      peakRssKb: 1024,
    });
  });

  it('returns undefined without figures', () => {
    expect(parseTimeOutput('')).toBeUndefined();
  });
});

describe('parseProcStat', () => {
  it('reads pid, group, CPU ticks and RSS pages, whatever the command name holds', () => {
    const fields = [
      'S',
      '1',
      '42',
      '42',
      '0',
      '-1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '150',
      '50',
      '0',
      '0',
      '20',
      '0',
      '7',
      '0',
      '100',
      '999',
      '2500',
    ];
    expect(parseProcStat(`4242 (node (worker) x) ${fields.join(' ')}`)).toEqual({
      pid: 4242,
      comm: 'node (worker) x',
      pgrp: 42,
      cpuTicks: 200,
      rssPages: 2500,
    });
  });

  it('returns undefined for garbage', () => {
    expect(parseProcStat('nonsense')).toBeUndefined();
  });
});

describe('buildPhases', () => {
  const lines = [
    [2000, '22:44:35 [content] Syncing content'],
    [3000, '22:44:36 [news-archive-articles] 300 bài viết'],
    [5000, '22:44:36 [content] Synced content'],
    [5100, '22:44:36 [build] Building static entrypoints...'],
    [6000, '22:44:37 [vite] ✓ built in 842ms'],
    [7100, ' generating static routes '],
    [7200, '22:44:41   ├─ /bai-viet/a/index.html (+1ms)'],
    [17100, ' generating optimized images '],
    [20100, '22:44:55 ✓ Completed in 3.00s.'],
    [20200, '22:44:55 [build] ✓ Completed in 18.34s.'],
    [20600, '22:44:55 [@astrojs/sitemap] `sitemap-index.xml` created'],
    [20700, '22:44:55 [news-archive-postbuild] 8 đường dẫn cũ'],
    [22700, '22:44:56 [news-archive-search-index] Chỉ mục tìm kiếm: 300 bài viết, 1302 KB, 2.0 giây'],
    [22800, '22:44:56 [build] Complete!'],
  ].map(([ms, text]) => ({ ms: ms as number, text: text as string }));

  it('splits the wall time at Astro milestones and integration lines', () => {
    const phases = buildPhases(lines, 23.5);
    expect(phases.map((phase) => [phase.name.split(' ')[0], phase.seconds])).toEqual([
      ['startup', 2],
      ['content', 3],
      ['types', 0.1],
      ['bundle', 2],
      ['render', 10],
      ['optimise', 3],
      ['integration', 0.5],
      ['integration', 0.1],
      ['integration', 2],
      ['other', 0.1],
      ['exit', 0.7],
    ]);
    expect(phases.reduce((sum, phase) => sum + phase.seconds, 0)).toBeCloseTo(23.5, 5);
  });

  it('times a step npm run build runs after Astro exits (the search index) as its own phase', () => {
    const after = [
      ...lines.filter((line) => !line.text.includes('news-archive-search-index')),
      { ms: 22900, text: '22:44:56 [build] 300 page(s) built in 20.9s' },
      { ms: 25900, text: '22:44:59 [news-archive-search-index] Chỉ mục tìm kiếm: 300 bài viết, 2 phần' },
    ];
    const phases = buildPhases(after, 26);
    expect(phases.slice(-3).map((phase) => [phase.name, phase.seconds])).toEqual([
      ['other build:done work', 2.1],
      ['integration news-archive-search-index', 3.1],
      ['exit', 0.1],
    ]);
  });

  it('closes the pages at Astro’s "Completed" line when no page has an Astro image', () => {
    const withoutImages = [
      ...lines.slice(0, 7),
      { ms: 17100, text: '22:44:52 ✓ Completed in 9.90s.' },
      { ms: 17200, text: '22:44:52 [build] ✓ Completed in 15.34s.' },
      { ms: 17300, text: '22:44:52 [build] Complete!' },
      {
        ms: 19300,
        text: '22:44:54 [news-archive-pictures] 3 ảnh, 36 tệp (0 tệp mới chuyển đổi, 0 tệp bỏ) trong 2.0 s',
      },
    ];
    const phases = buildPhases(withoutImages, 19.5);
    expect(phases.slice(4).map((phase) => [phase.name, phase.seconds])).toEqual([
      ['render pages (getStaticPaths + HTML)', 10],
      ['other build:done work', 0.2],
      ['integration news-archive-pictures', 2],
      ['exit', 0.2],
    ]);
  });

  it('returns no phases for a log without milestones', () => {
    expect(buildPhases([{ ms: 10, text: 'hello' }], 1)).toEqual([]);
  });
});

describe('parseSearchIndexLog', () => {
  it('reads the search-index integration line', () => {
    expect(
      parseSearchIndexLog([
        'x',
        '[s] Chỉ mục tìm kiếm: 10 bài viết, 2 phần (lập lại 1, dùng lại 1 từ bộ nhớ đệm), 42 KB, 1.5 giây',
      ]),
    ).toEqual({ pages: 10, shards: 2, indexed: 1, kb: 42, seconds: 1.5 });
  });
});

describe('parsePeers', () => {
  it('keeps the JSON lines of peers.sh', () => {
    const output = [
      'noise',
      '{"peer":"hugo","version":"v0.111.3","articles":10,"seconds":0.5,"peak_rss_mb":66}',
      '{"peer":"eleventy","error":"npm install failed"}',
      '{broken',
    ].join('\n');
    expect(parsePeers(output)).toEqual([
      { peer: 'hugo', version: 'v0.111.3', articles: 10, seconds: 0.5, peak_rss_mb: 66 },
      { peer: 'eleventy', error: 'npm install failed' },
    ]);
  });
});

describe('aggregatePeers', () => {
  it('averages each peer over runs and keeps the highest RSS', () => {
    expect(
      aggregatePeers([
        [
          { peer: 'hugo', version: 'v1', seconds: 9, peak_rss_mb: 60 },
          { peer: 'eleventy', error: 'x' },
        ],
        [
          { peer: 'hugo', version: 'v1', seconds: 11, peak_rss_mb: 70 },
          { peer: 'eleventy', seconds: 4 },
        ],
      ]),
    ).toEqual([
      { peer: 'hugo', version: 'v1', seconds: 10, peak_rss_mb: 70, runs: [9, 11] },
      { peer: 'eleventy', seconds: 4, runs: [4] },
    ]);
  });

  it('keeps the error of a peer that never succeeded', () => {
    expect(aggregatePeers([[{ peer: 'hugo', error: 'not installed' }]])).toEqual([
      { peer: 'hugo', error: 'not installed', runs: [] },
    ]);
  });
});

describe('ratio and formatRatio', () => {
  it('divides ours by theirs', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(formatRatio(2.345)).toBe('2.35×');
  });

  it('is n/a without a peer figure', () => {
    expect(ratio(30, undefined)).toBeUndefined();
    expect(ratio(30, 0)).toBeUndefined();
    expect(formatRatio(undefined)).toBe('n/a');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_572_864)).toBe('1.5 MB');
  });
});

describe('newsStackSeconds', () => {
  it('adds Pagefind’s CLI to Hugo’s news site, and is unknown without either', () => {
    expect(
      newsStackSeconds([
        { peer: 'hugo-news', seconds: 11 },
        { peer: 'pagefind-cli', seconds: 13 },
      ]),
    ).toBe(24);
    expect(newsStackSeconds([{ peer: 'hugo-news', seconds: 11 }])).toBeUndefined();
  });
});

describe('evaluateTargets', () => {
  const peers = [
    { peer: 'hugo', seconds: 10 },
    { peer: 'hugo-news', seconds: 12 },
    { peer: 'pagefind-cli', seconds: 8 },
  ];

  it('checks the cold build against Hugo news + Pagefind and rebuilds against Hugo’s floor at 10,000 articles', () => {
    const targets = evaluateTargets(10_000, [step('cold', 19), step('edit', 9), step('add', 11, 2100)], peers);
    expect(targets.map((target) => target.pass)).toEqual([true, true, false, false]);
    expect(targets[0]).toEqual({
      target: 'cold build within 1× Hugo news + Pagefind',
      measured: '19.0 s vs Hugo news + Pagefind 20.0 s = 0.95×',
      pass: true,
    });
    expect(targets[1]!.measured).toBe('9.0 s vs Hugo 10.0 s = 0.90×');
    expect(evaluateTargets(10_000, [step('cold', 21)], peers)[0]!.pass).toBe(false);
  });

  it('counts every process at once for memory when the sampler saw more', () => {
    const sampled = { peakGroupRssMb: 2600, peakProcess: { comm: 'pagefind_extend', rssMb: 1500 }, cpuSeconds: 1 };
    const targets = evaluateTargets(10_000, [{ ...step('cold', 19, 1500), sampled }], peers);
    expect(targets[3]).toMatchObject({ pass: false, measured: '2600 MB (largest single process: 1500 MB)' });
  });

  it('marks other sizes as indicative and unknown without Hugo', () => {
    const targets = evaluateTargets(500, [step('cold', 19)], []);
    expect(targets[0]!.target).toContain('indicative');
    expect(targets[0]!.pass).toBeUndefined();
    // Hugo's news site alone is not what a newsroom would run.
    expect(evaluateTargets(10_000, [step('cold', 19)], [{ peer: 'hugo-news', seconds: 12 }])[0]!.pass).toBeUndefined();
  });

  it('checks a content-only commit to a finished deploy against 60 s, naming each command’s time', () => {
    const phases = [
      { name: 'npm run check', seconds: 3.2 },
      { name: 'npm run build', seconds: 30.4 },
      { name: 'npm run verify', seconds: 9.1 },
      { name: 'npm run deploy', seconds: 2.5 },
    ];
    const deploy = { ...step('deploy', 45.2), phases };
    expect(evaluateTargets(10_000, [step('cold', 19), deploy], peers).at(-1)).toEqual({
      target: 'a content-only commit from a warm cache to a finished deploy under 60 s',
      measured: '45.2 s (npm run check 3.2 s, npm run build 30.4 s, npm run verify 9.1 s, npm run deploy 2.5 s)',
      pass: true,
    });
    const slow = evaluateTargets(10_000, [{ ...deploy, seconds: 61 }], peers).at(-1);
    expect(slow?.pass).toBe(false);
    const failedDeploy = evaluateTargets(10_000, [{ ...deploy, seconds: 12, exitCode: 1 }], peers).at(-1);
    expect(failedDeploy).toMatchObject({
      pass: false,
      measured: expect.stringMatching(/^failed \(npm run check 3.2 s/),
    });
  });

  it('adds the 24 GB target at 100,000 articles', () => {
    expect(evaluateTargets(100_000, [step('cold', 100, 9000)], peers).at(-1)).toMatchObject({ pass: true });
  });

  it('formats pass, fail and unknown marks', () => {
    expect(formatTargets([{ target: 't', measured: 'm', pass: true }])).toBe('- ✅ t: m');
    expect(formatTargets([{ target: 't', measured: 'm', pass: undefined }])).toBe('- ❔ t: m');
  });
});

describe('formatTable', () => {
  it('prints our steps with ratios, then the peers', () => {
    const table = formatTable({
      articles: 10,
      steps: [step('cold', 20)],
      peers: [
        { peer: 'hugo', version: 'v0.111.3', seconds: 10, peak_rss_mb: 66 },
        { peer: 'hugo-news', version: 'v0.111.3', seconds: 3, peak_rss_mb: 130 },
        { peer: 'pagefind-cli', version: '1.6.0', seconds: 2, peak_rss_mb: 900 },
      ],
    });
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| step +\| seconds \| peak RSS MB \| vs Hugo \| vs Hugo news \+ Pagefind \|$/);
    expect(lines[2]).toMatch(/\| cold .*\| +20\.00 \| +900 \| +2\.00× \| +4\.00× \|/);
    expect(lines[3]).toContain("Hugo's floor v0.111.3 (peer)");
    expect(lines[5]).toContain("Pagefind's CLI over it 1.6.0 (peer)");
  });

  it('adds the all-processes peak when the sampler saw more than /usr/bin/time', () => {
    const sampled = { peakGroupRssMb: 4200, peakProcess: { comm: 'pagefind_extend', rssMb: 2700 }, cpuSeconds: 9 };
    expect(formatTable({ articles: 1, steps: [{ ...step('cold', 1, 1900), sampled }], peers: [] })).toContain(
      '1900 (all processes: 4200)',
    );
  });

  it('marks failed steps', () => {
    expect(formatTable({ articles: 1, steps: [{ ...step('cold', 1), exitCode: 1 }], peers: [] })).toContain(
      'FAILED, exit 1',
    );
  });
});

describe('formatPhases', () => {
  it('lines phases of several steps up by name', () => {
    const table = formatPhases([
      { ...step('cold', 3), phases: [{ name: 'render', seconds: 2 }] },
      { ...step('edit', 1), phases: [{ name: 'render', seconds: 0.5 }] },
    ]);
    expect(table).toContain('| render');
    expect(table).toMatch(/total \(wall\) +\| +3\.00 \| +1\.00 \|/);
  });
});

describe('markdownTable', () => {
  it('pads cells and right-aligns numeric columns', () => {
    expect(
      markdownTable(
        [
          ['name', 'n'],
          ['đà', '12'],
        ],
        [false, true],
      ),
    ).toBe(['| name |   n |', '| ---- | --: |', '| đà   |  12 |'].join('\n'));
  });
});

describe('moduleOf', () => {
  it('names npm packages, scoped or not', () => {
    expect(moduleOf('file:///p/node_modules/@astrojs/sitemap/dist/index.js', '/p')).toBe('@astrojs/sitemap');
    expect(moduleOf('file:///p/node_modules/a/node_modules/unified/lib/index.js', '/p')).toBe('unified');
  });

  it('names project files and V8 pseudo-frames', () => {
    expect(moduleOf('file:///p/src/lib/archive.ts', '/p')).toBe('src/lib/archive.ts');
    expect(moduleOf('', '/p', '(garbage collector)')).toBe('(garbage collector)');
    expect(moduleOf('node:fs', '/p')).toBe('node: internals');
  });
});

describe('summariseProfile', () => {
  it('attributes self time to functions and inclusive time to modules on the stack', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2] },
        { id: 2, callFrame: frame('load', 'file:///p/src/data/article-loader.ts'), children: [3] },
        { id: 3, callFrame: frame('parse', 'file:///p/node_modules/remark-parse/index.js') },
      ],
      samples: [2, 3, 3, 3],
      timeDeltas: [0, 1000, 1000, 1000],
      startTime: 0,
      endTime: 4000,
    };
    const summary = summariseProfile(profile, '/p');
    expect(summary.totalMs).toBe(3);
    expect(summary.selfByModule[0]).toMatchObject({ name: 'remark-parse', ms: 2 });
    expect(summary.inclusiveByModule.find((cost) => cost.name === 'src/data/article-loader.ts')?.ms).toBe(3);
  });
});
