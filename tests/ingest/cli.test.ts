/** `src/cli/ingest.ts` end to end: real files in a temp folder, the CLI run by Node 24. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/ingest/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/ingest.ts');
const SEEDS = path.join(import.meta.dirname, 'fixtures', 'seeds');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-ingest-'));
  fs.mkdirSync(path.join(dir, 'in', 'nested'), { recursive: true });
  const seeds = fs.readdirSync(SEEDS).sort();
  seeds.slice(0, 4).forEach((f) => fs.copyFileSync(path.join(SEEDS, f), path.join(dir, 'in', f)));
  fs.copyFileSync(path.join(SEEDS, seeds[4]!), path.join(dir, 'in', 'nested', seeds[4]!));
  fs.writeFileSync(path.join(dir, 'in', 'photo.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function ingest(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, lines: run.stdout.trim().split('\n').filter(Boolean), stderr: run.stderr };
}

const outFiles = (out: string) => (fs.existsSync(out) ? fs.readdirSync(out).sort() : []);

describe('npm run ingest', () => {
  it('runs on Node 24 (type stripping)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('writes good files, rejects the bad one by name, exits 1', () => {
    const { code, lines, stderr } = ingest(['--out', 'out', 'in']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith('written '))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('rejected '))).toEqual([`rejected ${path.join('in', 'photo.jpg')}: binary file (contains NUL or control bytes), not text`]);
    const files = outFiles(path.join(dir, 'out'));
    expect(files).toHaveLength(5);
    for (const line of lines.filter((l) => l.startsWith('written '))) {
      const [, id, file] = line.split(' ');
      const mdx = fs.readFileSync(path.join(dir, 'out', `${id}.mdx`), 'utf8');
      expect(readFrontmatter(mdx)?.source).toMatchObject({ file: path.basename(file!) });
    }
    expect(files.every((f) => /^[0-9a-f]{12}\.mdx$/.test(f))).toBe(true);
  });

  it('is idempotent: a second run writes nothing', () => {
    ingest(['--out', 'out', 'in']);
    const before = outFiles(path.join(dir, 'out')).map((f) => fs.statSync(path.join(dir, 'out', f)).mtimeMs);
    const { code, lines } = ingest(['--out', 'out', 'in']);
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith('unchanged '))).toHaveLength(5);
    expect(lines.some((l) => l.startsWith('written '))).toBe(false);
    expect(outFiles(path.join(dir, 'out')).map((f) => fs.statSync(path.join(dir, 'out', f)).mtimeMs)).toEqual(before);
  });

  it('reports the same text in another file as a duplicate', () => {
    const seed = fs.readFileSync(path.join(dir, 'in', '001_47fcac9e9e7e3a4e.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'copy.txt'), `\uFEFF${seed.replace(/\n/g, '\r\n')}\n\n`);
    const { code, lines } = ingest(['--out', 'out', 'in/001_47fcac9e9e7e3a4e.txt', 'copy.txt']);
    expect(code).toBe(0);
    const id = lines[0]!.split(' ')[1];
    expect(lines).toEqual([`written ${id} in/001_47fcac9e9e7e3a4e.txt`, `duplicate ${id} copy.txt (same as 001_47fcac9e9e7e3a4e.txt)`]);
    expect(outFiles(path.join(dir, 'out'))).toEqual([`${id}.mdx`]);
  });

  it('keeps editor changes unless --force, and keeps the id when forced', () => {
    const [first] = ingest(['--out', 'out', 'in/003_b9be8d79b01e2d8f.txt']).lines;
    const id = first!.split(' ')[1]!;
    const file = path.join(dir, 'out', `${id}.mdx`);
    const edited = fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: عنوان عدله المحرر');
    fs.writeFileSync(file, edited);
    expect(ingest(['--out', 'out', 'in/003_b9be8d79b01e2d8f.txt']).lines).toEqual([`unchanged ${id} in/003_b9be8d79b01e2d8f.txt`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
    expect(ingest(['--out', 'out', '--force', 'in/003_b9be8d79b01e2d8f.txt']).lines).toEqual([`written ${id} in/003_b9be8d79b01e2d8f.txt`]);
    expect(fs.readFileSync(file, 'utf8')).not.toBe(edited);
    expect(outFiles(path.join(dir, 'out'))).toEqual([`${id}.mdx`]);
  });

  it('writes nothing with --dry-run', () => {
    const { lines } = ingest(['--out', 'out', '--dry-run', 'in/nested']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^written [0-9a-f]{12} in\/nested\/004_9ab9486eea080e7c\.txt \(dry run\)$/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('writes to $MARSAD_CONTENT_DIR/articles by default', () => {
    const { code } = ingest(['in/nested'], { MARSAD_CONTENT_DIR: 'site-content' });
    expect(code).toBe(0);
    expect(outFiles(path.join(dir, 'site-content', 'articles'))).toHaveLength(1);
  });

  it('rejects empty, non-Arabic and missing inputs with a reason naming the file', () => {
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.txt'), ' \n\n\t \n');
    fs.writeFileSync(path.join(dir, 'english.txt'), 'Russia and Turkey agree.\n\nThe two presidents met in Sochi.');
    const { code, lines } = ingest(['--out', 'out', 'empty.txt', 'blank.txt', 'english.txt', 'missing.txt']);
    expect(code).toBe(1);
    expect(lines).toEqual([
      'rejected empty.txt: empty file',
      'rejected blank.txt: only whitespace, no text',
      'rejected english.txt: no Arabic text',
      'rejected missing.txt: cannot read: no such file or folder',
    ]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
