import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import {
  escapeMarkdownText,
  readArticleHead,
  renderArticleFile,
  type ImportedArticle,
} from '../../src/lib/import/article-file.ts';
import type { Category } from '../../src/lib/schema.ts';

const CATEGORIES: Category[] = [{ name: 'Tin tức', slug: 'tin-tuc', description: '', order: 1 }];

const ARTICLE: ImportedArticle = {
  origin: '000_01855cfa11249e32.txt',
  title: 'Cụm thi đua số 1: ký kết giao ước',
  date: new Date('2022-05-11T06:49:00+07:00'),
  authors: ['Lô Thanh'],
  category: 'Tin tức',
  summary: 'Chiều ngày 6/5, tại TP Đà Lạt, Cụm thi đua số 1 đã tiến hành hội nghị.',
  source: 'Lamdongtv.vn',
  aliases: ['https://lamdongtv.vn/tin-tuc/cum-thi-dua-a1.html'],
  paragraphs: ['Tại hội nghị …', 'Phát hiện, biểu dương …'],
};

describe('escapeMarkdownText', () => {
  it('keeps plain sentences as they are', () => {
    expect(escapeMarkdownText('Tại hội nghị, lãnh đạo (2021-2025) "thi đua"…')).toBe(
      'Tại hội nghị, lãnh đạo (2021-2025) "thi đua"…',
    );
  });

  it('escapes what Markdown would turn into lists, headings, quotes, emphasis or HTML', () => {
    const lines = ['2022. Trong năm', '1) Một', '- Hai', '+ Ba', '# Bốn', '> Năm', 'a *b* _c_ [d] <e> ~f~ `g` &amp;'];
    expect(lines.map(escapeMarkdownText)).toMatchInlineSnapshot(`
      [
        "2022\\. Trong năm",
        "1\\) Một",
        "\\- Hai",
        "\\+ Ba",
        "\\# Bốn",
        "\\> Năm",
        "a \\*b\\* \\_c\\_ \\[d\\] \\<e> \\~f\\~ \\\`g\\\` \\&amp;",
      ]
    `);
    // Rendered through the site's own pipeline, each is one paragraph showing the text as written.
    for (const line of lines) {
      const html = renderMarkdown(escapeMarkdownText(line));
      expect(html).toMatch(/^<p>[^<]*<\/p>$/);
    }
    expect(renderMarkdown(escapeMarkdownText('a *b* <e> &amp;'))).toBe('<p>a *b* &#x3C;e> &#x26;amp;</p>');
  });
});

describe('renderArticleFile', () => {
  it('writes English keys, an ISO date with the Vietnam offset and the body as paragraphs', () => {
    expect(renderArticleFile(ARTICLE)).toMatchInlineSnapshot(`
      "---
      # nhập từ: 000_01855cfa11249e32.txt
      title: "Cụm thi đua số 1: ký kết giao ước"
      date: 2022-05-11T06:49:00+07:00
      author: Lô Thanh
      category: Tin tức
      summary: Chiều ngày 6/5, tại TP Đà Lạt, Cụm thi đua số 1 đã tiến hành hội nghị.
      source: Lamdongtv.vn
      aliases:
        - https://lamdongtv.vn/tin-tuc/cum-thi-dua-a1.html
      ---

      Tại hội nghị …

      Phát hiện, biểu dương …
      "
    `);
  });

  it('lists several authors on one line and leaves out empty optional fields', () => {
    const text = renderArticleFile({
      ...ARTICLE,
      authors: ['Minh Đức', 'Hoàng Yến'],
      summary: undefined,
      source: undefined,
      aliases: [],
    });
    expect(text).toContain('author: [Minh Đức, Hoàng Yến]\ncategory: Tin tức\n---\n');
  });

  it('passes the site schema', () => {
    const result = parseArticle('content/articles/2022/cum-thi-dua.md', renderArticleFile(ARTICLE), CATEGORIES);
    expect(result.ok && result.article.data).toMatchObject({
      title: ARTICLE.title,
      date: ARTICLE.date,
      authors: ['Lô Thanh'],
      category: 'tin-tuc',
      aliases: ['/tin-tuc/cum-thi-dua-a1.html'],
    });
  });
});

describe('readArticleHead', () => {
  it('finds the import marker and a slug override, but only inside the front matter', () => {
    expect(readArticleHead(renderArticleFile(ARTICLE))).toEqual({ origin: '000_01855cfa11249e32.txt' });
    expect(readArticleHead('---\r\ntiêu đề: X\r\nĐường dẫn: "x-2"\r\n---\r\n# nhập từ: y.txt\r\n')).toEqual({
      slug: 'x-2',
    });
    expect(readArticleHead('Không có front matter')).toEqual({});
  });
});
