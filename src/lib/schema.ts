/**
 * The single source of truth for content: which front-matter fields exist, what each one
 * means, the names journalists may write them under, and the zod schemas that validate
 * articles, the category and author registries and the site settings. The site's loader,
 * `npm run check`, the importer, the new-article command and the JSON Schema for editors all
 * go through it; each concept lives in a module of its own, gathered here.
 */
export * from './article-fields.ts';
export * from './field-keys.ts';
export * from './registry-schemas.ts';
export * from './article-schema.ts';
