import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  archiveDigest,
  articleRecordsFile,
  readArticleRecords,
  writeArticleRecords,
  type ArticleRecord,
} from '../../src/data/article-records.ts';

let cache: string;
let file: string;
beforeEach(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'article-records-'));
  file = articleRecordsFile(cache);
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

const record: ArticleRecord = {
  file: 'content/articles/2022/le-hoi-hoa.md',
  data: {
    title: 'Lễ hội hoa Đà Lạt',
    date: new Date('2022-05-10T23:49:00Z'),
    updated: new Date('2022-05-11T02:00:00Z'),
    authors: ['Lô Thanh'],
    category: 'van-hoa-xa-hoi',
    summary: 'Đà Lạt mở hội.',
    tags: ['Đà Lạt'],
    draft: false,
    slug: 'le-hoi-hoa',
    aliases: [],
  },
  bodyLine: 9,
  fieldLines: { title: 2, date: 3 },
  htmlKey: '3f9a0c',
  urls: [{ url: '/bai-viet/da-lat/', kind: 'link', line: 3 }],
};

describe('articleRecordsFile', () => {
  it('is a file of Astro’s cache folder', () => {
    expect(articleRecordsFile('/site/node_modules/.astro')).toBe('/site/node_modules/.astro/article-records.bin');
  });
});

describe('writeArticleRecords', () => {
  it('writes the records whole, creating the folder and leaving no temporary file', async () => {
    const nested = articleRecordsFile(path.join(cache, 'deeper'));
    await writeArticleRecords(nested, [record]);
    expect(await readdir(path.dirname(nested))).toEqual(['article-records.bin']);
  });
});

describe('readArticleRecords', () => {
  it('gives back what was written, by file, dates still dates', async () => {
    await writeArticleRecords(file, [record]);
    const read = await readArticleRecords(file);
    expect([...read.keys()]).toEqual([record.file]);
    expect(read.get(record.file)).toEqual(record);
    expect(read.get(record.file)?.data.date).toBeInstanceOf(Date);
  });

  it('is empty when there is no file yet', async () => {
    expect(await readArticleRecords(file)).toEqual(new Map());
  });

  it('is empty for a file cut short', async () => {
    await writeArticleRecords(file, [record]);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length >> 1));
    expect(await readArticleRecords(file)).toEqual(new Map());
  });

  it('is empty for a file of another format', async () => {
    await writeFile(file, serialize({ format: 'article-records-v0', records: [record] }));
    expect(await readArticleRecords(file)).toEqual(new Map());
  });
});

describe('archiveDigest', () => {
  const records = [
    { file: 'content/articles/2022/a.md', htmlKey: 'key-a' },
    { file: 'content/articles/2023/b.md', htmlKey: 'key-b' },
  ];
  const pictures = [{ src: 'images/a.jpg', digest: '0123456789abcdef' }];
  const digest = archiveDigest(records, pictures);

  it('is the same whatever order the records and pictures come in', () => {
    expect(archiveDigest([...records].reverse(), pictures)).toBe(digest);
    expect(digest).toMatch(/^[\w-]{43}$/);
  });

  it('changes when an article changes, moves or goes, or a picture changes', () => {
    const changed = [
      archiveDigest([records[0]!, { ...records[1]!, htmlKey: 'key-b-2' }], pictures),
      archiveDigest([records[0]!, { ...records[1]!, file: 'content/articles/2024/b.md' }], pictures),
      archiveDigest([records[0]!], pictures),
      archiveDigest(records, [{ src: 'images/a.jpg', digest: 'fedcba9876543210' }]),
      archiveDigest(records, []),
    ];
    expect(new Set([digest, ...changed]).size).toBe(changed.length + 1);
  });
});
