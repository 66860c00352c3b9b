/**
 * public/_headers against a built site: every file gets the caching it should, from exactly
 * one rule, and every page the security headers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, rulesSetting } from '../../src/lib/headers-file.ts';
import { builtFixture } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const { rules, problems } = parseHeadersFile(readFileSync(path.join(PROJECT, 'public/_headers'), 'utf8'));
const build = builtFixture('basic');
/** The URL path of every file of the built fixture (pages by their directory URL). */
const paths = build.files().map((file) => `/${file.split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'));

describe('public/_headers', () => {
  it('is read without problems and is published with the site', () => {
    expect(problems).toEqual([]);
    expect(build.read('_headers')).toBe(readFileSync(path.join(PROJECT, 'public/_headers'), 'utf8'));
  });

  it('never lets two rules set Cache-Control for one path (the CDN would join them)', () => {
    for (const url of paths) {
      expect(rulesSetting(rules, url, 'Cache-Control').length, url).toBeLessThanOrEqual(1);
    }
  });

  it('caches hashed assets for a year, immutable, and pages, feeds and search entry files briefly', () => {
    const cache = (url: string) => headersFor(rules, url)['cache-control'];
    for (const url of paths) {
      if (/^\/(_astro|anh)\//.test(url) || /^\/pagefind\/[\d_-]+\/(fragment|index|filter)\//.test(url)) {
        expect(cache(url), url).toBe('public, max-age=31536000, immutable');
      } else if (
        /\/$|\.html$|\.xml$|^\/robots\.txt$|^\/pagefind\/[\d_-]+\/(pagefind|wasm)/.test(url) &&
        !/^\/(tin|du-lich)\//.test(url)
      ) {
        expect(cache(url), url).toBe('public, max-age=300, must-revalidate');
      }
    }
    expect(paths.filter((url) => /^\/pagefind\/[\d_-]+\/fragment\//.test(url)).length).toBeGreaterThan(0);
    expect(paths.filter((url) => url.startsWith('/anh/')).length).toBeGreaterThan(0);
    expect(paths.filter((url) => /^\/pagefind\/[\d_-]+\/pagefind-entry\.json$/.test(url)).length).toBeGreaterThan(1);
  });

  it('sends the security headers everywhere, with a CSP that never allows inline or eval scripts', () => {
    for (const url of paths) {
      const headers = headersFor(rules, url);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], url).toMatch(/camera=\(\)/);
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
  });

  it('leaves script-src to each page, whose own policy lists its inline scripts by hash', () => {
    const header = headersFor(rules, '/')['content-security-policy']!;
    expect(header).not.toMatch(/(^|;)\s*(script-src|default-src)\b/);
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(build.read('index.html'))?.[1];
    expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
    expect(meta).not.toMatch(/unsafe-inline/);
  });
});
