/**
 * Splits a Markdown file into front matter and body with gray-matter, reading YAML with the
 * core schema (so `2022-05-11 06:49` stays text and is read as Vietnam time, not UTC) and
 * keeping each key's line for error messages. Everything comes out NFC.
 *
 * Front matter is YAML and nothing else: gray-matter would evaluate a `---js` block, so a fence
 * naming a language is refused before gray-matter sees the file, and every other engine it
 * knows is replaced by one that refuses.
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { toNfc } from './text.ts';
import { FORBIDDEN_EXPECTED, firstForbiddenCharacter, forbiddenCharacterIssues } from './text-issues.ts';
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
  const fence = /^---([^\n]*)/.exec(text);
  const language = fence?.[1]?.trim();
  if (language) {
    issues.push({
      file,
      line: 1,
      value: `---${language}`,
      message: 'phần thông tin đầu bài chỉ được viết bằng YAML; không chạy mã trong bài viết',
      expected: 'dòng đầu tiên là ba dấu gạch ngang "---" và không có gì sau đó',
      severity: 'error',
    });
    return { fields: [], body: text, bodyLine: 1, issues };
  }
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  const split = matter(text, {
    language: 'yaml',
    engines: {
      yaml: (frontMatter: string) => {
        parsed = parseYaml(frontMatter);
        return {};
      },
      ...REFUSED_ENGINES,
    },
  });
  const body = split.content.replace(/^\n/, '');
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  const characters = forbiddenCharacterIssues(text, file, { bodyLine, bodyField: 'nội dung' });
  if (characters.length) return { fields: [], body, bodyLine, issues: characters };
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
      const field = {
        key: toNfc(key),
        value: normaliseDeep(value),
        line: lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined),
      };
      // A YAML escape ("\x01", "\0") writes a character the file itself does not hold.
      const escaped = firstForbiddenCharacter(field.value);
      if (escaped) {
        issues.push({
          file,
          line: field.line,
          field: field.key,
          value: field.value,
          message: `có ${escaped.description}`,
          expected: FORBIDDEN_EXPECTED,
          severity: 'error',
        });
      }
      fields.push(field);
    }
  } else if (doc.contents !== null) {
    issues.push({
      file,
      line: 2,
      message: 'phần thông tin đầu bài phải là các dòng "khóa: giá trị"',
      severity: 'error',
    });
  }
  return issues.length ? { fields: [], body, bodyLine, issues } : { fields, body, bodyLine, issues };
}

const refuse = () => {
  throw new Error('front matter is YAML only');
};
const REFUSED_ENGINES = Object.fromEntries(
  ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((name) => [name, refuse]),
);
