/**
 * `src/cli/ingest.ts` when things go wrong around it: a write that fails, a disk that fills up or
 * is read-only, an output folder that never answers, signals, and two runs into one folder.
 * Every case is a real CLI process on real files: writes fail through a file-size limit
 * (`ulimit -f`) or a small tmpfs mounted in a private mount namespace (`unshare -rm`, no root
 * needed), permissions are refused to a real user, and signals are real signals.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';
import { fsProblem, writeFailureScope } from '../../src/ingest/io/fs-errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/ingest.ts');
const LOCK = '.ingest.lock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-failures-'));
  // Readable by the unprivileged user some tests run the CLI as.
  fs.chmodSync(dir, 0o755);
});
afterEach(() => {
  spawnSync('chmod', ['-R', 'u+rwx', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
});

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

/**
 * Starts a command in `dir`; `finished` settles on exit, or after `deadlineMs` with a SIGKILL;
 * `stderr()` is what it wrote to stderr so far.
 */
function start(
  command: string,
  args: string[],
  options: { deadlineMs?: number; uid?: number; gid?: number; stdin?: 'pipe' } = {},
): { child: ChildProcess; finished: Promise<Finished>; stderr: () => string } {
  const started = performance.now();
  const child = spawn(command, args, { cwd: dir, uid: options.uid, gid: options.gid, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'] });
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
  return { child, finished, stderr: () => stderr };
}

const ingest = (args: string[], options: Parameters<typeof start>[2] = {}) => start(process.execPath, [CLI, ...args], options);
const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean);
const mdxFiles = (folder: string) =>
  fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((f) => f.endsWith('.mdx'))
        .sort()
    : [];
const until = async (condition: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 5))) if (condition()) return true;
  return false;
};

/** `count` short JSON Lines records, each a different article. */
function records(file: string, count: number, words = 1): void {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      title: `خبر رقم ${i}`,
      content: `قال المتحدث في البيان رقم ${i} إن العمل مستمر.\n${'وأضاف أن الخطة تشمل جميع المناطق. '.repeat(words)}`,
    }),
  );
  fs.writeFileSync(path.join(dir, file), lines.join('\n'));
}

/** Every article file in the folder is whole: frontmatter, a hash, a final newline. */
function expectWhole(folder: string): void {
  for (const file of mdxFiles(folder)) {
    const mdx = fs.readFileSync(path.join(folder, file), 'utf8');
    expect(readFrontmatter(mdx)?.contentHash, file).toMatch(/^[0-9a-f]{64}$/);
    expect(mdx, file).toMatch(/\nmdxHash: [0-9a-f]{64}\n---\n[\s\S]*\n$/);
  }
}

/** Whether this machine lets an unprivileged user mount a tmpfs in a private namespace. */
const canMount = (() => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-mount-'));
  try {
    return spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', probe]).status === 0;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

/**
 * Runs the CLI with `out` (under `dir`) a tmpfs of `options` in a private mount namespace, then
 * copies what the tmpfs holds to `saved` (the mount goes away with the namespace).
 */
function ingestOnTmpfs(mountOptions: string, args: string[]) {
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'saved'), { recursive: true });
  const script = `mount -t tmpfs -o ${mountOptions} tmpfs out || exit 99; "$@"; code=$?; cp -a out/. saved/; exit $code`;
  return start('unshare', ['-rm', 'sh', '-c', script, 'sh', process.execPath, CLI, ...args]);
}

