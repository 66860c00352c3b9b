/**
 * The importer end to end: the real command on the fixture saves (every shape real exports
 * come in, and the broken ones), then a build of the imported articles.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturePath, type FixtureBuild } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/import';
const INPUT = `${FIXTURE}/input`;
const SITE = fixturePath('import/site');
const SITE_ARTICLES = path.join(SITE, 'content/articles');
const TABLES = ['--aliases', `${FIXTURE}/aliases.csv`, '--category-map', `${FIXTURE}/category-map.csv`];

const SEED_SLUG = 'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runImport(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, relative path to content. */
function snapshotFolder(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  return Object.fromEntries(files.map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]));
}

const temporaryFolders: string[] = [];
function freshOut(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'nhap-bai-'));
  temporaryFolders.push(folder);
  return path.join(folder, 'articles');
}
const importInto = (out: string, ...args: string[]) =>
  runImport(INPUT, '--root', SITE, '--out', out, ...TABLES, ...args);

let out: string;
let first: Run;
let written: Record<string, string>;

beforeAll(() => {
  out = freshOut();
  first = importInto(out);
  written = snapshotFolder(out);
});

afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
  rmSync(SITE_ARTICLES, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('imports every readable save, one line each, and exits non-zero because some failed', () => {
    expect(first.status).toBe(1);
    const lines = first.stdout.replaceAll(out, '<out>').trim().split('\n');
    expect(lines).toMatchInlineSnapshot(`
      [
        "đã nhập: tests/fixtures/import/input/000_01855cfa11249e32.txt → <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md",
        "đã nhập: tests/fixtures/import/input/101_crlf_bom.txt → <out>/2022/lam-dong-ra-quan-tiem-vac-xin-phong-benh-mua-mua.md",
        "đã nhập: tests/fixtures/import/input/102_nfd.txt → <out>/2022/da-lat-khai-mac-festival-hoa-lan-thu-ix.md",
        "đã nhập: tests/fixtures/import/input/103_tron_nfc_nfd.txt → <out>/2023/gia-ca-phe-di-linh-tang-manh-dau-nam.md",
        "đã nhập: tests/fixtures/import/input/104_ngay_khong_so_0.txt → <out>/2023/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc.md",
        "đã nhập: tests/fixtures/import/input/105_khong_tac_gia.txt → <out>/2024/ky-hop-thu-12-hdnd-tinh-lam-dong-khoa-x-be-mac.md",
        "đã nhập: tests/fixtures/import/input/106_binh_luan.txt → <out>/2023/lac-duong-mo-tuyen-du-lich-trai-nghiem-rung-thong.md",
        "đã nhập: tests/fixtures/import/input/107_utf16le.txt → <out>/2024/bao-loc-khanh-thanh-cau-dan-sinh-o-xa-dai-lao.md (chuyển từ UTF-16 LE sang UTF-8)",
        "đã nhập: tests/fixtures/import/input/108_utf16be_khong_bom.txt → <out>/2024/don-duong-thu-hoach-vu-ca-chua-trai-mua.md (chuyển từ UTF-16 BE sang UTF-8)",
        "đã nhập: tests/fixtures/import/input/109_windows1258.txt → <out>/2024/duc-trong-to-chuc-ngay-hoi-dai-doan-ket-toan-dan-toc.md (chuyển từ Windows-1258 sang UTF-8)",
        "đã nhập: tests/fixtures/import/input/110_vni.txt → <out>/2024/di-linh-khoi-cong-duong-giao-thong-nong-thon-o-xa-gia-hiep.md (chuyển từ VNI sang UTF-8)",
        "đã nhập: tests/fixtures/import/input/113_trung_tieu_de.txt → <out>/2024/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong-20240717.md",
        "đã nhập: tests/fixtures/import/input/114_trung_tieu_de.txt → <out>/2023/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong.md",
        "đã nhập: tests/fixtures/import/input/115_chuyen_muc_cu.txt → <out>/2025/lam-ha-ra-mat-mo-hinh-camera-an-ninh-o-thon.md",
        "đã nhập: tests/fixtures/import/input/119_vni_mo_bang_latin1.txt → <out>/2024/hoi-nghi-tong-ket-cong-tac-thi-dua-khen-thuong-nam-2023.md (chuyển từ VNI đã bị mở nhầm bằng Latin-1 sang UTF-8)",
        "đã nhập: tests/fixtures/import/input/121_tieu_de_rat_dai.txt → <out>/2025/lam-dong-day-manh-phat-trien-nong-nghiep-ung-dung-cong-nghe-cao-gan-voi-chuyen-doi-so-day-manh-phat.md",
        "Xong: đã nhập 16 (16 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 6; 4 cảnh báo.",
      ]
    `);
  });

  it('reports each broken file with its path and the reason in Vietnamese, plus warnings', () => {
    expect(first.stderr.trim().split('\n')).toMatchInlineSnapshot(`
      [
        "tests/fixtures/import/input/105_khong_tac_gia.txt: cảnh báo: không có dòng tác giả; ghi tác giả là "Ban biên tập".",
        "tests/fixtures/import/input/111_khong_ngay.txt: lỗi: không tìm thấy dòng ngày tháng (dạng "Thứ tư, 11/05/2022 - 06:49") ở đầu tệp.",
        "tests/fixtures/import/input/112_khong_tieu_de.txt: lỗi: không tìm thấy tiêu đề: trước dòng ngày tháng chỉ có một dòng ("Tin tức"), cần dòng chuyên mục rồi dòng tiêu đề.",
        "tests/fixtures/import/input/113_trung_tieu_de.txt: cảnh báo: đường dẫn "cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong" đã thuộc về tests/fixtures/import/input/114_trung_tieu_de.txt; bài này lấy "cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong-20240717".",
        "tests/fixtures/import/input/116_chuyen_muc_la.txt: lỗi: chuyên mục "Thể thao" chưa được khai báo; gần nhất là "Thời sự". Khai báo nó trong content/categories.yaml hoặc chuyển nó sang một chuyên mục có sẵn bằng --category-map.",
        "tests/fixtures/import/input/117_sai_thu.txt: lỗi: dòng ngày tháng "Thứ hai, 11/05/2022 - 06:49" sai: ngày 11/05/2022 là Thứ tư, không phải Thứ hai.",
        "tests/fixtures/import/input/118_mojibake.txt: lỗi: chữ trong tệp đã bị hỏng mã từ trước (có "á»", kiểu "Thá»© tÆ°" thay cho "Thứ tư"); cần bản lưu gốc.",
        "tests/fixtures/import/input/120_vni_sua_mot_nua.txt: lỗi: chữ trong tệp không đọc được thành tiếng Việt: 63 trong 72 từ có dấu không phải âm tiết tiếng Việt (ví dụ "töùc", "coâng", "taùc"); có thể tệp đã bị mở bằng sai bảng mã rồi lưu lại. Cần bản lưu gốc, hoặc chuyển lại bảng mã (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại.",
        "tests/fixtures/import/input/121_tieu_de_rat_dai.txt: cảnh báo: tiêu đề dài nên đường dẫn được rút gọn còn 99 ký tự (tối đa 100): "lam-dong-day-manh-phat-trien-nong-nghiep-ung-dung-cong-nghe-cao-gan-voi-chuyen-doi-so-day-manh-phat".",
        "cảnh báo: 1 dòng của bảng đường dẫn cũ không khớp tệp đầu vào nào: 999_khong_co.txt (dòng 5).",
      ]
    `);
    // Not a terminal: no progress bar, no control characters.
    const output = first.stderr + first.stdout;
    expect(output).not.toContain('\r');
    expect(output).not.toContain('\u001b');
  });

  it('writes the seed with its front matter, old URL, body paragraphs and nothing of the page furniture', () => {
    const seed = written[`2022/${SEED_SLUG}.md`]!;
    const [frontMatter, body] = seed.split('\n---\n');
    expect(frontMatter).toMatchInlineSnapshot(`
      "---
      # nhập từ: 000_01855cfa11249e32.txt
      # mã kiểm tra: cab949caa44ed1b5fbe5f6ac27af74dd
      title: Cụm thi đua số 1 ký kết giao ước thi đua năm 2022
      date: 2022-05-11T06:49:00+07:00
      author: Lô Thanh
      category: Tin tức
      summary: "Chiều ngày 6/5, tại TP Đà Lạt, Cụm thi đua số 1 bao gồm: TP Đà Lạt, TP Bảo Lộc, huyện Đức Trọng và Di Linh đã tiến hành hội nghị ký kết giao ước thi đua năm 2022"
      source: Lamdongtv.vn
      aliases:
        - https://lamdongtv.vn/tin-tuc/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022-a4521.html"
    `);
    const paragraphs = body!.trim().split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/^Tại hội nghị, lãnh đạo các địa phương/);
    expect(paragraphs[1]).toMatch(/^Phát hiện, biểu dương .* Cụm thi đua số 1 tỉnh Lâm Đồng\.\/\.$/);
  });

  it('writes every article in NFC with LF line ends, without BOM, mojibake or page furniture', () => {
    expect(Object.keys(written)).toHaveLength(16);
    for (const [file, text] of Object.entries(written)) {
      expect(text, file).toBe(text.normalize('NFC'));
      expect(text, file).not.toMatch(
        /[\r\ufeff\ufffd]|Thích và chia sẻ|bình luận|Ý kiến bạn đọc|Quảng cáo|Lamdongtv\.vn\) -/,
      );
    }
  });

  it('reads CRLF and a BOM, several authors as a list, two old URLs, and escapes Markdown', () => {
    expect(written['2022/lam-dong-ra-quan-tiem-vac-xin-phong-benh-mua-mua.md']).toMatchInlineSnapshot(`
      "---
      # nhập từ: 101_crlf_bom.txt
      # mã kiểm tra: 8cf5b2ac1477dfbcf3e6b5f4fc8e75fa
      title: Lâm Đồng ra quân tiêm vắc xin phòng bệnh mùa mưa
      date: 2022-06-13T08:15:00+07:00
      author: [Minh Đức, Hoàng Yến]
      category: Tin tức
      summary: Sáng 13/6, Trung tâm Kiểm soát bệnh tật tỉnh Lâm Đồng ra quân tiêm vắc xin phòng bệnh mùa mưa cho trẻ em tại 12 huyện, thành phố.
      source: Lamdongtv.vn
      aliases:
        - /tin-tuc/ra-quan-tiem-vac-xin-a4600.html
        - https://lamdongtv.vn/tin-tuc/tiem-vac-xin-mua-mua-a4600.html
      ---

      Đợt tiêm năm nay tập trung vào ba nhóm đối tượng:

      1\\. Trẻ dưới 5 tuổi chưa tiêm đủ mũi;

      \\- Người cao tuổi có bệnh nền;

      \\* Giá mỗi liều vắc xin \\<200.000 đồng> được ngân sách tỉnh hỗ trợ 100%.

      2022\\. Trong năm, toàn tỉnh phấn đấu đạt tỷ lệ tiêm chủng trên 95%.
      "
    `);
  });

  it('normalises NFD and mixed text, unpadded datelines, capitalised sections, initials and missing bylines', () => {
    expect(written['2022/da-lat-khai-mac-festival-hoa-lan-thu-ix.md']).toContain(
      'title: Đà Lạt khai mạc Festival Hoa lần thứ IX\ndate: 2022-12-16T20:00:00+07:00\nauthor: PV\ncategory: Văn hóa - Xã hội\n',
    );
    expect(written['2023/gia-ca-phe-di-linh-tang-manh-dau-nam.md']).toContain(
      'title: Giá cà phê Di Linh tăng mạnh đầu năm\ndate: 2023-01-02T07:05:00+07:00\nauthor: Khánh Phúc\n',
    );
    expect(written['2023/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc.md']).toMatchInlineSnapshot(`
      "---
      # nhập từ: 104_ngay_khong_so_0.txt
      # mã kiểm tra: f430328ae0bf1eae11fecad55ac670be
      title: Hội thi tiếng hát người cao tuổi thành phố Bảo Lộc
      date: 2023-12-03T19:30:00+07:00
      author: Ngọc Hà
      category: Văn hóa - Xã hội
      summary: Tối 3/12, Hội Người cao tuổi thành phố Bảo Lộc tổ chức Hội thi tiếng hát người cao tuổi năm 2023.
      source: Lamdongtv.vn
      ---

      Tham gia hội thi có 15 đội đến từ các phường, xã trên địa bàn thành phố.

      Ban tổ chức trao giải nhất cho đội phường Lộc Phát.
      "
    `);
    expect(written['2024/ky-hop-thu-12-hdnd-tinh-lam-dong-khoa-x-be-mac.md']).toContain('author: Ban biên tập\n');
    expect(written['2024/ky-hop-thu-12-hdnd-tinh-lam-dong-khoa-x-be-mac.md']).toMatch(/xã hội của địa phương\.\/\.\n$/);
  });

  it('drops reader comments under a non-zero count and ad slots inside the body', () => {
    const body = written['2023/lac-duong-mo-tuyen-du-lich-trai-nghiem-rung-thong.md']!.split('\n---\n')[1];
    expect(body).toBe(
      '\nTuyến dài 7 km, đi qua những đồi thông hơn 100 năm tuổi.\n\nDu khách được hướng dẫn viên là người đồng bào K’Ho địa phương đồng hành.\n',
    );
  });

  it('converts UTF-16 (with or without BOM) and Windows-1258 correctly', () => {
    expect(written['2024/bao-loc-khanh-thanh-cau-dan-sinh-o-xa-dai-lao.md']).toContain(
      'title: Bảo Lộc khánh thành cầu dân sinh ở xã Đại Lào\n',
    );
    expect(written['2024/don-duong-thu-hoach-vu-ca-chua-trai-mua.md']).toContain('author: Hữu Đức\n');
    expect(written['2024/duc-trong-to-chuc-ngay-hoi-dai-doan-ket-toan-dan-toc.md']).toContain(
      '\nDịp này, Ủy ban Mặt trận Tổ quốc huyện trao 20 suất quà cho hộ nghèo, mỗi suất trị giá 500.000 đồng.\n',
    );
  });

  it('maps an old section through the category table', () => {
    expect(written['2025/lam-ha-ra-mat-mo-hinh-camera-an-ninh-o-thon.md']).toContain('category: Tin tức\n');
  });

  it('keeps both articles of a shared title: the older one plain, the newer one dated', () => {
    const older = written['2023/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong.md'];
    const newer = written['2024/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong-20240717.md'];
    expect(older).toContain('# nhập từ: 114_trung_tieu_de.txt\n');
    expect(newer).toContain('# nhập từ: 113_trung_tieu_de.txt\n');
  });

  it('gives the same names whatever order the inputs are listed in', () => {
    const other = freshOut();
    const files = readdirSync(path.join(PROJECT, INPUT))
      .sort()
      .reverse()
      .map((file) => `${INPUT}/${file}`);
    runImport(...files, '--root', SITE, '--out', other, ...TABLES);
    expect(snapshotFolder(other)).toEqual(written);
  });

  it('never touches a hand-written article holding the same URL, and names it in a warning', () => {
    const other = freshOut();
    const handWritten = path.join(other, `2022/${SEED_SLUG}.md`);
    mkdirSync(path.dirname(handWritten), { recursive: true });
    const text =
      '---\ntiêu đề: Cụm thi đua số 1\nngày: 11/05/2022\ntác giả: Lô Thanh\nchuyên mục: Tin tức\n---\n\nBài viết tay.\n';
    writeFileSync(handWritten, text);
    const run = runImport(`${INPUT}/000_01855cfa11249e32.txt`, '--root', SITE, '--out', other);
    expect(run.stdout).toContain(`→ ${other}/2022/${SEED_SLUG}-20220511.md`);
    expect(run.stderr.replaceAll(other, '<out>')).toContain(
      `cảnh báo: đường dẫn "${SEED_SLUG}" đã thuộc về <out>/2022/${SEED_SLUG}.md; bài này lấy "${SEED_SLUG}-20220511".`,
    );
    expect(readFileSync(handWritten, 'utf8')).toBe(text);
    expect(Object.keys(snapshotFolder(other))).toEqual([`2022/${SEED_SLUG}-20220511.md`, `2022/${SEED_SLUG}.md`]);
  });

  it('treats an old /bai-viet/ URL in another article’s aliases as taken, like npm run new and the build', () => {
    const other = freshOut();
    const renamed = path.join(other, '2022/cum-thi-dua-so-1-doi-ten.md');
    mkdirSync(path.dirname(renamed), { recursive: true });
    const text =
      '---\ntiêu đề: Cụm thi đua số 1 (đổi tên)\nngày: 11/05/2022\ntác giả: Lô Thanh\nchuyên mục: Tin tức\n' +
      `đường dẫn cũ: [/bai-viet/${SEED_SLUG}/]\n---\n\nBài viết tay.\n`;
    writeFileSync(renamed, text);
    const run = runImport(`${INPUT}/000_01855cfa11249e32.txt`, '--root', SITE, '--out', other);
    expect(run.stderr.replaceAll(other, '<out>')).toContain(
      `cảnh báo: đường dẫn "${SEED_SLUG}" đã thuộc về <out>/2022/cum-thi-dua-so-1-doi-ten.md; bài này lấy "${SEED_SLUG}-20220511".`,
    );
    expect(readFileSync(renamed, 'utf8')).toBe(text);
  });

  it('is idempotent: a second run reports everything unchanged and rewrites nothing', () => {
    const again = importInto(out);
    expect(again.status).toBe(1);
    expect(again.stdout.trim()).toBe('Xong: đã nhập 0 (0 mới, 0 ghi đè), không đổi 16, bỏ qua 0, lỗi 6; 3 cảnh báo.');
    expect(snapshotFolder(out)).toEqual(written);
  });

  it('replaces its own unedited article only with --force, and says so', () => {
    const other = freshOut();
    const seed = `${INPUT}/000_01855cfa11249e32.txt`;
    runImport(seed, '--root', SITE, '--out', other, ...TABLES);
    const file = path.join(other, `2022/${SEED_SLUG}.md`);
    const before = readFileSync(file, 'utf8');
    // Without the old-URL table the article would lose its alias: it would change.
    const refused = runImport(seed, '--root', SITE, '--out', other);
    expect(refused.status).toBe(0);
    expect(refused.stdout.replaceAll(other, '<out>')).toMatchInlineSnapshot(`
      "bỏ qua: tests/fixtures/import/input/000_01855cfa11249e32.txt → <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md: bài đã nhập trước đây, chưa ai sửa, và khác bản sắp nhập; thêm --force để ghi đè.
      Xong: đã nhập 0 (0 mới, 0 ghi đè), không đổi 0, bỏ qua 1, lỗi 0.
      "
    `);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const forced = runImport(seed, '--root', SITE, '--out', other, '--force');
    expect(forced.stdout.replaceAll(other, '<out>')).toMatchInlineSnapshot(`
      "đã ghi đè: tests/fixtures/import/input/000_01855cfa11249e32.txt → <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md
      Xong: đã nhập 1 (0 mới, 1 ghi đè), không đổi 0, bỏ qua 0, lỗi 0.
      "
    `);
    expect(readFileSync(file, 'utf8')).not.toContain('aliases:');
  });

  it('never overwrites an article edited after its import, even with --force, and names the file', () => {
    const edited = path.join(out, `2022/${SEED_SLUG}.md`);
    appendFileSync(edited, '\nMột đoạn biên tập viên đã thêm.\n');
    const kept = readFileSync(edited, 'utf8');
    const seed = `${INPUT}/000_01855cfa11249e32.txt`;
    const refused = runImport(seed, '--root', SITE, '--out', out, ...TABLES);
    expect(refused.status).toBe(0);
    expect(refused.stdout.replaceAll(out, '<out>')).toMatchInlineSnapshot(`
      "bỏ qua: tests/fixtures/import/input/000_01855cfa11249e32.txt → <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md: <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md ghi "# nhập từ: 000_01855cfa11249e32.txt" nhưng không còn đúng như lệnh nhập đã ghi (đã được sửa tay hoặc chép từ bài khác) nên không ghi đè; muốn nhập lại bài này thì xóa hoặc đổi tên tệp đó.
      Xong: đã nhập 0 (0 mới, 0 ghi đè), không đổi 0, bỏ qua 1, lỗi 0; 1 cảnh báo.
      "
    `);
    const forced = runImport(seed, '--root', SITE, '--out', out, ...TABLES, '--force');
    expect(forced.status).toBe(1);
    expect((forced.stderr + forced.stdout).replaceAll(out, '<out>')).toMatchInlineSnapshot(`
      "tests/fixtures/import/input/000_01855cfa11249e32.txt: lỗi: <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md ghi "# nhập từ: 000_01855cfa11249e32.txt" nhưng không còn đúng như lệnh nhập đã ghi (đã được sửa tay hoặc chép từ bài khác) nên không ghi đè, kể cả với --force; muốn nhập lại bài này thì xóa hoặc đổi tên tệp đó.
      cảnh báo: 3 dòng của bảng đường dẫn cũ không khớp tệp đầu vào nào: 101_crlf_bom.txt (dòng 3), 101_crlf_bom.txt (dòng 4), 999_khong_co.txt (dòng 5).
      Xong: đã nhập 0 (0 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 1; 1 cảnh báo.
      "
    `);
    expect(readFileSync(edited, 'utf8')).toBe(kept);
    writeFileSync(edited, written[`2022/${SEED_SLUG}.md`]!);
    expect(snapshotFolder(out)).toEqual(written);
  });

  it('never overwrites a journalist’s copy that kept the import comments, and names every file claiming the input', () => {
    const other = freshOut();
    const seed = `${INPUT}/000_01855cfa11249e32.txt`;
    runImport(seed, '--root', SITE, '--out', other, ...TABLES);
    const imported = path.join(other, `2022/${SEED_SLUG}.md`);
    const copy = path.join(other, '2022/cum-thi-dua-so-1-ban-bien-tap.md');
    const copyText = readFileSync(imported, 'utf8')
      .replace('title: Cụm thi đua số 1 ký kết giao ước thi đua năm 2022', 'title: Cụm thi đua số 1 (bản biên tập)')
      .replace(/aliases:\n.*\n/, '');
    writeFileSync(copy, copyText);
    // While the imported article is there, it is the one the input owns; the copy is named and left alone.
    const beside = runImport(seed, '--root', SITE, '--out', other, ...TABLES, '--force');
    expect(beside.status).toBe(0);
    expect((beside.stderr + beside.stdout).replaceAll(other, '<out>')).toMatchInlineSnapshot(`
      "tests/fixtures/import/input/000_01855cfa11249e32.txt: cảnh báo: <out>/2022/cum-thi-dua-so-1-ban-bien-tap.md cũng ghi "# nhập từ: 000_01855cfa11249e32.txt" nhưng không phải bài lệnh nhập đã ghi; lệnh nhập không đụng tới.
      cảnh báo: 3 dòng của bảng đường dẫn cũ không khớp tệp đầu vào nào: 101_crlf_bom.txt (dòng 3), 101_crlf_bom.txt (dòng 4), 999_khong_co.txt (dòng 5).
      Xong: đã nhập 0 (0 mới, 0 ghi đè), không đổi 1, bỏ qua 0, lỗi 0; 2 cảnh báo.
      "
    `);
    // Once it is gone, the copy is all that claims the input: refused, even with --force.
    rmSync(imported);
    const alone = runImport(seed, '--root', SITE, '--out', other, ...TABLES, '--force');
    expect(alone.status).toBe(1);
    expect((alone.stderr + alone.stdout).replaceAll(other, '<out>')).toMatchInlineSnapshot(`
      "tests/fixtures/import/input/000_01855cfa11249e32.txt: lỗi: <out>/2022/cum-thi-dua-so-1-ban-bien-tap.md ghi "# nhập từ: 000_01855cfa11249e32.txt" nhưng không còn đúng như lệnh nhập đã ghi (đã được sửa tay hoặc chép từ bài khác) nên không ghi đè, kể cả với --force; muốn nhập lại bài này thì xóa hoặc đổi tên tệp đó.
      cảnh báo: 3 dòng của bảng đường dẫn cũ không khớp tệp đầu vào nào: 101_crlf_bom.txt (dòng 3), 101_crlf_bom.txt (dòng 4), 999_khong_co.txt (dòng 5).
      Xong: đã nhập 0 (0 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 1; 1 cảnh báo.
      "
    `);
    expect(readFileSync(copy, 'utf8')).toBe(copyText);
    expect(Object.keys(snapshotFolder(other))).toEqual(['2022/cum-thi-dua-so-1-ban-bien-tap.md']);
  });

  it('refuses two inputs with the same file name, naming both, and imports the others', () => {
    const folder = path.dirname(freshOut());
    for (const sub of ['a', 'b']) {
      mkdirSync(path.join(folder, sub));
      writeFileSync(
        path.join(folder, sub, 'bai.txt'),
        readFileSync(path.join(PROJECT, INPUT, '000_01855cfa11249e32.txt')),
      );
    }
    const other = path.join(folder, 'articles');
    const run = runImport(
      `${folder}/a`,
      `${folder}/b`,
      `${INPUT}/104_ngay_khong_so_0.txt`,
      '--root',
      SITE,
      '--out',
      other,
    );
    expect(run.status).toBe(1);
    expect((run.stderr + run.stdout).replaceAll(folder, '<tmp>')).toMatchInlineSnapshot(`
      "<tmp>/a/bai.txt: lỗi: trùng tên tệp "bai.txt" với <tmp>/b/bai.txt: cả hai cùng nhận một bài, vì bài nhập được nhận ra theo tên tệp đầu vào; đổi tên một trong hai tệp rồi nhập lại.
      <tmp>/b/bai.txt: lỗi: trùng tên tệp "bai.txt" với <tmp>/a/bai.txt: cả hai cùng nhận một bài, vì bài nhập được nhận ra theo tên tệp đầu vào; đổi tên một trong hai tệp rồi nhập lại.
      đã nhập: tests/fixtures/import/input/104_ngay_khong_so_0.txt → <tmp>/articles/2023/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc.md
      Xong: đã nhập 1 (1 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 2.
      "
    `);
    expect(Object.keys(snapshotFolder(other))).toEqual(['2023/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc.md']);
  });

  it('reports an empty folder, an empty file and a link it cannot follow, and imports the others', () => {
    const folder = path.dirname(freshOut());
    mkdirSync(path.join(folder, 'trong'));
    writeFileSync(path.join(folder, 'rong.txt'), '');
    symlinkSync(path.join(folder, 'vong.txt'), path.join(folder, 'vong.txt'));
    const other = path.join(folder, 'articles');
    const inputs = ['trong', 'rong.txt', 'vong.txt'].map((name) => path.join(folder, name));
    const run = runImport(...inputs, `${INPUT}/104_ngay_khong_so_0.txt`, '--root', SITE, '--out', other);
    expect(run.status).toBe(1);
    expect((run.stderr + run.stdout).replaceAll(folder, '<tmp>')).toMatchInlineSnapshot(`
      "<tmp>/rong.txt: lỗi: tệp trống.
      <tmp>/trong: lỗi: thư mục không có tệp .txt nào để nhập.
      <tmp>/vong.txt: lỗi: không đọc được: liên kết tượng trưng trỏ vòng (ELOOP).
      đã nhập: tests/fixtures/import/input/104_ngay_khong_so_0.txt → <tmp>/articles/2023/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc.md
      Xong: đã nhập 1 (1 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 3.
      "
    `);
  });

  it('reports a failed write for its input, imports the others, and leaves no temporary file', () => {
    const other = freshOut();
    // A folder where the seed's article would go, and a file where the 2023 folder would.
    mkdirSync(path.join(other, `2022/${SEED_SLUG}.md`), { recursive: true });
    writeFileSync(path.join(other, '2023'), '');
    const run = runImport(INPUT, '--root', SITE, '--out', other, ...TABLES);
    expect(run.status).toBe(1);
    expect(
      run.stderr
        .replaceAll(other, '<out>')
        .split('\n')
        .filter((line) => line.includes('không ghi được')),
    ).toMatchInlineSnapshot(`
      [
        "tests/fixtures/import/input/000_01855cfa11249e32.txt: lỗi: không ghi được <out>/2022/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022.md: đã có tệp hoặc thư mục cùng tên (EEXIST).",
        "tests/fixtures/import/input/103_tron_nfc_nfd.txt: lỗi: không ghi được <out>/2023/gia-ca-phe-di-linh-tang-manh-dau-nam.md: một phần của đường dẫn là tệp chứ không phải thư mục (ENOTDIR).",
        "tests/fixtures/import/input/104_ngay_khong_so_0.txt: lỗi: không ghi được <out>/2023/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc.md: một phần của đường dẫn là tệp chứ không phải thư mục (ENOTDIR).",
        "tests/fixtures/import/input/106_binh_luan.txt: lỗi: không ghi được <out>/2023/lac-duong-mo-tuyen-du-lich-trai-nghiem-rung-thong.md: một phần của đường dẫn là tệp chứ không phải thư mục (ENOTDIR).",
        "tests/fixtures/import/input/114_trung_tieu_de.txt: lỗi: không ghi được <out>/2023/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong.md: một phần của đường dẫn là tệp chứ không phải thư mục (ENOTDIR).",
      ]
    `);
    expect(run.stdout.trim().split('\n').at(-1)).toMatchInlineSnapshot(
      `"Xong: đã nhập 11 (11 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 11; 4 cảnh báo."`,
    );
    const files = readdirSync(other, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('gives a title too long for a file name a shortened slug and imports it', () => {
    const long = Object.keys(written).find((file) => file.startsWith('2025/lam-dong-day-manh'));
    expect(long).toBe(
      '2025/lam-dong-day-manh-phat-trien-nong-nghiep-ung-dung-cong-nghe-cao-gan-voi-chuyen-doi-so-day-manh-phat.md',
    );
    expect(written[long!]).toContain(
      'title: Lâm Đồng đẩy mạnh phát triển nông nghiệp ứng dụng công nghệ cao gắn với chuyển đổi số, đẩy mạnh',
    );
  });

  it('turns VNI, raw or once opened as Latin-1, back into Vietnamese', () => {
    expect(written['2024/hoi-nghi-tong-ket-cong-tac-thi-dua-khen-thuong-nam-2023.md']).toContain(
      '\nNăm 2023, toàn tỉnh có 1.250 tập thể và cá nhân được khen thưởng vì thành tích xuất sắc.\n',
    );
    expect(written['2024/di-linh-khoi-cong-duong-giao-thong-nong-thon-o-xa-gia-hiep.md']).toContain(
      'author: Đình Bảo\n',
    );
  });

  it('writes nothing on --dry-run but reports what it would do', () => {
    const dry = freshOut();
    const run = runImport(INPUT, '--root', SITE, '--out', dry, ...TABLES, '--dry-run');
    expect(existsSync(dry)).toBe(false);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`sẽ nhập: ${INPUT}/000_01855cfa11249e32.txt → `);
    expect(run.stdout).toContain(
      'Chạy thử, không ghi tệp nào: sẽ nhập 16 (16 mới, 0 ghi đè), không đổi 0, bỏ qua 0, lỗi 6; 4 cảnh báo.',
    );
  });

  it('explains bad usage, unreadable tables and unusable folders without a stack trace, and imports nothing', () => {
    const empty = runImport();
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('Chưa có tệp hoặc thư mục nào để nhập.');
    expect(empty.stderr).toContain('Cách dùng: npm run import -- <tệp hoặc thư mục…> [tùy chọn]');
    const dry = freshOut();
    const missing = runImport(INPUT, '--root', SITE, '--out', dry, '--aliases', `${FIXTURE}/khong-co.csv`);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatchInlineSnapshot(
      `"Không nhập được: không đọc được bảng đường dẫn cũ tests/fixtures/import/khong-co.csv: không có tệp hoặc thư mục này (ENOENT)"`,
    );
    expect(existsSync(dry)).toBe(false);
    const outIsFile = runImport(INPUT, '--root', SITE, '--out', 'package.json');
    expect(outIsFile.status).toBe(2);
    expect(outIsFile.stderr).toMatchInlineSnapshot(`
      "Không nhập được: --out package.json là một tệp, không phải thư mục; hãy chọn một thư mục (chưa có thì lệnh nhập tạo)
      "
    `);
    const outUnderFile = runImport(INPUT, '--root', SITE, '--out', 'package.json/bai');
    expect(outUnderFile.status).toBe(2);
    expect(outUnderFile.stderr).toMatchInlineSnapshot(`
      "Không nhập được: --out package.json/bai: package.json là một tệp nên không tạo được thư mục trong đó; hãy chọn một thư mục (chưa có thì lệnh nhập tạo)
      "
    `);
    const rootIsFile = runImport(INPUT, '--root', 'package.json', '--out', dry);
    expect(rootIsFile.stderr).toMatchInlineSnapshot(`
      "Không nhập được: --root package.json không dùng được làm thư mục gốc của trang: là một tệp, không phải thư mục
      "
    `);
    expect(existsSync(dry)).toBe(false);
    const unknownOption = runImport(INPUT, '--xoa-het');
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain('Tùy chọn không hợp lệ: không có tùy chọn --xoa-het.');
  });
});

