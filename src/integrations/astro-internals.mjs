// @ts-check
/**
 * Everything the build reads of Astro that Astro does not document as an API, in one place: the
 * manifest of its experimental incremental build (`incremental-build.json` in its cache folder)
 * and the shape of the page lines its logger writes. An Astro upgrade that changes either shows
 * up in `tests/build/incremental.test.ts`, which rebuilds a site and checks both.
 *
 * JavaScript, not TypeScript: the build logger, which Astro loads only from a JavaScript file,
 * imports it.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** Astro's record of the pages it may skip (its `experimental.incrementalBuild` manifest). */
export const PAGE_CACHE_MANIFEST = 'incremental-build.json';

const OUTPUT_FILE_KEY = Buffer.from('"outputFile"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The output files, relative to the output folder, of every page Astro's page cache lists:
 * the pages a build skipped (or may skip) when the output folder still holds them. Empty when
 * there is no usable manifest.
 *
 * The manifest also records every image transform of every page, alt text included (tens of
 * megabytes for a large archive): only each page's `outputFile` matters here, so those strings
 * alone are found in the bytes and decoded. A file cut short (a build killed while writing it)
 * counts as none.
 *
 * @param {string} cacheDir
 * @returns {Set<string>}
 * @example
 * pageCacheOutputs('node_modules/.astro'); // Set { 'bai-viet/da-lat/index.html', … }
 */
export function pageCacheOutputs(cacheDir) {
  /** @type {Set<string>} */
  const outputs = new Set();
  /** @type {Buffer} */
  let manifest;
  try {
    manifest = readFileSync(path.join(cacheDir, PAGE_CACHE_MANIFEST));
  } catch {
    return outputs; // none: Astro renders every page then, and so lists none
  }
  if (!isObjectText(manifest)) return outputs;
  try {
    for (let key = manifest.indexOf(OUTPUT_FILE_KEY); key >= 0; key = manifest.indexOf(OUTPUT_FILE_KEY, key + 1)) {
      // The value is the next JSON string: from its opening quote to the first quote not escaped.
      const open = manifest.indexOf(QUOTE, key + OUTPUT_FILE_KEY.length);
      let close = open < 0 ? -1 : manifest.indexOf(QUOTE, open + 1);
      while (close >= 0 && isEscaped(manifest, close)) close = manifest.indexOf(QUOTE, close + 1);
      if (close < 0) return new Set();
      const file = JSON.parse(manifest.toString('utf8', open, close + 1));
      if (typeof file === 'string') outputs.add(file);
      key = close;
    }
  } catch {
    return new Set(); // not JSON after all: as with no manifest
  }
  return outputs;
}

/**
 * Whether the bytes, blanks aside, open with `{` and close with `}`: not cut short.
 *
 * @param {Buffer} bytes
 */
function isObjectText(bytes) {
  /** @param {number | undefined} byte */
  const blank = (byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
  let first = 0;
  let last = bytes.length - 1;
  while (blank(bytes[first])) first++;
  while (last > first && blank(bytes[last])) last--;
  return bytes[first] === 0x7b && bytes[last] === 0x7d && last > first;
}

/**
 * Whether the character at `index` follows an odd number of backslashes.
 *
 * @param {Buffer} bytes
 * @param {number} index
 */
function isEscaped(bytes, index) {
  let backslashes = 0;
  while (bytes[index - 1 - backslashes] === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Forgets Astro's page cache, so the next build renders every page. For a build that failed
 * after rendering pages: Astro saved their new versions in its cache but not the manifest, so a
 * later build could restore a failed build's page under the previous build's key.
 *
 * @param {string} cacheDir
 * @example
 * forgetPageCache('node_modules/.astro');
 */
export function forgetPageCache(cacheDir) {
  rmSync(path.join(cacheDir, PAGE_CACHE_MANIFEST), { force: true });
}

/** @typedef {import('astro').AstroLoggerMessage} AstroLoggerMessage */

/**
 * What one of Astro's log messages is, as far as its page lines go: a page's path (written
 * without a line end), the note after a page the incremental build skipped (`cached`: left in
 * the output folder; `restored`: copied back from its cache), a rendered page's render time, or
 * anything else.
 *
 * @param {AstroLoggerMessage} message
 * @returns {'page' | 'cached' | 'restored' | 'render-time' | 'other'}
 * @example
 * pageLineKind({ label: 'SKIP_FORMAT', level: 'info', message: ' (cached)', newLine: true }); // 'cached'
 */
export function pageLineKind(message) {
  if (message.label === null && !message.newLine && message.message.includes('├─')) return 'page';
  if (message.label !== 'SKIP_FORMAT') return 'other';
  const note = stripVTControlCharacters(message.message).trim();
  if (note === '(cached)') return 'cached';
  if (note === '(restored)') return 'restored';
  return /^\(\+(\d+m )?[\d.]+m?s\)$/.test(note) ? 'render-time' : 'other';
}
