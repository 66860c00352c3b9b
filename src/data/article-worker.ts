/**
 * Worker thread body: parses and renders a batch of article files, so a cold build uses
 * every core. Runs as plain Node (type stripping), outside Vite.
 */
import { parentPort } from 'node:worker_threads';
import { processArticle, type ArticleJob } from './process-article.ts';

parentPort?.on('message', (jobs: ArticleJob[]) => {
  parentPort?.postMessage(jobs.map(processArticle));
});
