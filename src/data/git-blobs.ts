/**
 * What git already knows of a site's files: the object id of every file whose working copy
 * is exactly as committed or staged, so a build keys an unchanged article without reading it
 * (see docs/architecture.md, Content sync). Files git does not vouch for are hashed with
 * {@link blobId}, so both paths give the same key.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/**
 * Git's object id of a file's bytes, as `git hash-object` computes it.
 *
 * @example
 * blobId(Buffer.from('hi\n')); // '45b983be36b73c0788dc9cbcb76cbb80fc7bb057'
 */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** `git ls-files -v` tag of an ordinary tracked file ('h' is assume-unchanged, 'S' skip-worktree). */
const CACHED = 'H';
/** Regular files, executable or not; not symlinks or submodules. */
const REGULAR_FILE = /^100(644|755)$/;

/**
 * The object id of every tracked regular file under `dir` whose working copy git finds
 * unchanged from its index entry, by path relative to `root` (with `/`). Files marked
 * assume-unchanged or skip-worktree are left out: git does not look at their working copy.
 * Empty when `root` is not in a git work tree or git cannot run; callers then read the files.
 *
 * @example
 * unchangedBlobIds('/site', 'content/articles');
 * // Map { 'content/articles/2022/da-lat.md' => '71b519d2…', … }
 */
export function unchangedBlobIds(root: string, dir: string): Map<string, string> {
  const git = (args: readonly string[]) =>
    execFileSync('git', ['-C', root, ...args, '-z', '--', dir], {
      encoding: 'utf8',
      maxBuffer: 2 ** 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  let listed: string;
  let changed: Set<string>;
  try {
    listed = git(['ls-files', '--stage', '-v']);
    changed = new Set(git(['diff-files', '--name-only', '--relative']).split('\0'));
  } catch {
    return new Map();
  }
  const ids = new Map<string, string>();
  for (const entry of listed.split('\0')) {
    // "H 100644 <id> 0\t<path>"; a stage other than 0 is a merge conflict.
    const tab = entry.indexOf('\t');
    const [tag, mode, id, stage] = entry.slice(0, tab).split(' ');
    const file = entry.slice(tab + 1);
    if (tag === CACHED && REGULAR_FILE.test(mode ?? '') && stage === '0' && id && !changed.has(file)) {
      ids.set(file, id);
    }
  }
  return ids;
}
