/**
 * Search relevance in Debian's Chromium on the sample archive (`content/`, built into a
 * private copy): every case of the reader's complaints, asserting the order of the results,
 * what is marked, the count and the suggestion. Words typed together and in order rank first;
 * spelled as typed, then title, then newer, break ties.
 */
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturePath } from '../build/build-fixture.ts';
import { openSearch, servedInBrowser, type ServedSite, type ShownResults as Shown } from './harness.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const NAME = 'search/.sample';

const session = servedInBrowser(NAME, {
  prepare: async () => {
    const root = fixturePath(NAME);
    await rm(root, { recursive: true, force: true });
    await cp(path.join(PROJECT, 'content'), path.join(root, 'content'), { recursive: true });
    await writeFile(
      path.join(root, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\n" +
        "import { archiveConfig } from '../../../../src/integrations/archive-config.ts';\n" +
        "export default defineConfig(archiveConfig(new URL('.', import.meta.url)));\n",
    );
    // Late enough that every sample article is published.
    const build = buildFixture(NAME, { BUILD_TIME: '2026-12-01T12:00:00+07:00' });
    expect(build.status, build.output).toBe(0);
  },
});
let site: ServedSite;
let page: Page;
beforeAll(() => ({ site, page } = session));

const open = (params: Record<string, string>): Promise<Shown> => openSearch(page, site, params);

/** Every article holding "Đà Lạt": the three with it in the title, newest first, then the others, newest first. */
const DA_LAT = [
  'da-lat-ra-quan-lap-lai-trat-tu-via-he-khu-trung-tam',
  'giai-viet-da-da-lat-mo-rong-thu-hut-hon-500-van-dong-vien',
  'festival-hoa-da-lat-2019-thu-hut-hon-1-trieu-luot-khach',
  'lam-dong-don-gan-300-000-luot-khach-dip-tet-quy-mao',
  'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022',
  'lam-dong-tiem-vac-xin-phong-covid-19-cho-hon-90-nguoi-truong-thanh',
];
/** Every article holding "Đức Trọng": the one with it in the title, then the others, newest first. */
const DUC_TRONG = [
  'khai-mac-giai-bong-da-thieu-nien-huyen-duc-trong-nam-2024',
  'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022',
  'giai-viet-da-da-lat-mo-rong-thu-hut-hon-500-van-dong-vien',
  'lam-dong-tiem-vac-xin-phong-covid-19-cho-hon-90-nguoi-truong-thanh',
  'festival-hoa-da-lat-2019-thu-hut-hon-1-trieu-luot-khach',
];
const LANGBIANG = 'ra-mat-to-cong-dong-bao-ve-rung-thong-duoi-chan-langbiang';

/** A dateline's day as a sortable number (`Thứ hai, 10/03/2025 - 16:20` → 20250310). */
function day(meta: string): number {
  const [, dd, mm, yyyy] = /(\d{2})\/(\d{2})\/(\d{4})/.exec(meta)!;
  return Number(`${yyyy}${mm}${dd}`);
}

describe('a place name of two syllables', () => {
  it('"da lat" lists exactly the articles holding "Đà Lạt", titles first, newer first', async () => {
    const shown = await open({ q: 'da lat' });
    expect(shown.slugs).toEqual(DA_LAT);
    expect(shown.status).toBe('Tìm thấy 6 kết quả cho “da lat”.');
    // Not the Langbiang article, which holds "đã" and never "Đà Lạt".
    expect(shown.slugs).not.toContain(LANGBIANG);
    // What is marked is the phrase, never a lone "đã".
    const marks = [...shown.titles, ...shown.excerpts].flatMap((html) => html.match(/<mark>[^<]*<\/mark>/g) ?? []);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((mark) => mark !== '<mark>Đà Lạt</mark>')).toEqual([]);
    expect(shown.titles[1]).toBe('Giải việt dã <mark>Đà Lạt</mark> mở rộng thu hút hơn 500 vận động viên');
  });

  it.each([['dalat'], ['Đà Lạt'], ['DA LAT']])('"%s" lists the same articles in the same order', async (query) => {
    expect((await open({ q: query })).slugs).toEqual(DA_LAT);
  });

  it('"đức trọng" lists only articles holding "Đức Trọng", the title first, then newer first', async () => {
    const shown = await open({ q: 'đức trọng' });
    expect(shown.slugs).toEqual(DUC_TRONG);
    expect(shown.slugs.slice(1).map((_, index) => day(shown.metas[index + 1]!))).toEqual(
      shown.slugs
        .slice(1)
        .map((_, index) => day(shown.metas[index + 1]!))
        .sort((a, b) => b - a),
    );
  });

  it.each([
    ['ductrong', 'đức trọng'],
    ['baoloc', 'bảo lộc'],
    ['caphe', 'cà phê'],
  ])('"%s", typed joined, finds what "%s" finds', async (joined, spaced) => {
    const together = await open({ q: joined });
    const apart = await open({ q: spaced });
    expect(together.slugs.length).toBeGreaterThan(0);
    expect(together.slugs).toEqual(apart.slugs);
  });

  it('"langbiang", a name the archive holds as written, is not split into syllables', async () => {
    const shown = await open({ q: 'langbiang' });
    expect(shown.slugs[0]).toBe(LANGBIANG);
    expect(shown.status).toBe('Tìm thấy 3 kết quả cho “langbiang”.');
  });
});

