/**
 * A build killed midway (kill -9 of the whole process group, as a CI runner that times out or a
 * journalist's Ctrl-C would), then the edit it was publishing reverted and the build run again:
 * the result equals a cold build of the same content, byte for byte, search index included.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixturePath, privateFixtureCopy, type FixtureBuild } from './build-fixture.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const WARM = 'basic/.interrupted-warm';
const COLD = 'basic/.interrupted-cold';
const EDITED = 'content/articles/thoi-su-so-3.md';

/** Starts a build of the fixture and kills it, with every process it started, once its log shows `moment`. */
function killBuildAt(name: string, moment: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT, 'scripts/build.ts'), '--root', fixturePath(name)], {
      cwd: PROJECT,
      detached: true,
      env: { ...process.env, BUILD_TIME: '2024-06-01T12:00:00+07:00', NO_COLOR: '1' },
    });
    let output = '';
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (moment.test(output)) process.kill(-child.pid!, 'SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(output) : reject(new Error(`the build ended before ${moment}:\n${output}`)),
    );
  });
}

function compareOutputs(a: FixtureBuild, b: FixtureBuild) {
  const files = a.files();
  const different = files.filter(
    (file) => !readFileSync(path.join(a.dist, file)).equals(readFileSync(path.join(b.dist, file))),
  );
  return { files, otherFiles: b.files(), different };
}

const original = readFileSync(path.join(fixturePath('basic'), EDITED), 'utf8');
const edit = () =>
  writeFileSync(
    path.join(fixturePath(WARM), EDITED),
    original.replace('Bài thời sự số 3', 'Bài thời sự số 3, bản sửa dở'),
  );
const revert = () => writeFileSync(path.join(fixturePath(WARM), EDITED), original);

let cold: FixtureBuild;
const afterKill: {
  moment: RegExp;
  killedLog: string;
  rebuild: FixtureBuild;
  diff: ReturnType<typeof compareOutputs>;
}[] = [];

beforeAll(async () => {
  await privateFixtureCopy('basic', WARM);
  await privateFixtureCopy('basic', COLD);
  cold = buildFixture(COLD);
  if (cold.status !== 0) throw new Error(cold.output);
  const first = buildFixture(WARM);
  if (first.status !== 0) throw new Error(first.output);
  // While the content is read, while pages are written, and while the search index is written after them.
  for (const moment of [/Syncing content/, /├─ \/bai-viet\//, /\[news-archive-pictures\]/]) {
    edit();
    const killedLog = await killBuildAt(WARM, moment);
    revert();
    const rebuild = buildFixture(WARM);
    afterKill.push({ moment, killedLog, rebuild, diff: compareOutputs(rebuild, cold) });
  }
});

afterAll(() => {
  rmSync(fixturePath(WARM), { recursive: true, force: true });
  rmSync(fixturePath(COLD), { recursive: true, force: true });
});

describe('a build killed midway, then run again after the edit was reverted', () => {
  it('renders every page again and equals a cold build, byte for byte', () => {
    expect(afterKill).toHaveLength(3);
    for (const { moment, killedLog, rebuild, diff } of afterKill) {
      expect(killedLog).toMatch(moment);
      expect(rebuild.status, String(moment)).toBe(0);
      expect(rebuild.output, String(moment)).toContain(
        'Lần dựng trước bị ngắt giữa chừng: dựng lại toàn bộ các trang.',
      );
      expect(diff.files, String(moment)).toEqual(diff.otherFiles);
      expect(diff.different, String(moment)).toEqual([]);
      expect(rebuild.read('bai-viet/thoi-su-so-3/index.html'), String(moment)).not.toContain('bản sửa dở');
    }
  });
});
