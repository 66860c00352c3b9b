// @ts-check
/**
 * Astro's console logger (`logger.entrypoint` in the configuration), with its page lines
 * tidied: a page Astro's incremental build leaves as it was is counted instead of listed, and
 * a rendered page's path gets a line of its own. A rebuild renders a few pages and skips all
 * the others; listing each would bury the pages that did change under one line per page of
 * the archive.
 *
 * JavaScript, not TypeScript: Astro loads a logger only from a JavaScript file.
 */
import nodeLogger from 'astro/logger/node';
import { pageLineKind } from './astro-internals.mjs';

/** @typedef {import('astro').AstroLoggerDestination} AstroLoggerDestination */
/** @typedef {import('astro').AstroLoggerMessage} AstroLoggerMessage */

/**
 * Astro's console logger, page lines tidied.
 *
 * @param {import('astro/logger/node').NodeHandlerConfig} [config]
 * @returns {AstroLoggerDestination}
 * @example
 * // astro.config.mjs
 * export default defineConfig({ logger: { entrypoint: './src/integrations/build-logger.mjs' } });
 */
export default function buildLogger(config) {
  return tidyPageLines(nodeLogger(config));
}

/**
 * The line that stands for `skipped` pages left as they were, `restored` of them copied back
 * from Astro's cache because the output folder lacked them.
 *
 * @param {number} skipped
 * @param {number} restored
 * @returns {string}
 * @example
 * skippedPagesLine(14690, 0); // '  ├─ … 14690 trang không đổi, không dựng lại'
 */
export function skippedPagesLine(skipped, restored) {
  const copied = restored > 0 ? ` (${restored} trang chép lại từ bộ nhớ đệm)` : '';
  return `  ├─ … ${skipped} trang không đổi, không dựng lại${copied}`;
}

/**
 * `destination`, given Astro's page lines tidied: a line per run of skipped pages instead of a
 * line per page, and a rendered page's path on a line of its own. Astro writes a page's path
 * without a line end, then, for a skipped page at once, its note `(cached)` or `(restored)`;
 * for a rendered page its render time, which comes after other pages' paths when pages render
 * side by side (eight at a time here) and so ran them together on one line, the times below
 * them matching no page: such a time is left out. A path is held until the next message says
 * which kind of page it was.
 *
 * @param {AstroLoggerDestination} destination
 * @returns {AstroLoggerDestination}
 * @example
 * const logger = tidyPageLines(nodeLogger());
 */
export function tidyPageLines(destination) {
  /** @type {AstroLoggerMessage | undefined} */
  let heldPath;
  let skipped = 0;
  let restored = 0;
  let lineOpen = false;

  /** @param {AstroLoggerMessage} message */
  const pass = (message) => {
    destination.write(message);
    lineOpen = !message.newLine;
  };
  const writeSkipped = () => {
    if (skipped === 0) return;
    if (lineOpen) pass({ label: 'SKIP_FORMAT', level: 'info', message: '', newLine: true });
    pass({ label: null, level: 'info', message: skippedPagesLine(skipped, restored), newLine: true });
    skipped = 0;
    restored = 0;
  };
  // The skipped pages counted so far all came before the held path, a rendered page's.
  const release = () => {
    writeSkipped();
    if (heldPath) pass({ ...heldPath, newLine: true });
    heldPath = undefined;
  };

  return {
    write(message) {
      const kind = pageLineKind(message);
      if (heldPath && (kind === 'cached' || kind === 'restored')) {
        heldPath = undefined;
        skipped += 1;
        if (kind === 'restored') restored += 1;
      } else if (kind === 'page') {
        if (heldPath) release();
        heldPath = message;
      } else if (kind === 'render-time') {
        release();
      } else {
        release();
        pass(message);
      }
    },
    flush() {
      release();
      return destination.flush?.();
    },
    close() {
      release();
      return destination.close?.();
    },
  };
}
