/**
 * Worker threads that ingest batches of items in parallel (worker.ts). Results come back per
 * batch; the caller keeps the batches in input order. With no workers, batches are done inline.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { processItems, type WorkItem, type WorkResult } from './ingest-item.ts';

export class IngestPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (results: WorkResult[]) => void; reject: (error: Error) => void }>();
  private readonly explain: boolean;
  private sequence = 0;

  /** `size` worker threads (0: work inline). */
  constructor(size: number, explain: boolean) {
    this.explain = explain;
    for (let i = 0; i < size; i++) {
      // A small young generation keeps each worker's memory low; its work is many short-lived strings.
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      worker.on('message', ({ id, results }: { id: number; results: WorkResult[] }) => {
        this.waiting.get(id)?.resolve(results);
        this.waiting.delete(id);
      });
      worker.on('error', (error: Error) => {
        for (const { reject } of this.waiting.values()) reject(error);
        this.waiting.clear();
      });
      this.workers.push(worker);
    }
  }

  /**
   * Worker threads worth starting for a run reading this many bytes: none for small runs, else
   * one per CPU but one (the main thread reads, unpacks and writes), at least one, at most four.
   */
  static sizeFor(totalBytes: number): number {
    return totalBytes >= 2 * 1024 * 1024 ? Math.min(4, Math.max(1, os.availableParallelism() - 1)) : 0;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Ingests a batch. */
  run(items: WorkItem[]): Promise<WorkResult[]> {
    if (this.workers.length === 0) return Promise.resolve(processItems(items, this.explain));
    const id = ++this.sequence;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, items, explain: this.explain });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
