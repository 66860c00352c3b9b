import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it('turns the seed title into its URL', () => {
    expect(slugify('Cụm thi đua số 1 ký kết giao ước thi đua năm 2022')).toBe(
      'cum-thi-dua-so-1-ky-ket-giao-uoc-thi-dua-nam-2022',
    );
  });

  it('maps đ and Đ to d, never dj', () => {
    expect(slugify('Đường đến Đà Lạt')).toBe('duong-den-da-lat');
  });

  it('gives the same slug for decomposed (NFD) input', () => {
    expect(slugify('Bảo Lộc'.normalize('NFD'))).toBe('bao-loc');
  });

  it('collapses punctuation and trims hyphens', () => {
    expect(slugify('  "Hoà bình" – 2024: (tin nóng)!  ')).toBe('hoa-binh-2024-tin-nong');
  });
});