describe('words that match nothing', () => {
  it('"xyzqwv" finds nothing (not the article with the one-letter word "X") and suggests nothing', async () => {
    const shown = await open({ q: 'xyzqwv' });
    expect(shown.slugs).toEqual([]);
    expect(shown.status).toBe('Không tìm thấy kết quả nào cho “xyzqwv”.');
    expect(shown.suggestion).toBe('');
  });

  it('"festivalx" finds nothing, and suggests "festival", whose link finds the festival article', async () => {
    const shown = await open({ q: 'festivalx' });
    expect(shown.slugs).toEqual([]);
    expect(shown.status).toBe('Không tìm thấy kết quả nào cho “festivalx”.');
    expect(shown.suggestion).toBe(
      '<p class="search-page__suggestion">Có phải bạn muốn tìm: <a href="/tim-kiem/?q=festival">festival</a>?</p>',
    );
    // Announced to screen readers, as the count is.
    await expect(page.locator('[data-search-suggestion]').getAttribute('aria-live')).resolves.toBe('polite');
    await page.getByRole('link', { name: 'festival', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('festival'));
    const followed = await open({ q: 'festival' });
    expect(followed.slugs).toContain('festival-hoa-da-lat-2019-thu-hut-hon-1-trieu-luot-khach');
  });

  it('a known word beside one that matches nothing finds nothing', async () => {
    expect((await open({ q: 'đà lạt xyzqwv' })).slugs).toEqual([]);
  });
});

describe('a quoted phrase', () => {
  it('finds the article holding it, and marks the phrase, not its words elsewhere', async () => {
    const shown = await open({ q: '"giao ước thi đua"' });
    expect(shown.slugs).toEqual(['cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022']);
    expect(shown.titles[0]).toBe('Cụm thi đua số 1 ký kết <mark>giao ước thi đua</mark> năm 2022');
  });

  it('finds nothing for words that are only apart', async () => {
    const shown = await open({ q: '"thi đua giao ước"' });
    expect(shown.slugs).toEqual([]);
  });
});

describe('words apart', () => {
  it('are listed, and said to be apart, only when no article holds them together', async () => {
    const shown = await open({ q: 'trọng đức' });
    expect(shown.status).toMatch(/^Không bài viết nào có “trọng đức” liền nhau; \d+ bài viết có đủ các từ này/);
    expect(shown.slugs).toEqual(expect.arrayContaining(DUC_TRONG));
  });
});

describe('what a query reads', () => {
  /** The paths the page requests while it opens a search. */
  async function requested(params: Record<string, string>): Promise<{ shown: Shown; paths: string[] }> {
    const paths: string[] = [];
    const listen = (request: { url: () => string }) => paths.push(new URL(request.url()).pathname);
    page.on('request', listen);
    try {
      return { shown: await open(params), paths };
    } finally {
      page.off('request', listen);
    }
  }

  it('finds a phrase the archive holds from the phrase index, without Pagefind’s word index', async () => {
    const { shown, paths } = await requested({ q: 'da lat' });
    expect(shown.slugs).toEqual(DA_LAT);
    expect(paths.filter((path) => /\/phrases\/vi_\w+\/[0-9a-f]{3}\.bin$/.test(path)).length).toBeGreaterThan(0);
    expect(paths.filter((path) => path.endsWith('.pf_index'))).toEqual([]);
  });

  it('finds one word from its entry in the phrase index, in the order Pagefind’s answer has', async () => {
    const { shown, paths } = await requested({ q: 'thủy' });
    expect(shown.slugs.length).toBeGreaterThan(2);
    expect(paths.filter((path) => /\/phrases\/vi_\w+\/[0-9a-f]{3}\.bin$/.test(path)).length).toBeGreaterThan(0);
    expect(paths.filter((path) => path.endsWith('.pf_index'))).toEqual([]);
    // A year filter is answered by Pagefind: the same articles of that year, in the same order.
    const years = [...new Set(shown.metas.map((meta) => String(day(meta)).slice(0, 4)))];
    expect(years.length).toBeGreaterThan(1);
    for (const year of years) {
      const ofYear = await requested({ q: 'thủy', year });
      expect(ofYear.paths.filter((path) => path.endsWith('.pf_index')).length).toBeGreaterThan(0);
      expect(ofYear.shown.slugs).toEqual(shown.slugs.filter((_, index) => shown.metas[index]!.includes(`/${year} `)));
    }
  });

  it('asks Pagefind’s word index when no article holds the words together', async () => {
    const { shown, paths } = await requested({ q: 'trọng đức' });
    expect(shown.slugs).toEqual(expect.arrayContaining(DUC_TRONG));
    expect(paths.filter((path) => path.endsWith('.pf_index')).length).toBeGreaterThan(0);
  });
});

describe('count, filters and order', () => {
  it('a year keeps the phrase rule and counts what it shows', async () => {
    const shown = await open({ q: 'da lat', year: '2022' });
    expect(shown.slugs).toEqual(DA_LAT.filter((slug) => shown.slugs.includes(slug)));
    expect(shown.slugs).toEqual([
      'giai-viet-da-da-lat-mo-rong-thu-hut-hon-500-van-dong-vien',
      'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022',
    ]);
    expect(shown.status).toBe('Tìm thấy 2 kết quả cho “da lat”.');
  });

  it('newest first lists the same articles by date alone', async () => {
    const shown = await open({ q: 'da lat', sort: 'moi-nhat' });
    expect([...shown.slugs].sort()).toEqual([...DA_LAT].sort());
    const days = shown.metas.map(day);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(shown.status).toBe('Tìm thấy 6 kết quả cho “da lat”.');
  });
});
