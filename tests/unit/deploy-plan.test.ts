import { describe, expect, it } from 'vitest';
import { planDeploy, rulesDigest, type LocalFile, type PlanInput } from '../../src/lib/deploy/plan.ts';
import { parseHeadersFile } from '../../src/lib/headers-file.ts';

const HEADERS =
  '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/bai-viet/*\n  Cache-Control: public, max-age=300\n';
const { rules } = parseHeadersFile(HEADERS);
const DIGEST = rulesDigest(HEADERS, new Map(), true);

const file = (name: string, md5: string, size = 100): LocalFile => ({ file: name, size, md5 });
const FILES = [
  file('index.html', 'a0'),
  file('bai-viet/da-lat/index.html', 'a1'),
  file('_astro/a.css', 'a2', 50),
  file('anh/b-400.avif', 'a3', 400),
  file('pagefind/2024/fragment/vi_1.pf_fragment', 'a4'),
  file('pagefind/2024/pagefind-entry.json', 'a5'),
  file('rss.xml', 'a6'),
];
const input = (overrides: Partial<PlanInput>): PlanInput => ({
  files: FILES,
  remote: [],
  prefix: 'trang',
  rules,
  redirects: new Map(),
  redirectMetadata: true,
  rulesDigest: DIGEST,
  remoteRulesDigest: DIGEST,
  ...overrides,
});
const keysByPhase = (plan: ReturnType<typeof planDeploy>) => plan.phases.map((phase) => phase.map((u) => u.key));

describe('planDeploy', () => {
  it('sends everything to an empty store, what pages need first and the home page last', () => {
    const plan = planDeploy(input({ remoteRulesDigest: undefined }));
    expect(keysByPhase(plan)).toEqual([
      ['trang/_astro/a.css', 'trang/anh/b-400.avif', 'trang/pagefind/2024/fragment/vi_1.pf_fragment'],
      ['trang/pagefind/2024/pagefind-entry.json'],
      ['trang/bai-viet/da-lat/index.html', 'trang/rss.xml'],
      ['trang/index.html'],
    ]);
    expect(plan).toMatchObject({ deletions: [], unchanged: 0, bytes: 950, rulesChanged: false });
    expect(plan.phases[0]![0]).toMatchObject({ cacheControl: 'public, max-age=31536000, immutable', kind: 'asset' });
  });

  it('sends only files whose MD5 differs from the ETag, and deletes keys the site no longer has', () => {
    const remote = FILES.map((f) => ({ key: `trang/${f.file}`, etag: `"${f.md5}"`, size: f.size }));
    remote[1]!.etag = '"ff"';
    remote.push({ key: 'trang/bai-viet/cu/index.html', etag: '"00"', size: 10 });
    const plan = planDeploy(input({ remote }));
    expect(keysByPhase(plan)).toEqual([['trang/bai-viet/da-lat/index.html']]);
    expect(plan).toMatchObject({ deletions: ['trang/bai-viet/cu/index.html'], unchanged: 6, bytes: 100 });
  });

  it('leaves the website redirect out when told to', () => {
    const redirects = new Map([['tin/a/index.html', '/bai-viet/a/']]);
    const files = [file('tin/a/index.html', 'b0')];
    const uploads = (redirectMetadata: boolean) =>
      planDeploy(input({ files, redirects, redirectMetadata })).phases.flat()[0]!;
    expect(uploads(true)).toMatchObject({ kind: 'redirect', redirectLocation: '/bai-viet/a/' });
    expect(uploads(false)).toMatchObject({ kind: 'redirect', redirectLocation: undefined });
  });

  it('sends everything again when the rules the store was sent with differ', () => {
    const remote = FILES.map((f) => ({ key: `trang/${f.file}`, etag: f.md5, size: f.size }));
    const plan = planDeploy(input({ remote, remoteRulesDigest: 'khac' }));
    expect(plan.phases.flat()).toHaveLength(FILES.length);
    expect(plan.rulesChanged).toBe(true);
  });
});

describe('rulesDigest', () => {
  it('changes with the _headers text and with the redirects, not with their order', () => {
    const a = new Map([
      ['tin/a/index.html', '/bai-viet/a/'],
      ['tin/b/index.html', '/bai-viet/b/'],
    ]);
    const b = new Map([...a].reverse());
    expect(rulesDigest(HEADERS, a, true)).toBe(rulesDigest(HEADERS, b, true));
    expect(rulesDigest(HEADERS, a, true)).not.toBe(rulesDigest(HEADERS, new Map(), true));
    expect(rulesDigest(HEADERS, a, true)).not.toBe(rulesDigest(HEADERS, a, false));
    expect(rulesDigest(`${HEADERS}/rss.xml\n  Cache-Control: no-cache\n`, a, true)).not.toBe(
      rulesDigest(HEADERS, a, true),
    );
    expect(rulesDigest(HEADERS, a, true)).toMatch(/^[0-9a-f]{16}$/);
  });
});
