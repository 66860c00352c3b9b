/**
 * The relevance benchmark's pure parts: phrases planted in the synthetic archive (place names
 * and common compounds, some with `đ`, some spelled with either tone placement), together in
 * some articles and with their syllables apart in others; the queries asked of them (none of
 * them a query of `tests/`); the answer each query should get, read from the generated
 * articles' indexed text; and precision of the first ten results and recall.
 */
import { foldVietnamese } from '../../src/lib/text.ts';
import { createRandom, deriveSeed } from './prng.ts';

/** A planted phrase, in each spelling articles use ("Khánh Hòa", "Khánh Hoà"). */
export interface Planted {
  spellings: readonly string[];
}

export const PLANTED: readonly Planted[] = [
  ['Di Linh'],
  ['Lạc Dương'],
  ['Đơn Dương'],
  ['Lâm Hà'],
  ['Đam Rông'],
  ['Cát Tiên'],
  ['Bảo Lâm'],
  ['Tuyền Lâm'],
  ['Xuân Hương'],
  ['Liên Khương'],
  ['Đắk Nông'],
  ['Bình Thuận'],
  ['Khánh Hòa', 'Khánh Hoà'],
  ['Tây Nguyên'],
  ['thủy lợi', 'thuỷ lợi'],
  ['hòa giải', 'hoà giải'],
  ['sầu riêng'],
  ['đồi thông'],
  ['nông thôn mới'],
  ['khuyến nông'],
  ['giảm nghèo'],
  ['thổ cẩm'],
  ['sạt lở'],
  ['điện mặt trời'],
  ['đập tràn'],
  ['khỏe mạnh', 'khoẻ mạnh'],
  ['hoa cẩm tú cầu'],
  ['dâu tây'],
  ['mứt gừng'],
  ['Đạ Huoai'],
].map((spellings) => ({ spellings }));

/** A query of the benchmark and the planted phrase it asks for (by index in {@link PLANTED}). */
export interface RelevanceQuery {
  query: string;
  phrase: number;
}

/** As readers type: accented, folded, joined, the other tone placement, quoted. */
export const RELEVANCE_QUERIES: readonly RelevanceQuery[] = (
  [
    ['di linh', 0],
    ['lac duong', 1],
    ['lacduong', 1],
    ['Đơn Dương', 2],
    ['lam ha', 3],
    ['damrong', 4],
    ['cát tiên', 5],
    ['bao lam', 6],
    ['tuyen lam', 7],
    ['Xuân Hương', 8],
    ['lienkhuong', 9],
    ['dak nong', 10],
    ['binh thuan', 11],
    ['khánh hoà', 12],
    ['khanh hoa', 12],
    ['tay nguyen', 13],
    ['thuỷ lợi', 14],
    ['thuy loi', 14],
    ['hòa giải', 15],
    ['sau rieng', 16],
    ['doi thong', 17],
    ['"nông thôn mới"', 18],
    ['khuyen nong', 19],
    ['giamngheo', 20],
    ['tho cam', 21],
    ['sat lo', 22],
    ['dien mat troi', 23],
    ['đập tràn', 24],
    ['khoẻ mạnh', 25],
    ['"hoa cẩm tú cầu"', 26],
    ['dau tay', 27],
    ['mut gung', 28],
    ['da huoai', 29],
  ] as const
).map(([query, phrase]) => ({ query, phrase }));

/** Share of articles given a plant; of those, together (title or body) or apart. */
const PLANT_SHARE = 0.15;
const TOGETHER_SHARE = 0.6;
const IN_TITLE_SHARE = 0.3;
/** Words put around and between planted syllables: none of them a planted syllable. */
const FILLERS = ['theo', 'báo cáo', 'của', 'tỉnh', 'người', 'hôm qua', 'cho biết', 'về', 'các'];

/**
 * An article with a planted phrase, or as it was (most articles). Deterministic from the seed
 * and the article's index, and drawn apart from the article's own text, so the rest of the
 * corpus is the same with plants or without. Together: the phrase at the end of the title
 * (unless the title is quoted YAML) or in a paragraph added to the body. Apart: its
 * syllables in two sentences of that paragraph.
 *
 * @example
 * plantArticle('---\ntitle: Tin mới\n---\n\nThân bài.\n', 7, 1); // the same text, or with a plant
 */