/** The CLI as an unprivileged user (root ignores file permissions). */
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

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
    const limited = (files: string[]) =>
      start('bash', ['-c', 'ulimit -f 48 && exec "$@"', 'bash', process.execPath, CLI, '--out', 'out', ...files]);

    const first = await limited(['big.txt', 'copy.txt', 'small.txt']).finished;
    const report = lines(first.stdout);
    expect(report.slice(0, -1)).toEqual([
      expect.stringMatching(/^rejected big\.txt: cannot write [0-9a-f]{12}\.mdx: file too large \(EFBIG\)$/),
      expect.stringMatching(
        /^rejected copy\.txt: (cannot write [0-9a-f]{12}\.mdx: file too large \(EFBIG\)|the same text as big\.txt, whose file [0-9a-f]{12}\.mdx could not be written: file too large \(EFBIG\))$/,
      ),
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

describe('an output folder that cannot be used', { timeout: 60_000 }, () => {
  it.skipIf(!canMount)('stops at the first write to a full disk: one line naming the folder, exit 2, whole files', async () => {
    records('many.jsonl', 3000, 20);
    const run = await ingestOnTmpfs('size=256k', ['--out', 'out', 'many.jsonl']).finished;
    expect(run.hung).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `ingest stopped: cannot write to output folder ${path.join(dir, 'out')}: no space left on device (ENOSPC)`,
    ]);
    const report = lines(run.stdout);
    const written = report.filter((l) => l.startsWith('written '));
    expect(report.filter((l) => l.startsWith('rejected '))).toEqual([]);
    expect(report.at(-1)).toMatch(
      new RegExp(
        `^stopped: \\d+ inputs .*: ${written.length} written, 0 unchanged, 0 duplicate, 0 kept, 0 rejected; \\d+ not written \\(the run stopped\\)$`,
      ),
    );
    // Every file reported is on disk and whole; nothing else is, not even a temporary file or the lock.
    const saved = path.join(dir, 'saved');
    expect(written.length).toBeGreaterThan(0);
    expect(mdxFiles(saved)).toEqual(written.map((l) => `${l.split(' ')[1]}.mdx`).sort());
    expectWhole(saved);
    expect(fs.readdirSync(saved).filter((f) => !f.endsWith('.mdx'))).toEqual([]);
  });

  it.skipIf(!canMount)('names a read-only disk when creating the folder, or writing into it: exit 2', async () => {
    records('one.jsonl', 1);
    const create = await ingestOnTmpfs('ro', ['--out', 'out/day/articles', 'one.jsonl']).finished;
    expect(create.code).toBe(2);
    expect(create.stderr.trim()).toBe(
      `ingest stopped: cannot create output folder ${path.join(dir, 'out/day/articles')}: read-only file system (EROFS)`,
    );
    const write = await ingestOnTmpfs('ro', ['--out', 'out', 'one.jsonl']).finished;
    expect(write.code).toBe(2);
    expect(write.stderr.trim()).toBe(
      `ingest stopped: cannot write to output folder ${path.join(dir, 'out')}: read-only file system (EROFS)`,
    );
  });

  it('names a folder it may not create in (chmod 555): exit 2', async () => {
    records('one.jsonl', 1);
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.chmodSync(path.join(dir, 'locked'), 0o555);
    const run = await ingest(['--out', 'locked/day/articles', 'one.jsonl'], unprivileged).finished;
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `ingest stopped: cannot create output folder ${path.join(dir, 'locked/day/articles')}: permission denied (EACCES)`,
    );
    expect(run.stdout).toBe('');
    const existing = await ingest(['--out', 'locked', 'one.jsonl'], unprivileged).finished;
    expect(existing.code).toBe(2);
    expect(existing.stderr.trim()).toBe(
      `ingest stopped: cannot write to output folder ${path.join(dir, 'locked')}: permission denied (EACCES)`,
    );
  });

  it('says so for a folder under /proc, which never accepts a new folder (a recursive mkdir spins there forever)', async () => {
    if (!fs.existsSync('/proc/self')) return;
    records('one.jsonl', 1);
    const { child, finished } = ingest(['--out', '/proc/self/marsad/articles', 'one.jsonl'], { deadlineMs: 20_000 });
    // Were it stuck, SIGTERM (then a second one) must still end it.
    const signals = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGTERM'), 1000);
    }, 10_000);
    const run = await finished;
    clearTimeout(signals);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^ingest stopped: cannot create output folder \/proc\/self\/marsad\/articles: \/proc\/self does not accept new folders/,
    );
  });

  it('skips a FIFO named like an article in the folder instead of waiting on it forever', async () => {
    records('three.jsonl', 3);
    fs.mkdirSync(path.join(dir, 'out'));
    spawnSync('mkfifo', [path.join(dir, 'out', 'stuck.mdx')]);
    const { child, finished } = ingest(['--out', 'out', 'three.jsonl'], { deadlineMs: 15_000 });
    const signal = setTimeout(() => child.kill('SIGTERM'), 5000);
    const run = await finished;
    clearTimeout(signal);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).filter((l) => l.startsWith('written '))).toHaveLength(3);
  });
});

