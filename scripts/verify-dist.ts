/**
 * `npm run verify [-- DIR] [--site URL] [--max-html-kb N]`: checks a built site before it
 * is deployed (default `dist/`): internal links, anchors, images, scripts and stylesheets
 * resolve; every page has a title, a canonical URL and a language; no HTML page is over the
 * size budget (default 200 KB), and the site fits the limits of the host `content/site.yaml`
 * names beside `DIR` (`host`, default GitHub Pages; `--host` overrides it), with a warning
 * naming the article count at which a limit over half used will be reached. Prints every
 * problem as `file:line: …` and exits 1. A site that passes is recorded as verified, which
 * `npm run deploy` requires.
 *
 * Absolute URLs on the site's own origin count as internal. The origin is `--site`, else
 * `SITE_URL`, else the origin of the home page's canonical URL.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyseHtml,
  cssReferences,
  redirectSources,
  xmlReferences,
  type PageFacts,
  type Reference,
} from '../src/lib/page-facts.ts';
import { formatDistReport, verifyDist } from '../src/lib/verify-dist.ts';
import { listDist } from '../src/data/deploy-files.ts';
import { pageDigest, readKnownPages, writeKnownPages, type KnownPage } from '../src/data/page-facts-cache.ts';
import { formatIssue } from '../src/lib/content-issues.ts';
import { checkHostLimits, formatHostLimits } from '../src/lib/host-limits.ts';
import { readSiteSettings } from '../src/lib/registries.ts';
import { SITE_HOSTS, type SiteHost } from '../src/lib/schema.ts';
import { recordVerified } from './lib/deploy-verified.ts';

const { values, positionals } = parseArgs({
  options: {
    site: { type: 'string' },
    'max-html-kb': { type: 'string', default: '200' },
    host: { type: 'string' },
  },
  allowPositionals: true,
});
const dir = positionals[0] ?? 'dist';
const root = path.resolve(dir);
const maxHtmlKb = Number(values['max-html-kb']);
if (!Number.isFinite(maxHtmlKb) || maxHtmlKb <= 0) {
  console.error(`--max-html-kb phải là một số dương, không phải "${values['max-html-kb']}".`);
  process.exit(2);
}

let entries: string[];
try {
  entries = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
} catch {
  console.error(`Không đọc được thư mục ${dir}/: hãy chạy npm run build trước.`);
  process.exit(1);
}

const files = new Set(entries);
const pages = new Map<string, PageFacts>();
const sizes = new Map<string, number>();
const other = new Map<string, Reference[]>();
// The build's cache folder beside the site, when there is one: pages unchanged since the last
// run are not parsed again.
const cacheDir = path.join(path.dirname(root), 'node_modules/.astro');
const caching = existsSync(cacheDir);
const known = caching ? await readKnownPages(cacheDir) : new Map<string, KnownPage>();
const read = new Map<string, KnownPage>();
let parsed = 0;
for (const file of entries.sort()) {
  const full = path.join(root, file);
  if (file.endsWith('.html')) {
    const bytes = await readFile(full);
    const digest = pageDigest(bytes);
    let page = known.get(file);
    if (page?.digest !== digest) {
      page = { digest, facts: analyseHtml(bytes.toString('utf8')) };
      parsed++;
    }
    read.set(file, page);
    pages.set(file, page.facts);
    sizes.set(file, bytes.length);
  } else if (file.endsWith('.css')) other.set(file, cssReferences(await readFile(full, 'utf8')));
  else if (file.endsWith('.xml')) other.set(file, xmlReferences(await readFile(full, 'utf8')));
}
if (caching && (parsed > 0 || read.size !== known.size)) await writeKnownPages(cacheDir, read);
const redirects = new Set(
  files.has('_redirects') ? redirectSources(await readFile(path.join(root, '_redirects'), 'utf8')) : [],
);

const home = pages.get('index.html')?.canonical;
const siteUrl =
  values.site?.trim() ||
  process.env['SITE_URL']?.trim() ||
  (home && URL.canParse(home) ? new URL(home).origin : undefined);
if (siteUrl && !URL.canParse(siteUrl)) {
  console.error(`Địa chỉ trang "${siteUrl}" không đọc được: cần dạng https://ten-mien.vn`);
  process.exit(2);
}
const host = await siteHost(values.host, path.join(path.dirname(root), 'content/site.yaml'));
const listing = await listDist(root);
const limits = formatHostLimits(checkHostLimits(listing, host));
const limitErrors = limits.filter((line) => !line.startsWith('Cảnh báo'));
const result = verifyDist({ files, pages, sizes, other, redirects }, { siteUrl, maxHtmlBytes: maxHtmlKb * 1024 });
const report = formatDistReport(result, dir.replace(/\/+$/, ''));
if (result.problems.length || limitErrors.length) {
  console.error([...limits, report].join('\n'));
  process.exit(1);
}
await recordVerified(root, listing);
console.log([...limits, report].join('\n'));

/** The host to check against: `--host`, else `host` in the site's settings, else GitHub Pages. */
async function siteHost(option: string | undefined, siteFile: string): Promise<SiteHost> {
  if (option !== undefined) {
    if ((SITE_HOSTS as readonly string[]).includes(option)) return option as SiteHost;
    console.error(`--host phải là một trong ${SITE_HOSTS.join(', ')}, không phải "${option}".`);
    process.exit(2);
  }
  const text = await readFile(siteFile, 'utf8').catch(() => undefined);
  if (text === undefined) return 'github-pages';
  const { value, issues } = readSiteSettings(text, 'content/site.yaml');
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length || !value) {
    // npm run check reports these in full; here they only decide which limits apply.
    console.error(`${errors.map(formatIssue).join('\n')}\nGiới hạn được kiểm tra theo GitHub Pages.`);
    return 'github-pages';
  }
  return value.host ?? 'github-pages';
}
