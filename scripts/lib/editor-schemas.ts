/**
 * The editors' JSON Schemas as committed to `.vscode/`: generated from the zod schema and the
 * category registry, then formatted by the project's Prettier configuration so that
 * `npm run lint` accepts them as they are written.
 */
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { EDITOR_SCHEMA_DIR, editorSchemaFiles } from '../../src/lib/editor-schema.ts';
import type { Category } from '../../src/lib/schema.ts';

/**
 * Every schema file's text, by name under `.vscode/`.
 *
 * @example
 * (await renderEditorSchemas('.', categories))['article.schema.json']; // '{\n  "$schema": …'
 */
export async function renderEditorSchemas(
  root: string,
  categories: readonly Category[],
): Promise<Record<string, string>> {
  const files = editorSchemaFiles(categories);
  const rendered: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, EDITOR_SCHEMA_DIR, name);
    rendered[name] = await format(text, { ...(await resolveConfig(file)), filepath: file });
  }
  return rendered;
}
