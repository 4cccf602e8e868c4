/**
 * Worker threads that run one module's task on the inputs handed to them, each on its own core:
 * ingest's batches of records (worker.ts) and the article loader's batches of articles
 * (src/site/article-worker.ts). An input goes to the first idle worker or waits for one, and its
 * result comes back to the caller of `run`, so callers keep their own order. With no workers,
 * inputs are done inline. A worker module calls `serveTasks` with its task.
 */
import os from 'node:os';
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

export interface WorkerPoolOptions<In, Out> {
  /** Worker threads to start (0: every input is done inline). */
  size: number;
  /** The task in this thread, for a pool of no workers. */
  inline: (input: In) => Out;
  /** Handed to every worker (`workerData`), once. */
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
}

interface Job<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: Error) => void;
}

export class WorkerPool<In, Out> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<In, Out>>();
  private readonly queue: Job<In, Out>[] = [];
  private readonly inline: (input: In) => Out;
  private failure: Error | undefined;
  private closing = false;

  /** `module`: the worker's script, which calls `serveTasks`. */
  constructor(module: URL, { size, inline, workerData, resourceLimits }: WorkerPoolOptions<In, Out>) {
    this.inline = inline;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(module, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
      worker.on('message', (output: Out) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        job?.resolve(output);
        this.dispatch();
      });
      worker.on('error', (error: Error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a worker thread (${module.pathname}) stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /**
   * Worker threads worth starting for work of this many `units` when one worker does best with
   * `perWorker` of them: none below `minimum`, else one per core (`spare` cores kept for this
   * thread), at least one, at most four.
   */
  static sizeFor(units: number, { minimum, perWorker = 1, spare = 0 }: { minimum: number; perWorker?: number; spare?: number }): number {
    if (units < minimum) return 0;
    return Math.max(1, Math.min(4, os.availableParallelism() - spare, Math.ceil(units / perWorker)));
  }

  get size(): number {
    return this.workers.length;
  }

  /** The task's result for `input`: from a worker, or computed here when the pool has none. */
  run(input: In): Promise<Out> {
    if (this.workers.length === 0) return Promise.resolve(this.inline(input));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.input);
    }
  }

  /** A worker failed: every input handed to the pool and not yet done fails with it. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(error);
    this.busy.clear();
    this.queue.length = 0;
  }
}

/** In a worker module of a `WorkerPool`: answers each input with `task(input)`. */
export function serveTasks<In, Out>(task: (input: In) => Out): void {
  if (!parentPort) throw new Error('serveTasks runs in a worker thread of a WorkerPool');
  const port = parentPort;
  port.on('message', (input: In) => port.postMessage(task(input)));
}
