/**
 * JSON Schemas for editors (VS Code's YAML extension and any JSON Schema tool), generated
 * from the zod schemas in `schema.ts` so completion, hover text and checking follow the
 * site's own rules. The article schema describes the front matter as journalists write it
 * (the input form): every canonical key and its Vietnamese spellings, with the descriptions
 * of `ARTICLE_FIELDS`, and the registered categories as choices.
 */
import { z } from 'astro/zod';
import {
  ARTICLE_FIELDS,
  IMAGE_FIELDS,
  authorSchema,
  categorySchema,
  createArticleSchema,
  foldKey,
  siteSchema,
  type ArticleKey,
  type Category,
} from './schema.ts';
import { foldVietnamese } from './text.ts';

type JsonSchema = Record<string, unknown>;

/** Where the generated schemas live, relative to the project root. */
export const EDITOR_SCHEMA_DIR = '.vscode';

const SEPARATORS = '[\\s_.-]*';
const COMBINING = '[\\u0300-\\u036f]*';

// The marks Vietnamese letters carry: tones, circumflex, breve, horn.
const VIETNAMESE_MARKS = /^[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]*$/;

/** Every Vietnamese letter that folds to each of a-z and 0-9, e.g. `a` → `aAàáảãạăằ…`. */
const FOLD_CLASSES: ReadonlyMap<string, string> = (() => {
  const classes = new Map<string, string>();
  const ranges: [number, number][] = [
    [0x30, 0x7a],
    [0xc0, 0x1b0],
    [0x1ea0, 0x1ef9],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const decomposed = char.normalize('NFD');
      const vietnamese = /[đĐ]/.test(char) || VIETNAMESE_MARKS.test(decomposed.slice(1));
      const folded = foldVietnamese(char);
      if (vietnamese && /^[a-z0-9]$/.test(folded)) classes.set(folded, (classes.get(folded) ?? '') + char);
    }
  }
  return classes;
})();

const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

/**
 * A regular expression source matching every spelling that {@link foldKey} treats as the
 * same: any case, with or without diacritics (NFC or NFD), with or without separators.
 *
 * @example
 * new RegExp(foldPattern(['tác giả'])).test('Tac_Gia'); // true
 */
export function foldPattern(spellings: readonly string[]): string {
  const alternatives = [...new Set(spellings.map(foldKey))].map((folded) =>
    [...folded]
      .map((char) => {
        const chars = FOLD_CLASSES.get(char);
        return `${chars ? `[${escapeClass(chars)}]` : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${COMBINING}`;
      })
      .join(SEPARATORS),
  );
  return `^${SEPARATORS}(?:${alternatives.join('|')})${SEPARATORS}$`;
}

/**
 * The date forms `parseVietnamDate` accepts, as one pattern (it cannot tell 31/02 from a
 * real day; `npm run check` does).
 */
export const DATE_PATTERN =
  '^(?:\\d{4}-\\d{2}-\\d{2}(?:(?:[Tt]| +)\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?\\s*(?:[Zz]|[+-]\\d{2}:?\\d{2})?)?' +
  '|(?:[^,\\d]+,\\s*)?\\d{1,2}/\\d{1,2}/\\d{4}(?:\\s*(?:-\\s*)?\\d{1,2}[:hH]\\d{2})?)$';

/** Words `draft` accepts besides true/false. */
const DRAFT_WORDS = ['true', 'false', 'có', 'không', 'yes', 'no'];

const withExpected = (description: string, expected: string) => `${description} Cần: ${expected}.`;

function imageObjectSchema(base: JsonSchema): JsonSchema {
  const baseProperties = (base['properties'] ?? {}) as Record<string, JsonSchema>;
  const descriptions: Record<keyof typeof IMAGE_FIELDS, string> = {
    src: 'Đường dẫn tệp ảnh, tính từ thư mục content/ (images/ten-anh.jpg).',
    alt: 'Mô tả ảnh cho người không xem được ảnh; mặc định là chú thích hoặc tiêu đề.',
    caption: 'Chú thích hiện dưới ảnh.',
    credit: 'Tác giả ảnh.',
  };
  const properties: Record<string, JsonSchema> = {};
  const patternProperties: Record<string, JsonSchema> = {};
  for (const [key, spellings] of Object.entries(IMAGE_FIELDS) as [keyof typeof IMAGE_FIELDS, readonly string[]][]) {
    const schema = { ...baseProperties[key], description: descriptions[key] };
    for (const spelling of new Set([key, ...spellings])) properties[spelling] = schema;
    patternProperties[foldPattern([key, ...spellings])] = schema;
  }
  return {
    type: 'object',
    properties,
    patternProperties,
    additionalProperties: false,
    anyOf: requiredAnyOf(['src', ...IMAGE_FIELDS.src]),
  };
}

