/**
 * Search under `npm run dev`: the dev server indexes the pages it renders itself and serves
 * the same bundles a build writes, so the search page's list of bundles is served in full.
 * The same server encodes the lead pictures its pages name, on request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFixture, fixturePath, privateFixtureCopy } from '../build/build-fixture.ts';
import { launchBrowser } from './harness.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
// A private copy: the dev server writes its own data store and types into the site folder.
const NAME = 'search/.dev-server';

let server: ChildProcess;
let origin: string;

/** The environment of a newsroom's `npm run dev`, without vitest's own variables (`VITEST`, `NODE_ENV=test`), which put Vite in test mode. */
function devEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'),
  );
  return { ...env, BUILD_TIME: '2024-06-01T12:00:00+07:00' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const root = await privateFixtureCopy('search', NAME);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [
      path.join(PROJECT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--root',
      root,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { env: devEnv(), stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 240; attempt++) {
    if (
      await fetch(`${origin}/tim-kiem/`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the dev server did not start');
}, 90_000);

afterAll(async () => {
  server?.kill();
  await rm(fixturePath(NAME), { recursive: true, force: true });
});

describe('search under npm run dev', () => {
  it('serves every bundle the search page lists, with the pages a build indexes', async () => {
    const page = await (await fetch(`${origin}/tim-kiem/`)).text();
    const shards = /data-search-shards="([^"]*)"/.exec(page)?.[1]?.split(' ');
    expect(shards).toEqual(['2024-04', '2024-01', '2022-09_2023-11', '2021-03_2022-08']);
    const built = builtFixture('search');
    for (const shard of shards!) {
      const entry = (await (await fetch(`${origin}/pagefind/${shard}/pagefind-entry.json`)).json()) as {
        languages: { vi: { page_count: number } };
      };
      const expected = JSON.parse(built.read(`pagefind/${shard}/pagefind-entry.json`)) as typeof entry;
      expect(entry.languages.vi.page_count).toBe(expected.languages.vi.page_count);
    }
    // As built: Pagefind's WebAssembly in the newest bundle, the placeholder in the others.
    for (const shard of shards!) {
      const wasm = new Uint8Array(
        await (await fetch(`${origin}/pagefind/${shard}/wasm.unknown.pagefind`)).arrayBuffer(),
      );
      expect(wasm).toEqual(
        new Uint8Array(readFileSync(path.join(built.dist, `pagefind/${shard}/wasm.unknown.pagefind`))),
      );
    }
    const script = await fetch(`${origin}/pagefind/${shards!.at(-1)}/pagefind.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  }, 120_000);

  it('searches every bundle in the browser, the older ones with the newest one’s WebAssembly', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Two words: every bundle is counted; the one article with both is in 2022-09_2023-11.
      await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent('dân tộc')}`);
      await page.waitForFunction(() => {
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return !document.querySelector('[data-search]')?.hasAttribute('aria-busy') && /kết quả/.test(status);
      });
      const links = await page.$$eval('.search-result a', (anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['/bai-viet/lien-hoan-cong-chieng/']);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('pictures under npm run dev', () => {
  it('serves each picture file the article names, in its format and width, and 404 for others', async () => {
    const page = await (await fetch(`${origin}/bai-viet/thuy-dien-tich-nuoc/`)).text();
    const named = [...page.matchAll(/\/anh\/[\w-]+-400\.(avif|webp|jpg)/g)].map((match) => match[0]);
    expect(new Set(named).size).toBe(3);
    for (const url of new Set(named)) {
      const response = await fetch(`${origin}${url}`);
      expect(response.status, url).toBe(200);
      const type = response.headers.get('content-type');
      const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect([type, metadata.width], url).toEqual([
        { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' }[url.split('.').pop()!],
        400,
      ]);
    }
    expect((await fetch(`${origin}/anh/ho-chua-0123456789abcdef-400.avif`)).status).toBe(404);
  }, 120_000);
});
