import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentDigest,
  openContent,
  readSealedJson,
  readSealedText,
  sealContent,
  writeSealedFile,
} from '../../src/cache/sealed-file.ts';

describe('contentDigest', () => {
  it('is the SHA-256 of the bytes, base64url', () => {
    expect(contentDigest(Buffer.from(''))).toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
  });
});

describe('sealContent', () => {
  it('puts the digest of the content on a first line of its own', () => {
    expect(sealContent(Buffer.from('<p>Đà Lạt</p>')).toString()).toMatch(/^sha256:[A-Za-z0-9_-]{43}\n<p>Đà Lạt<\/p>$/);
  });
});

describe('openContent', () => {
  const sealed = sealContent(Buffer.from('<p>Đức Trọng mùa hoa</p>'));
  it('gives the content back when it matches its digest', () => {
    expect(openContent(sealed)?.toString()).toBe('<p>Đức Trọng mùa hoa</p>');
    expect(openContent(sealContent(Buffer.alloc(0)))?.length).toBe(0);
  });

  it('gives nothing for an entry cut short, emptied, changed or never sealed', () => {
    for (const damaged of [
      sealed.subarray(0, -4),
      Buffer.alloc(0),
      Buffer.from(sealed.toString().replace('hoa', 'lúa')),
      Buffer.from('<p>Đức Trọng</p>'),
      sealed.subarray(1),
    ]) {
      expect(openContent(damaged), damaged.toString()).toBeUndefined();
    }
  });
});

describe('writeSealedFile', () => {
  it('writes an entry that reads back as written, and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sealed-'));
    const file = path.join(dir, 'pictures.json');
    await writeSealedFile(file, JSON.stringify({ code: 'k3J', pictures: ['Đà Lạt'] }));
    expect(await readSealedJson(file)).toEqual({ code: 'k3J', pictures: ['Đà Lạt'] });
    expect(await readSealedText(file)).toBe('{"code":"k3J","pictures":["Đà Lạt"]}');
    expect(readFileSync(file, 'utf8').startsWith('sha256:')).toBe(true);
  });
});

describe('readSealedJson', () => {
  it('gives nothing for a missing, damaged or unsealed file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sealed-'));
    const file = path.join(dir, 'pages.json');
    expect(await readSealedJson(file)).toBeUndefined();
    writeFileSync(file, '{"code":"k3J"}');
    expect(await readSealedJson(file)).toBeUndefined();
    await writeSealedFile(file, '{"code":');
    expect(await readSealedJson(file)).toBeUndefined();
  });
});
