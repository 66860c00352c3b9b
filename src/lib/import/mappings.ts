/**
 * The two small tables an import may be given: old section names onto registered
 * categories (`--category-map`), and input files onto their old URLs (`--aliases`), plus
 * the lookup of a page's section line in the category registry.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { aliasPath, foldKey, type Category } from '../schema.ts';
import { nearest, toNfc } from '../text.ts';

/** A table read from a file, with its problems as Vietnamese lines `file:line: …`. */
export interface TableResult<T> {
  value: T;
  problems: string[];
}

function readRows(text: string, file: string): { rows: { cells: string[]; line: number }[]; problems: string[] } {
  try {
    const records = parseCsv(toNfc(text.replace(/^\uFEFF/, '')), {
      delimiter: [',', ';', '\t'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      rows: records.map(({ record, info }) => ({ cells: record, line: info.lines })),
      problems: [],
    };
  } catch (error) {
    return { rows: [], problems: [`${file}: lỗi: không đọc được CSV (${(error as Error).message.split('\n')[0]})`] };
  }
}

/**
 * Reads a section-to-category table: CSV rows `section,category` (a header row is
 * allowed) or a YAML mapping `section: category`. Sections are matched folded, so case
 * and diacritics do not count.
 *
 * @example
 * parseCategoryMap('chuyên mục cũ,chuyên mục\nTin địa phương,Tin tức\n', 'map.csv').value;
 * // Map { 'tindiaphuong' => 'Tin tức' }
 */
export function parseCategoryMap(text: string, file: string): TableResult<Map<string, string>> {
  const map = new Map<string, string>();
  const problems: string[] = [];
  if (/\.ya?ml$/i.test(file)) {
    let data: unknown;
    try {
      data = parseYaml(toNfc(text.replace(/^\uFEFF/, '')));
    } catch (error) {
      return {
        value: map,
        problems: [`${file}: lỗi: YAML không đọc được (${(error as Error).message.split('\n')[0]})`],
      };
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { value: map, problems: [`${file}: lỗi: cần các dòng "chuyên mục cũ: chuyên mục"`] };
    }
    for (const [section, category] of Object.entries(data)) map.set(foldKey(section), String(category).trim());
    return { value: map, problems };
  }
  const { rows, problems: csvProblems } = readRows(text, file);
  problems.push(...csvProblems);
  rows.forEach(({ cells, line }, index) => {
    const [section = '', category = ''] = cells;
    if (index === 0 && ['category', 'chuyenmuc', 'danhmuc'].includes(foldKey(category))) return;
    if (!section || !category) {
      problems.push(`${file}:${line}: lỗi: cần hai cột "chuyên mục cũ,chuyên mục"`);
      return;
    }
    map.set(foldKey(section), category);
  });
  return { value: map, problems };
}

export type SectionLookup = { ok: true; category: Category } | { ok: false; reason: string };

/**
 * Builds the lookup of a page's section line: first through the section table, then by
 * a registered category's name or slug, folded. An unknown section names the nearest
 * registered category, as the schema does for a hand-written article.
 *
 * @example
 * const resolve = createSectionResolver(categories, new Map([['tindiaphuong', 'Tin tức']]));
 * resolve('TIN TUC');         // { ok: true, category: { name: 'Tin tức', slug: 'tin-tuc', … } }
 * resolve('Tin địa phương');  // { ok: true, category: { name: 'Tin tức', … } }
 * resolve('Thể thao');        // { ok: false, reason: 'chuyên mục "Thể thao" chưa được khai báo; gần nhất là "Thời sự" …' }
 */
export function createSectionResolver(
  categories: readonly Category[],
  sectionMap: ReadonlyMap<string, string> = new Map(),
): (section: string) => SectionLookup {
  const registered = new Map<string, Category>();
  for (const category of categories) {
    registered.set(foldKey(category.name), category);
    registered.set(foldKey(category.slug), category);
  }
  return (section) => {
    const mapped = sectionMap.get(foldKey(section));
    if (mapped !== undefined) {
      const category = registered.get(foldKey(mapped));
      if (category) return { ok: true, category };
      return {
        ok: false,
        reason: `bảng chuyển chuyên mục đưa "${section}" vào "${mapped}", nhưng "${mapped}" chưa được khai báo trong content/categories.yaml`,
      };
    }
    const category = registered.get(foldKey(section));
    if (category) return { ok: true, category };
    const closest = nearest(foldKey(section), [...registered.keys()], Infinity);
    const closestName = closest === undefined ? undefined : registered.get(closest)?.name;
    return {
      ok: false,
      reason: `chuyên mục "${section}" chưa được khai báo${closestName ? `; gần nhất là "${closestName}"` : ''}. Khai báo nó trong content/categories.yaml hoặc chuyển nó sang một chuyên mục có sẵn bằng --category-map`,
    };
  };
}

/** One row of the old-URL table. */
export interface AliasRow {
  /** Input file name (without folder), NFC. */
  input: string;
  url: string;
  /** 1-based line in the CSV file. */
  line: number;
}

const looksLikeUrl = (text: string) => /^(?:\/|https?:\/\/)/i.test(text);

/**
 * Reads the old-URL table: CSV rows `input file,old URL` (a header row is allowed). The
 * input is matched by file name, so the table may list paths from anywhere.
 *
 * @example
 * parseAliasCsv('tệp,đường dẫn cũ\nsave/a.txt,https://lamdongtv.vn/tin-tuc/a-1.html\n', 'urls.csv').value;
 * // [{ input: 'a.txt', url: 'https://lamdongtv.vn/tin-tuc/a-1.html', line: 2 }]
 */
export function parseAliasCsv(text: string, file: string): TableResult<AliasRow[]> {
  const { rows, problems } = readRows(text, file);
  const value: AliasRow[] = [];
  // Two articles claiming one old URL would fail the build; say so here, where it is fixed.
  const claimed = new Map<string, AliasRow>();
  rows.forEach(({ cells, line }, index) => {
    const [input = '', url = ''] = cells;
    if (index === 0 && !looksLikeUrl(url)) return;
    if (!input || !url) {
      problems.push(`${file}:${line}: lỗi: cần hai cột "tệp đầu vào,đường dẫn cũ"`);
      return;
    }
    const path = looksLikeUrl(url) ? aliasPath(url) : undefined;
    if (path === undefined) {
      problems.push(`${file}:${line}: lỗi: "${url}" không phải đường dẫn (cần bắt đầu bằng / hoặc http(s)://)`);
      return;
    }
    const row = { input: input.split(/[\\/]/).pop()!, url, line };
    const owner = claimed.get(path);
    if (owner) {
      // The same old path twice for one input (`http://…/a` and `/a`) is one redirect.
      if (owner.input !== row.input) {
        problems.push(`${file}:${line}: lỗi: đường dẫn cũ "${path}" đã gắn với ${owner.input} ở dòng ${owner.line}`);
      }
      return;
    }
    claimed.set(path, row);
    value.push(row);
  });
  return { value, problems };
}
