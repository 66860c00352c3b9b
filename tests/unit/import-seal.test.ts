import { describe, expect, it } from 'vitest';
import { isSealedBy, sealArticleFile, unsealArticleFile } from '../../src/lib/import/seal.ts';

const TEXT = '---\n# nhập từ: a.txt\ntitle: Hội nghị\nauthor: Lô Thanh\n---\n\nThân bài.\n';

describe('sealArticleFile', () => {
  it('adds the digest line under the import marker, and nothing else', () => {
    const sealed = sealArticleFile(TEXT, '2022/hoi-nghi.md');
    expect(sealed).toMatch(/^---\n# nhập từ: a\.txt\n# mã kiểm tra: [0-9a-f]{32}\ntitle: Hội nghị\n/);
    expect(sealed.replace(/# mã kiểm tra: .*\n/, '')).toBe(TEXT);
  });

  it('gives another digest for another place in the articles folder', () => {
    expect(sealArticleFile(TEXT, '2022/a.md')).not.toBe(sealArticleFile(TEXT, '2023/a.md'));
  });
});

describe('unsealArticleFile', () => {
  it('removes the digest line only from the front matter', () => {
    const body = '\n# mã kiểm tra: 00\n';
    expect(unsealArticleFile(sealArticleFile(TEXT + body, '2022/a.md'))).toBe(TEXT + body);
    expect(unsealArticleFile(TEXT)).toBe(TEXT);
  });
});

describe('isSealedBy', () => {
  const sealed = sealArticleFile(TEXT, '2022/hoi-nghi.md');

  it('is true for the file exactly as the importer wrote it, at its place', () => {
    expect(isSealedBy(sealed, '2022/hoi-nghi.md')).toBe(true);
  });

  it('is false for an edited file, a copy at another place, or a file without the line', () => {
    expect(isSealedBy(sealed.replace('Thân bài.', 'Thân bài đã sửa.'), '2022/hoi-nghi.md')).toBe(false);
    expect(isSealedBy(sealed.replace('# nhập từ: a.txt', '# nhập từ: b.txt'), '2022/hoi-nghi.md')).toBe(false);
    expect(isSealedBy(sealed, '2022/hoi-nghi-ban-sao.md')).toBe(false);
    expect(isSealedBy(TEXT, '2022/hoi-nghi.md')).toBe(false);
    expect(isSealedBy(sealed.replace(/\n/g, '\r\n'), '2022/hoi-nghi.md')).toBe(false);
  });
});
