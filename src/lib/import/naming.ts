/**
 * File names for imported articles. The URL is `/bai-viet/{slug}/` whatever the year
 * folder, so a name must be free across the whole articles folder. An article imported
 * before keeps its file (the comment in its front matter names its input); a new article
 * takes the title's slug, or, when that is taken, the slug plus its date, then its time,
 * then a counter. New articles claim names oldest first (then by input file name), so the
 * result never depends on the order the inputs were listed in. Every name is at most
 * {@link MAX_SLUG_LENGTH} characters, so a long title never makes a file name the file
 * system refuses.
 */
import { vietnamParts } from '../dates.ts';
import { MAX_SLUG_LENGTH } from '../url-claims.ts';

/** Longest slug the importer gives an article: the schema's limit (ASCII, so also its length in bytes). */
export { MAX_SLUG_LENGTH };

/**
 * Shortens a slug to at most `max` characters, at a hyphen when there is one, so a word is
 * never cut in half.
 *
 * @example
 * truncateSlug('hoi-nghi-tong-ket-nam', 12); // 'hoi-nghi'
 * truncateSlug('abcdefghij', 4);             // 'abcd'
 */
export function truncateSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const cut = head.lastIndexOf('-');
  return (cut > 0 ? head.slice(0, cut) : slug.slice(0, max)).replace(/-+$/, '');
}

export interface NameRequest {
  /** Input file name: the article's identity across runs. */
  origin: string;
  /** Slug of the title. */
  slug: string;
  date: Date;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The names an article may take, most wanted first, each at most {@link MAX_SLUG_LENGTH}
 * characters: the title's part is shortened to leave room for the date suffix.
 *
 * @example
 * candidateSlugs('cum-thi-dua', new Date('2022-05-10T23:49:00Z')).slice(0, 4);
 * // ['cum-thi-dua', 'cum-thi-dua-20220511', 'cum-thi-dua-20220511-0649', 'cum-thi-dua-20220511-0649-2']
 */
export function* candidateSlugs(slug: string, date: Date): Generator<string> {
  const p = vietnamParts(date);
  const day = `${p.year}${pad(p.month)}${pad(p.day)}`;
  const time = `${day}-${pad(p.hour)}${pad(p.minute)}`;
  const suffixed = (suffix: string) => `${truncateSlug(slug, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
  yield truncateSlug(slug);
  yield suffixed(day);
  yield suffixed(time);
  for (let counter = 2; ; counter++) yield suffixed(`${time}-${counter}`);
}

/**
 * Gives every new article a slug that no existing file and no other new article holds.
 *
 * @param requests new articles (inputs not imported before)
 * @param taken slugs already used by files in the articles folder
 * @returns slug for each request's origin
 *
 * @example
 * assignSlugs(
 *   [{ origin: 'b.txt', slug: 'ket-qua-thi', date: new Date('2024-07-17T03:00:00Z') },
 *    { origin: 'a.txt', slug: 'ket-qua-thi', date: new Date('2023-07-18T03:00:00Z') }],
 *   new Set(),
 * );
 * // Map { 'a.txt' => 'ket-qua-thi', 'b.txt' => 'ket-qua-thi-20240717' }
 */
export function assignSlugs(requests: readonly NameRequest[], taken: ReadonlySet<string>): Map<string, string> {
  const used = new Set(taken);
  const assigned = new Map<string, string>();
  const ordered = [...requests].sort(
    (a, b) => a.date.getTime() - b.date.getTime() || (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0),
  );
  for (const request of ordered) {
    for (const candidate of candidateSlugs(request.slug, request.date)) {
      if (used.has(candidate)) continue;
      used.add(candidate);
      assigned.set(request.origin, candidate);
      break;
    }
  }
  return assigned;
}
