/**
 * `src/cli/ingest.ts` when things go wrong around it. Every case is a real CLI process on real
 * files: writes fail through a file-size limit (`ulimit -f`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsProblem } from '../../src/ingest/io/fs-errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/ingest.ts');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-failures-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from start to exit. */
  ms: number;
  /** Killed by the test because it did not exit in time. */
  hung: boolean;
}

/** Starts a command in `dir`; `finished` settles on exit, or after `deadlineMs` with a SIGKILL. */
function start(command: string, args: string[], options: { deadlineMs?: number; uid?: number; gid?: number } = {}): { child: ChildProcess; finished: Promise<Finished> } {
  const started = performance.now();
  const child = spawn(command, args, { cwd: dir, uid: options.uid, gid: options.gid, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let hung = false;
  const deadline = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, options.deadlineMs ?? 30_000);
  const finished = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, hung });
    }),
  );
  return { child, finished };
}

const ingest = (args: string[], options: { deadlineMs?: number; uid?: number; gid?: number } = {}) => start(process.execPath, [CLI, ...args], options);
const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean);
const mdxFiles = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.mdx')).sort() : []);

describe('a failed write', { timeout: 60_000 }, () => {
  it('leaves no trace: the same text later is never reported as a duplicate of a file that is not there', async () => {
    // An article of ~100 KB (every paragraph different, so none is dropped as a repeat) and the
    // same text with CRLF line ends (another input, the same content hash), then a small article.
    const paragraphs = Array.from({ length: 800 }, (_, i) => `قال المتحدث في الفقرة رقم ${i} إن العمل مستمر في جميع المناطق دون توقف.`);
    const big = `تقرير طويل عن الخطة الجديدة\n\n${paragraphs.join('\n\n')}\n`;
    fs.writeFileSync(path.join(dir, 'big.txt'), big);
    fs.writeFileSync(path.join(dir, 'copy.txt'), big.replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'small.txt'), 'خبر قصير\n\nقال الوزير إن الاجتماع كان مثمراً.\n');
    // Files over 48 KB cannot be written: the kernel refuses the write (EFBIG), for this file only.
    const limited = (files: string[]) => start('bash', ['-c', 'ulimit -f 48 && exec "$@"', 'bash', process.execPath, CLI, '--out', 'out', ...files]);

    const first = await limited(['big.txt', 'copy.txt', 'small.txt']).finished;
    const report = lines(first.stdout);
    expect(report.slice(0, -1)).toEqual([
      expect.stringMatching(/^rejected big\.txt: cannot write [0-9a-f]{12}\.mdx: file too large \(EFBIG\)$/),
      expect.stringMatching(/^rejected copy\.txt: (cannot write [0-9a-f]{12}\.mdx: file too large \(EFBIG\)|the same text as big\.txt, whose file [0-9a-f]{12}\.mdx could not be written: file too large \(EFBIG\))$/),
      expect.stringMatching(/^written [0-9a-f]{12} small\.txt$/),
    ]);
    expect(first.code).toBe(1);
    expect(mdxFiles(path.join(dir, 'out'))).toEqual([`${report[2]!.split(' ')[1]}.mdx`]);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // Without the limit, the copy is a duplicate only of a file that is on disk.
    const second = await ingest(['--out', 'out', 'copy.txt', 'big.txt']).finished;
    const [written, duplicate] = lines(second.stdout);
    expect(written).toMatch(/^written [0-9a-f]{12} copy\.txt$/);
    expect(duplicate).toBe(`duplicate ${written!.split(' ')[1]} big.txt (same as copy.txt)`);
    expect(fs.existsSync(path.join(dir, 'out', `${written!.split(' ')[1]}.mdx`))).toBe(true);
  });
});

describe('a failed file-system call in words', () => {
  it('names the problem in words with its code', () => {
    expect(fsProblem({ code: 'ENOSPC', message: 'ENOSPC: no space left on device, write' })).toBe('no space left on device (ENOSPC)');
    expect(fsProblem({ code: 'EROFS', message: 'x' })).toBe('read-only file system (EROFS)');
    expect(fsProblem({ code: 'EDQUOT', message: 'x' })).toBe('disk quota exceeded (EDQUOT)');
    expect(fsProblem({ code: 'EACCES', message: 'x' })).toBe('permission denied (EACCES)');
    expect(fsProblem({ code: 'EFBIG', message: 'x' })).toBe('file too large (EFBIG)');
    expect(fsProblem({ code: 'EWHATEVER', message: 'EWHATEVER: odd, open' })).toBe('EWHATEVER: odd, open');
    expect(fsProblem(new Error('plain'))).toBe('plain');
  });
});
