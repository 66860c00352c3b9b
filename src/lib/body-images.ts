/**
 * The one rule for images written in an article's body, shared by `npm run check`, the
 * build's Markdown rendering and the pages' Content-Security-Policy: a body image is a full
 * `https://` address. The build publishes pictures only from the lead image field (`ảnh`),
 * so a file path in the body would never show; `http://` and `data:` images are blocked by
 * the browser or the sanitiser.
 */

/** The source the Content-Security-Policy's `img-src` adds for body images. */
export const BODY_IMAGE_CSP_SOURCE = 'https:';

/** What a good body image looks like, in Vietnamese. */
export const BODY_IMAGE_EXPECTED = 'đặt ảnh ở trường "ảnh" đầu bài, hoặc dùng địa chỉ ảnh đầy đủ (https://…)';

export interface BodyImageProblem {
  /** A path on this site (`images/a.jpg`, `/anh/a.jpg`): `npm run check` also says whether the file exists. */
  local: boolean;
  /** What is wrong, in Vietnamese. */
  message: string;
}

/**
 * Why an image address written in a body breaks the rule, or `undefined` when it keeps it.
 *
 * @example
 * bodyImageProblem('https://baolamdong.vn/anh/hoa.jpg'); // undefined
 * bodyImageProblem('images/hoa.jpg');
 * // { local: true, message: 'ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện' }
 * bodyImageProblem('http://baolamdong.vn/hoa.jpg'); // { local: false, message: 'địa chỉ ảnh http:// bị trình duyệt chặn trên trang https' }
 */
export function bodyImageProblem(url: string): BodyImageProblem | undefined {
  const written = url.trim();
  const refused = (message: string): BodyImageProblem => ({ local: false, message });
  if (!written) return refused('ảnh không có địa chỉ');
  if (written.startsWith('//')) return refused('địa chỉ ảnh thiếu "https:" ở đầu');
  if (/^(?:[a-z]:[\\/]|file:)/i.test(written)) {
    return refused('ảnh là một tệp trên máy tính của người viết: trang không lấy được tệp này');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(written)?.[1]?.toLowerCase();
  if (!scheme) {
    return {
      local: true,
      message:
        'ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện',
    };
  }
  if (scheme === 'https') return URL.canParse(written) ? undefined : refused('địa chỉ ảnh không đọc được');
  if (scheme === 'http') return refused('địa chỉ ảnh http:// bị trình duyệt chặn trên trang https');
  if (scheme === 'data') return refused('ảnh nhúng dạng data: không được đăng');
  return refused(`địa chỉ ảnh dạng ${scheme}: không hiện được trên trang`);
}