describe('signals', { timeout: 60_000 }, () => {
  it('SIGTERM stops after the articles in flight: whole files, a summary, exit 143', async () => {
    records('many.jsonl', 5000);
    const { child, finished } = ingest(['--out', 'out', 'many.jsonl']);
    await until(() => mdxFiles(path.join(dir, 'out')).length > 20);
    child.kill('SIGTERM');
    const run = await finished;
    if (run.code === 0) return; // finished before the signal arrived
    expect(run.code).toBe(143);
    expect(lines(run.stdout).at(-1)).toMatch(/^interrupted: /);
    const written = lines(run.stdout).filter((l) => l.startsWith('written '));
    expect(mdxFiles(path.join(dir, 'out'))).toEqual(written.map((l) => `${l.split(' ')[1]}.mdx`).sort());
    expectWhole(path.join(dir, 'out'));
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => !f.endsWith('.mdx'))).toEqual([]);
  });

  it('a second SIGTERM exits at once; files stay whole and the next run finishes the job', async () => {
    // Long articles, so that finishing the ones in flight takes a while after the first signal.
    records('many.jsonl', 300, 1500);
    const { child, finished, stderr } = ingest(['--out', 'out', 'many.jsonl']);
    await until(() => mdxFiles(path.join(dir, 'out')).length > 20);
    child.kill('SIGTERM');
    // The second signal once the first one has been heard (two at once may arrive as one).
    await until(() => stderr().includes('stopping after the articles in flight'));
    const second = performance.now();
    child.kill('SIGTERM');
    const run = await finished;
    if (run.code === 0) return;
    expect(run.code).toBe(143);
    expect(run.stderr).toMatch(/stopped at once by a second SIGTERM/);
    expect(performance.now() - second).toBeLessThan(1500);
    expectWhole(path.join(dir, 'out'));
    expect(fs.existsSync(path.join(dir, 'out', LOCK))).toBe(false);
    const again = await ingest(['--out', 'out', 'many.jsonl']).finished;
    expect(again.code).toBe(0);
    expect(mdxFiles(path.join(dir, 'out'))).toHaveLength(300);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => !f.endsWith('.mdx'))).toEqual([]);
  });
});

describe('two ingests into one folder', { timeout: 60_000 }, () => {
  it('the second stops with exit 2, naming the folder and the process that holds it; the first writes everything', async () => {
    // The first run reads its records from stdin, so it runs until the test closes it.
    const record = (i: number) =>
      `${JSON.stringify({ title: `خبر رقم ${i}`, content: `قال المتحدث في البيان رقم ${i} إن العمل مستمر.\nوأضاف أن الخطة تشمل جميع المناطق.` })}\n`;
    const first = ingest(['--out', 'out', '--format', 'jsonl', '-'], { stdin: 'pipe' });
    first.child.stdin!.write(Array.from({ length: 5 }, (_, i) => record(i)).join(''));
    const out = path.join(dir, 'out');
    expect(await until(() => fs.existsSync(path.join(out, LOCK)) && fs.readFileSync(path.join(out, LOCK), 'utf8').endsWith('\n'))).toBe(
      true,
    );
    const owner = JSON.parse(fs.readFileSync(path.join(out, LOCK), 'utf8')) as { pid: number; host: string; started: string };
    expect(owner).toEqual({ pid: first.child.pid, host: os.hostname(), started: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/) });
    records('other.jsonl', 5);
    const second = await ingest(['--out', 'out', 'other.jsonl']).finished;
    first.child.stdin!.end(Array.from({ length: 45 }, (_, i) => record(i + 5)).join(''));
    const firstRun = await first.finished;

    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toBe(
      `ingest stopped: output folder ${out} is in use by another ingest (process ${owner.pid}, started ${owner.started}); if no ingest is running, delete ${path.join(out, LOCK)}`,
    );
    expect(second.stdout).toBe('');
    expect(firstRun.code).toBe(0);
    expect(lines(firstRun.stdout).filter((l) => l.startsWith('written '))).toHaveLength(50);
    expect(mdxFiles(out)).toHaveLength(50);
    expect(fs.existsSync(path.join(out, LOCK))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, with a warning', async () => {
    records('one.jsonl', 1);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(
      path.join(dir, 'out', LOCK),
      `${JSON.stringify({ pid: gone, host: os.hostname(), started: '2026-01-01T00:00:00.000Z' })}\n`,
    );
    const run = await ingest(['--out', 'out', 'one.jsonl']).finished;
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(
      `ingest: taking over ${path.join(dir, 'out', LOCK)} from process ${gone} (started 2026-01-01T00:00:00.000Z), which is no longer running`,
    );
    expect(lines(run.stdout)[0]).toMatch(/^written /);
    expect(fs.existsSync(path.join(dir, 'out', LOCK))).toBe(false);
  });
});

describe('what a failed file-system call means', () => {
  it('a full, read-only, over-quota or refused folder stops the run; a failure of one file does not', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EIO', 'ENOENT', 'ENOTDIR'])
      expect(writeFailureScope(code), code).toBe('folder');
    for (const code of ['EFBIG', 'EISDIR', 'ENAMETOOLONG', 'EMFILE', 'EPERM', undefined])
      expect(writeFailureScope(code), String(code)).toBe('article');
  });

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