/** "One of these spellings is present", readable first, exact last. */
function requiredAnyOf(spellings: readonly string[]): JsonSchema[] {
  return [
    ...[...new Set(spellings)].map((spelling) => ({ required: [spelling] })),
    // Any folded spelling (Tiêu Đề, tieu_de…) counts too: some property name matches.
    { not: { propertyNames: { not: { pattern: foldPattern(spellings) } } } },
  ];
}

/**
 * The front-matter schema for a site's categories.
 *
 * @example
 * articleJsonSchema(categories).properties['tiêu đề'].description; // 'Tiêu đề bài viết. Cần: …'
 */
export function articleJsonSchema(categories: readonly Category[]): JsonSchema {
  const zodSchema = createArticleSchema({ categories, fileSlug: 'bai-viet' });
  const input = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonSchema;
  const inputProperties = input['properties'] as Record<string, JsonSchema>;
  const categoryKeys = categories.flatMap((category) => [category.name, category.slug]);

  // What zod cannot express (transforms, refinements), stated here for each field.
  const refine: Partial<Record<ArticleKey, (base: JsonSchema) => JsonSchema>> = {
    title: () => ({ type: ['string', 'number'], minLength: 1 }),
    date: () => ({ type: 'string', pattern: DATE_PATTERN }),
    updated: () => ({ type: 'string', pattern: DATE_PATTERN }),
    category: () => ({
      type: 'string',
      anyOf: [{ enum: categories.map((category) => category.name) }, { pattern: foldPattern(categoryKeys) }],
    }),
    summary: () => ({ type: ['string', 'number'], minLength: 1 }),
    source: () => ({ type: ['string', 'number'], minLength: 1 }),
    image: (base) => {
      // zod states the string-or-object union as anyOf, or as the object alone.
      const branches = (base['anyOf'] as JsonSchema[] | undefined) ?? [base];
      const object = branches.find((branch) => branch['type'] === 'object') ?? {};
      return { anyOf: [{ type: 'string', minLength: 1 }, imageObjectSchema(object)] };
    },
    draft: () => ({ anyOf: [{ type: 'boolean' }, { type: 'string', pattern: foldPattern(DRAFT_WORDS) }] }),
    slug: (base) => ({ ...base, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }),
    aliases: () => ({
      anyOf: [
        { type: 'string', pattern: '^(?:/|https?://)' },
        { type: 'array', items: { type: 'string', pattern: '^(?:/|https?://)' } },
      ],
    }),
  };

  // Each field's value schema is stated once and referenced by all of its spellings.
  const definitions: Record<string, JsonSchema> = {};
  const properties: Record<string, JsonSchema> = {};
  const patternProperties: Record<string, JsonSchema> = {};
  const required: JsonSchema[] = [];
  for (const [key, spec] of Object.entries(ARTICLE_FIELDS) as [ArticleKey, (typeof ARTICLE_FIELDS)[ArticleKey]][]) {
    const base = inputProperties[key] ?? {};
    definitions[key] = refine[key]?.(base) ?? base;
    const ref = { $ref: `#/definitions/${key}` };
    const description = withExpected(spec.description, spec.expected);
    const spellings = [key, ...spec.aliases];
    for (const spelling of new Set(spellings)) {
      const same = spelling === key ? '' : ` (cùng nghĩa với ${key})`;
      properties[spelling] = { title: `${spec.label}${same}`, description, allOf: [ref] };
    }
    patternProperties[foldPattern(spellings)] = ref;
    if (spec.required) required.push({ anyOf: requiredAnyOf(spellings) });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Thông tin đầu bài viết (front matter)',
    description:
      'Các trường ở đầu tệp bài viết, giữa hai dòng ---. Khóa viết tiếng Anh hay tiếng Việt đều được; hoa thường, dấu và dấu cách không quan trọng. Sinh từ src/lib/schema.ts bằng node scripts/json-schema.ts.',
    type: 'object',
    properties,
    patternProperties,
    additionalProperties: false,
    allOf: required,
    definitions,
  };
}

