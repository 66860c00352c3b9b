import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/lib/xml.ts';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Tôm & cá <ngon> "tươi" 'rẻ'`)).toBe('Tôm &amp; cá &lt;ngon&gt; &quot;tươi&quot; &apos;rẻ&apos;');
  });

  it('escapes an ampersand that already looks like an entity', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves Vietnamese text alone', () => {
    expect(escapeXml('Đà Lạt đón 1,2 triệu lượt khách')).toBe('Đà Lạt đón 1,2 triệu lượt khách');
  });
});
