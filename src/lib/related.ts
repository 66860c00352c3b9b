/**
 * "Tin liên quan": which articles an article page lists as related, chosen from its tags and
 * category only, never the whole archive, so a page's cost stays the same however large the
 * archive grows.
 */
import type { Archive, Article } from './archive.ts';
import { lowerBound } from './lower-bound.ts';

/**
 * The tag and category lists as positions in `Archive.articles`, and the articles' times, in
 * typed arrays: choosing related articles reads a few hundred candidates per page, and compact
 * arrays keep those reads in the CPU cache however large the archive grows.
 */
export interface RelatedIndex {
  /** Position of each article in `Archive.articles`. */
  position: Map<Article, number>;
  /** Publication time (ms) of the article at each position. */
  time: Float64Array;
  /** Positions of each tag's articles, ascending (so newest first). */
  byTag: Map<string, Int32Array>;
  /** Positions of each category's articles, ascending. */
  byCategory: Map<string, Int32Array>;
  /** Scratch space for scoring candidates, by position; all zero between calls. */
  score: Int32Array;
}

/**
 * Built once per archive, from the articles newest first.
 *
 * @example
 * relatedIndexOf(articles).byTag.get('da-lat'); // Int32Array [0, 4, 9]
 */
export function relatedIndexOf(articles: readonly Article[]): RelatedIndex {
  const position = new Map<Article, number>();
  const time = new Float64Array(articles.length);
  const byTag = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  articles.forEach((article, at) => {
    position.set(article, at);
    time[at] = article.date.getTime();
    for (const tag of article.tags) add(byTag, tag.slug, at);
    add(byCategory, article.category.slug, at);
  });
  const typed = (map: Map<string, number[]>) => new Map([...map].map(([key, list]) => [key, Int32Array.from(list)]));
  return {
    position,
    time,
    byTag: typed(byTag),
    byCategory: typed(byCategory),
    score: new Int32Array(articles.length),
  };
}

/** How many articles on each side of an article, in each tag's list, count as candidates. */
const RELATED_WINDOW = 50;

/**
 * "Tin liên quan": articles sharing the most tags, then the same category, nearest in time
 * first. Looks only at the article's tag and category groups, never the whole archive.
 *
 * @example
 * relatedArticles(archive, article, 5).map((a) => a.title);
 */
export function relatedArticles(archive: Archive, article: Article, limit = 5): Article[] {
  const { position, time, byTag, byCategory, score } = archive.related;
  const self = position.get(article);
  if (self === undefined) return [];
  const candidates: number[] = [];
  // Only a window of each list around the article (nearest in time) is looked at, so the
  // cost per page stays constant however large a popular tag grows.
  const addWindow = (list: Int32Array | undefined, width: number, points: number) => {
    if (!list) return;
    const at = lowerBound(list, self);
    for (let index = Math.max(0, at - width); index < Math.min(list.length, at + width + 1); index++) {
      const other = list[index]!;
      if (other === self) continue;
      const previous = score[other]!;
      if (previous === 0) candidates.push(other);
      score[other] = previous + points;
    }
  };
  for (const tag of article.tags) addWindow(byTag.get(tag.slug), RELATED_WINDOW, 2);
  addWindow(byCategory.get(article.category.slug), limit, 1);
  // The best `limit` candidates, kept in order as they come rather than sorting them all.
  const best: Candidate[] = [];
  for (const other of candidates) {
    const candidate = { other, score: score[other]!, distance: Math.abs(time[other]! - time[self]!) };
    score[other] = 0;
    let at = best.length;
    while (at > 0 && ranksBefore(archive.articles, candidate, best[at - 1]!)) at--;
    if (at >= limit) continue;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => archive.articles[other]!);
}

/** A related-article candidate: its position in the archive, score and distance in time. */
interface Candidate {
  other: number;
  score: number;
  distance: number;
}

/** More shared tags and category first, then nearer in time, then by slug. */
function ranksBefore(articles: readonly Article[], a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return articles[a.other]!.slug.localeCompare(articles[b.other]!.slug) < 0;
}
