/**
 * A worker thread of the article loader: prepares batches of articles (src/site/article-prepare.ts)
 * in plain Node, outside Vite's module runner, on its own core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { articlePreparer, type PrepareOptions } from './article-prepare.ts';

const prepare = articlePreparer(workerData as PrepareOptions);
parentPort!.on('message', (batch: { id: string; source: string }[]) => {
  parentPort!.postMessage(batch.map(({ id, source }) => prepare(id, source)));
});
