/**
 * What a deploy changes, worked out from the built files and the store's listing before
 * anything is sent: a file is sent when the store has no object of the same MD5 digest (its
 * ETag) at its key, and every file is sent again when the rules its headers come from changed
 * (see docs/deploy.md, "What it does").
 */
import { createHash } from 'node:crypto';
import { objectHeaders, objectKey, objectKind, UPLOAD_PHASES, type ObjectHeaders, type ObjectKind } from './objects.ts';
import type { HeaderRule } from '../headers-file.ts';

/** A file of `dist/`, as the deploy reads it. */
export interface LocalFile {
  /** Path relative to `dist/`, `/` separators. */
  file: string;
  size: number;
  /** MD5 of the bytes, lower-case hex. */
  md5: string;
}

/** An object the store lists under the prefix. */
export interface RemoteObject {
  key: string;
  /** As listed, with or without its quotes. */
  etag: string;
  size: number;
}

export interface Upload extends LocalFile, ObjectHeaders {
  key: string;
  kind: ObjectKind;
}

export interface DeployPlan {
  /** Uploads in phases, each phase finished before the next begins. */
  phases: Upload[][];
  /** Keys the new site no longer has, deleted after every upload. */
  deletions: string[];
  unchanged: number;
  /** Bytes to send. */
  bytes: number;
  /** Whether the rules differ from those the site in the store was sent with. */
  rulesChanged: boolean;
}

export interface PlanInput {
  files: readonly LocalFile[];
  remote: readonly RemoteObject[];
  prefix: string;
  rules: readonly HeaderRule[];
  /** Redirect pages by file, with their targets. */
  redirects: ReadonlyMap<string, string>;
  /** Whether redirect pages carry `x-amz-website-redirect-location` (some stores refuse it). */
  redirectMetadata: boolean;
  /** This deploy's {@link rulesDigest}. */
  rulesDigest: string;
  /** The digest the store's home page records; undefined when it has none. */
  remoteRulesDigest: string | undefined;
}

/**
 * A digest of everything an object's headers are derived from besides its path: the
 * `_headers` text, the redirects and whether they are sent as metadata. Objects sent under
 * other rules are sent again.
 *
 * @example
 * rulesDigest('/_astro/*\n  Cache-Control: immutable\n', new Map(), true); // '5b1d…' (16 hex digits)
 */
export function rulesDigest(
  headersText: string,
  redirects: ReadonlyMap<string, string>,
  redirectMetadata: boolean,
): string {
  const hash = createHash('sha256').update(`deploy-headers-1 ${redirectMetadata}\n`).update(headersText);
  for (const [file, to] of [...redirects].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\n${file} ${to}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The deploy's plan: which files to send in which phase, which keys to delete.
 *
 * @example
 * const plan = planDeploy({ files, remote, prefix: '', rules, redirects, redirectMetadata: true, rulesDigest: d, remoteRulesDigest: d });
 * plan.phases.flat().map((upload) => upload.key); // only the changed files
 */
export function planDeploy(input: PlanInput): DeployPlan {
  const remote = new Map(input.remote.map((object) => [object.key, object]));
  const redirectFiles = new Set(input.redirects.keys());
  const rulesChanged = input.remoteRulesDigest !== undefined && input.remoteRulesDigest !== input.rulesDigest;
  const byKind = new Map<ObjectKind, Upload[]>();
  const keys = new Set<string>();
  let unchanged = 0;
  let bytes = 0;
  for (const local of input.files) {
    const key = objectKey(input.prefix, local.file);
    keys.add(key);
    const stored = remote.get(key);
    if (!rulesChanged && stored && stored.etag.replace(/"/g, '').toLowerCase() === local.md5) {
      unchanged++;
      continue;
    }
    const kind = objectKind(local.file, redirectFiles);
    const headers = objectHeaders(local.file, input.rules, input.redirects);
    if (!input.redirectMetadata) headers.redirectLocation = undefined;
    const upload: Upload = { ...local, key, kind, ...headers };
    const list = byKind.get(kind) ?? [];
    list.push(upload);
    byKind.set(kind, list);
    bytes += local.size;
  }
  const phases = UPLOAD_PHASES.map((kinds) =>
    kinds.flatMap((kind) => byKind.get(kind) ?? []).sort((a, b) => (a.key < b.key ? -1 : 1)),
  ).filter((phase) => phase.length > 0);
  const deletions = input.remote
    .map((object) => object.key)
    .filter((key) => !keys.has(key))
    .sort();
  return { phases, deletions, unchanged, bytes, rulesChanged };
}
