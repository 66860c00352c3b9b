import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { webManifest } from '../lib/web-manifest.ts';

export const GET: APIRoute = async () => {
  const { site } = await getArchive();
  return new Response(`${JSON.stringify(webManifest(site), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
