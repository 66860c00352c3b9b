/**
 * Writes an imported article as the Markdown file journalists would have written: front
 * matter with English keys (YAML), then the body as Markdown paragraphs. The first line of
 * the front matter is a YAML comment naming the input file, which is how a later run
 * recognises its own earlier output (idempotency, collisions, `--force`); the importer adds a
 * digest line under it (`seal.ts`) to tell its own untouched output from an edited file.
 */
import { Document, isSeq } from 'yaml';
import { toVietnamIso } from '../dates.ts';
import { resolveArticleKey } from '../schema.ts';

/** What goes into one imported article file. */
export interface ImportedArticle {
  /** Input file name (no folder) that the article came from. */
  origin: string;
  title: string;
  date: Date;
  authors: string[];
  /** Registered category name. */
  category: string;
  summary?: string | undefined;
  source?: string | undefined;
  aliases: string[];
  paragraphs: string[];
}

const ORIGIN_PREFIX = '# nhập từ: ';

/**
 * Escapes a plain-text paragraph so Markdown shows it as written: inline markers
 * everywhere, and the line-start markers that would turn a sentence into a heading, quote
 * or list (`2022. Trong đó …` would otherwise be list item 2022).
 *
 * @example
 * escapeMarkdownText('2022. Giá *tăng* <5%'); // '2022\\. Giá \\*tăng\\* \\<5%'
 * escapeMarkdownText('- Đà Lạt');             // '\\- Đà Lạt'
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([>+=])/, '\\$1')
    .replace(/^-(?=\s|-|$)/, '\\-')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The Markdown file of an imported article: deterministic, so a second run on the same
 * input yields the same bytes.
 *
 * @example
 * renderArticleFile({ origin: 'a.txt', title: 'Cụm thi đua', date, authors: ['Lô Thanh'], category: 'Tin tức',
 *   aliases: [], paragraphs: ['Tại hội nghị …'] });
 * // '---\n# nhập từ: a.txt\ntitle: Cụm thi đua\ndate: 2022-05-11T06:49:00+07:00\nauthor: Lô Thanh\n…---\n\nTại hội nghị …\n'
 */
export function renderArticleFile(article: ImportedArticle): string {
  const data: Record<string, unknown> = {
    title: article.title,
    date: toVietnamIso(article.date),
    author: article.authors.length === 1 ? article.authors[0] : article.authors,
    category: article.category,
  };
  if (article.summary) data.summary = article.summary;
  if (article.source) data.source = article.source;
  if (article.aliases.length > 0) data.aliases = article.aliases;
  const doc = new Document(data);
  // Several authors on one line, as journalists write them: `author: [Minh Đức, Hoàng Yến]`.
  const author = doc.get('author', true);
  if (isSeq(author)) author.flow = true;
  // lineWidth 0: never fold a long lead over several lines.
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = article.paragraphs.map(escapeMarkdownText).join('\n\n');
  return `---\n${ORIGIN_PREFIX}${article.origin}\n${yaml}---\n${body ? `\n${body}\n` : ''}`;
}

/** What the importer needs to know about an article file already on disk. */
export interface ExistingArticleHead {
  /** Input file name recorded by an earlier import, if the file came from one. */
  origin?: string | undefined;
  /** `slug` set in the front matter, which overrides the file name's. */
  slug?: string | undefined;
}

/**
 * Reads the import marker and any `slug` override from an article file's front matter,
 * without parsing the whole article (an out folder may hold thousands).
 *
 * @example
 * readArticleHead('---\n# nhập từ: a.txt\ntitle: X\nđường dẫn: x-2\n---\n'); // { origin: 'a.txt', slug: 'x-2' }
 */
export function readArticleHead(source: string): ExistingArticleHead {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return {};
  const head: ExistingArticleHead = {};
  for (const line of lines.slice(1)) {
    if (line.trim() === '---') break;
    if (line.startsWith(ORIGIN_PREFIX)) {
      head.origin = line.slice(ORIGIN_PREFIX.length).trim().normalize('NFC');
      continue;
    }
    const field = /^([^\s#:][^:]*):\s*(.*)$/.exec(line);
    if (field && resolveArticleKey(field[1]!).key === 'slug') {
      head.slug = field[2]!.replace(/^(["'])(.*)\1$/, '$2').trim() || undefined;
    }
  }
  return head;
}
