/**
 * A worker thread of the ingest pool (pool.ts): ingests batches of input items and renders their
 * MDX, so that parsing runs on every core while the main thread reads inputs and writes files.
 */
import { parentPort } from 'node:worker_threads';
import { processItems, type WorkItem } from './ingest-item.ts';

parentPort!.on('message', ({ id, items, explain }: { id: number; items: WorkItem[]; explain: boolean }) => {
  parentPort!.postMessage({ id, results: processItems(items, explain) });
});
