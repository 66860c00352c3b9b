// "Tin mới nhất" for the sidebar of every article page, written once per build and fetched by
// the pages instead of carried in them (why: src/lib/sidebar.ts).
import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import { latestEntries } from '../../lib/sidebar.ts';

export const GET: APIRoute = async () => {
  const { articles } = await getArchive();
  return new Response(JSON.stringify(latestEntries(articles)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
