import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeEmbedAllowlist, { EMBED_FRAME_ORIGINS } from '../../src/plugins/rehype-embed-allowlist.ts';

// rehype-parse is not installed; raw HTML in Markdown goes through rehype-raw into the same
// hast tree, without the sanitiser, so the plugin is seen on its own.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeEmbedAllowlist)
  .use(rehypeStringify)
  .freeze();

const run = (html: string) => String(processor.processSync(html));

const EMBED_ATTRIBUTES = 'loading="lazy" allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen';

describe('rehypeEmbedAllowlist', () => {
  it('moves a YouTube embed to youtube-nocookie.com, lazy and titled', () => {
    expect(run('<iframe src="https://www.youtube.com/embed/abc?start=5"></iframe>')).toBe(
      `<div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abc?start=5" title="Video" ${EMBED_ATTRIBUTES}></iframe></div>`,
    );
  });

  it('keeps the embed title and drops every other attribute', () => {
    expect(
      run(
        '<iframe src="https://youtube.com/embed/abc" title="Phóng sự Đà Lạt" width="560" height="315" onload="alert(1)" style="border:0"></iframe>',
      ),
    ).toBe(
      `<div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abc" title="Phóng sự Đà Lạt" ${EMBED_ATTRIBUTES}></iframe></div>`,
    );
  });

  it('keeps youtube-nocookie and Facebook video embeds on their own host', () => {
    expect(run('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>')).toBe(
      `<div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" ${EMBED_ATTRIBUTES}></iframe></div>`,
    );
    expect(run('<iframe src="https://www.facebook.com/plugins/video.php?href=x&show_text=0"></iframe>')).toBe(
      `<div class="embed"><iframe src="https://www.facebook.com/plugins/video.php?href=x&#x26;show_text=0" title="Video" ${EMBED_ATTRIBUTES}></iframe></div>`,
    );
  });

  it('turns any other web iframe into a plain link', () => {
    expect(run('<iframe src="https://maps.example/embed?q=da-lat"></iframe>')).toBe(
      '<a href="https://maps.example/embed?q=da-lat" rel="nofollow noopener">https://maps.example/embed?q=da-lat</a>',
    );
  });

  it('turns a known host outside its embed path, or over plain http, into a link', () => {
    expect(run('<iframe src="https://www.youtube.com/watch?v=abc"></iframe>')).toBe(
      '<a href="https://www.youtube.com/watch?v=abc" rel="nofollow noopener">https://www.youtube.com/watch?v=abc</a>',
    );
    expect(run('<iframe src="http://www.youtube.com/embed/abc"></iframe>')).toBe(
      '<a href="http://www.youtube.com/embed/abc" rel="nofollow noopener">http://www.youtube.com/embed/abc</a>',
    );
    expect(run('<iframe src="https://www.facebook.com/dai.lamdong"></iframe>')).toBe(
      '<a href="https://www.facebook.com/dai.lamdong" rel="nofollow noopener">https://www.facebook.com/dai.lamdong</a>',
    );
  });

  it('does not let a look-alike host through', () => {
    expect(run('<iframe src="https://www.youtube.com.evil.example/embed/abc"></iframe>')).toBe(
      '<a href="https://www.youtube.com.evil.example/embed/abc" rel="nofollow noopener">https://www.youtube.com.evil.example/embed/abc</a>',
    );
  });

  it('removes an iframe without a web address, and still handles the next one', () => {
    expect(
      run(
        '<div><iframe src="javascript:alert(1)"></iframe><iframe></iframe><iframe src="https://www.youtube.com/embed/b"></iframe></div>',
      ),
    ).toBe(
      `<div><div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/b" title="Video" ${EMBED_ATTRIBUTES}></iframe></div></div>`,
    );
  });

  it('leaves everything else alone', () => {
    expect(run('<p>Xem <a href="https://youtube.com/embed/x">video</a></p>')).toBe(
      '<p>Xem <a href="https://youtube.com/embed/x">video</a></p>',
    );
  });
});

describe('EMBED_FRAME_ORIGINS', () => {
  it('allows the origin of every embed the plugin keeps', () => {
    const kept = [
      'https://www.youtube.com/embed/a',
      'https://youtube.com/embed/a',
      'https://www.youtube-nocookie.com/embed/a',
      'https://www.facebook.com/plugins/video.php?href=x',
    ].map((src) => /<iframe src="([^"]+)"/.exec(run(`<iframe src="${src}"></iframe>`))![1]!);
    for (const src of kept) expect(EMBED_FRAME_ORIGINS).toContain(new URL(src.replace(/&#x26;/g, '&')).origin);
  });
});
