import { describe, expect, it } from 'vitest';
import { importSpecifiers, packageClosure, packageOf, type LockFile } from '../../src/lib/module-graph.ts';

describe('importSpecifiers', () => {
  it('finds what a module loads at run time, each once', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import sharp, { type Sharp } from 'sharp';",
      "export { c } from '../c.ts';",
      "import './styles.css';",
      'import {',
      '  d,',
      "} from './d.ts';",
      "const e = await import('./e.ts');",
      'const f = await import(variable);',
      "import { a as again } from './a.ts';",
      "// import { g } from './comment-only.ts'",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', 'sharp', '../c.ts', './styles.css', './d.ts', './e.ts']);
  });
});

describe('packageOf', () => {
  it('names the package of a bare specifier, and nothing for the rest', () => {
    expect(
      ['unified', '@astrojs/rss', 'astro/zod', '@img/sharp-linux-x64/lib', './a.ts', 'node:fs', 'astro:content'].map(
        packageOf,
      ),
    ).toEqual(['unified', '@astrojs/rss', 'astro', '@img/sharp-linux-x64', undefined, undefined, undefined]);
  });
});

describe('packageClosure', () => {
  const lock: LockFile = {
    packages: {
      '': { dependencies: { unified: '^11' } },
      'node_modules/unified': { version: '11.0.5', dependencies: { bail: '^2', vfile: '^6' } },
      'node_modules/bail': { version: '2.0.2' },
      'node_modules/vfile': { version: '6.0.3', dependencies: { bail: '^1' } },
      'node_modules/vfile/node_modules/bail': { version: '1.0.5' },
      'node_modules/sharp': { version: '0.35.5', optionalDependencies: { '@img/sharp-linux-x64': '0.35.5' } },
      'node_modules/@img/sharp-linux-x64': { version: '0.35.5' },
    },
  };

  it('follows dependencies the way Node resolves them, nested copies included', () => {
    expect(packageClosure(['unified'], lock)).toEqual([
      'node_modules/bail@2.0.2',
      'node_modules/unified@11.0.5',
      'node_modules/vfile/node_modules/bail@1.0.5',
      'node_modules/vfile@6.0.3',
    ]);
    expect(packageClosure(['sharp', 'missing'], lock)).toEqual([
      'missing@?',
      'node_modules/@img/sharp-linux-x64@0.35.5',
      'node_modules/sharp@0.35.5',
    ]);
  });
});
