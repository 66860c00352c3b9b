// Old URLs for the post-build step, which writes redirect pages and `_redirects` from it
// and then removes this file from `dist/`.
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { t } from '../i18n/vi.ts';
import type { RedirectManifest } from '../lib/redirects.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async () => {
  const { site, articles } = await getArchive();
  const manifest: RedirectManifest = {
    message: t('redirect.body'),
    redirects: articles.flatMap((article) =>
      article.aliases.map((from) => ({
        from,
        to: article.url,
        title: article.title,
        absolute: absoluteUrl(article.url, site.url),
      })),
    ),
  };
  return new Response(JSON.stringify(manifest));
};
