/**
 * One search across every bundle, in the order results are shown: by relevance (every
 * bundle's answer, then the ranking rule of `src/lib/search-rank.ts`), or newest first (each
 * bundle's answer shown as it comes, the newest bundle first). Articles holding the words
 * apart are shown only when no article holds them together, and never for a quoted query.
 * A query of whole words, one or more, is first looked up in the bundles' phrase indexes
 * (`search-phrase-index.ts`); Pagefind is asked only when no article holds the phrase.
 */
import { inTurn } from '../lib/in-turn.ts';
import type { ParsedQuery } from '../lib/search-query.ts';
import { compareCandidates, keepBest, type RankOrder } from '../lib/search-rank.ts';
import { searchFilters, searchWords, type Bundle, type BundleAnswer, type Match } from './search-bundles.ts';
import { phraseQuery, searchPhrase } from './search-phrase-index.ts';

/**
 * Bundle searches waiting in Pagefind's worker at once. The worker answers one request at a
 * time, so a search the reader's next keystroke made stale would otherwise hold up the new one
 * behind every bundle's search; with a few at a time it stops within a few bundles. Six: what
 * a browser fetches at once from one host over HTTP/1.1, so the index chunks of six bundles
 * still load side by side.
 */
const SEARCHES_IN_FLIGHT = 6;

/** The last phrase looked up, kept for the search that follows the same lookup (`holdsPhrase`). */
let lastPhrase: { bundles: readonly Bundle[]; key: string; found: Promise<Match[]> } | undefined;

/** Every bundle's articles holding the query's words as a phrase (see `searchPhrase`). */
function findPhrase(bundles: readonly Bundle[], query: ParsedQuery): Promise<Match[]> {
  const key = JSON.stringify(query.words.map((word) => [word.folded, word.marked && word.typed]));
  if (lastPhrase?.bundles === bundles && lastPhrase.key === key) return lastPhrase.found;
  const found = Promise.all(bundles.map((bundle) => searchPhrase(bundle, query))).then((answers) => answers.flat());
  const entry = { bundles, key, found };
  found.catch(() => {
    if (lastPhrase === entry) lastPhrase = undefined;
  });
  lastPhrase = entry;
  return found;
}

/**
 * The query as typed with its last word whole, when the phrase indexes can answer it. Words
 * typed joined ("dalat") are left to resolving (`resolveTyped`), which knows whether the archive
 * holds them as written; so is a lone word, which is often still being typed ("festiv"): the
 * keys files, loaded from its first letter, say whether it is whole before any entry is read.
 */
function typedPhrase(query: ParsedQuery, filters: Record<string, string>): ParsedQuery | undefined {
  const whole = { ...query, words: query.words.map((word) => ({ ...word, prefix: false })) };
  return query.words.length >= 2 && query.joined.length === 0 && phraseQuery(whole, filters) ? whole : undefined;
}

/**
 * The query with its last word whole, when the archive holds its words as a phrase; otherwise
 * `undefined`, and the query must be resolved against the bundles' words (`resolveTyped`). A
 * phrase found settles what resolving would: its last word is then one the archive holds whole.
 */
export async function holdsPhrase(
  bundles: readonly Bundle[],
  query: ParsedQuery,
  filters: Record<string, string>,
): Promise<ParsedQuery | undefined> {
  const whole = typedPhrase(query, filters);
  return whole && (await findPhrase(bundles, whole)).length > 0 ? whole : undefined;
}

/**
 * Gets ready, while the reader pauses, what the search for `typed` will show when the phrase
 * indexes answer it: the articles holding the phrase, and the data of the first `count` of them.
 * The search that follows then only shows them. Only for two words or more (`typedPhrase`).
 */
export async function preparePhrase(
  bundles: readonly Bundle[],
  typed: ParsedQuery,
  filters: Record<string, string>,
  order: RankOrder,
  count: number,
): Promise<void> {
  const whole = typedPhrase(typed, filters);
  if (!whole) return;
  const found = await findPhrase(bundles, whole);
  await Promise.all(
    keepBest(found, order)
      .slice(0, count)
      .map((match) => match.result.data()),
  );
}

/** What a search found besides its results, known once every batch has been read. */
export interface Outcome {
  /** The results hold the words apart (no article holds them together). */
  apart: boolean;
  /** Indexes of query words that match no word of the archive. */
  missing: number[];
}

/**
 * The search's results in batches to show in turn, and its {@link Outcome}, filled in once the
 * batches are read. Stops starting bundle searches once `current()` is false (a newer search
 * began); what it yields then is partial, for the caller to drop.
 */
export function searchAll(
  bundles: readonly Bundle[],
  query: ParsedQuery,
  filters: Record<string, string>,
  order: RankOrder,
  current: () => boolean,
): { batches: AsyncGenerator<Match[]>; outcome: Outcome } {
  const outcome: Outcome = { apart: false, missing: [] };
  if (query.words.length === 0) return { batches: filtersOnly(bundles, filters, current), outcome };
  const answers: BundleAnswer[] = [];
  const settle = (found: Match[]) => {
    const kept = query.quoted ? found.filter((match) => match.phrase) : found;
    outcome.apart = kept.length > 0 && !kept.some((match) => match.phrase);
    outcome.missing = query.words.flatMap((_, index) =>
      answers.length > 0 && answers.every((answer) => answer.missing.includes(index)) ? [index] : [],
    );
    return keepBest(kept, order);
  };
  const ask = (bundle: Bundle) => searchWords(bundle, query, filters);
  // The articles holding the phrase, when the phrase indexes answer the query; Pagefind otherwise.
  async function* phraseFirst(pagefind: () => AsyncGenerator<Match[]>): AsyncGenerator<Match[]> {
    const together = phraseQuery(query, filters) ? await findPhrase(bundles, query) : [];
    if (together.length > 0) yield keepBest(together, order);
    else yield* pagefind();
  }
  async function* byRelevance(): AsyncGenerator<Match[]> {
    for await (const answer of inTurn(bundles, SEARCHES_IN_FLIGHT, current, ask)) answers.push(answer);
    yield settle(answers.flatMap((answer) => answer.matches));
  }
  async function* newestFirst(): AsyncGenerator<Match[]> {
    const [newest, ...older] = bundles;
    if (!newest) return;
    let shown = 0;
    const take = (answer: BundleAnswer) => {
      answers.push(answer);
      const phrase = answer.matches.filter((match) => match.phrase);
      shown += phrase.length;
      return phrase.sort((a, b) => compareCandidates(a, b, 'date'));
    };
    // The newest bundle alone, and its results shown, before the others are searched: Pagefind's
    // worker answers in turn, so its search would otherwise wait behind the older bundles'.
    yield take(await ask(newest));
    for await (const answer of inTurn(older, SEARCHES_IN_FLIGHT, current, ask)) yield take(answer);
    const all = answers.flatMap((answer) => answer.matches);
    const rest = settle(all);
    // Nothing together anywhere: the articles holding the words apart, newest first.
    if (shown === 0 && rest.length > 0) yield rest;
  }
  return { batches: phraseFirst(order === 'relevance' ? byRelevance : newestFirst), outcome };
}

/** Articles under the filters alone, newest first, each bundle's as it comes. */
async function* filtersOnly(
  bundles: readonly Bundle[],
  filters: Record<string, string>,
  current: () => boolean,
): AsyncGenerator<Match[]> {
  const [newest, ...older] = bundles;
  if (!newest) return;
  yield await searchFilters(newest, filters);
  yield* inTurn(older, SEARCHES_IN_FLIGHT, current, (bundle) => searchFilters(bundle, filters));
}
