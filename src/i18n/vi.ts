/**
 * Every string the site shows readers, in Vietnamese, read through {@link t}. Placeholders
 * are written `{name}`.
 */
export const vi = {
  'site.skipToContent': 'Bỏ qua, đến nội dung chính',
  'article.footnotes': 'Chú thích',
  'article.footnoteBack': 'Quay lại chỗ trích dẫn {n}',
  'nav.main': 'Chuyên mục',
  'nav.home': 'Trang chủ',
  'nav.archive': 'Lưu trữ',
  'nav.video': 'Video',
  'video.play': 'Phát video: {title}',
  'video.player': 'Video: {title}',
  'video.badge': 'Video',
  'video.title': 'Video',
  'video.description': 'Các bài có video của {site}.',
  'nav.breadcrumb': 'Đường dẫn',
  'search.label': 'Tìm kiếm',
  'search.description': 'Tìm bài viết trong kho lưu trữ theo từ khóa, chuyên mục, tác giả và năm.',
  'search.placeholder': 'Tìm bài viết…',
  'search.submit': 'Tìm',
  'search.title': 'Tìm kiếm',
  'search.query': 'Từ khóa',
  'search.hint': 'Gõ có dấu hay không dấu đều được: “Đà Lạt” hoặc “da lat”.',
  'search.filters': 'Lọc và sắp xếp',
  'search.category': 'Chuyên mục',
  'search.allCategories': 'Tất cả chuyên mục',
  'search.author': 'Tác giả',
  'search.allAuthors': 'Tất cả tác giả',
  'search.year': 'Năm',
  'search.allYears': 'Tất cả các năm',
  'search.sort': 'Sắp xếp',
  'search.sortRelevance': 'Liên quan nhất',
  'search.sortNewest': 'Mới nhất trước',
  'search.results': 'Kết quả tìm kiếm',
  'search.empty': 'Nhập từ khóa để tìm bài viết trong kho lưu trữ.',
  'search.loading': 'Đang tìm…',
  'search.count': 'Tìm thấy {count} kết quả cho “{query}”.',
  'search.countFiltered': 'Có {count} bài viết phù hợp với bộ lọc.',
  'search.none': 'Không tìm thấy kết quả nào cho “{query}”.',
  'search.countApart':
    'Không bài viết nào có “{query}” liền nhau; {count} bài viết có đủ các từ này ở những chỗ khác nhau.',
  'search.suggest': 'Có phải bạn muốn tìm: {suggestion}?',
  'search.noneFiltered': 'Không có bài viết nào phù hợp với bộ lọc.',
  'search.more': 'Xem thêm kết quả',
  'search.noscript':
    'Tìm kiếm cần JavaScript. Hãy bật JavaScript, hoặc xem bài viết theo chuyên mục và trong trang Lưu trữ.',
  'search.unavailable': 'Chưa tìm kiếm được: không tải được chỉ mục tìm kiếm. Hãy thử lại sau.',
  'article.updated': 'Cập nhật: {dateline}',
  'article.readingTime': '{minutes} phút đọc',
  'article.source': 'Nguồn: {source}',
  'article.byline': 'Tác giả',
  'article.tags': 'Từ khóa',
  'article.imageCredit': 'Ảnh: {credit}',
  'article.related': 'Tin liên quan',
  'article.older': 'Bài trước',
  'article.newer': 'Bài sau',
  'article.inCategory': 'Cùng chuyên mục',
  'sidebar.label': 'Tin khác',
  'sidebar.sameCategory': 'Cùng chuyên mục {name}',
  'sidebar.latest': 'Tin mới nhất',
  'sidebar.latestLink': 'Xem tin mới nhất ở trang chủ',
  'share.heading': 'Chia sẻ bài viết',
  'share.facebook': 'Chia sẻ lên Facebook',
  'share.zalo': 'Chia sẻ qua Zalo',
  'share.copy': 'Sao chép liên kết',
  'share.copied': 'Đã sao chép liên kết',
  'list.older': 'Tin cũ hơn',
  'list.newer': 'Tin mới hơn',
  'list.pages': 'Các trang',
  'list.page': 'Trang {number}',
  'list.latest': 'Mới nhất',
  'list.empty': 'Chưa có bài viết nào.',
  'list.count': '{count} bài viết',
  'home.latest': 'Tin mới nhất',
  'home.more': 'Xem thêm {name}',
  'category.title': 'Chuyên mục {name}',
  'author.title': 'Bài viết của {name}',
  'tag.title': 'Từ khóa: {name}',
  'archive.title': 'Lưu trữ',
  'archive.year': 'Lưu trữ năm {year}',
  'archive.month': 'Lưu trữ tháng {month}/{year}',
  'archive.months': 'Các tháng',
  'feed.title': '{site}: {name}',
  'feed.link': 'Theo dõi qua RSS',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Trang bạn tìm không còn hoặc chưa bao giờ có. Hãy thử tìm kiếm hoặc về trang chủ.',
  'redirect.title': 'Bài viết đã chuyển địa chỉ',
  'redirect.body': 'Bài viết đã chuyển sang địa chỉ mới:',
  'footer.rights': '© {site}. Lưu trữ tin tức.',
} as const;

export type MessageKey = keyof typeof vi;

/**
 * Looks up a UI string and fills its placeholders.
 *
 * @example
 * t('archive.month', { month: '05', year: 2022 }); // 'Lưu trữ tháng 05/2022'
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
