/**
 * What a module's output depends on, read from its source: the modules it imports and the
 * npm packages, with their own dependencies, that `package-lock.json` resolves them to. The
 * caches key their entries on this, so a change to the code or a dependency version that
 * produced an entry makes it stale.
 */

// Static imports and re-exports (not `import type`, which leaves nothing at run time), dynamic
// imports with a literal specifier, and bare side-effect imports.
const IMPORT_SPECIFIER =
  /(?:^|[;\n}])\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The specifiers a module's source imports at run time, in order of appearance, each once.
 *
 * @example
 * importSpecifiers("import { a } from './a.ts';\nimport type { B } from './b.ts';\nconst c = await import('sharp');");
 * // ['./a.ts', 'sharp']
 */
export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(IMPORT_SPECIFIER)) found.add((match[1] ?? match[2])!);
  return [...found];
}

/**
 * The npm package a bare specifier names, or `undefined` for a relative path, a Node built-in
 * or a virtual module.
 *
 * @example
 * packageOf('hast-util-sanitize'); // 'hast-util-sanitize'
 * packageOf('@astrojs/rss/util');  // '@astrojs/rss'
 * packageOf('node:fs');            // undefined
 */
export function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The part of `package-lock.json` (lockfile version 2 or 3) this module reads. */
export interface LockFile {
  packages: Record<
    string,
    {
      version?: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    }
  >;
}

/**
 * Every package the named ones load, themselves included, as `path@version` (the lock file's
 * own path, so two copies of a package at different versions both count), sorted. A package
 * the lock file does not hold counts as `name@?`.
 *
 * @example
 * packageClosure(['unified'], lock); // ['node_modules/bail@2.0.2', …, 'node_modules/unified@11.0.5', …]
 */
export function packageClosure(names: Iterable<string>, lock: LockFile): string[] {
  const seen = new Set<string>();
  const missing = new Set<string>();
  const resolve = (name: string, from: string): string | undefined => {
    // Node's lookup: the nearest node_modules folder up from the package that asks.
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!base) return undefined;
    }
  };
  const visit = (name: string, from: string) => {
    const at = resolve(name, from);
    if (!at) return void missing.add(`${name}@?`);
    if (seen.has(at)) return;
    seen.add(at);
    const entry = lock.packages[at]!;
    for (const dependency of Object.keys({
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
    })) {
      visit(dependency, at);
    }
  };
  for (const name of names) visit(name, '');
  return [...[...seen].map((at) => `${at}@${lock.packages[at]!.version ?? '?'}`), ...missing].sort();
}
