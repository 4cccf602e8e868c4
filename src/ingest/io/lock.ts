/**
 * One ingest at a time per output folder: `<out>/.ingest.lock`, created with O_EXCL (`wx`), so
 * that of two runs starting together exactly one gets it. It holds the owner's pid, host and
 * start time. Another run finding it:
 *
 * - stops (`FolderInUseError`, exit 2) when the owner is alive — or on another host, where its
 *   pid cannot be checked;
 * - takes it over, with a warning, when the owner is gone (killed with SIGKILL, or the machine
 *   rebooted): a stale lock never blocks the folder for good.
 *
 * The lock is removed when the run ends, also when it exits at once on a second signal. The name
 * starts with a dot and does not end in `.mdx`, so the site's loader never reads it.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fsProblem, OutputFolderError } from './fs-errors.ts';

export const LOCK_FILE = '.ingest.lock';

/** Who holds a lock. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the run started. */
  started: string;
}

/** Another ingest is writing to the folder. */
export class FolderInUseError extends OutputFolderError {
  readonly owner: LockOwner;
  constructor(dir: string, lock: string, owner: LockOwner) {
    const where = owner.host === os.hostname() ? '' : ` on ${owner.host}`;
    super(
      `output folder ${dir} is in use by another ingest (process ${owner.pid}${where}, started ${owner.started}); if no ingest is running, delete ${lock}`,
      'EBUSY',
    );
    this.name = 'FolderInUseError';
    this.owner = owner;
  }
}

/** Locks held by this process, removed on exit however it exits (short of SIGKILL). */
const held = new Set<FolderLock>();
let exitHook = false;

export class FolderLock {
  readonly file: string;
  private readonly content: string;

  private constructor(file: string, content: string) {
    this.file = file;
    this.content = content;
  }

  /**
   * Takes the lock of the folder `dir` (which exists). `warn` hears about a stale lock taken over.
   * Throws `FolderInUseError` when another live run holds it, `OutputFolderError` when the lock
   * cannot be written (a read-only or full folder…).
   */
  static async acquire(dir: string, warn: (message: string) => void): Promise<FolderLock> {
    const file = path.join(dir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
    const content = `${JSON.stringify(owner)}\n`;
    // A few rounds: each either takes the lock, finds a live owner, or clears a stale lock.
    for (let round = 0; round < 5; round++) {
      try {
        await fsp.writeFile(file, content, { flag: 'wx' });
        const lock = new FolderLock(file, content);
        lock.hold();
        return lock;
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code !== 'EEXIST') throw new OutputFolderError(`cannot write to output folder ${dir}: ${fsProblem(e)}`, e.code);
      }
      const found = await readLock(dir, file);
      if (found === null) continue; // removed meanwhile: try again
      const previous = parseOwner(found);
      if (previous && isAlive(previous)) throw new FolderInUseError(dir, file, previous);
      // Stale (its owner is gone) or not a lock this module wrote. Remove it only if it is still
      // the same file: a run that took it over meanwhile keeps it.
      if ((await readLock(dir, file)) !== found) continue;
      await fsp.rm(file, { force: true });
      warn(
        previous
          ? `taking over ${file} from process ${previous.pid} (started ${previous.started}), which is no longer running`
          : `taking over ${file}, which does not say which process holds it`,
      );
    }
    throw new OutputFolderError(`cannot take the lock ${file}: other runs keep taking it`, 'EBUSY');
  }

  /** Removes the lock if it is still this run's. Synchronous, so that it can run on exit. */
  release(): void {
    if (!held.delete(this)) return;
    try {
      if (fs.readFileSync(this.file, 'utf8') === this.content) fs.rmSync(this.file, { force: true });
    } catch {
      // Gone already, or the folder went away: nothing to release.
    }
  }

  private hold(): void {
    held.add(this);
    if (!exitHook) {
      exitHook = true;
      process.on('exit', () => {
        for (const lock of [...held]) lock.release();
      });
    }
  }
}

/** The lock file's text, or null when there is none. A lock being written is read again. */
async function readLock(dir: string, file: string): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      // Never open anything but a regular file (a FIFO would block the read forever).
      if (!(await fsp.lstat(file)).isFile())
        throw new OutputFolderError(`cannot lock output folder ${dir}: ${file} is not a lock file; delete it`, 'EEXIST');
      text = await fsp.readFile(file, 'utf8');
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') return null;
      if (error instanceof OutputFolderError) throw error;
      throw new OutputFolderError(`cannot read ${file}: ${fsProblem(e)}`, e.code);
    }
    // Created with O_EXCL, then written: for a moment it can be empty.
    if (parseOwner(text) || attempt >= 10) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.started === 'string'
    ) {
      return { pid: value.pid, host: value.host, started: value.started };
    }
  } catch {
    // Not JSON: not a lock this module wrote.
  }
  return null;
}

/** Whether the lock's owner still runs; one on another host is taken to (it cannot be checked). */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return false; // an earlier process that had this pid
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
