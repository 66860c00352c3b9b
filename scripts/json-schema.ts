/**
 * `node scripts/json-schema.ts [--check] [--root DIR]`: writes the editors' JSON Schemas
 * (`.vscode/*.schema.json`) from the zod schema and the category registry. With `--check`,
 * writes nothing and fails when the committed files are stale. Run it after changing
 * `src/lib/schema.ts` or `content/categories.yaml`, and commit the result.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readRegistries } from '../src/data/content-files.ts';
import { EDITOR_SCHEMA_DIR } from '../src/lib/editor-schema.ts';
import { renderEditorSchemas } from './lib/editor-schemas.ts';

const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } },
});
const root = path.resolve(values.root);
const { categories } = await readRegistries(root);
const files = await renderEditorSchemas(root, categories);
const dir = path.join(root, EDITOR_SCHEMA_DIR);

const stale: string[] = [];
for (const [name, text] of Object.entries(files)) {
  const file = path.join(dir, name);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  stale.push(path.relative(root, file));
  if (!values.check) {
    await mkdir(dir, { recursive: true });
    await writeFile(file, text);
  }
}
if (values.check && stale.length) {
  console.error(`Lược đồ cho trình soạn thảo đã cũ: ${stale.join(', ')}. Chạy: node scripts/json-schema.ts`);
  process.exit(1);
}
console.log(
  stale.length
    ? `Đã ghi ${stale.join(', ')}.`
    : `Các lược đồ trong ${EDITOR_SCHEMA_DIR}/ đã đúng với src/lib/schema.ts và content/categories.yaml.`,
);
