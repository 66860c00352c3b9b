/**
 * axe-core on every kind of page of the `basic` fixture, in Debian's Chromium. axe is
 * injected into a context that bypasses the pages' CSP (it is a test tool, not part of the
 * site); tests/e2e/csp-headers.test.ts checks the pages under their real policies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedInBrowser } from './harness.ts';

const AXE = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** The pages the issue names, and the other list pages built from the same components. */
const PAGES: [name: string, url: string, scheme: 'light' | 'dark'][] = [
  ['trang chủ', '/', 'light'],
  ['bài viết', '/bai-viet/da-lat-don-khach/', 'light'],
  ['chuyên mục', '/chuyen-muc/thoi-su/', 'light'],
  ['tìm kiếm', '/tim-kiem/?q=%C4%90%C3%A0+L%E1%BA%A1t', 'light'],
  ['tác giả', '/tac-gia/lo-thanh/', 'light'],
  ['từ khóa', '/the/bao-loc/', 'light'],
  ['lưu trữ', '/luu-tru/2023/', 'light'],
  ['404', '/khong-co-trang-nay/', 'light'],
  // The dark colours, for readers who ask for them.
  ['trang chủ', '/', 'dark'],
  ['bài viết', '/bai-viet/da-lat-don-khach/', 'dark'],
  ['tìm kiếm', '/tim-kiem/?q=%C4%90%C3%A0+L%E1%BA%A1t', 'dark'],
];

/**
 * Violations waiting for a fix outside the tests, each with the selector it is allowed on.
 * Every other violation fails. Remove an entry when its fix lands.
 */
const PENDING: { rule: string; selector: RegExp; fix: string }[] = [];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

const session = servedInBrowser('basic', { serve: { headers: true }, context: { bypassCSP: true } });

/** A violation as one readable line per element. */
const describeViolation = (violation: AxeViolation) =>
  violation.nodes.map(
    (node) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
  );

describe('axe-core finds no accessibility violation', () => {
  it.each(PAGES)('%s (%s, %s)', async (_name, url, scheme) => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const response = await page.goto(`${session.site.url}${url}`);
    expect(response?.status()).toBe(url.startsWith('/khong-co') ? 404 : 200);
    if (url.startsWith('/tim-kiem/')) {
      // Results are rendered by script: audit the page once the search has finished.
      await page.waitForFunction(() => {
        const root = document.querySelector('[data-search]');
        return root && !root.hasAttribute('aria-busy') && document.querySelector('[data-search-status]')?.textContent;
      });
    }
    await page.evaluate(AXE);
    const violations = await page.evaluate(
      async () =>
        (await (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe.run())
          .violations,
    );
    await page.close();
    const unexpected: string[] = [];
    for (const violation of violations as AxeViolation[]) {
      const pending = PENDING.find((entry) => entry.rule === violation.id);
      const nodes = violation.nodes.filter((node) => !pending?.selector.test(node.target.join(' ')));
      if (pending && nodes.length < violation.nodes.length) {
        console.warn(`${url}: ${violation.id} còn chờ sửa (${pending.fix})`);
      }
      if (nodes.length) unexpected.push(...describeViolation({ ...violation, nodes }));
    }
    expect(unexpected.join('\n'), `axe: ${url}`).toBe('');
  });
});
