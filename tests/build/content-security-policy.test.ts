/**
 * The built basic fixture: every HTML file carries a Content-Security-Policy (redirect pages
 * for old URLs their own, which allows nothing), and every image a page shows is one its
 * policy allows, body images included.
 */
import { describe, expect, it } from 'vitest';
import { REDIRECT_PAGE_CSP } from '../../src/lib/redirects.ts';
import { analyseHtml } from '../../src/lib/page-facts.ts';
import { cspProblem } from '../../src/lib/verify-dist.ts';
import { builtFixture } from './build-fixture.ts';

const site = builtFixture('basic');
const pages = site.files().filter((file) => file.endsWith('.html'));

/** Whether `img-src` (or `default-src`) of a policy allows an image URL on a page served at `origin`. */
function allows(csp: string, url: string, origin: string): boolean {
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  const sources = directives.get('img-src') ?? directives.get('default-src') ?? [];
  const resolved = new URL(url, origin);
  if (resolved.origin === origin) return sources.includes("'self'");
  return sources.includes(resolved.protocol);
}

describe('Content-Security-Policy of the built site', () => {
  it('is on every HTML file, redirect pages included, and lets no inline or evaluated script run', () => {
    expect(site.status).toBe(0);
    expect(pages.length).toBeGreaterThan(30);
    const problems = pages.flatMap((file) => {
      const problem = cspProblem(analyseHtml(site.read(file)).csp);
      return problem ? [`${file}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('gives redirect pages a policy that loads nothing', () => {
    const redirects = pages.filter((file) => analyseHtml(site.read(file)).redirect);
    expect(redirects).toEqual(['du-lich/da-lat-don-khach-a123.html', 'tin/da-lat-don-khach/index.html']);
    for (const file of redirects) expect(analyseHtml(site.read(file)).csp, file).toBe(REDIRECT_PAGE_CSP);
  });

  it('allows every image the pages show, the lead pictures and the body images at https:// addresses', () => {
    const origin = 'https://thu-nghiem.example';
    const images = pages.flatMap((file) => {
      const facts = analyseHtml(site.read(file));
      return facts.references
        .filter((reference) => /^<(img|source) /.test(reference.via))
        .map((reference) => ({ file, url: reference.url, allowed: allows(facts.csp ?? '', reference.url, origin) }));
    });
    expect(images.filter((image) => !image.allowed)).toEqual([]);
    expect(images.filter((image) => image.url.startsWith('https://'))).toEqual([
      {
        file: 'bai-viet/thoi-su-so-5/index.html',
        url: 'https://anh.thu-nghiem.example/cho-bao-loc.png',
        allowed: true,
      },
    ]);
    expect(images.some((image) => image.url.startsWith('/anh/'))).toBe(true);
  });
});
