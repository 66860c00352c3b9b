import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturePath, type FixtureBuild } from './build-fixture.ts';

const dist = path.join(fixturePath('bad-content'), 'dist');
let build: FixtureBuild;

beforeAll(() => {
  // A good site from an earlier build, which the failed build must leave alone.
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), 'bản dựng tốt trước đó');
  build = buildFixture('bad-content');
});

describe('a build with bad content', () => {
  it('fails', () => {
    expect(build.status).not.toBe(0);
  });

  it('lists every bad article with file, line, field, value and what is expected, in Vietnamese', () => {
    const report = build.output
      .split('\n')
      .filter((line) => line.startsWith('content/'))
      .map((line) => line.replace(/ Cần: ISO 8601.*$/, ' Cần: <các dạng ngày>.'))
      .join('\n');
    expect(report).toMatchInlineSnapshot(`
      "content/articles/anh-hong.md:6: lỗi ở trường "ảnh", giá trị "images/hong.jpg": tệp content/images/hong.jpg không phải ảnh đọc được (Input buffer contains unsupported image format). Cần: một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/.
      content/articles/khoa-la.md:1: lỗi ở trường "tác giả": thiếu tác giả. Cần: một tên (Lô Thanh) hoặc danh sách tên ([Minh Đức, Hoàng Yến]).
      content/articles/khoa-la.md:4: lỗi ở trường "tac gai", giá trị "Lô Thanh": khóa không rõ; có phải "author" (tác giả)? Cần: một trong: title (tiêu đề), date (ngày), author (tác giả), category (chuyên mục), summary (tóm tắt), tags (từ khóa), image (ảnh), source (nguồn), updated (cập nhật), draft (nháp), slug (đường dẫn), aliases (đường dẫn cũ), video (video).
      content/articles/khoa-la.md:5: lỗi ở trường "chuyên mục", giá trị "Thể thao": chuyên mục chưa được khai báo; gần nhất là "Thời sự". Cần: tên một chuyên mục có trong content/categories.yaml.
      content/articles/ngay-sai.md:3: lỗi ở trường "ngày", giá trị "31/02/2024 08:00": tháng 2/2024 không có ngày 31. Cần: <các dạng ngày>.
      content/articles/sai-thu.md:3: lỗi ở trường "ngày", giá trị "Thứ hai, 11/05/2022 - 06:49": ngày 11/05/2022 là Thứ tư, không phải Thứ hai. Cần: <các dạng ngày>.
      content/articles/trung-duong-dan.md:1: lỗi ở trường "đường dẫn (slug)", giá trị "/bai-viet/trung-duong-dan/": trùng đường dẫn với content/articles/2023/trung-duong-dan.md. Cần: mỗi bài một đường dẫn riêng: đổi tên tệp hoặc đặt "slug" khác.
      content/articles/trung-duong-dan.md:6: lỗi ở trường "ảnh", giá trị "images/khong-co.jpg": không tìm thấy tệp ảnh content/images/khong-co.jpg. Cần: đường dẫn tới một tệp có thật trong content/images/, tính từ thư mục content/."
    `);
    expect(build.output).toContain('8 lỗi trong 5 tệp.');
  });

  it('keeps the previous dist/ untouched', () => {
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('bản dựng tốt trước đó');
    expect(build.output).toContain('được giữ nguyên');
  });
});
