/**
 * Every article front-matter field: its Vietnamese name, the spellings journalists may write it
 * under, and what it holds, as shown in errors, the journalists' guide and the editors' JSON Schema.
 */
import { ACCEPTED_DATE_FORMS } from './dates.ts';

/** Canonical (English) front-matter keys of an article. */
export type ArticleKey =
  | 'title'
  | 'date'
  | 'author'
  | 'category'
  | 'summary'
  | 'tags'
  | 'image'
  | 'source'
  | 'updated'
  | 'draft'
  | 'slug'
  | 'aliases'
  | 'video';

/** Documentation of one front-matter field, as shown to journalists and editors. */
export interface FieldSpec {
  /** Vietnamese name used in error messages. */
  label: string;
  /** Other spellings accepted for the key, folded with {@link foldKey}. */
  aliases: readonly string[];
  required: boolean;
  /** What the field holds (Vietnamese), for the README and the editors' JSON Schema. */
  description: string;
  /** What a valid value looks like (Vietnamese), appended to every error on the field. */
  expected: string;
}

/**
 * Every article field. Keys may be written in English or Vietnamese, in any case, with or
 * without diacritics, spaces, `_` or `-` between words.
 */
export const ARTICLE_FIELDS: Record<ArticleKey, FieldSpec> = {
  title: {
    label: 'tiêu đề',
    aliases: ['tiêu đề', 'tựa đề', 'tên bài'],
    required: true,
    description: 'Tiêu đề bài viết.',
    expected: 'một dòng chữ không rỗng',
  },
  date: {
    label: 'ngày',
    aliases: ['ngày', 'ngày đăng', 'ngày xuất bản', 'thời gian'],
    required: true,
    description: 'Thời điểm đăng bài; không ghi múi giờ thì hiểu là giờ Việt Nam (UTC+7).',
    expected: ACCEPTED_DATE_FORMS,
  },
  author: {
    label: 'tác giả',
    aliases: ['tác giả', 'authors', 'người viết', 'phóng viên'],
    required: true,
    description: 'Tên tác giả, hoặc danh sách tên khi bài có nhiều tác giả.',
    expected: 'một tên (Lô Thanh) hoặc danh sách tên ([Minh Đức, Hoàng Yến])',
  },
  category: {
    label: 'chuyên mục',
    aliases: ['chuyên mục', 'danh mục', 'mục'],
    required: true,
    description: 'Chuyên mục, theo tên hoặc đường dẫn đã khai báo trong content/categories.yaml.',
    expected: 'tên một chuyên mục có trong content/categories.yaml',
  },
  summary: {
    label: 'tóm tắt',
    aliases: ['tóm tắt', 'sapo', 'sa pô', 'lead', 'mô tả', 'description'],
    required: false,
    description: 'Đoạn dẫn (sapo), in đậm dưới tiêu đề và dùng làm mô tả cho công cụ tìm kiếm.',
    expected: 'một đoạn chữ',
  },
  tags: {
    label: 'từ khóa',
    aliases: ['từ khóa', 'từ khoá', 'thẻ', 'tag', 'keywords'],
    required: false,
    description: 'Các từ khóa; mỗi từ khóa có một trang riêng.',
    expected: 'danh sách từ khóa ([Đà Lạt, du lịch]) hoặc các từ khóa cách nhau bằng dấu phẩy',
  },
  image: {
    label: 'ảnh',
    aliases: ['ảnh', 'hình', 'hình ảnh', 'ảnh đại diện'],
    required: false,
    description:
      'Ảnh đầu bài: đường dẫn tới tệp trong content/images/, hoặc { src, alt, caption, credit } (src/đường dẫn, alt/mô tả ảnh, caption/chú thích, credit/tác giả ảnh).',
    expected: 'đường dẫn ảnh (images/ho-xuan-huong.jpg) hoặc { src, alt, caption, credit }',
  },
  source: {
    label: 'nguồn',
    aliases: ['nguồn', 'nguồn tin'],
    required: false,
    description: 'Nguồn tin, ví dụ Lamdongtv.vn.',
    expected: 'một dòng chữ',
  },
  updated: {
    label: 'cập nhật',
    aliases: ['cập nhật', 'ngày cập nhật', 'sửa lúc'],
    required: false,
    description: 'Thời điểm cập nhật bài; hiện dòng "Cập nhật" trên trang.',
    expected: ACCEPTED_DATE_FORMS,
  },
  draft: {
    label: 'nháp',
    aliases: ['nháp', 'bản nháp'],
    required: false,
    description: 'true: bài nháp, không xuất bản.',
    expected: 'true hoặc false (có/không)',
  },
  slug: {
    label: 'đường dẫn',
    aliases: ['đường dẫn', 'url'],
    required: false,
    description: 'Đường dẫn của bài; mặc định lấy từ tên tệp.',
    expected: 'chữ thường không dấu, số và dấu gạch ngang, tối đa 100 ký tự (cum-thi-dua-so-1)',
  },
  aliases: {
    label: 'đường dẫn cũ',
    aliases: ['đường dẫn cũ', 'url cũ', 'redirect from'],
    required: false,
    description: 'Các đường dẫn cũ của bài (trang cũ); mỗi đường dẫn chuyển hướng về bài.',
    expected:
      'danh sách đường dẫn thật của trang cũ, bắt đầu bằng / hoặc http(s)://, không có *, :biến, khoảng trắng, "." hay ".."',
  },
  video: {
    label: 'video',
    aliases: ['video', 'clip', 'phim'],
    required: false,
    description:
      'Video của bài (YouTube hoặc Facebook): hiện ở đầu bài, chỉ tải khi người đọc bấm phát; bài được đưa vào mục Video.',
    expected:
      'địa chỉ một video YouTube (https://www.youtube.com/watch?v=…, https://youtu.be/…) hoặc Facebook (https://www.facebook.com/…/videos/…)',
  },
};

/** Sub-keys of an `image` object, with their accepted spellings. */
export const IMAGE_FIELDS = {
  src: ['src', 'đường dẫn', 'tệp', 'file', 'path'],
  alt: ['alt', 'mô tả ảnh', 'mô tả', 'văn bản thay thế'],
  caption: ['caption', 'chú thích'],
  credit: ['credit', 'tác giả ảnh', 'nguồn ảnh', 'ảnh'],
} as const;
