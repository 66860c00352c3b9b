import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSealedFile } from '../../src/cache/sealed-file.ts';
import {
  cataloguePictures,
  pictureCatalogueFile,
  readPictureCatalogue,
  writePictureCatalogue,
  type CataloguedPicture,
} from '../../src/data/picture-catalogue.ts';
import { blobId } from '../../src/data/git-blobs.ts';
import { formatIssue } from '../../src/lib/content-issues.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'picture-catalogue-'));
  await mkdir(path.join(root, 'content/images'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const photo = (width: number, height: number, orientation?: number) => {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 60 } } }).jpeg();
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
};
const articleWith = (file: string, src: string, line = 6) => ({
  file,
  data: { image: { src, alt: 'Ảnh' } },
  fieldLines: { image: line },
});

describe('cataloguePictures', () => {
  it('records each named picture once: digest of its bytes and displayed size', async () => {
    await writeFile(path.join(root, 'content/images/doi-che.jpg'), await photo(1000, 750));
    await writeFile(path.join(root, 'content/images/xoay.jpg'), await photo(600, 400, 6)); // shown rotated
    const { pictures, issues, changed } = await cataloguePictures(
      root,
      [
        articleWith('content/articles/a.md', 'images/doi-che.jpg'),
        articleWith('content/articles/b.md', 'images/doi-che.jpg'),
        articleWith('content/articles/c.md', 'images/xoay.jpg'),
      ],
      new Map(),
    );
    expect(issues).toEqual([]);
    expect(changed).toBe(true);
    expect([...pictures.keys()]).toEqual(['images/doi-che.jpg', 'images/xoay.jpg']);
    expect(pictures.get('images/doi-che.jpg')).toMatchObject({ width: 1000, height: 750 });
    expect(pictures.get('images/doi-che.jpg')!.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(pictures.get('images/xoay.jpg')).toMatchObject({ width: 400, height: 600 });
  });

  it('keeps what it knew of a file whose size and time are unchanged, and reads a changed one again', async () => {
    const file = path.join(root, 'content/images/doi-che.jpg');
    await writeFile(file, await photo(1000, 750));
    const articles = [articleWith('content/articles/a.md', 'images/doi-che.jpg')];
    const first = await cataloguePictures(root, articles, new Map());
    const known = first.pictures.get('images/doi-che.jpg')!;
    // A digest the bytes could not give: kept only if the file is not read again.
    const remembered = new Map([[known.src, { ...known, digest: 'ffffffffffffffff' }]]);
    const again = await cataloguePictures(root, articles, remembered);
    expect(again.changed).toBe(false);
    expect(again.pictures.get('images/doi-che.jpg')!.digest).toBe('ffffffffffffffff');

    await writeFile(file, await photo(800, 800));
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const replaced = await cataloguePictures(root, articles, first.pictures);
    expect(replaced.changed).toBe(true);
    expect(replaced.pictures.get('images/doi-che.jpg')).toMatchObject({ width: 800, height: 800 });
    expect(replaced.pictures.get('images/doi-che.jpg')!.digest).not.toBe(known.digest);
  });

  it('reads a picture again, and gives it a new digest, when the code that encodes pictures changed', async () => {
    const file = path.join(root, 'content/images/doi-che.jpg');
    await writeFile(file, await photo(1000, 750));
    const articles = [articleWith('content/articles/a.md', 'images/doi-che.jpg')];
    const known = (await cataloguePictures(root, articles, new Map())).pictures.get('images/doi-che.jpg')!;
    const byOtherEncoder = new Map([[known.src, { ...known, digest: 'ffffffffffffffff', encoder: 'mã cũ' }]]);
    const again = await cataloguePictures(root, articles, byOtherEncoder);
    expect(again.changed).toBe(true);
    expect(again.pictures.get('images/doi-che.jpg')).toEqual(known);
  });

  it('keeps what it knew of a file git finds unchanged though its time changed (a fresh checkout)', async () => {
    const file = path.join(root, 'content/images/doi-che.jpg');
    const bytes = await photo(1000, 750);
    await writeFile(file, bytes);
    const articles = [articleWith('content/articles/a.md', 'images/doi-che.jpg')];
    const first = await cataloguePictures(root, articles, new Map());
    const known = first.pictures.get('images/doi-che.jpg')!;
    expect(known.blob).toBe(blobId(bytes));
    const remembered = new Map([[known.src, { ...known, digest: 'ffffffffffffffff' }]]);
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const committed = new Map([['content/images/doi-che.jpg', known.blob]]);
    const checkedOut = await cataloguePictures(root, articles, remembered, { committed });
    // not read: the digest only the catalogue had is kept, with the file's new time
    expect(checkedOut.pictures.get('images/doi-che.jpg')!.digest).toBe('ffffffffffffffff');
    expect(checkedOut.pictures.get('images/doi-che.jpg')!.mtimeMs).not.toBe(known.mtimeMs);
    expect(checkedOut.changed).toBe(true);
    // git vouching for other bytes than those catalogued: read again
    const otherBlob = new Map([['content/images/doi-che.jpg', blobId(Buffer.from('khác'))]]);
    const reread = await cataloguePictures(root, articles, remembered, { committed: otherBlob });
    expect(reread.pictures.get('images/doi-che.jpg')!.digest).toBe(known.digest);
  });

  it('reports, for every article that names it, a file that is not a picture or lies outside content/', async () => {
    await writeFile(path.join(root, 'content/images/hong.jpg'), 'không phải ảnh');
    await writeFile(path.join(root, 'bi-mat.jpg'), await photo(100, 100));
    const { pictures, issues } = await cataloguePictures(
      root,
      [
        articleWith('content/articles/a.md', 'images/hong.jpg', 7),
        articleWith('content/articles/b.md', 'images/hong.jpg', 5),
        articleWith('content/articles/c.md', '../bi-mat.jpg'),
        articleWith('content/articles/d.md', 'images/chua-co.jpg'), // missing: crossCheckArticles says so
      ],
      new Map(),
    );
    expect(pictures.size).toBe(0);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
        [
          "content/articles/c.md:6: lỗi ở trường "ảnh", giá trị "../bi-mat.jpg": ảnh nằm ngoài thư mục content/. Cần: một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/.",
          "content/articles/a.md:7: lỗi ở trường "ảnh", giá trị "images/hong.jpg": tệp content/images/hong.jpg không phải ảnh đọc được (Input buffer contains unsupported image format). Cần: một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/.",
          "content/articles/b.md:5: lỗi ở trường "ảnh", giá trị "images/hong.jpg": tệp content/images/hong.jpg không phải ảnh đọc được (Input buffer contains unsupported image format). Cần: một tệp ảnh JPEG, PNG, WebP, AVIF hoặc GIF trong content/images/, tính từ thư mục content/.",
        ]
      `);
  });
});

describe('readPictureCatalogue', () => {
  it('reads back what writePictureCatalogue wrote, and nothing from a missing or foreign file', async () => {
    const file = pictureCatalogueFile(path.join(root, 'cache'));
    expect((await readPictureCatalogue(file)).size).toBe(0);
    const picture: CataloguedPicture = {
      src: 'images/a.jpg',
      digest: '0123456789abcdef',
      width: 800,
      height: 600,
      size: 1234,
      mtimeMs: 1_700_000_000_000,
      blob: '0123456789abcdef0123456789abcdef01234567',
      encoder: 'k3J',
    };
    await writePictureCatalogue(file, new Map([[picture.src, picture]]));
    expect([...(await readPictureCatalogue(file)).values()]).toEqual([picture]);
    // Unsealed, or sealed by other code: not read, unless the reader checks it another way.
    await writeFile(file, JSON.stringify({ code: 'k3J', pictures: [picture] }));
    expect((await readPictureCatalogue(file)).size).toBe(0);
    await writeSealedFile(file, JSON.stringify({ code: 'mã-khác', pictures: [picture] }));
    expect((await readPictureCatalogue(file)).size).toBe(0);
    expect([...(await readPictureCatalogue(file, { anyCode: true })).values()]).toEqual([picture]);
  });
});
