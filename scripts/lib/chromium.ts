/**
 * Debian's Chromium, the one browser this project drives (browser tests and `npm run
 * audit`); no browser is ever downloaded. `CHROMIUM_PATH` (or Lighthouse's `CHROME_PATH`)
 * points elsewhere when needed.
 */

/** Path of the Chromium binary. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
}

/** Flags for a headless run in a container on a closed network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
