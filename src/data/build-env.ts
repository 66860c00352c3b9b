/**
 * What `npm run build` (`scripts/build.ts`) tells the Astro process it starts, through the
 * environment. A module of its own, with no imports, so the script can start Astro before it
 * loads anything heavier.
 */

/**
 * The output folder, kept between builds. Set by `npm run build` alone, the one way to build (a
 * bare `astro build` is refused): Astro renders the pages, and the script publishes the pictures
 * and builds the search index once Astro's process has exited.
 */
export const OUT_DIR_ENV = 'ARCHIVE_OUT_DIR';
