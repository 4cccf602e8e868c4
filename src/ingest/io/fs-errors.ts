/**
 * What a failed file-system call means for an ingest run, from its error alone (pure: no IO).
 * A write that fails because the output folder is full, read-only, over quota, refused or gone
 * means no later article can be written either: the run stops at once (exit code 2) instead of
 * rejecting every remaining input with the same error. Any other failure belongs to one article
 * (its input is rejected, the run goes on).
 */

/** Error codes after which nothing more can be written to the folder. */
const FOLDER_WIDE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EIO', 'ENOENT', 'ENOTDIR', 'ESTALE']);

/** Whether a failed write stops the run (`folder`) or only fails its own article. */
export function writeFailureScope(code: string | undefined): 'folder' | 'article' {
  return code !== undefined && FOLDER_WIDE.has(code) ? 'folder' : 'article';
}

const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error (a failing disk or network mount?)',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder',
  EISDIR: 'is a folder',
  EEXIST: 'already exists',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ESTALE: 'stale network file handle',
  ELOOP: 'too many symbolic links',
};

/** A failed call's problem in words with its code ("no space left on device (ENOSPC)"), else its message. */
export function fsProblem(error: { code?: string; message: string }): string {
  const words = error.code === undefined ? undefined : WORDS[error.code];
  return words ? `${words} (${error.code})` : error.message;
}

/** The output folder cannot be used: the run stops with this message (the CLI exits 2). */
export class OutputFolderError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'OutputFolderError';
    this.code = code;
  }
}
