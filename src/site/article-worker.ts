/**
 * A worker thread of the article loader: prepares batches of articles (src/site/article-prepare.ts)
 * in plain Node, outside Vite's module runner, on its own core.
 */
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../ingest/io/pool.ts';
import { articlePreparer, type PrepareOptions } from './article-prepare.ts';

const prepare = articlePreparer(workerData as PrepareOptions);
serveTasks((batch: { id: string; source: string }[]) => batch.map(({ id, source }) => prepare(id, source)));
