import type { APIRoute } from 'astro';
import { siteLogoSvg } from '../data/archive.ts';
import { drawSharePicture } from '../data/site-icons.ts';
import { THEME_COLOR } from '../lib/web-manifest.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await drawSharePicture(await siteLogoSvg(), THEME_COLOR)), {
    headers: { 'Content-Type': 'image/png' },
  });
