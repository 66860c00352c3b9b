/**
 * The schemas of the newsroom's YAML registries: categories (`content/categories.yaml`),
 * authors (`content/authors.yaml`) and the site settings (`content/site.yaml`).
 */
import { z } from 'astro/zod';
import { MAX_SLUG_LENGTH } from './url-claims.ts';

/** One entry of `content/categories.yaml`. */
export const categorySchema = z.object({
  /** Vietnamese name shown to readers, also what articles write in `category`. */
  name: z.string().trim().min(1),
  /** URL segment; defaults to the slug of the name. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(MAX_SLUG_LENGTH)
    .optional(),
  /** One sentence for the category page and its feed. */
  description: z.string().default(''),
  /** Position in menus and on the home page, smallest first. */
  order: z.number().int().default(0),
});
export type CategoryInput = z.input<typeof categorySchema>;
export interface Category {
  name: string;
  slug: string;
  description: string;
  order: number;
}

/** One entry of the optional `content/authors.yaml`. */
export const authorSchema = z.object({
  /** The name as written in articles' `author`. */
  name: z.string().trim().min(1),
  /** A short biography shown on the author's page. */
  bio: z.string().default(''),
});
export interface AuthorProfile {
  name: string;
  slug: string;
  bio: string;
}

/** The hosts a site can be published to. */
export const SITE_HOSTS = ['github-pages', 'cloudflare', 'netlify', 's3'] as const;
export type SiteHost = (typeof SITE_HOSTS)[number];

export const siteSchema = z.object({
  /** The newsroom's full name, in the header and feeds. */
  name: z.string().trim().min(1),
  /** A short name for narrow screens and the web app manifest. */
  shortName: z.string().trim().min(1).optional(),
  /** The public origin, used for canonical URLs, feeds and sitemaps. */
  url: z.url({ protocol: /^https?$/ }),
  /** One sentence describing the site, for the home page and feeds. */
  description: z.string().default(''),
  /** Articles per page on every paginated list. */
  pageSize: z.number().int().min(5).max(200).default(20),
  /**
   * Articles a search bundle gathers before the next one starts (the newest month is always a
   * bundle of its own; see `src/lib/search-shards.ts`). Smaller: correcting an old article
   * re-indexes less; larger: a reader's query loads fewer index files. Automatic when absent:
   * 2,000, doubled each time the archive doubles past 32,000.
   */
  searchShardPages: z.number().int().min(1).optional(),
  /**
   * Where the built site is published, so `npm run verify` can check that host's limits (size,
   * file count, per-file size, files per folder) before the host refuses a deploy. Absent: GitHub Pages.
   */
  host: z.enum(SITE_HOSTS).optional(),
  /**
   * The station's logo: an SVG in `public/`, as a path from the site's root. Shown in the header,
   * and drawn into the home-screen icon and the share picture of pages without one of their own.
   * Absent: `/logo.svg`.
   */
  logo: z
    .string()
    .regex(/^\/[A-Za-z0-9._/-]+\.svg$/)
    .optional(),
});
export type SiteSettings = z.output<typeof siteSchema>;

/** The logo a site uses when `content/site.yaml` names none. */
export const DEFAULT_LOGO = '/logo.svg';
