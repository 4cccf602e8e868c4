/**
 * A worker thread of the ingest pool (pool.ts): ingests batches of input items and renders their
 * MDX, so that parsing runs on every core while the main thread reads inputs and writes files.
 */
import { workerData } from 'node:worker_threads';
import { processItems, type WorkItem } from './ingest-item.ts';
import { serveTasks } from './pool.ts';

const { explain } = workerData as { explain: boolean };
serveTasks((items: WorkItem[]) => processItems(items, explain));
