/**
 * Static paths for paginated lists (category, author, tag, archive): one route file per
 * kind of list, with a rest parameter that is empty for the front page and `trang/N` for
 * numbered pages.
 */
import { articleVersion, type Archive, type Article } from '../lib/archive.ts';
import { cacheKey } from '../lib/cache-key.ts';
import { paginate, type ListPage } from '../lib/pagination.ts';

export interface ListDefinition<P> {
  params: Record<string, string>;
  url: string;
  articles: readonly Article[];
  props: P;
}

/**
 * @example
 * listPaths([{ params: { category: 'thoi-su' }, url: '/chuyen-muc/thoi-su/', articles, props: { category } }], archive);
 */
export function listPaths<P>(lists: readonly ListDefinition<P>[], archive: Pick<Archive, 'site' | 'layoutKey'>) {
  return lists.flatMap((list) => {
    const { front, numbered } = paginate(list.articles, archive.site.pageSize, list.url);
    return [front, ...numbered].map((page: ListPage<Article>) => {
      // Only the front page shows the list's total: a numbered page that did would change
      // with every new article.
      const total = page.number === undefined ? list.articles.length : undefined;
      const props = { ...list.props, page, total };
      const { items, ...navigation } = page;
      return {
        params: { ...list.params, page: page.number === undefined ? undefined : `trang/${page.number}` },
        props,
        // All but the newest numbered pages keep their key as articles are added (`paginate`).
        cacheKey: cacheKey({ ...list.props, navigation, total, items: items.map(articleVersion) }, archive.layoutKey),
      };
    });
  });
}
