/**
 * A file's modification time and size, taken to stand for its content from one run to the next
 * (as make and git do), so an unchanged file need not be read again: the article loader's article
 * files (src/site/article-loader.ts) and the search step's built pages (src/site/search/index-site.ts).
 * Only a file last written `SETTLED_MS` or more before the run began can vouch for itself: another
 * write in the same tick of the file system's clock, keeping the size, would leave both the same.
 */
import { statSync } from 'node:fs';

export const SETTLED_MS = 2_000;

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** The file's time and size when it was written `SETTLED_MS` or more before `started` (ms), else null. */
export function settledStamp(file: string, started: number): FileStamp | null {
  const { mtimeMs, size } = statSync(file);
  return mtimeMs < started - SETTLED_MS ? { mtimeMs, size } : null;
}

/** Whether a recorded stamp is the file's stamp now. */
export const sameStamp = (recorded: FileStamp | undefined, now: FileStamp): boolean =>
  recorded !== undefined && recorded.mtimeMs === now.mtimeMs && recorded.size === now.size;
