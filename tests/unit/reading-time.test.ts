import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/reading-time.ts';

describe('readingMinutes', () => {
  it('counts syllables, not punctuation, at 230 a minute, rounded, at least one', () => {
    expect(readingMinutes('Đà Lạt '.repeat(460))).toBe(4);
    expect(readingMinutes('Tin ngắn — chỉ vài chữ.')).toBe(1);
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(`${'hội nghị '.repeat(400)} – – – …`)).toBe(3);
  });
});
