import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/ingest/io/pool.ts';
import { folderBytes, ROOT, runIngestCli } from './support/cli.ts';

type Input = { n: number; wait?: boolean; fail?: 'throw' | 'exit' };
type Output = { square: number; thread: number };
const WORKER = new URL('./fixtures/workers/task-worker.ts', import.meta.url);
const inline = (input: Input): Output => ({ square: input.n * input.n, thread: 0 });

describe('the worker pool', () => {
  it('hands each caller its own result, and inputs to idle workers only', async () => {
    const gate = new SharedArrayBuffer(4);
    const pool = new WorkerPool<Input, Output>(WORKER, { size: 2, inline, workerData: { offset: 1000, gate } });
    try {
      // The first input blocks its worker until the gate opens: the others must all go to the
      // other worker (a pool handing inputs round the workers would wait here for ever).
      const blocked = pool.run({ n: 1, wait: true });
      const rest = await Promise.all([2, 3, 4, 5].map((n) => pool.run({ n })));
      expect(rest.map((r) => r.square)).toEqual([1004, 1009, 1016, 1025]);
      expect(new Set(rest.map((r) => r.thread)).size).toBe(1);
      Atomics.store(new Int32Array(gate), 0, 1);
      Atomics.notify(new Int32Array(gate), 0);
      const first = await blocked;
      expect(first.square).toBe(1001);
      expect(first.thread).not.toBe(rest[0]!.thread);
    } finally {
      await pool.close();
    }
  });

  it('does every input inline when it has no workers', async () => {
    const pool = new WorkerPool<Input, Output>(WORKER, { size: 0, inline, workerData: { offset: 1000 } });
    expect(pool.size).toBe(0);
    expect(await Promise.all([5, 6].map((n) => pool.run({ n })))).toEqual([
      { square: 25, thread: 0 },
      { square: 36, thread: 0 },
    ]);
    await pool.close();
  });

  it.each(['throw', 'exit'] as const)('fails every waiting input when a worker fails (%s), and any input after', async (fail) => {
    const pool = new WorkerPool<Input, Output>(WORKER, { size: 1, inline, workerData: { offset: 0 } });
    try {
      const failing = pool.run({ n: 1, fail });
      const queued = pool.run({ n: 2 });
      const reason = fail === 'throw' ? 'task 1 failed' : 'stopped with exit code 3';
      await expect(failing).rejects.toThrow(reason);
      await expect(queued).rejects.toThrow(reason);
      await expect(pool.run({ n: 3 })).rejects.toThrow(reason);
    } finally {
      await pool.close();
    }
  });

  it('starts workers by the size of the work', () => {
    const cores = os.availableParallelism();
    expect(WorkerPool.sizeFor(199, { minimum: 200, perWorker: 100 })).toBe(0);
    expect(WorkerPool.sizeFor(200, { minimum: 200, perWorker: 100 })).toBe(Math.min(2, cores));
    expect(WorkerPool.sizeFor(10_000, { minimum: 200, perWorker: 100 })).toBe(Math.min(4, cores));
    expect(WorkerPool.sizeFor(1, { minimum: 0, perWorker: 100 })).toBe(1);
    expect(WorkerPool.sizeFor(10_000, { minimum: 0, spare: 1 })).toBe(Math.max(1, Math.min(4, cores - 1)));
  });

  it('lets ingest write on worker threads exactly what it writes inline', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-pool-'));
    try {
      const records = path.join(ROOT, 'tests/ingest/fixtures/records/saudi-style.json');
      const inline = runIngestCli(dir, ['--jobs', '0', '--explain', '--out', 'inline', records]);
      const workers = runIngestCli(dir, ['--jobs', '2', '--explain', '--out', 'workers', records]);
      expect(inline.summary).toMatch(/: 9 written, 0 unchanged, 1 duplicate, 0 kept, 2 rejected/);
      expect(workers.lines).toEqual(inline.lines.map((l) => l.replaceAll('inline/', 'workers/')));
      // The summary's counts (its time and rate differ).
      expect(workers.summary.split('): ')[1]).toBe(inline.summary.split('): ')[1]);
      expect(folderBytes(path.join(dir, 'workers'))).toEqual(folderBytes(path.join(dir, 'inline')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
