/**
 * Front-matter keys as journalists write them (any case, with or without diacritics and
 * separators) resolved to their canonical field, and zod's messages put into Vietnamese.
 */
import { ARTICLE_FIELDS, IMAGE_FIELDS, type ArticleKey } from './article-fields.ts';
import { foldVietnamese, nearest } from './text.ts';

/**
 * A zod issue's message for journalists: ours are written in Vietnamese already; zod's own
 * English ones are replaced by a Vietnamese description of their kind.
 *
 * @example
 * vietnameseMessage({ code: 'invalid_type', message: 'Invalid input: expected number' }); // 'sai kiểu giá trị'
 */
export function vietnameseMessage(issue: { code: string; message: string }): string {
  if (!/^[\x20-\x7e]*$/.test(issue.message)) return issue.message;
  const byCode: Record<string, string> = {
    invalid_type: 'sai kiểu giá trị',
    invalid_union: 'sai kiểu giá trị',
    too_small: 'giá trị quá nhỏ hoặc đang để trống',
    too_big: 'giá trị quá lớn',
    invalid_format: 'sai định dạng',
    unrecognized_keys: 'có khóa không rõ',
  };
  return byCode[issue.code] ?? 'giá trị không hợp lệ';
}

/**
 * Folds a key for matching: diacritics, case and separators do not count.
 *
 * @example
 * foldKey('Tác-Giả') === foldKey('tac_gia'); // true ('tacgia')
 */
export function foldKey(key: string): string {
  return foldVietnamese(key).replace(/[\s_\-.]+/g, '');
}

function aliasTable<K extends string>(entries: Iterable<[K, readonly string[]]>): Map<string, K> {
  const table = new Map<string, K>();
  for (const [key, aliases] of entries) {
    table.set(foldKey(key), key);
    for (const alias of aliases) table.set(foldKey(alias), key);
  }
  return table;
}

const ARTICLE_KEYS = aliasTable(
  Object.entries(ARTICLE_FIELDS).map(([key, spec]) => [key as ArticleKey, spec.aliases] as const),
);
const IMAGE_KEYS = aliasTable(Object.entries(IMAGE_FIELDS) as [keyof typeof IMAGE_FIELDS, readonly string[]][]);

/** The result of looking a written key up: the field it means, or the nearest suggestion. */
export type KeyLookup<K> = { key: K } | { key: undefined; suggestion: K | undefined };

function lookUp<K extends string>(table: Map<string, K>, written: string): KeyLookup<K> {
  const folded = foldKey(written);
  const key = table.get(folded);
  if (key) return { key };
  const alias = nearest(folded, [...table.keys()]);
  return { key: undefined, suggestion: alias === undefined ? undefined : table.get(alias) };
}

/**
 * Resolves a front-matter key as written by a journalist to its canonical field.
 *
 * @example
 * resolveArticleKey('Tác giả'); // { key: 'author' }
 * resolveArticleKey('tac gai'); // { key: undefined, suggestion: 'author' }
 */
export function resolveArticleKey(written: string): KeyLookup<ArticleKey> {
  return lookUp(ARTICLE_KEYS, written);
}

/**
 * Resolves a key inside an `image` object.
 *
 * @example
 * resolveImageKey('chú thích'); // { key: 'caption' }
 */
export function resolveImageKey(written: string): KeyLookup<keyof typeof IMAGE_FIELDS> {
  return lookUp(IMAGE_KEYS, written);
}
