/**
 * The search page's result items and suggestion, built as DOM nodes (never HTML strings:
 * Pagefind's `content` is raw page text).
 */
import { t } from '../i18n/vi.ts';
import { excerpt, highlight, stripLeading, type ExcerptPart, type MarkSpec } from '../lib/search-fold.ts';
import { searchStateUrl, type SearchState } from '../lib/search-url.ts';
import type { PagefindResultData } from './search-bundles.ts';

/**
 * One result: its title and excerpt with what matched marked (`marks`: the phrase, or each
 * word when the article holds them apart), its dateline, category and authors.
 */
export function resultItem(result: PagefindResultData, marks: MarkSpec): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result__title');
  const link = element('a');
  link.href = result.url;
  link.append(...excerptNodes(highlight(result.meta['title'] ?? result.url, marks)));
  heading.append(link);

  const meta = element('p', 'meta search-result__meta');
  const details = [
    result.meta['dateline'],
    result.filters['category']?.[0],
    result.meta['authors'] ?? result.filters['author']?.join(', '),
  ].filter((detail): detail is string => Boolean(detail));
  meta.textContent = details.join(' · ');

  const text = stripLeading(result.content, [result.meta['title'], result.meta['dateline']]);
  const summary = element('p', 'search-result__excerpt');
  summary.append(...excerptNodes(excerpt(text, marks)));
  item.append(heading, meta, summary);
  return item;
}

/**
 * "Có phải bạn muốn tìm: …?" with the suggested query as a link to its search (the reader's
 * filters kept).
 */
export function suggestionNode(suggestion: string, state: SearchState): HTMLParagraphElement {
  const paragraph = element('p', 'search-page__suggestion');
  const [before = '', after = ''] = t('search.suggest', { suggestion: '\u0000' }).split('\u0000');
  const link = element('a');
  link.href = searchStateUrl({ ...state, q: suggestion });
  link.textContent = suggestion;
  paragraph.append(before, link, after);
  return paragraph;
}

/** Text nodes and `<mark>`s. */
function excerptNodes(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = element('mark');
    mark.textContent = part.text;
    return mark;
  });
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
