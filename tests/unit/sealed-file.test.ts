import { describe, expect, it } from 'vitest';
import { openContent, sealContent } from '../../src/cache/sealed-file.ts';

describe('sealContent', () => {
  it('puts the digest of the content on a first line of its own', () => {
    expect(sealContent('<p>Đà Lạt</p>')).toMatch(/^<!-- sha256:[A-Za-z0-9_-]{43} -->\n<p>Đà Lạt<\/p>$/);
  });
});

describe('openContent', () => {
  const sealed = sealContent('<p>Đức Trọng mùa hoa</p>');
  it('gives the content back when it matches its digest', () => {
    expect(openContent(sealed)).toBe('<p>Đức Trọng mùa hoa</p>');
    expect(openContent(sealContent(''))).toBe('');
  });

  it('gives nothing for an entry cut short, emptied, changed or never sealed', () => {
    for (const damaged of [
      sealed.slice(0, -4),
      '',
      sealed.replace('hoa', 'lúa'),
      '<p>Đức Trọng</p>',
      sealed.slice(1),
    ]) {
      expect(openContent(damaged), damaged).toBeUndefined();
    }
  });
});
