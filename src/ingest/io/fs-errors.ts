/** A failed file-system call in the words the ingest report uses (pure: no IO). */

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
