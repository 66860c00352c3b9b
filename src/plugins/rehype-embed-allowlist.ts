/**
 * Keeps video embeds from an allow-list (YouTube, Facebook video) and turns any other
 * iframe into a plain link, so a pasted embed never loads an unknown third party. YouTube
 * embeds are moved to youtube-nocookie.com; every kept embed is lazy and titled.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

/** Hosts whose embeds are kept, and the path prefix an embed URL must have there. */
export const EMBED_HOSTS: Record<string, string> = {
  'www.youtube.com': '/embed/',
  'youtube.com': '/embed/',
  'www.youtube-nocookie.com': '/embed/',
  'www.facebook.com': '/plugins/video.php',
};

/** Origins the Content-Security-Policy must allow in `frame-src` for kept embeds. */
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://www.facebook.com'];

function allowedEmbed(src: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  const prefix = EMBED_HOSTS[url.hostname];
  if (url.protocol !== 'https:' || !prefix || !url.pathname.startsWith(prefix)) return undefined;
  if (url.hostname.endsWith('youtube.com')) url.hostname = 'www.youtube-nocookie.com';
  return url;
}

/**
 * @example
 * unified().use(rehypeParse, { fragment: true }).use(rehypeEmbedAllowlist)
 * // <iframe src="https://www.youtube.com/embed/abc"> → <div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/abc" loading="lazy" …></div>
 */
export default function rehypeEmbedAllowlist() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe' || !parent || index === undefined) return;
      const src = String(node.properties['src'] ?? '');
      const url = allowedEmbed(src);
      let replacement: ElementContent;
      if (url) {
        replacement = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['embed'] },
          children: [
            {
              type: 'element',
              tagName: 'iframe',
              properties: {
                src: url.href,
                title: String(node.properties['title'] ?? 'Video'),
                loading: 'lazy',
                allow: 'encrypted-media; picture-in-picture; fullscreen',
                allowFullScreen: true,
              },
              children: [],
            },
          ],
        };
      } else if (/^https?:\/\//.test(src)) {
        replacement = {
          type: 'element',
          tagName: 'a',
          properties: { href: src, rel: ['nofollow', 'noopener'] },
          children: [{ type: 'text', value: src }],
        };
      } else {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      parent.children[index] = replacement;
      return SKIP;
    });
  };
}