describe('an imported set, built', () => {
  let site: FixtureBuild;
  beforeAll(() => {
    rmSync(SITE_ARTICLES, { recursive: true, force: true });
    const run = runImport(INPUT, '--root', SITE, ...TABLES);
    expect(run.stdout).toContain('Xong: đã nhập 16 (16 mới, 0 ghi đè)');
    site = buildFixture('import/site', { BUILD_TIME: '2026-11-23T12:00:00+07:00' });
  });

  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('shows the seed with the old dateline, the lead, the body and the byline', () => {
    const html = site.read(`bai-viet/${SEED_SLUG}/index.html`);
    expect(html).toMatch(/<time datetime="2022-05-11T06:49:00\+07:00"[^>]*>Thứ tư, 11\/05\/2022 - 06:49<\/time>/);
    expect(html).toMatch(/<h1 class="article__title"[^>]*>Cụm thi đua số 1 ký kết giao ước thi đua năm 2022<\/h1>/);
    expect(html).toMatch(/<p class="article__lead">Chiều ngày 6\/5, tại TP Đà Lạt/);
    expect(html).toMatch(
      /class="article__byline"[^>]*>.*<a href="\/tac-gia\/lo-thanh\/" rel="author"[^>]*>Lô Thanh<\/a><\/p>/s,
    );
    expect(html).toContain('Nguồn: Lamdongtv.vn');
    expect(html).not.toContain('Ý kiến bạn đọc');
  });

  it('shows several authors, Markdown-looking text as written, and the unpadded dateline padded', () => {
    const vaccine = site.read('bai-viet/lam-dong-ra-quan-tiem-vac-xin-phong-benh-mua-mua/index.html');
    expect(vaccine).toMatch(/class="article__byline"[^>]*>.*>Minh Đức<\/a> - <a[^>]*>Hoàng Yến<\/a><\/p>/s);
    expect(vaccine).toContain('<p>2022. Trong năm, toàn tỉnh phấn đấu đạt tỷ lệ tiêm chủng trên 95%.</p>');
    expect(vaccine).toContain('<p>* Giá mỗi liều vắc xin &#x3C;200.000 đồng> được ngân sách tỉnh hỗ trợ 100%.</p>');
    const concert = site.read('bai-viet/hoi-thi-tieng-hat-nguoi-cao-tuoi-thanh-pho-bao-loc/index.html');
    expect(concert).toMatch(/<time datetime="2023-12-03T19:30:00\+07:00"[^>]*>Chủ nhật, 03\/12\/2023 - 19:30<\/time>/);
  });

  it('publishes both articles that share a title, and redirects the old URLs', () => {
    expect(site.exists('bai-viet/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong/index.html')).toBe(true);
    expect(site.exists('bai-viet/cong-bo-ket-qua-thi-tot-nghiep-thpt-tai-lam-dong-20240717/index.html')).toBe(true);
    expect(site.read('_redirects')).toContain(
      `/tin-tuc/cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022-a4521.html /bai-viet/${SEED_SLUG}/ 301`,
    );
    expect(site.read('tin-tuc/ra-quan-tiem-vac-xin-a4600.html')).toContain(
      '/bai-viet/lam-dong-ra-quan-tiem-vac-xin-phong-benh-mua-mua/',
    );
  });
});
