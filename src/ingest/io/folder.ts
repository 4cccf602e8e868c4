/**
 * The output folder, made ready before a run writes anything. Every step is asynchronous and
 * bounded, so that a folder that cannot be used stops the run with one message, and signals are
 * heard meanwhile:
 *
 * - missing folders are created one at a time from the nearest existing one, each `mkdir` tried
 *   once. (Node's recursive `mkdir` retries a folder whose parent exists but refuses it with
 *   ENOENT — anywhere under /proc — forever, at 100% CPU, in a synchronous call that no signal
 *   interrupts.) The error names the folder and the problem: "read-only file system (EROFS)",
 *   "permission denied (EACCES)", not the ENOENT of a parent that could not be made;
 * - a folder on a mount that never answers (a hung network or FUSE mount) stops the run after
 *   `timeoutMs` instead of waiting forever.
 */
import type fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fsProblem, OutputFolderError } from './fs-errors.ts';

/** How long the output folder may take to answer one call before the run gives up on it. */
export const FOLDER_TIMEOUT_MS = 30_000;

/** The run was interrupted (a signal) while it waited for the folder. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export interface FolderOptions {
  /** Stops waiting (with `Interrupted`) when aborted. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * `work` on the folder `dir`, given up after `timeoutMs` (an `OutputFolderError`) or when the
 * signal aborts (`Interrupted`). A call given up on may still finish later; its result is ignored.
 */
export function answering<T>(work: Promise<T>, dir: string, options: FolderOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? FOLDER_TIMEOUT_MS;
  const { signal } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new Interrupted());
    const timer = setTimeout(
      () =>
        reject(
          new OutputFolderError(
            `output folder ${dir} did not answer in ${Math.round(timeoutMs / 1000)} s (a network or FUSE mount that hangs?)`,
            'ETIMEDOUT',
          ),
        ),
      timeoutMs,
    );
    const onAbort = () => reject(new Interrupted());
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Makes `dir` ready: creates it (and missing parents) when `create`, else only checks that it is
 * a folder if it exists (a dry run writes nothing).
 */
export async function prepareOutputFolder(dir: string, options: FolderOptions & { create: boolean }): Promise<void> {
  await answering(options.create ? createFolder(dir) : checkFolder(dir), dir, options);
}

async function checkFolder(dir: string): Promise<void> {
  try {
    if (!(await fsp.stat(dir)).isDirectory()) throw notAFolder(dir, dir);
  } catch (error) {
    if (error instanceof OutputFolderError) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT') throw new OutputFolderError(`cannot use output folder ${dir}: ${fsProblem(e)}`, e.code);
  }
}

async function createFolder(dir: string): Promise<void> {
  // From `dir` up to the nearest folder that exists; then down again, one mkdir per level.
  const missing: string[] = [];
  for (let folder = dir; ; ) {
    let stat: fs.Stats;
    try {
      stat = await fsp.stat(folder);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const parent = path.dirname(folder);
      if ((e.code === 'ENOENT' || e.code === 'ENOTDIR') && parent !== folder) {
        missing.unshift(folder);
        folder = parent;
        continue;
      }
      throw cannotCreate(dir, e);
    }
    if (!stat.isDirectory()) throw notAFolder(dir, folder);
    break;
  }
  for (const folder of missing) {
    try {
      await fsp.mkdir(folder);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      // Made meanwhile by someone else: fine.
      if (e.code === 'EEXIST' && (await fsp.stat(folder).catch(() => null))?.isDirectory()) continue;
      if (e.code === 'ENOENT') {
        throw new OutputFolderError(
          `cannot create output folder ${dir}: ${path.dirname(folder)} does not accept new folders (mkdir fails with ENOENT although it exists)`,
          'ENOENT',
        );
      }
      throw cannotCreate(dir, e);
    }
  }
}

function cannotCreate(dir: string, error: NodeJS.ErrnoException): OutputFolderError {
  return new OutputFolderError(`cannot create output folder ${dir}: ${fsProblem(error)}`, error.code);
}

function notAFolder(dir: string, file: string): OutputFolderError {
  return file === dir
    ? new OutputFolderError(`cannot use output folder ${dir}: it is a file, not a folder (ENOTDIR)`, 'ENOTDIR')
    : new OutputFolderError(`cannot create output folder ${dir}: ${file} is a file, not a folder (ENOTDIR)`, 'ENOTDIR');
}
