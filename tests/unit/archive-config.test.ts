import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it, vi } from 'vitest';

const PROJECT = path.resolve(import.meta.dirname, '../..');
// A user configuration of its own: `astro telemetry disable` on this machine must not decide.
const configHome = mkdtempSync(path.join(tmpdir(), 'astro-config-'));
afterAll(() => rmSync(configHome, { recursive: true, force: true }));

/**
 * Whether Astro's telemetry client, created as the astro commands create it, would send its
 * reports, in a process with `env` and (`loadConfig`) the archive's configuration loaded.
 */
function telemetryDisabled(env: Record<string, string>, loadConfig: boolean): string {
  const script = `
    ${loadConfig ? "await import('./src/integrations/archive-config.ts');" : ''}
    const { AstroTelemetry } = await import('@astrojs/telemetry');
    console.log(new AstroTelemetry({ astroVersion: '7', viteVersion: '8' }).isDisabled);
  `;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(ASTRO_)?TELEMETRY_DISABLED$/.test(name)),
  );
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...inherited, XDG_CONFIG_HOME: configHome, ...env },
  });
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

describe('archiveConfig', () => {
  it("turns Astro's telemetry off for every astro command, since each loads the configuration", () => {
    expect(telemetryDisabled({}, false)).toBe('false');
    expect(telemetryDisabled({}, true)).toBe('true');
  });

  it('leaves the setting to a newsroom that set it itself', () => {
    expect(telemetryDisabled({ ASTRO_TELEMETRY_DISABLED: '' }, true)).toBe('false');
  });
});

describe('a bare astro build', () => {
  /** What the archive's configuration does at `astro:config:setup` for `command`. */
  async function setup(command: 'build' | 'dev' | 'sync', outDir?: string) {
    const { archiveConfig } = await import('../../src/integrations/archive-config.ts');
    const { OUT_DIR_ENV } = await import('../../src/data/build-env.ts');
    const saved = process.env[OUT_DIR_ENV];
    if (outDir === undefined) delete process.env[OUT_DIR_ENV];
    else process.env[OUT_DIR_ENV] = outDir;
    const errors: string[] = [];
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    try {
      const config = archiveConfig(pathToFileURL(`${path.join(PROJECT, 'tests/fixtures/basic')}/`));
      for (const integration of config.integrations as AstroIntegration[]) {
        await integration.hooks['astro:config:setup']?.({
          command,
          logger: { error: (message: string) => errors.push(message) },
        } as never);
      }
      return { errors, exits: exit.mock.calls.map(([code]) => code) };
    } finally {
      exit.mockRestore();
      if (saved === undefined) delete process.env[OUT_DIR_ENV];
      else process.env[OUT_DIR_ENV] = saved;
    }
  }

  it('is refused with a Vietnamese message naming npm run build', async () => {
    expect(await setup('build')).toMatchInlineSnapshot(`
      {
        "errors": [
          "Không dựng trang bằng "astro build" riêng: hãy chạy "npm run build", lệnh này dựng các trang rồi xuất ảnh và tạo chỉ mục tìm kiếm.",
        ],
        "exits": [
          1,
        ],
      }
    `);
  });

  it('goes ahead when npm run build started it, and never stops astro dev or astro sync', async () => {
    expect(await setup('build', path.join(PROJECT, 'tests/fixtures/basic/dist'))).toEqual({ errors: [], exits: [] });
    expect(await setup('dev')).toEqual({ errors: [], exits: [] });
    expect(await setup('sync')).toEqual({ errors: [], exits: [] });
  });
});
