/**
 * Worker thread body: parses and renders batches of article files, so a cold build uses
 * every core. Runs as plain Node (type stripping), outside Vite.
 */
import { processArticle } from './process-article.ts';
import { serveBatches } from './worker-pool.ts';

serveBatches(processArticle);
