/**
 * Builds every fixture site that tests read (once per `npm test`, before any test file
 * runs), so no two test files ever build the same fixture at the same time. Fixtures whose
 * build is expected to fail are built by their own test file instead.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { buildFixture, fixturePath, SHARED_FIXTURES } from './build/build-fixture.ts';

export default async function setup() {
  const results: Record<string, { status: number | null; output: string }> = {};
  for (const name of SHARED_FIXTURES) {
    if (!existsSync(fixturePath(name))) continue;
    const { status, output } = buildFixture(name);
    results[name] = { status, output };
    if (status !== 0) throw new Error(`Fixture "${name}" failed to build:\n${output}`);
  }
  await writeFile(fixturePath('.builds.json'), JSON.stringify(results));
}
