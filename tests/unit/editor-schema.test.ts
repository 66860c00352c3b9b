import { readFileSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
// ajv comes with the YAML language server that @astrojs/check installs; it validates JSON
// Schema the way editors do.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRegistries } from '../../src/data/content-files.ts';
import { parseVietnamDate } from '../../src/lib/dates.ts';
import {
  DATE_PATTERN,
  EDITOR_SCHEMA_DIR,
  REGISTRY_SCHEMA_FILES,
  articleJsonSchema,
  editorSchemaFiles,
  foldPattern,
} from '../../src/lib/editor-schema.ts';
import { renderEditorSchemas } from '../../scripts/lib/editor-schemas.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { ARTICLE_FIELDS, foldKey } from '../../src/lib/schema.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const { categories } = await readRegistries(PROJECT);
const ajv = new Ajv({ allErrors: true, strict: false });
const validateArticle = ajv.compile(articleJsonSchema(categories));

/** Front matter as the YAML extension reads it: one object, keys as written. */
function frontMatter(source: string): Record<string, unknown> {
  return Object.fromEntries(splitFrontMatter(source, 'a.md').fields.map((field) => [field.key, field.value]));
}

describe('the committed editor schemas', () => {
  it('are up to date with src/lib/schema.ts and content/categories.yaml (else run: node scripts/json-schema.ts)', async () => {
    for (const [name, text] of Object.entries(await renderEditorSchemas(PROJECT, categories))) {
      const committed = readFileSync(path.join(PROJECT, EDITOR_SCHEMA_DIR, name), 'utf8');
      expect(committed, `${EDITOR_SCHEMA_DIR}/${name} is stale: run node scripts/json-schema.ts`).toBe(text);
    }
  });

  it('are wired to the registries in .vscode/settings.json', () => {
    const settings = JSON.parse(readFileSync(path.join(PROJECT, '.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    for (const [name, globs] of Object.entries(REGISTRY_SCHEMA_FILES)) {
      expect(settings['yaml.schemas'][`./${EDITOR_SCHEMA_DIR}/${name}`]).toEqual(globs);
    }
  });
});

describe('foldPattern', () => {
  const pattern = new RegExp(foldPattern(['tác giả', 'phóng viên']), 'u');

  it('matches every spelling foldKey treats as the same', () => {
    for (const key of [
      'tác giả',
      'Tác-Giả',
      'tac_gia',
      'TACGIA',
      ' tác giả ',
      'tác giả'.normalize('NFD'),
      'Phóng viên',
      'phong.vien',
    ]) {
      expect(pattern.test(key), key).toBe(true);
    }
  });

  it('matches nothing else', () => {
    for (const key of ['tac gai', 'tác giả x', 'tác', 'author']) expect(pattern.test(key), key).toBe(false);
  });
});

describe('DATE_PATTERN', () => {
  const pattern = new RegExp(DATE_PATTERN, 'u');

  it('accepts the forms the site reads', () => {
    for (const date of [
      '2022-05-11T06:49:00+07:00',
      '2022-05-11T06:49:00.123Z',
      '2022-05-11 06:49',
      '2022-05-11',
      '11/05/2022 06:49',
      '11/5/2022',
      '11/05/2022 06h49',
      'Thứ tư, 11/05/2022 - 06:49',
    ]) {
      expect(parseVietnamDate(date).ok, date).toBe(true);
      expect(pattern.test(date), date).toBe(true);
    }
  });

  it('refuses what the site refuses for its form', () => {
    for (const date of ['hôm qua', '2022/05/11', '11-05-2022', '11/05/22', '2022-05-11 6 giờ']) {
      expect(parseVietnamDate(date).ok, date).toBe(false);
      expect(pattern.test(date), date).toBe(false);
    }
  });
});

describe('articleJsonSchema', () => {
  const schema = articleJsonSchema(categories) as {
    properties: Record<string, { title: string; description: string }>;
  };

  it('offers every key and Vietnamese spelling with its Vietnamese description', () => {
    for (const [key, spec] of Object.entries(ARTICLE_FIELDS)) {
      for (const spelling of [key, ...spec.aliases]) {
        expect(schema.properties[spelling]?.description, spelling).toContain(spec.description);
      }
    }
    expect(schema.properties['tác giả']?.title).toBe('tác giả (cùng nghĩa với author)');
  });

  it('accepts the front matter of every good article in the project and its fixtures', async () => {
    const files: string[] = [];
    for await (const file of glob('{content,tests/fixtures/basic/content}/articles/**/*.md', { cwd: PROJECT }))
      files.push(file);
    expect(files.length).toBeGreaterThan(10);
    const basic = await readRegistries(path.join(PROJECT, 'tests/fixtures/basic'));
    const validateBasic = ajv.compile(articleJsonSchema(basic.categories));
    for (const file of files) {
      const data = frontMatter(await readFile(path.join(PROJECT, file), 'utf8'));
      const validate = file.startsWith('tests/') ? validateBasic : validateArticle;
      expect(validate(data) || validate.errors, file).toBe(true);
    }
  });

  it('accepts keys and categories in any case, with or without diacritics', () => {
    const data = frontMatter(
      '---\nTiêu Đề: Tin\nngay: 11/05/2022 06:49\ntac_gia: [Minh Đức, Hoàng Yến]\nchuyên mục: van hoa xa hoi\nnháp: Không\nẢnh:\n  đường dẫn: images/a.jpg\n  Chú thích: Đà Lạt\n---\n',
    );
    expect(validateArticle(data) || validateArticle.errors).toBe(true);
  });

  it('refuses unknown keys, categories, bad dates and slugs, and missing required fields', () => {
    const data = frontMatter(
      '---\ntiêu đề: Tin\nngày: hôm qua\ntac gai: Lô Thanh\nchuyên mục: Bóng đá\nđường dẫn: Sai Slug\nảnh: { chú thích: thiếu tệp }\n---\n',
    );
    expect(validateArticle(data)).toBe(false);
    const errors = (validateArticle.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        '/ngày pattern',
        ' additionalProperties',
        '/chuyên mục enum',
        '/đường dẫn pattern',
        '/ảnh anyOf',
        ' anyOf',
      ]),
    );
  });

  it('lists the registered categories as choices', () => {
    const category = (articleJsonSchema(categories) as { definitions: { category: { anyOf: { enum?: string[] }[] } } })
      .definitions.category;
    expect(category.anyOf[0]?.enum).toEqual(categories.map((c) => c.name));
    expect(foldKey(categories[0]!.name)).toBeTruthy();
  });
});

describe('registry schemas', () => {
  it('accept the project and fixture registries, and refuse bad entries', async () => {
    const files = editorSchemaFiles(categories);
    const validate = (name: string) => ajv.compile(JSON.parse(files[name]!) as object);
    const categoriesSchema = validate('categories.schema.json');
    const siteSchema = validate('site.schema.json');
    const authorsSchema = validate('authors.schema.json');
    for (const root of ['.', 'tests/fixtures/basic']) {
      const read = (file: string) => parse(readFileSync(path.join(PROJECT, root, 'content', file), 'utf8')) as unknown;
      expect(categoriesSchema(read('categories.yaml')) || categoriesSchema.errors, root).toBe(true);
      expect(siteSchema(read('site.yaml')) || siteSchema.errors, root).toBe(true);
      expect(authorsSchema(read('authors.yaml')) || authorsSchema.errors, root).toBe(true);
    }
    expect(categoriesSchema([{ slug: 'Thời sự' }])).toBe(false);
    expect(siteSchema({ name: 'LTV', url: 'lamdongtv.vn', pageSize: 1 })).toBe(false);
  });
});
