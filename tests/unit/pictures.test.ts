import { describe, expect, it } from 'vitest';
import {
  parsePictureFileName,
  pictureFileName,
  pictureMarkup,
  pictureVariants,
  pictureWidths,
  shareImageUrl,
  type PictureFacts,
} from '../../src/lib/pictures.ts';

const landscape: PictureFacts = {
  src: 'images/ho-xuan-huong.jpg',
  digest: '3f9a0c1d2e4b5a69',
  width: 2000,
  height: 1125,
};
const small: PictureFacts = { src: 'images/2024/Chợ Đà Lạt.png', digest: '0123456789abcdef', width: 1000, height: 750 };

describe('pictureWidths', () => {
  it('offers the standard widths up to the widest, never enlarging', () => {
    expect(pictureWidths(3000)).toEqual([400, 800, 1200, 1600]);
    expect(pictureWidths(1600)).toEqual([400, 800, 1200, 1600]);
    expect(pictureWidths(1000)).toEqual([400, 800, 1000]);
    expect(pictureWidths(400)).toEqual([400]);
    expect(pictureWidths(250)).toEqual([250]);
  });
});

describe('pictureFileName', () => {
  it('names the file by the source name folded to ASCII, the digest, width and format', () => {
    expect(pictureFileName(landscape, 800, 'avif')).toBe('ho-xuan-huong-3f9a0c1d2e4b5a69-800.avif');
    expect(pictureFileName(small, 400, 'jpg')).toBe('cho-da-lat-0123456789abcdef-400.jpg');
  });

  it('falls back to the digest alone when the name has no letter or digit', () => {
    expect(pictureFileName({ src: 'images/….jpg', digest: '0123456789abcdef' }, 400, 'webp')).toBe(
      '0123456789abcdef-400.webp',
    );
  });
});

describe('parsePictureFileName', () => {
  it('reads back what pictureFileName wrote', () => {
    expect(parsePictureFileName(pictureFileName(small, 1000, 'webp'))).toEqual({
      digest: '0123456789abcdef',
      width: 1000,
      format: 'webp',
    });
    expect(parsePictureFileName('0123456789abcdef-400.jpg')).toEqual({
      digest: '0123456789abcdef',
      width: 400,
      format: 'jpg',
    });
  });

  it('refuses any other name', () => {
    expect(parsePictureFileName('ho-xuan-huong.jpg')).toBeUndefined();
    expect(parsePictureFileName('a-3f9a0c1d2e4b5a69-800.png')).toBeUndefined();
    expect(parsePictureFileName('../a-3f9a0c1d2e4b5a69-800.avif')).toBeUndefined();
  });
});

describe('pictureVariants', () => {
  it('lists each width in each format, heights in proportion', () => {
    expect(pictureVariants(small)).toEqual([
      { file: 'cho-da-lat-0123456789abcdef-400.avif', width: 400, height: 300, format: 'avif' },
      { file: 'cho-da-lat-0123456789abcdef-800.avif', width: 800, height: 600, format: 'avif' },
      { file: 'cho-da-lat-0123456789abcdef-1000.avif', width: 1000, height: 750, format: 'avif' },
      { file: 'cho-da-lat-0123456789abcdef-400.webp', width: 400, height: 300, format: 'webp' },
      { file: 'cho-da-lat-0123456789abcdef-800.webp', width: 800, height: 600, format: 'webp' },
      { file: 'cho-da-lat-0123456789abcdef-1000.webp', width: 1000, height: 750, format: 'webp' },
      { file: 'cho-da-lat-0123456789abcdef-400.jpg', width: 400, height: 300, format: 'jpg' },
      { file: 'cho-da-lat-0123456789abcdef-800.jpg', width: 800, height: 600, format: 'jpg' },
      { file: 'cho-da-lat-0123456789abcdef-1000.jpg', width: 1000, height: 750, format: 'jpg' },
    ]);
  });
});

describe('pictureMarkup', () => {
  it('gives AVIF and WebP sources and a JPEG img with the widest size', () => {
    expect(pictureMarkup(landscape)).toEqual({
      sources: [
        {
          type: 'image/avif',
          srcset:
            '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-400.avif 400w, /anh/ho-xuan-huong-3f9a0c1d2e4b5a69-800.avif 800w, ' +
            '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1200.avif 1200w, /anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1600.avif 1600w',
        },
        {
          type: 'image/webp',
          srcset:
            '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-400.webp 400w, /anh/ho-xuan-huong-3f9a0c1d2e4b5a69-800.webp 800w, ' +
            '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1200.webp 1200w, /anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1600.webp 1600w',
        },
      ],
      img: {
        src: '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1600.jpg',
        srcset:
          '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-400.jpg 400w, /anh/ho-xuan-huong-3f9a0c1d2e4b5a69-800.jpg 800w, ' +
          '/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1200.jpg 1200w, /anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1600.jpg 1600w',
        width: 1600,
        height: 900,
      },
    });
  });

  it('offers only files that pictureVariants publishes', () => {
    const published = new Set(pictureVariants(small).map((variant) => `/anh/${variant.file}`));
    const { sources, img } = pictureMarkup(small);
    const offered = [...sources.map((source) => source.srcset), img.srcset]
      .flatMap((srcset) => srcset.split(', ').map((candidate) => candidate.split(' ')[0]!))
      .concat(img.src);
    expect(offered.filter((url) => !published.has(url))).toEqual([]);
  });
});

describe('shareImageUrl', () => {
  it('shares the 1200-pixel JPEG, or the widest one of a narrower picture', () => {
    expect(shareImageUrl(landscape)).toBe('/anh/ho-xuan-huong-3f9a0c1d2e4b5a69-1200.jpg');
    expect(shareImageUrl(small)).toBe('/anh/cho-da-lat-0123456789abcdef-1000.jpg');
  });
});
