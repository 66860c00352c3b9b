/**
 * What `npm run build` (`scripts/build.ts`) tells the Astro process it starts, through the
 * environment. A module of its own, with no imports, so the script can start Astro before it
 * loads anything heavier.
 */

/** The output folder, kept between builds; a bare `astro build` uses and empties `./dist`. */
export const OUT_DIR_ENV = 'ARCHIVE_OUT_DIR';

/**
 * Set when the script publishes the lead pictures and builds the search index itself, once
 * Astro's process has exited; the integrations' `astro:build:done` hooks then leave both alone.
 */
export const AFTER_BUILD_ENV = 'ARCHIVE_AFTER_BUILD';
