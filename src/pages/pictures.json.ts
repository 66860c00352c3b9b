// The pictures published articles show, once each, for the step that publishes them into
// `dist/anh/` and then removes this file (src/integrations/pictures.ts).
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import type { PictureFacts } from '../lib/pictures.ts';

export const GET: APIRoute = async () => {
  const { articles } = await getArchive();
  const pictures = new Map<string, PictureFacts>();
  for (const { picture } of articles) if (picture) pictures.set(picture.src, picture);
  return new Response(JSON.stringify([...pictures.values()]));
};
