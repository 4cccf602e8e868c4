import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/build.ts';

const run = promisify(execFile);
const cli = path.join(projectRoot, 'src/cli/search-index.ts');
const temp: string[] = [];

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-index-'));
  temp.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('npm run search:index', () => {
  it('refuses a folder with no built site, naming it', async () => {
    const dir = await folder();
    const failed = await run(process.execPath, [cli, dir]).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`${dir}: no built site here`);
  });

  it('indexes the pages of a built folder into pagefind/', async () => {
    const dir = await folder();
    const page = (body: string) => `<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body>${body}</body></html>`;
    await writeFile(path.join(dir, 'index.html'), page('<main><h1>مرصد</h1></main>'));
    await mkdir(path.join(dir, 'articles', 'a1'), { recursive: true });
    await writeFile(path.join(dir, 'articles', 'a1', 'index.html'), page('<main data-pagefind-body><h1>خبر</h1><p>وزير الخارجية في الرياض</p></main>'));
    const { stdout } = await run(process.execPath, [cli, dir]);
    expect(stdout).toMatch(/indexed 1 pages in \d+ ms/);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(path.join(dir, 'pagefind'))).some((f) => f.endsWith('.pf_meta'))).toBe(true);
  }, 60_000);
});
