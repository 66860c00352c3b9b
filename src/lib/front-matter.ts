/**
 * Splits a Markdown file into front matter and body with gray-matter, reading YAML with the
 * core schema (so `2022-05-11 06:49` stays text and is read as Vietnam time, not UTC) and
 * keeping each key's line for error messages. Everything comes out NFC.
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { toNfc } from './text.ts';
import type { ContentIssue } from './content-issues.ts';

/** One key as written in the file. */
export interface RawField {
  /** The key exactly as written (NFC). */
  key: string;
  value: unknown;
  /** 1-based line in the file. */
  line: number;
}

export interface SplitFile {
  fields: RawField[];
  /** Markdown body, NFC, with CRLF turned into LF. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  issues: ContentIssue[];
}

function normaliseDeep(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) return value.map(normaliseDeep);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toNfc(k), normaliseDeep(v)]));
  }
  return value;
}

const parseYaml = (source: string): { doc: Document; lines: LineCounter } => {
  const lines = new LineCounter();
  return { doc: parseDocument(source, { schema: 'core', lineCounter: lines, uniqueKeys: true }), lines };
};

/**
 * Reads a Markdown article's source into its raw front-matter fields and body.
 *
 * @example
 * splitFrontMatter('---\ntiêu đề: Đà Lạt\n---\nBài.', 'content/articles/da-lat.md');
 * // { fields: [{ key: 'tiêu đề', value: 'Đà Lạt', line: 2 }], body: 'Bài.', bodyLine: 4, issues: [] }
 */
export function splitFrontMatter(source: string, file: string): SplitFile {
  const text = toNfc(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const issues: ContentIssue[] = [];
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  const split = matter(text, {
    engines: {
      yaml: (frontMatter: string) => {
        parsed = parseYaml(frontMatter);
        return {};
      },
    },
  });
  const body = split.content.replace(/^\n/, '');
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  if (!parsed) {
    issues.push({
      file,
      line: 1,
      message: 'bài viết thiếu phần thông tin đầu bài (front matter) giữa hai dòng ---',
      severity: 'error',
    });
    return { fields: [], body, bodyLine, issues };
  }
  const { doc, lines } = parsed;
  // gray-matter hands over the text after the opening `---` including its newline, so the
  // YAML's own line numbers are already the file's.
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  for (const error of doc.errors) {
    issues.push({
      file,
      line: lineOf(error.pos[0]),
      message: `YAML không đọc được (${error.message.split('\n')[0]})`,
      expected: 'mỗi dòng có dạng "khóa: giá trị"; giá trị có dấu ":" thì đặt trong ngoặc kép',
      severity: 'error',
    });
  }
  if (issues.length) return { fields: [], body, bodyLine, issues };
  const fields: RawField[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const valueNode = pair.value as { toJSON?: () => unknown } | null;
      const value = valueNode && typeof valueNode.toJSON === 'function' ? valueNode.toJSON() : null;
      fields.push({
        key: toNfc(key),
        value: normaliseDeep(value),
        line: lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined),
      });
    }
  } else if (doc.contents !== null) {
    issues.push({
      file,
      line: 2,
      message: 'phần thông tin đầu bài phải là các dòng "khóa: giá trị"',
      severity: 'error',
    });
  }
  return { fields, body, bodyLine, issues };
}
