/**
 * `npm run import -- <files or folders…> [--out DIR]`: turns plain-text saves of the old
 * site's article pages into Markdown articles that pass the site's schema. The pure steps
 * live in `src/lib/import/`; the command line in `scripts/lib/import-cli.ts`, the run
 * (`importFiles`, also used by the benchmark) in `scripts/lib/import-run.ts`, its file work in
 * `scripts/lib/import-files.ts` and the schema check on worker threads in
 * `scripts/lib/import-check-worker.ts`.
 */
import { main } from './lib/import-cli.ts';

export { formatReport, main } from './lib/import-cli.ts';
export { importFiles, ImportSetupError } from './lib/import-run.ts';
export type { FileOutcome, FileStatus, ImportOptions, ImportProgress, ImportSummary } from './lib/import-run.ts';

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
