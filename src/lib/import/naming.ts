/**
 * File names for imported articles. The URL is `/bai-viet/{slug}/` whatever the year
 * folder, so a name must be free across the whole articles folder. An article imported
 * before keeps its file (the comment in its front matter names its input); a new article
 * takes the title's slug, or, when that is taken, the slug plus its date, then its time,
 * then a counter. New articles claim names oldest first (then by input file name), so the
 * result never depends on the order the inputs were listed in.
 */
import { vietnamParts } from '../dates.ts';

export interface NameRequest {
  /** Input file name: the article's identity across runs. */
  origin: string;
  /** Slug of the title. */
  slug: string;
  date: Date;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The names an article may take, most wanted first.
 *
 * @example
 * candidateSlugs('cum-thi-dua', new Date('2022-05-10T23:49:00Z')).slice(0, 4);
 * // ['cum-thi-dua', 'cum-thi-dua-20220511', 'cum-thi-dua-20220511-0649', 'cum-thi-dua-20220511-0649-2']
 */
export function* candidateSlugs(slug: string, date: Date): Generator<string> {
  const p = vietnamParts(date);
  const day = `${p.year}${pad(p.month)}${pad(p.day)}`;
  yield slug;
  yield `${slug}-${day}`;
  yield `${slug}-${day}-${pad(p.hour)}${pad(p.minute)}`;
  for (let counter = 2; ; counter++) yield `${slug}-${day}-${pad(p.hour)}${pad(p.minute)}-${counter}`;
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
