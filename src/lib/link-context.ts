/**
 * What the body-link check (`lintBodyLinks` in `content-lint.ts`) knows of the whole archive:
 * every URL an article file claims, and where each link may point. One function, so every
 * caller judges links against the same set of articles.
 */
import { fileSlug } from './article.ts';
import type { LintContext, LinkTarget } from './content-lint.ts';
import type { Category } from './schema.ts';

/** What the link check needs of a valid article (a `ParsedArticle`, or a record of one). */
export interface LinkedArticle {
  file: string;
  data: { slug: string; draft: boolean; date: Date };
}

/**
 * The link check's context: `files` are all article files, `articles` those that parsed. A file
 * with errors still claims the URL of its file name, so a link to it is not reported twice.
 *
 * @example
 * linkContext(['content/articles/a.md'], [article], { siteUrl: 'https://lamdongtv.example', categories, now });
 * // { articles: Map { 'a' => { file: 'content/articles/a.md', draft: false, date } }, slugOfFile: Map { … }, … }
 */
export function linkContext(
  files: readonly string[],
  articles: readonly LinkedArticle[],
  settings: { siteUrl: string; categories: readonly Category[]; now: Date },
): LintContext {
  const targets = new Map<string, LinkTarget | undefined>();
  const slugOfFile = new Map<string, string>();
  for (const file of files) {
    targets.set(fileSlug(file), undefined);
    slugOfFile.set(file, fileSlug(file));
  }
  for (const { file, data } of articles) {
    if (data.slug !== fileSlug(file)) targets.delete(fileSlug(file));
    targets.set(data.slug, { file, draft: data.draft, date: data.date });
    slugOfFile.set(file, data.slug);
  }
  return { ...settings, articles: targets, slugOfFile };
}
