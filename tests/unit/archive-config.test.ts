import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
