import type { APIRoute } from 'astro';
import { siteLogoSvg } from '../data/archive.ts';
import { drawIcon } from '../data/site-icons.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await drawIcon(await siteLogoSvg(), 180)), { headers: { 'Content-Type': 'image/png' } });
