/**
 * Static paths for paginated lists (category, author, tag, archive): one route file per
 * kind of list, with a rest parameter that is empty for the front page and `trang/N` for
 * numbered pages.
 */
import type { Article } from '../lib/archive.ts';
import { paginate, type ListPage } from '../lib/pagination.ts';

export interface ListDefinition<P> {
  params: Record<string, string>;
  url: string;
  articles: readonly Article[];
  props: P;
}

/**
 * @example
 * listPaths([{ params: { category: 'thoi-su' }, url: '/chuyen-muc/thoi-su/', articles, props: { category } }], 20);
 */
export function listPaths<P>(lists: readonly ListDefinition<P>[], pageSize: number) {
  return lists.flatMap((list) => {
    const { front, numbered } = paginate(list.articles, pageSize, list.url);
    return [front, ...numbered].map((page: ListPage<Article>) => ({
      params: { ...list.params, page: page.number === undefined ? undefined : `trang/${page.number}` },
      props: { ...list.props, page, total: list.articles.length },
    }));
  });
}
