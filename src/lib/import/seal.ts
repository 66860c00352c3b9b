/**
 * The importer's record of what it wrote: a comment line under `# nhập từ:` holding a digest
 * of the file's place in the articles folder and of every other byte of it. A file whose
 * digest still matches is exactly what an import wrote there, so a later run may replace it;
 * an edited file, a copy elsewhere that kept both comments, or an older import without the
 * line does not match, and the importer leaves it alone.
 */
import { createHash } from 'node:crypto';

const SEAL_PREFIX = '# mã kiểm tra: ';
const SEAL_LINE = /^# mã kiểm tra: [0-9a-f]*\r?\n/m;

function digest(file: string, unsealed: string): string {
  return createHash('sha256').update(`${file}\n${unsealed}`).digest('hex').slice(0, 32);
}

/** The end of the front matter's second line (`# nhập từ: …`), where the digest goes. */
function markerEnd(text: string): number {
  const first = text.indexOf('\n');
  return first < 0 ? -1 : text.indexOf('\n', first + 1);
}

/**
 * Adds the digest line to a file the importer renders for `file` (its path inside the
 * articles folder).
 *
 * @example
 * sealArticleFile('---\n# nhập từ: a.txt\ntitle: X\n---\n', '2022/x.md');
 * // '---\n# nhập từ: a.txt\n# mã kiểm tra: 5d1c…\ntitle: X\n---\n'
 */
export function sealArticleFile(text: string, file: string): string {
  const end = markerEnd(text);
  if (end < 0) return text;
  return `${text.slice(0, end + 1)}${SEAL_PREFIX}${digest(file, text)}\n${text.slice(end + 1)}`;
}

/**
 * The file without its digest line, for telling whether two versions say the same thing.
 *
 * @example
 * unsealArticleFile(sealArticleFile(text, '2022/x.md')) === text; // true
 */
export function unsealArticleFile(text: string): string {
  const head = text.slice(0, text.indexOf('\n---', 3) + 1 || text.length);
  const match = SEAL_LINE.exec(head);
  return match ? text.slice(0, match.index) + text.slice(match.index + match[0].length) : text;
}

/**
 * True when `text` is, byte for byte, what the importer wrote at `file`.
 *
 * @example
 * isSealedBy(sealArticleFile(text, '2022/x.md'), '2022/x.md');        // true
 * isSealedBy(sealArticleFile(text, '2022/x.md') + 'sửa', '2022/x.md'); // false
 * isSealedBy(sealArticleFile(text, '2022/x.md'), '2022/x-ban-sao.md'); // false
 */
export function isSealedBy(text: string, file: string): boolean {
  const head = text.slice(0, text.indexOf('\n---', 3) + 1 || text.length);
  const match = SEAL_LINE.exec(head);
  if (!match) return false;
  const recorded = match[0].slice(SEAL_PREFIX.length).trim();
  return recorded === digest(file, unsealArticleFile(text));
}
