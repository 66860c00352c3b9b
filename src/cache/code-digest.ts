/**
 * The digest of the code that computes a cache's entries: the project's source files reachable
 * from the modules named (found from their imports, not from a hand-kept list) and the versions
 * of every npm package they load, from `package-lock.json`. Computed once per process and
 * entry set; a few dozen files are read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSpecifiers, packageClosure, packageOf, type LockFile } from '../lib/module-graph.ts';

/** The project's root folder: this file is `src/cache/code-digest.ts`. */
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/** What a digest covers, for tests and for a maintainer asking why a cache went stale. */
export interface CodeInputs {
  /** Project files, relative to the project root, sorted. */
  files: string[];
  /** Packages as `path@version`, sorted. */
  packages: string[];
  /** Each file's text, as read while following its imports. */
  sources: ReadonlyMap<string, string>;
}

/**
 * The project files and packages the modules load, following relative imports.
 *
 * @example
 * codeInputs(['src/data/process-article.ts']).files; // ['src/data/process-article.ts', 'src/lib/markdown.ts', …]
 */
export function codeInputs(entries: readonly string[], root = PROJECT): CodeInputs {
  const sources = new Map<string, string>();
  const packages = new Set<string>();
  const pending = entries.map((entry) => path.resolve(root, entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (sources.has(relative) || !existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    sources.set(relative, source);
    for (const specifier of importSpecifiers(source)) {
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier));
      else {
        const name = packageOf(specifier);
        if (name) packages.add(name);
      }
    }
  }
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;
  return { files: [...sources.keys()].sort(), packages: packageClosure(packages, lock), sources };
}

const digests = new Map<string, string>();

/**
 * One digest of the modules' code and the packages they load: it changes when any of them does.
 *
 * @example
 * codeDigest(['src/data/process-article.ts']); // 'k3J…' (base64url)
 */
export function codeDigest(entries: readonly string[], root = PROJECT): string {
  const id = `${root}\0${entries.join('\0')}`;
  let digest = digests.get(id);
  if (digest === undefined) {
    const inputs = codeInputs(entries, root);
    const hash = createHash('sha256');
    for (const file of inputs.files) hash.update(file).update('\0').update(inputs.sources.get(file)!).update('\0');
    for (const entry of inputs.packages) hash.update(entry).update('\0');
    digest = hash.digest('base64url');
    digests.set(id, digest);
  }
  return digest;
}
