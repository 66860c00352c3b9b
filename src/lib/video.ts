/**
 * An article's video (front matter `video`): a YouTube or Facebook video, shown at the top of
 * its page as a poster that loads the player only when the reader presses play.
 */

/** A video as the site keeps it: where it plays, and the address a journalist wrote. */
export interface ArticleVideo {
  provider: 'youtube' | 'facebook';
  /** The player's address, loaded only when the reader presses play. */
  embedUrl: string;
  /** The video's own page. */
  url: string;
}

export type VideoParseResult = { ok: true; video: ArticleVideo } | { ok: false; problem: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtu.be',
  'www.youtube-nocookie.com',
]);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'fb.watch']);

/** The video id of a YouTube address in any of its usual forms. */
function youtubeId(url: URL): string | undefined {
  if (url.hostname === 'youtu.be') return url.pathname.slice(1).split('/')[0];
  if (url.pathname === '/watch') return url.searchParams.get('v') ?? undefined;
  return /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(url.pathname)?.[1];
}

/** Whether a Facebook address is a video's own page. */
function isFacebookVideo(url: URL): boolean {
  return (
    url.hostname === 'fb.watch' ||
    /\/videos\/(?:[^/]+\/)?\d+\/?$/.test(url.pathname) ||
    (/^\/watch\/?$/.test(url.pathname) && /^\d+$/.test(url.searchParams.get('v') ?? '')) ||
    /^\/reel\/\d+\/?$/.test(url.pathname)
  );
}

/**
 * Reads the `video` field: a YouTube or Facebook video's address, or why it is not one.
 *
 * @example
 * parseVideoUrl('https://youtu.be/dQw4w9WgXcQ');
 * // { ok: true, video: { provider: 'youtube', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }
 * parseVideoUrl('https://vimeo.com/1'); // { ok: false, problem: 'video ở vimeo.com: chỉ nhận YouTube hoặc Facebook' }
 */
export function parseVideoUrl(written: string): VideoParseResult {
  let url: URL;
  try {
    url = new URL(written.trim());
  } catch {
    return { ok: false, problem: 'không phải một địa chỉ' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: 'không phải một địa chỉ web' };
  if (YOUTUBE_HOSTS.has(url.hostname)) {
    const id = youtubeId(url);
    if (!id || !YOUTUBE_ID.test(id)) return { ok: false, problem: 'không tìm thấy mã video YouTube trong địa chỉ' };
    return {
      ok: true,
      video: {
        provider: 'youtube',
        embedUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
        url: `https://www.youtube.com/watch?v=${id}`,
      },
    };
  }
  if (FACEBOOK_HOSTS.has(url.hostname)) {
    if (!isFacebookVideo(url)) return { ok: false, problem: 'địa chỉ Facebook này không phải một video' };
    const page = `https://${url.hostname === 'fb.watch' ? 'fb.watch' : 'www.facebook.com'}${url.pathname}${url.search}`;
    return {
      ok: true,
      video: {
        provider: 'facebook',
        embedUrl: `https://www.facebook.com/plugins/video.php?${new URLSearchParams({ href: page, autoplay: '1' })}`,
        url: page,
      },
    };
  }
  return { ok: false, problem: `video ở ${url.hostname}: chỉ nhận YouTube hoặc Facebook` };
}
