import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePicture, pictureSummary, prepareInCache, publishPictures } from '../../src/data/picture-files.ts';
import type { PictureFacts } from '../../src/lib/pictures.ts';

let root: string;
let distDir: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'picture-files-'));
  distDir = path.join(root, 'dist');
  cacheDir = path.join(root, 'cache');
  await mkdir(path.join(root, 'content/images'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function addPhoto(name: string, width: number, height: number): Promise<PictureFacts> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .toBuffer();
  await writeFile(path.join(root, 'content/images', name), bytes);
  return { src: `images/${name}`, digest: name.length.toString(16).padStart(16, '0'), width, height };
}
const publish = (pictures: PictureFacts[]) => publishPictures({ root, distDir, cacheDir, pictures });
const published = async () => (await readdir(path.join(distDir, 'anh'))).sort();

describe('publishPictures', () => {
  it('publishes every variant, each decoding to its width and format', async () => {
    const picture = await addPhoto('cho.jpg', 900, 600);
    const stats = await publish([picture]);
    expect(stats).toMatchObject({ pictures: 1, files: 9, encoded: 9, removed: 0 });
    expect(await published()).toEqual([
      'cho-0000000000000007-400.avif',
      'cho-0000000000000007-400.jpg',
      'cho-0000000000000007-400.webp',
      'cho-0000000000000007-800.avif',
      'cho-0000000000000007-800.jpg',
      'cho-0000000000000007-800.webp',
      'cho-0000000000000007-900.avif',
      'cho-0000000000000007-900.jpg',
      'cho-0000000000000007-900.webp',
    ]);
    const medium = await sharp(path.join(distDir, 'anh/cho-0000000000000007-800.avif')).metadata();
    expect([medium.format, medium.width, medium.height]).toEqual(['heif', 800, 533]);
    const jpeg = await sharp(path.join(distDir, 'anh/cho-0000000000000007-400.jpg')).metadata();
    expect([jpeg.format, jpeg.width]).toEqual(['jpeg', 400]);
  });

  it('encodes nothing again: published files stay, a new dist/ is filled from the cache', async () => {
    const picture = await addPhoto('cho.jpg', 900, 600);
    await publish([picture]);
    expect(await publish([picture])).toMatchObject({ files: 9, encoded: 0, removed: 0 });
    await rm(distDir, { recursive: true });
    expect(await publish([picture])).toMatchObject({ files: 9, encoded: 0, removed: 0 });
    expect(await published()).toHaveLength(9);
  });

  it('encodes again, instead of publishing, a file cut short, emptied or overwritten in the cache or in dist/', async () => {
    const picture = await addPhoto('cho.jpg', 900, 600);
    await publish([picture]);
    const read = (file: string) => readFile(path.join(distDir, 'anh', file));
    const good = await Promise.all((await published()).map(read));
    const cacheFiles = (await readdir(cacheDir)).sort();
    const avif = path.join(
      cacheDir,
      cacheFiles.find((file) => file.endsWith('-800.avif'))!,
    );
    await writeFile(avif, (await readFile(avif)).subarray(0, 100)); // cut short
    await writeFile(
      path.join(
        cacheDir,
        cacheFiles.find((file) => file.endsWith('-400.webp'))!,
      ),
      '',
    ); // emptied
    await writeFile(path.join(distDir, 'anh/cho-0000000000000007-900.jpg'), randomBytes(5000)); // overwritten
    expect(await publish([picture])).toMatchObject({ files: 9, encoded: 3, removed: 0 });
    expect(await Promise.all((await published()).map(read))).toEqual(good);
    // and from the cache alone, into a new dist/
    await writeFile(avif, randomBytes(300));
    await rm(distDir, { recursive: true });
    expect(await publish([picture])).toMatchObject({ files: 9, encoded: 1 });
    expect(await Promise.all((await published()).map(read))).toEqual(good);
  });

  it('removes the files of a picture no article shows any more, from dist/ and the cache', async () => {
    const kept = await addPhoto('cho.jpg', 500, 500);
    const dropped = await addPhoto('doi-che.jpg', 500, 500);
    await publish([kept, dropped]);
    const stats = await publish([kept]);
    expect(stats).toMatchObject({ files: 6, encoded: 0, removed: 6 });
    expect((await published()).every((file) => file.startsWith('cho-'))).toBe(true);
    expect((await readdir(cacheDir)).filter((file) => file.startsWith(dropped.digest))).toEqual([]);
    expect(await readdir(cacheDir)).toHaveLength(6);
  });

  it('fails with the file named when a picture cannot be read', async () => {
    await expect(
      publish([{ src: 'images/da-xoa.jpg', digest: '0123456789abcdef', width: 800, height: 600 }]),
    ).rejects.toThrowErrorMatchingInlineSnapshot(
      `[PictureError: Không tìm thấy tệp ảnh content/images/da-xoa.jpg khi xuất ảnh.]`,
    );
    await writeFile(path.join(root, 'content/images/hong.jpg'), 'không phải ảnh');
    await expect(
      publish([{ src: 'images/hong.jpg', digest: '0123456789abcdef', width: 800, height: 600 }]),
    ).rejects.toThrowErrorMatchingInlineSnapshot(
      `[PictureError: Không chuyển được ảnh content/images/hong.jpg sang avif rộng 400 px: Input buffer contains unsupported image format]`,
    );
  });
});

describe('prepareInCache', () => {
  it('encodes the variants the cache lacks, publishes nothing, and leaves publishPictures only linking', async () => {
    const picture = await addPhoto('cho.jpg', 900, 600);
    // A file cut short by an earlier process that stopped: not a variant, removed when publishing.
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path.join(cacheDir, '0000000000000007-400.avif.123.tmp'), 'cut');
    expect(await prepareInCache({ root, cacheDir, pictures: [picture] })).toBe(9);
    expect(await prepareInCache({ root, cacheDir, pictures: [picture] })).toBe(0);
    expect((await readdir(cacheDir)).filter((file) => !file.endsWith('.tmp'))).toHaveLength(9);
    expect(await readdir(distDir).catch(() => [])).toEqual([]);
    expect(await publish([picture])).toMatchObject({ files: 9, encoded: 0, removed: 0 });
    expect(await published()).toHaveLength(9);
    expect(await readdir(cacheDir)).toHaveLength(9);
  });
});

describe('encodePicture', () => {
  it('turns the picture upright as its EXIF orientation says', async () => {
    const sideways = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const upright = await sharp(await encodePicture(sideways, { width: 200, format: 'webp' })).metadata();
    expect([upright.width, upright.height]).toEqual([200, 300]);
  });
});

describe('pictureSummary', () => {
  it('says how many pictures and files, and how many were encoded or removed', () => {
    expect(pictureSummary({ pictures: 3, files: 36, encoded: 12, removed: 2, seconds: 4.06 })).toMatchInlineSnapshot(
      `"3 ảnh, 36 tệp (12 tệp mới chuyển đổi, 2 tệp bỏ) trong 4.1 s"`,
    );
  });
});
