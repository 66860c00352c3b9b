/**
 * Content written to attack the machine that builds it or the site it publishes, and content
 * a careless tool damaged: every file is refused with the same Vietnamese errors by
 * `npm run check` and by the build, before anything is rendered, and nothing runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturePath, type FixtureBuild } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const NAME = 'hostile-run';
const root = fixturePath(NAME);
const marker = path.join(tmpdir(), `tin-luu-tru-hostile-${process.pid}`);

const front = (fields: string) =>
  `---\ntiêu đề: Bài thử\nngày: 2024-05-01 08:00\ntác giả: Lô Thanh\nchuyên mục: Thời sự\n${fields}---\n\nNội dung.\n`;

/** Each article file, by name: what it holds is the attack or the damage it is named for. */
const ARTICLES: Record<string, string | Buffer> = {
  'hop-le.md': front('đường dẫn cũ: [/tin-tuc/hop-le-1.html, "https://lamdongtv.vn/tin/hop-le.html?id=2"]\n'),
  'rao-js.md': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'chạy') }\n---\nNội dung.\n`,
  'rao-thoat.md': '---javascript\n(process.exit(0))\n---\nNội dung.\n',
  'rao-coffee.md': '---coffee\ntitle: "x"\n---\nNội dung.\n',
  'chiem-trang-chu.md': front('đường dẫn cũ: [/%69ndex.html]\n'),
  'chiem-404.md': front('đường dẫn cũ: [/./404.html]\n'),
  'chiem-bai-khac.md': front('đường dẫn cũ: [//bai-viet/hop-le/, /%62ai-viet/hop-le/]\n'),
  'chiem-luu-tru.md': front('đường dẫn cũ: [/luu-tru, /tim-kiem]\n'),
  'chiem-moi-trang.md': front('đường dẫn cũ: ["/*", "/:slug/:id"]\n'),
  'chiem-tep.md': front('đường dẫn cũ: [/rss.xml/, /_redirects/, /FAVICON.svg]\n'),
  'ra-ngoai.md': front('đường dẫn cũ: [/../../../tmp/x, /%2e%2e/x]\n'),
  'trung-cu-a.md': front('đường dẫn cũ: [/Tin-Tuc/Trung.html]\n'),
  'trung-cu-b.md': front('đường dẫn cũ: [/tin-tuc/trung.html]\n'),
  'slug-dai.md': front(`đường dẫn: ${'a-'.repeat(140)}b\n`),
  [`${'ten-tep-rat-dai-'.repeat(8)}het.md`]: front(''),
  'ky-tu-dieu-khien.md': front('tóm tắt: "Sapo \\x01 lạ"\n').replace('Bài thử', 'Bài\u0001 thử'),
  'khong-phai-ky-tu.md': front('').replace('Bài thử', 'Bài \uFFFE thử'),
  'nul-trong-bai.md': front('').replace('Nội dung.', 'Nội\u0000 dung.'),
  'byte-hong.md': Buffer.concat([
    Buffer.from(front('').replace('Nội dung.\n', 'Nội ')),
    Buffer.from([0xc3, 0x28, 0x0a]),
  ]),
  'nam-0001.md': front('').replace('2024-05-01 08:00', '01/01/0001 00:00'),
  'mui-gio.md': front('').replace('2024-05-01 08:00', '2024-05-01T08:00:00+25:00'),
  'tuong-lai.md': front('').replace('2024-05-01 08:00', '2030-01-01 08:00'),
  'video-la.md': front('video: https://vimeo.com/123\n'),
  'lien-ket-hong.md': front('').replace('Nội dung.', 'Xem [bài trước](/bai-viet/hop-lee/) và [tệp](hop-le.md).'),
  'anh-trong-bai.md': front('').replace(
    'Nội dung.',
    'Nội dung.\n\n![Ảnh](http://lamdongtv.vn/a.jpg)\n\n<img src="images/khong-co.jpg" alt="x">\n\n![Đúng](https://lamdongtv.vn/b.jpg)',
  ),
};

let check: { status: number | null; output: string };
let build: FixtureBuild;

beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(marker, { force: true });
  const articles = path.join(root, 'content/articles');
  mkdirSync(articles, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(articles, name), text);
  writeFileSync(
    path.join(root, 'content/site.yaml'),
    'name: Báo Thử Nghiệm\nurl: https://thu-nghiem.example\npageSize: 5\n',
  );
  writeFileSync(
    path.join(root, 'content/categories.yaml'),
    '- name: Thời sự\n  description: "Tin \\x0B thời sự"\n- name: Du lịch\n',
  );
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\n" +
      "import { archiveConfig } from '../../../src/integrations/archive-config.ts';\n" +
      "export default defineConfig(archiveConfig(new URL('.', import.meta.url)));\n",
  );
  // A good site from an earlier build, which the refused build must leave as it is.
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist/index.html'), 'bản dựng tốt trước đó');
  const checked = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/check-content.ts'), '--root', root], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, BUILD_TIME: '2024-06-01T12:00:00+07:00', GITHUB_ACTIONS: '' },
  });
  check = { status: checked.status, output: `${checked.stdout}\n${checked.stderr}` };
  build = buildFixture(NAME);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(marker, { force: true });
});

/** The report's lines about content files, with the long list of date forms shortened. */
const errors = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('content/'))
    .map((line) => line.replace(/ Cần: ISO 8601.*$/, ' Cần: <các dạng ngày>.'));

describe('hostile and damaged content', () => {
  it('runs nothing written in an article', () => {
    expect(existsSync(marker)).toBe(false);
    expect(check.status).toBe(1);
    expect(build.status).not.toBe(0);
  });

  it('is refused by npm run check with every problem of every file, in Vietnamese', () => {
    expect(check.output).not.toMatch(/\n\s+at |Error:/);
    expect(errors(check.output).join('\n')).toMatchInlineSnapshot(`
      "content/articles/anh-trong-bai.md:10: lỗi, giá trị "http://lamdongtv.vn/a.jpg": địa chỉ ảnh http:// bị trình duyệt chặn trên trang https. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).
      content/articles/anh-trong-bai.md:12: lỗi, giá trị "images/khong-co.jpg": ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện. Cần: đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…).
      content/articles/byte-hong.md:8: lỗi ở trường "nội dung", giá trị "Nội �(": có byte không phải UTF-8 hợp lệ (hiện thành ký tự �). Cần: văn bản thông thường, không có ký tự điều khiển hay byte lỗi mã hóa (lưu tệp dưới dạng UTF-8).
      content/articles/chiem-404.md:6: lỗi ở trường "đường dẫn cũ", giá trị ["/./404.html"]: "/./404.html" có đoạn "." hoặc "..": trình duyệt không bao giờ gửi đường dẫn như vậy. Cần: danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay "..".
      content/articles/chiem-bai-khac.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "//bai-viet/hop-le/": đường dẫn cũ chiếm chỗ của bài content/articles/hop-le.md (/bai-viet/hop-le/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-bai-khac.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/%62ai-viet/hop-le/": đường dẫn cũ chiếm chỗ của bài content/articles/hop-le.md (/bai-viet/hop-le/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-luu-tru.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/luu-tru": đường dẫn cũ chiếm chỗ của các trang lưu trữ (/luu-tru/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-luu-tru.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/tim-kiem": đường dẫn cũ chiếm chỗ của trang tìm kiếm (/tim-kiem/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-moi-trang.md:6: lỗi ở trường "đường dẫn cũ", giá trị ["/*","/:slug/:id"]: "/*" có dấu "*", mà _redirects hiểu là "mọi đường dẫn". Cần: danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay "..".
      content/articles/chiem-moi-trang.md:6: lỗi ở trường "đường dẫn cũ", giá trị ["/*","/:slug/:id"]: "/:slug/:id" có đoạn bắt đầu bằng ":", mà _redirects hiểu là một biến. Cần: danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay "..".
      content/articles/chiem-tep.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/rss.xml/": đường dẫn cũ chiếm chỗ của bản tin RSS (/rss.xml). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-tep.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/_redirects/": đường dẫn cũ chiếm chỗ của tệp chuyển hướng _redirects (/_redirects). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-tep.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/FAVICON.svg": đường dẫn cũ chiếm chỗ của tệp /favicon.svg trong public/. Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/chiem-trang-chu.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/%69ndex.html": đường dẫn cũ chiếm chỗ của trang chủ (/). Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/khong-phai-ky-tu.md:2: lỗi ở trường "tiêu đề", giá trị "tiêu đề: Bài ￾ thử": có ký tự không dùng được U+FFFE. Cần: văn bản thông thường, không có ký tự điều khiển hay byte lỗi mã hóa (lưu tệp dưới dạng UTF-8).
      content/articles/ky-tu-dieu-khien.md:2: lỗi ở trường "tiêu đề", giá trị "tiêu đề: Bài\\u0001 thử": có ký tự điều khiển U+0001. Cần: văn bản thông thường, không có ký tự điều khiển hay byte lỗi mã hóa (lưu tệp dưới dạng UTF-8).
      content/articles/lien-ket-hong.md:8: lỗi, giá trị "/bai-viet/hop-lee/": liên kết tới bài viết không có (/bai-viet/hop-lee/); gần nhất là /bai-viet/hop-le/. Cần: đường dẫn /bai-viet/<tên-tệp>/ của một bài có thật.
      content/articles/lien-ket-hong.md:8: lỗi, giá trị "hop-le.md": liên kết tới tệp .md không dùng được trên trang; địa chỉ của bài là /bai-viet/hop-le/. Cần: đường dẫn của bài trên trang: /bai-viet/<tên-tệp-không-có-.md>/.
      content/articles/mui-gio.md:3: lỗi ở trường "ngày", giá trị "2024-05-01T08:00:00+25:00": múi giờ +25:00 không tồn tại (từ -12:00 đến +14:00). Cần: <các dạng ngày>.
      content/articles/nam-0001.md:3: lỗi ở trường "ngày", giá trị "01/01/0001 00:00": năm 1 quá xa: kho lưu trữ nhận bài từ năm 1900. Cần: <các dạng ngày>.
      content/articles/nul-trong-bai.md:8: lỗi ở trường "nội dung", giá trị "Nội\\u0000 dung.": có ký tự điều khiển U+0000. Cần: văn bản thông thường, không có ký tự điều khiển hay byte lỗi mã hóa (lưu tệp dưới dạng UTF-8).
      content/articles/ra-ngoai.md:6: lỗi ở trường "đường dẫn cũ", giá trị ["/../../../tmp/x","/%2e%2e/x"]: "/../../../tmp/x" có đoạn "." hoặc "..": trình duyệt không bao giờ gửi đường dẫn như vậy. Cần: danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay "..".
      content/articles/ra-ngoai.md:6: lỗi ở trường "đường dẫn cũ", giá trị ["/../../../tmp/x","/%2e%2e/x"]: "/%2e%2e/x" có đoạn "." hoặc "..": trình duyệt không bao giờ gửi đường dẫn như vậy. Cần: danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay "..".
      content/articles/rao-coffee.md:1: lỗi, giá trị "---coffee": phần thông tin đầu bài chỉ được viết bằng YAML; không chạy mã trong bài viết. Cần: dòng đầu tiên là ba dấu gạch ngang "---" và không có gì sau đó.
      content/articles/rao-js.md:1: lỗi, giá trị "---js": phần thông tin đầu bài chỉ được viết bằng YAML; không chạy mã trong bài viết. Cần: dòng đầu tiên là ba dấu gạch ngang "---" và không có gì sau đó.
      content/articles/rao-thoat.md:1: lỗi, giá trị "---javascript": phần thông tin đầu bài chỉ được viết bằng YAML; không chạy mã trong bài viết. Cần: dòng đầu tiên là ba dấu gạch ngang "---" và không có gì sau đó.
      content/articles/slug-dai.md:6: lỗi ở trường "đường dẫn", giá trị "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-…: đường dẫn dài 281 ký tự, tối đa 100. Cần: chữ thường không dấu, số và dấu gạch ngang, tối đa 100 ký tự (cum-thi-dua-so-1).
      content/articles/ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-het.md:1: lỗi ở trường "đường dẫn (slug)", giá trị "ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-dai-ten-tep-rat-…: đường dẫn lấy từ tên tệp dài 131 ký tự, tối đa 100. Cần: đổi tên tệp cho ngắn gọn, hoặc ghi trường "slug" ngắn hơn.
      content/articles/trung-cu-b.md:6: lỗi ở trường "đường dẫn cũ (aliases)", giá trị "/tin-tuc/trung.html": đường dẫn cũ chiếm chỗ của đường dẫn cũ /Tin-Tuc/Trung.html của content/articles/trung-cu-a.md. Cần: đường dẫn của trang cũ, ví dụ /tin-tuc/ten-bai-a123.html.
      content/articles/tuong-lai.md:3: lỗi ở trường "ngày", giá trị "2030-01-01T08:00:00+07:00": ngày 01/01/2030 còn hơn một năm nữa mới tới (hôm nay 01/06/2024). Cần: một ngày từ năm 1900 tới không quá một năm sau hôm nay.
      content/articles/video-la.md:6: lỗi ở trường "video", giá trị "https://vimeo.com/123": video ở vimeo.com: chỉ nhận YouTube hoặc Facebook. Cần: địa chỉ một video YouTube (https://www.youtube.com/watch?v=…, https://youtu.be/…) hoặc Facebook (https://www.facebook.com/…/videos/…).
      content/categories.yaml:2: lỗi ở trường "description", giá trị "Tin \\u000b thời sự": có ký tự điều khiển U+000B. Cần: văn bản thông thường, không có ký tự điều khiển hay byte lỗi mã hóa (lưu tệp dưới dạng UTF-8)."
    `);
  });

  it('is refused by the build with exactly the errors npm run check gives, before any page is rendered', () => {
    expect(errors(build.output)).toEqual(errors(check.output));
    expect(build.output).not.toMatch(/\n\s+at |ENAMETOOLONG|EEXIST|EISDIR/);
    expect(readFileSync(path.join(build.dist, 'index.html'), 'utf8')).toBe('bản dựng tốt trước đó');
    expect(build.files()).toEqual(['index.html']);
  });
});
