import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/lib/lower-bound.ts';

describe('lowerBound', () => {
  it('finds the first position not below the value, or the end', () => {
    const list = Int32Array.of(2, 5, 5, 9);
    expect([0, 2, 3, 5, 6, 9, 10].map((value) => lowerBound(list, value))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(lowerBound(new Int32Array(0), 1)).toBe(0);
  });

  it('orders strings by code unit, as the sorted search keys are', () => {
    const keys = ['da', 'lam', 'lat', 'đa'];
    expect(['a', 'da', 'lan', 'lat', 'z', 'đ', 'đb'].map((key) => lowerBound(keys, key))).toEqual([
      0, 0, 2, 2, 3, 3, 4,
    ]);
  });
});