export function plantArticle(content: string, index: number, seed: number): string {
  const random = createRandom(deriveSeed(seed, 2_000_000 + index));
  // The first articles give every phrase one plant together, then one apart: every query has
  // an answer, and a distractor, in any corpus of 60 articles or more.
  const first = index < 2 * PLANTED.length;
  if (!first && !random.chance(PLANT_SHARE)) return content;
  const planted = first ? PLANTED[index % PLANTED.length]! : random.pick(PLANTED);
  const spelling = random.pick(planted.spellings);
  const filler = () => random.pick(FILLERS);
  if (first ? index < PLANTED.length : random.chance(TOGETHER_SHARE)) {
    const title = /^title: (?!["'])(.*)$/m;
    if (random.chance(IN_TITLE_SHARE) && title.test(content)) {
      return content.replace(title, (_, text: string) => `title: ${text} ${spelling}`);
    }
    return `${content.trimEnd()}\n\n${capitalise(filler())} ${filler()} ${spelling} ${filler()}.\n`;
  }
  const syllables = spelling.split(' ');
  const sentences = syllables.map(
    (syllable) => `${capitalise(filler())} ${filler()} ${syllable} ${filler()} ${filler()}.`,
  );
  return `${content.trimEnd()}\n\n${sentences.join(' ')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What search indexes of a generated article: title, summary, body, picture caption and
 * credit, authors and source (not tags, the picture's alt text, aliases or dates).
 *
 * @example
 * indexedText('---\ntitle: Đà Lạt\ntags: [Lâm Hà]\n---\n\nThân bài.\n'); // 'Đà Lạt\nThân bài.\n'
 */
export function indexedText(content: string): string {
  const end = content.indexOf('\n---\n', 4);
  const front = content.slice(4, end);
  const fields = /^ {0,2}(title|summary|author|caption|credit|source): (.*)$/gm;
  const kept = [...front.matchAll(fields)].map((match) => match[2]!);
  return [...kept, content.slice(end + 5)].join('\n');
}

/**
 * Whether a text holds the phrase, its words together and in order, folded (no marks, `đ` as
 * `d`, any case): the answer a reader expects whatever the marks typed.
 *
 * @example
 * holdsPhrase('Về Khánh Hoà, mới', 'khanh hoa'); // true
 * holdsPhrase('Khánh về Hoà', 'khanh hoa'); // false
 */
export function holdsPhrase(text: string, phrase: string): boolean {
  const words = (value: string) =>
    foldVietnamese(value)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const wanted = words(phrase).join(' ');
  return ` ${words(text).join(' ')} `.includes(` ${wanted} `);
}

/** Precision of the first ten results and recall of one query. */
export interface QueryScore {
  query: string;
  relevant: number;
  shown: number;
  precisionAt10: number;
  recall: number;
}

/**
 * Scores a query's results (article slugs in the order shown) against the articles that hold
 * its phrase. Precision counts the relevant among the first ten shown (of as many as were
 * shown, up to ten; 1 when nothing is shown and nothing is relevant); recall, the relevant
 * shown anywhere.
 *
 * @example
 * scoreQuery('lam ha', ['a', 'x', 'b'], new Set(['a', 'b', 'c'])); // { query: 'lam ha', relevant: 3, shown: 3, precisionAt10: 0.67, recall: 0.67 }
 */
export function scoreQuery(query: string, shown: readonly string[], relevant: ReadonlySet<string>): QueryScore {
  const top = shown.slice(0, 10);
  const hits = (slugs: readonly string[]) => slugs.filter((slug) => relevant.has(slug)).length;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    query,
    relevant: relevant.size,
    shown: shown.length,
    precisionAt10: round(top.length === 0 ? (relevant.size === 0 ? 1 : 0) : hits(top) / top.length),
    recall: round(relevant.size === 0 ? 1 : hits(shown) / relevant.size),
  };
}

/**
 * The benchmark's table: one row per query, then the means.
 *
 * @example
 * formatScores([{ query: 'lam ha', relevant: 3, shown: 3, precisionAt10: 1, recall: 1 }]);
 */
export function formatScores(scores: readonly QueryScore[]): string {
  const mean = (pick: (score: QueryScore) => number) =>
    scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + pick(score), 0) / scores.length;
  const rows = scores.map(
    (score) =>
      `| ${score.query} | ${score.relevant} | ${score.shown} | ${score.precisionAt10.toFixed(2)} | ${score.recall.toFixed(2)} |`,
  );
  return [
    '| query | relevant | shown | precision@10 | recall |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    `| mean of ${scores.length} | | | ${mean((score) => score.precisionAt10).toFixed(2)} | ${mean((score) => score.recall).toFixed(2)} |`,
  ].join('\n');
}
