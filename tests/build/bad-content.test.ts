/**
 * The build on the fixture of every kind of content problem (`tests/fixtures/bad-content`, which
 * `check.test.ts` runs `npm run check` on): it stops before rendering, with the same words.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturePath, type FixtureBuild } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const root = fixturePath('bad-content');
const dist = path.join(root, 'dist');
let build: FixtureBuild;

/** The report's lines about content files, with the long list of date forms shortened. */
const problems = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('content/'))
    .map((line) => line.replace(/ Cần: ISO 8601.*$/, ' Cần: <các dạng ngày>.'));

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
    expect(problems(build.output).join('\n')).toMatchInlineSnapshot(`
      "content/articles/2024/trung-url.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/bai-viet/hop-le/": đường dẫn cũ chiếm chỗ của bài content/articles/hop-le.md (/bai-viet/hop-le/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/anh-hong.md:6: lỗi ở trường "ảnh", giá trị "images/hong.jpg": tệp content/images/hong.jpg không phải ảnh đọc được (Input buffer contains unsupported image format). Cần: một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/.
      content/articles/anh-thieu.md:6: lỗi ở trường "ảnh", giá trị "images/khong-co.jpg": không tìm thấy tệp ảnh content/images/khong-co.jpg. Cần: đường dẫn tới một tệp có thật trong content/images/, tính từ thư mục content/.
      content/articles/chuyen-muc-la.md:5: lỗi ở trường "chuyên mục", giá trị "Thể thao": chuyên mục chưa được khai báo; gần nhất là "Thời sự". Cần: tên một chuyên mục có trong content/categories.yaml.
      content/articles/khoa-la.md:1: lỗi ở trường "tác giả": thiếu tác giả. Cần: một tên (Lô Thanh) hoặc danh sách tên ([Minh Đức, Hoàng Yến]).
      content/articles/khoa-la.md:4: lỗi ở trường "tac gai", giá trị "Lô Thanh": khóa không rõ; có phải "author" (tác giả)? Cần: một trong: title (tiêu đề), date (ngày), author (tác giả), category (chuyên mục), summary (tóm tắt), tags (từ khóa), image (ảnh), source (nguồn), updated (cập nhật), draft (nháp), slug (đường dẫn), aliases (đường dẫn cũ), video (video).
      content/articles/lien-ket.md:10: lỗi, giá trị "/bai-viet/hop-lee/": liên kết tới bài viết không có (/bai-viet/hop-lee/); gần nhất là /bai-viet/hop-le/. Cần: đường dẫn /bai-viet/<tên-tệp>/ của một bài có thật.
      content/articles/lien-ket.md:10: lỗi, giá trị "../khong-co.md": liên kết tới bài viết không có (không có tệp content/khong-co.md). Cần: đường dẫn của bài trên trang: /bai-viet/<tên-tệp-không-có-.md>/.
      content/articles/lien-ket.md:12: lỗi, giá trị "hop-le.md": liên kết tới tệp .md không dùng được trên trang; địa chỉ của bài là /bai-viet/hop-le/. Cần: đường dẫn của bài trên trang: /bai-viet/<tên-tệp-không-có-.md>/.
      content/articles/lien-ket.md:14: lỗi, giá trị "/chuyen-muc/bong-da/": liên kết tới chuyên mục không có (/chuyen-muc/bong-da/). Cần: đường dẫn /chuyen-muc/<đường-dẫn-chuyên-mục>/ có trong content/categories.yaml.
      content/articles/lien-ket.md:14: cảnh báo, giá trị "/bai-viet/ban-nhap/": bài được liên kết (content/articles/ban-nhap.md) đang là bản nháp: liên kết sẽ hỏng cho tới khi bài được đăng.
      content/articles/lien-ket.md:16: lỗi, giá trị "images/khong-co.jpg": ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).
      content/articles/lien-ket.md:18: lỗi, giá trị "/images/ho-xuan-huong.jpg": ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).
      content/articles/lien-ket.md:20: cảnh báo, giá trị "/bai-viet/hen-gio/": bài được liên kết (content/articles/hen-gio.md) hẹn giờ đăng sau: liên kết sẽ hỏng cho tới lúc đó.
      content/articles/ngay-sai.md:3: lỗi ở trường "ngày", giá trị "31/02/2024 08:00": tháng 2/2024 không có ngày 31. Cần: <các dạng ngày>.
      content/articles/sai-thu.md:3: lỗi ở trường "ngày", giá trị "Thứ hai, 08/05/2024 - 06:49": ngày 08/05/2024 là Thứ tư, không phải Thứ hai. Cần: <các dạng ngày>.
      content/articles/trung-url.md:1: lỗi ở trường "đường dẫn (slug)", giá trị "/bai-viet/trung-url/": trùng đường dẫn với content/articles/2024/trung-url.md. Cần: mỗi bài một đường dẫn riêng: đổi tên tệp hoặc đặt "slug" khác.
      content/articles/yaml-hong.md:2: lỗi: YAML không đọc được (Nested mappings are not allowed in compact mappings at line 2, column 10:). Cần: mỗi dòng có dạng "khóa: giá trị"; giá trị có dấu ":" thì đặt trong ngoặc kép."
    `);
    expect(build.output).toContain('16 lỗi trong 10 tệp, 2 cảnh báo.');
  });

  it('words each problem as npm run check does', () => {
    const checked = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/check-content.ts'), '--root', root], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, BUILD_TIME: '2024-06-01T12:00:00+07:00', GITHUB_ACTIONS: '' },
    });
    const reported = problems(checked.stdout);
    const built = problems(build.output);
    expect(built.filter((line) => !reported.includes(line))).toEqual([]);
    // What npm run check alone reports: an empty body, mixed tone marks.
    expect(reported.filter((line) => !built.includes(line))).toMatchInlineSnapshot(`
      [
        "content/articles/chua-viet.md:8: cảnh báo: bài chưa có nội dung. Cần: nội dung bài viết bên dưới dòng --- thứ hai, hoặc "nháp: true" nếu bài chưa xong.",
        "content/articles/tron-dau.md:2: cảnh báo, giá trị "Hoà": dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "Hòa" (4 chỗ, từ dòng 2) và kiểu mới "Hoà" (1 chỗ, từ dòng 2). Cần: một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ).",
      ]
    `);
  });

  it('keeps the previous dist/ untouched', () => {
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('bản dựng tốt trước đó');
    expect(build.output).toContain('được giữ nguyên');
  });
});
