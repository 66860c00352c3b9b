import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const temporary: string[] = [];

function runCheck(root: string, env: Record<string, string> = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/check-content.ts'), '--root', root], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: {
      ...process.env,
      BUILD_TIME: '2024-06-01T12:00:00+07:00',
      GITHUB_ACTIONS: '',
      GITHUB_STEP_SUMMARY: '',
      ...env,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The report without the timing line and with the long list of date forms shortened. */
const report = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('Đã kiểm tra') && !line.startsWith('::'))
    .map((line) => line.replace(/ Cần: ISO 8601.*$/, ' Cần: <các dạng ngày>.'))
    .join('\n')
    .trim();

afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('npm run check on content with every kind of problem', () => {
  const run = runCheck(fixturePath('bad-content'));

  it('fails, quickly, without building anything', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^Đã kiểm tra 15 bài viết trong \d+\.\d giây\./);
    expect(run.seconds).toBeLessThan(20);
  });

  it('reports every problem of every file with file:line, field, value and what is expected', () => {
    expect(report(run.stdout)).toMatchInlineSnapshot(`
      "content/articles/2024/trung-url.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/bai-viet/hop-le/": đường dẫn cũ chiếm chỗ của bài content/articles/hop-le.md (/bai-viet/hop-le/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/anh-hong.md:6: lỗi ở trường "ảnh", giá trị "images/hong.jpg": tệp content/images/hong.jpg không phải ảnh đọc được (Input buffer contains unsupported image format). Cần: một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/.
      content/articles/anh-thieu.md:6: lỗi ở trường "ảnh", giá trị "images/khong-co.jpg": không tìm thấy tệp ảnh content/images/khong-co.jpg. Cần: đường dẫn tới một tệp có thật trong content/images/, tính từ thư mục content/.
      content/articles/chua-viet.md:8: cảnh báo: bài chưa có nội dung. Cần: nội dung bài viết bên dưới dòng --- thứ hai, hoặc "nháp: true" nếu bài chưa xong.
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
      content/articles/tron-dau.md:2: cảnh báo, giá trị "Hoà": dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "Hòa" (4 chỗ, từ dòng 2) và kiểu mới "Hoà" (1 chỗ, từ dòng 2). Cần: một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ).
      content/articles/trung-url.md:1: lỗi ở trường "đường dẫn (slug)", giá trị "/bai-viet/trung-url/": trùng đường dẫn với content/articles/2024/trung-url.md. Cần: mỗi bài một đường dẫn riêng: đổi tên tệp hoặc đặt "slug" khác.
      content/articles/yaml-hong.md:2: lỗi: YAML không đọc được (Nested mappings are not allowed in compact mappings at line 2, column 10:). Cần: mỗi dòng có dạng "khóa: giá trị"; giá trị có dấu ":" thì đặt trong ngoặc kép.

      16 lỗi trong 10 tệp, 4 cảnh báo."
    `);
  });

  it('prints no GitHub annotations outside GitHub Actions', () => {
    expect(run.stdout).not.toContain('::error');
  });
});

describe('npm run check inside GitHub Actions', () => {
  const summary = path.join(mkdtempSync(path.join(tmpdir(), 'check-summary-')), 'summary.md');
  temporary.push(path.dirname(summary));
  writeFileSync(summary, '');
  const run = runCheck(fixturePath('bad-content'), {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: PROJECT,
    GITHUB_STEP_SUMMARY: summary,
  });
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));

  it('annotates each problem at its file and line, from the repository root', () => {
    expect(annotations).toHaveLength(20);
    expect(annotations.filter((line) => line.startsWith('::error '))).toHaveLength(16);
    expect(annotations.filter((line) => line.startsWith('::warning '))).toHaveLength(4);
    for (const line of annotations) {
      expect(line).toMatch(
        /^::(error|warning) file=tests\/fixtures\/bad-content\/content\/[^,:]+(,line=\d+)?(,title=[^:]+)?::\S/,
      );
    }
  });

  it('writes the annotation exactly as GitHub reads it', () => {
    expect(annotations.find((line) => line.includes('sai-thu.md'))).toMatchInlineSnapshot(
      `"::error file=tests/fixtures/bad-content/content/articles/sai-thu.md,line=3,title=ngày::lỗi ở trường "ngày", giá trị "Thứ hai, 08/05/2024 - 06:49": ngày 08/05/2024 là Thứ tư, không phải Thứ hai. Cần: ISO 8601 (2022-05-11T06:49:00+07:00 hoặc 2022-05-11 06:49), dd/mm/yyyy HH:mm (11/05/2022 06:49), d/m/yyyy (11/5/2022) hoặc dòng ngày tháng của trang cũ (Thứ tư, 11/05/2022 - 06:49)."`,
    );
    expect(annotations.find((line) => line.includes('tron-dau.md'))).toMatchInlineSnapshot(
      `"::warning file=tests/fixtures/bad-content/content/articles/tron-dau.md,line=2::cảnh báo, giá trị "Hoà": dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "Hòa" (4 chỗ, từ dòng 2) và kiểu mới "Hoà" (1 chỗ, từ dòng 2). Cần: một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ)."`,
    );
  });

  it('adds the report to the job summary', () => {
    expect(readFileSync(summary, 'utf8')).toContain('### Kiểm tra nội dung');
  });
});

