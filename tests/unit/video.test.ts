import { describe, expect, it } from 'vitest';
import { parseVideoUrl } from '../../src/lib/video.ts';

describe('parseVideoUrl', () => {
  it('reads every usual form of a YouTube address into one player on youtube-nocookie.com', () => {
    for (const written of [
      'https://www.youtube.com/watch?v=M7lc1UVf-VE',
      'https://youtu.be/M7lc1UVf-VE',
      'https://m.youtube.com/watch?v=M7lc1UVf-VE&t=42',
      'https://www.youtube.com/shorts/M7lc1UVf-VE',
      'https://www.youtube.com/embed/M7lc1UVf-VE',
      ' http://youtube.com/live/M7lc1UVf-VE ',
    ]) {
      expect(parseVideoUrl(written), written).toEqual({
        ok: true,
        video: {
          provider: 'youtube',
          embedUrl: 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1',
          url: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
        },
      });
    }
  });

  it("reads a Facebook video's page into Facebook's player", () => {
    expect(parseVideoUrl('https://www.facebook.com/lamdongtv/videos/1234567890/')).toEqual({
      ok: true,
      video: {
        provider: 'facebook',
        embedUrl:
          'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Flamdongtv%2Fvideos%2F1234567890%2F&autoplay=1',
        url: 'https://www.facebook.com/lamdongtv/videos/1234567890/',
      },
    });
    expect(parseVideoUrl('https://fb.watch/abcDEF12/')).toMatchObject({ ok: true, video: { provider: 'facebook' } });
    expect(parseVideoUrl('https://www.facebook.com/watch/?v=1234567890')).toMatchObject({ ok: true });
  });

  it('refuses any other host, a page that is not a video and what is not an address, saying why', () => {
    expect(
      [
        'https://vimeo.com/123',
        'https://www.youtube.com/channel/UC123',
        'https://www.youtube.com/watch?v=short',
        'https://www.facebook.com/lamdongtv',
        'javascript:alert(1)',
        'youtube.com/watch?v=M7lc1UVf-VE',
      ].map((written) => {
        const result = parseVideoUrl(written);
        return result.ok ? 'ok' : result.problem;
      }),
    ).toMatchInlineSnapshot(`
      [
        "video ở vimeo.com: chỉ nhận YouTube hoặc Facebook",
        "không tìm thấy mã video YouTube trong địa chỉ",
        "không tìm thấy mã video YouTube trong địa chỉ",
        "địa chỉ Facebook này không phải một video",
        "không phải một địa chỉ web",
        "không phải một địa chỉ",
      ]
    `);
  });
});
