/**
 * Turns generated articles back into the old site's "save as text" pages the importer reads
 * (section, title, dateline, `(Source) - lead`, paragraphs, byline, share line), so
 * `npm run bench -- --import` can time `npm run import` on the same corpus. Pure.
 */
import { formatDateline } from '../../src/lib/dates.ts';

/**
 * The old page for one generated article (its Markdown as written by `generate-corpus.ts`).
 *
 * @example
 * oldPageSave(file.content); // 'Kinh tế\nTiêu đề …\nThứ tư, 11/05/2022 - 06:49\n(Lamdongtv.vn) - …'
 */
export function oldPageSave(markdown: string): string {
  const [, head = '', ...rest] = markdown.split(/^---$/m);
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1]?.replace(/^"(.*)"$/, '$1') ?? '';
  const authors = field('author')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const paragraphs = rest
    .join('---')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .replace(/^(## |> |- )/gm, '')
        .replace(/\*\*/g, '')
        .replace(/\n/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return [
    field('category'),
    field('title'),
    formatDateline(new Date(field('date'))),
    `(${field('source')}) - ${field('summary')}`,
    ...paragraphs,
    authors.join(' - '),
    'Thích và chia sẻ bài viết:',
    'Ý kiến bạn đọc (0)',
    '',
  ].join('\n');
}