const REGISTRY_DESCRIPTIONS = {
  category: {
    name: 'Tên chuyên mục hiển thị cho bạn đọc; bài viết ghi tên này ở trường "chuyên mục".',
    slug: 'Đoạn đường dẫn /chuyen-muc/<slug>/: chữ thường không dấu và dấu gạch ngang; mặc định lấy từ tên.',
    description: 'Một câu giới thiệu, hiện ở trang chuyên mục và trong RSS.',
    order: 'Thứ tự trong menu và trên trang chủ, số nhỏ đứng trước.',
  },
  author: {
    name: 'Tên tác giả, đúng như ở trường "tác giả" của bài viết.',
    bio: 'Vài dòng giới thiệu, hiện ở trang tác giả.',
  },
  site: {
    name: 'Tên đầy đủ của cơ quan báo chí, ở đầu trang và trong RSS.',
    shortName: 'Tên ngắn cho màn hình hẹp.',
    url: 'Địa chỉ công khai của trang (https://…), dùng cho đường dẫn chuẩn, RSS và sitemap.',
    description: 'Một câu giới thiệu trang, cho trang chủ và RSS.',
    pageSize: 'Số bài trên mỗi trang danh sách (chuyên mục, tác giả, từ khóa, lưu trữ).',
    searchShardPages:
      'Số bài mỗi phần chỉ mục tìm kiếm gom lại (tháng mới nhất luôn là một phần riêng). Để trống: tự chọn, 2.000 bài, gấp đôi mỗi khi kho bài gấp đôi quá 32.000.',
    host: 'Nơi xuất bản trang (github-pages, cloudflare, netlify hoặc s3); npm run verify kiểm tra giới hạn của nơi đó. Để trống: github-pages.',
    logo: 'Logo của đài: một tệp SVG trong thư mục public/ (ví dụ /logo.svg), hiện ở đầu trang và dùng làm biểu tượng, ảnh chia sẻ mặc định. Để trống: /logo.svg.',
  },
} as const;

function addDescriptions(schema: JsonSchema, descriptions: Record<string, string>): JsonSchema {
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  if (properties) {
    for (const [key, property] of Object.entries(properties)) {
      if (!property['description'] && descriptions[key]) property['description'] = descriptions[key];
    }
  }
  return schema;
}

function registrySchema(schema: z.ZodType, title: string, descriptions: Record<string, string>): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  const items = json['items'] as JsonSchema | undefined;
  addDescriptions(items ?? json, descriptions);
  return { $schema: json['$schema'], title, ...json };
}

/**
 * Every editor schema, by file name under {@link EDITOR_SCHEMA_DIR}, as the text committed
 * to the repository (stable key order, trailing newline).
 *
 * @example
 * editorSchemaFiles(categories)['article.schema.json']; // '{\n  "$schema": …'
 */
export function editorSchemaFiles(categories: readonly Category[]): Record<string, string> {
  const schemas: Record<string, JsonSchema> = {
    'article.schema.json': articleJsonSchema(categories),
    'categories.schema.json': registrySchema(
      z.array(categorySchema),
      'Danh sách chuyên mục (content/categories.yaml)',
      REGISTRY_DESCRIPTIONS.category,
    ),
    'authors.schema.json': registrySchema(
      z.array(authorSchema),
      'Giới thiệu tác giả (content/authors.yaml)',
      REGISTRY_DESCRIPTIONS.author,
    ),
    'site.schema.json': registrySchema(siteSchema, 'Cài đặt trang (content/site.yaml)', REGISTRY_DESCRIPTIONS.site),
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]),
  );
}

/** Which registry file each generated schema checks, for `.vscode/settings.json`. */
export const REGISTRY_SCHEMA_FILES = {
  'categories.schema.json': ['content/categories.yaml', 'tests/fixtures/*/content/categories.yaml'],
  'authors.schema.json': ['content/authors.yaml', 'tests/fixtures/*/content/authors.yaml'],
  'site.schema.json': ['content/site.yaml', 'tests/fixtures/*/content/site.yaml'],
} as const;
