/**
 * Resolves an article's image path (relative to `content/`) to the module Astro's image
 * pipeline needs. Vite sees every image under `content/images/` through one glob.
 */
import type { ImageMetadata } from 'astro';

const images = import.meta.glob<{ default: ImageMetadata }>('/content/images/**/*.{jpg,jpeg,png,webp,avif,gif}');

/** @example await loadContentImage('images/da-lat.jpg'); // ImageMetadata or undefined */
export async function loadContentImage(src: string): Promise<ImageMetadata | undefined> {
  const load = images[`/content/${src}`];
  return load ? (await load()).default : undefined;
}
