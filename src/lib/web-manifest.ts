/**
 * The web app manifest (`/site.webmanifest`): the name and icons a phone uses when a reader adds
 * the site to the home screen.
 */
import type { SiteSettings } from './schema.ts';
import { DEFAULT_LOGO } from './schema.ts';

/** The site's colour, as in the header and the share picture. */
export const THEME_COLOR = '#0a4f8f';

/**
 * @example
 * webManifest({ name: 'Đài PT-TH Lâm Đồng', shortName: 'LTV Lâm Đồng', … }).short_name; // 'LTV Lâm Đồng'
 */
export function webManifest(site: Pick<SiteSettings, 'name' | 'shortName' | 'description' | 'logo'>) {
  return {
    name: site.name,
    short_name: site.shortName ?? site.name,
    description: site.description,
    lang: 'vi',
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: [
      { src: site.logo ?? DEFAULT_LOGO, type: 'image/svg+xml', sizes: 'any' },
      { src: '/apple-touch-icon.png', type: 'image/png', sizes: '180x180' },
    ],
  };
}