describe('npm run check on a large archive', () => {
  it('spreads the work over worker threads and reports the same way', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'check-large-'));
    temporary.push(root);
    cpSync(path.join(fixturePath('bad-content'), 'content/site.yaml'), path.join(root, 'content/site.yaml'));
    cpSync(
      path.join(fixturePath('bad-content'), 'content/categories.yaml'),
      path.join(root, 'content/categories.yaml'),
    );
    mkdirSync(path.join(root, 'content/articles/2024'), { recursive: true });
    for (let n = 1; n <= 450; n++) {
      const body =
        n === 7
          ? 'Xem [bài 8](/bai-viet/bai-8/) và [bài 999](/bai-viet/bai-999/).'
          : n === 300
            ? 'Hòa và hoà.'
            : `Bài số ${n}.`;
      writeFileSync(
        path.join(root, `content/articles/2024/bai-${n}.md`),
        `---\ntiêu đề: Bài ${n}\nngày: 01/05/2024 08:00\ntác giả: Lô Thanh\nchuyên mục: Thời sự\n---\n\n${body}\n`,
      );
    }
    const run = runCheck(root);
    expect(run.stdout).toMatch(/^Đã kiểm tra 450 bài viết/);
    expect(report(run.stdout)).toMatchInlineSnapshot(`
      "content/articles/2024/bai-300.md:8: cảnh báo, giá trị "Hòa": dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "Hòa" (1 chỗ, từ dòng 8) và kiểu mới "hoà" (1 chỗ, từ dòng 8). Cần: một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ).
      content/articles/2024/bai-7.md:8: lỗi, giá trị "/bai-viet/bai-999/": liên kết tới bài viết không có (/bai-viet/bai-999/); gần nhất là /bai-viet/bai-199/. Cần: đường dẫn /bai-viet/<tên-tệp>/ của một bài có thật.

      1 lỗi trong 1 tệp, 1 cảnh báo."
    `);
    expect(run.status).toBe(1);
  });
});

describe('npm run check on good content', () => {
  it('passes with exit code 0, warnings included', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'check-good-'));
    temporary.push(root);
    cpSync(path.join(fixturePath('bad-content'), 'content'), path.join(root, 'content'), { recursive: true });
    for (const file of [
      'anh-hong',
      'anh-thieu',
      'chuyen-muc-la',
      'khoa-la',
      'lien-ket',
      'ngay-sai',
      'sai-thu',
      'trung-url',
      '2024/trung-url',
      'yaml-hong',
    ]) {
      rmSync(path.join(root, 'content/articles', `${file}.md`));
    }
    const run = runCheck(root);
    expect(report(run.stdout)).toMatchInlineSnapshot(`
      "content/articles/chua-viet.md:8: cảnh báo: bài chưa có nội dung. Cần: nội dung bài viết bên dưới dòng --- thứ hai, hoặc "nháp: true" nếu bài chưa xong.
      content/articles/tron-dau.md:2: cảnh báo, giá trị "Hoà": dùng lẫn hai kiểu đặt dấu thanh: kiểu cũ "Hòa" (4 chỗ, từ dòng 2) và kiểu mới "Hoà" (1 chỗ, từ dòng 2). Cần: một kiểu trong cả bài: kiểu cũ (hòa, khỏe, thủy) hoặc kiểu mới (hoà, khoẻ, thuỷ).

      Không có lỗi, 2 cảnh báo."
    `);
    expect(run.status).toBe(0);
  });

  it('passes on the sample archive, checked today', () => {
    const run = runCheck(PROJECT, { BUILD_TIME: '' });
    expect(run.stdout).not.toMatch(/: lỗi/);
    expect(run.status).toBe(0);
  });
});
