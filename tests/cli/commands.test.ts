/**
 * Every command of the project keeps the habits of docs/commands.md (src/cli/args.ts): `--help`
 * prints the usage on stdout and exits 0, doing nothing else; an unknown option is a usage error
 * on stderr with exit code 2; and each npm script that runs one has its exit codes in the docs.
 * Each command runs as a user runs it: a Node 24 process, in a folder of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const docs = readFileSync(path.join(root, 'docs/commands.md'), 'utf8');

/** npm script → the project command it runs (`node <file>.ts`). */
const npmScripts = Object.entries(pkg.scripts).flatMap(([name, line]) =>
  [...line.matchAll(/\bnode (\S+\.ts)\b/g)].map((m) => ({ name, file: m[1]! })),
);
/** Every command: the npm scripts' and the other scripts/*.ts (run as `node scripts/…`). */
const commands = [
  ...new Set([
    ...npmScripts.map((s) => s.file),
    ...readdirSync(path.join(root, 'scripts'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `scripts/${f}`),
  ]),
].sort();

const cwd = mkdtempSync(path.join(os.tmpdir(), 'marsad-commands-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, file), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `args` on every command, a few at a time. */
async function runAll(args: string[]): Promise<Map<string, Run>> {
  const out = new Map<string, Run>();
  const queue = [...commands];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) out.set(file, await run(file, args));
    }),
  );
  return out;
}

describe('every command', () => {
  it('is found: the npm scripts run project commands, and the scripts folder has more', () => {
    expect(commands).toEqual(
      expect.arrayContaining([
        'src/cli/ingest.ts',
        'src/cli/search-index.ts',
        'src/cli/entities-suggest.ts',
        'scripts/budget.ts',
        'scripts/sample-entities.ts',
      ]),
    );
    expect(commands.length).toBeGreaterThanOrEqual(19);
  });

  it('prints its usage on stdout with --help and exits 0 (search:index takes it for no folder)', async () => {
    const runs = await runAll(['--help']);
    const wrong = [...runs].filter(([, r]) => r.code !== 0 || r.stderr !== '' || r.stdout.trim().length < 40);
    expect(wrong.map(([file, r]) => `${file}: exit ${r.code}, stderr ${JSON.stringify(r.stderr.slice(0, 200))}`)).toEqual([]);
    // The usage names the command as it is run: one of the npm scripts that run it.
    for (const file of new Set(npmScripts.map((s) => s.file))) {
      const names = npmScripts.filter((s) => s.file === file).map((s) => s.name);
      expect(
        names.some((name) => new RegExp(`npm run ${name}(?![\\w:-])`).test(runs.get(file)!.stdout)),
        `${file} (${names.join(', ')})`,
      ).toBe(true);
    }
    expect(runs.get('src/cli/search-index.ts')!.stdout).toMatch(/^usage: npm run search:index \[-- DIR\]/);
  }, 300_000);

  it('reports an unknown option on stderr with its usage, and exits 2', async () => {
    const runs = await runAll(['--no-such-option']);
    for (const [file, r] of runs) {
      expect(r.code, file).toBe(2);
      expect(r.stdout, file).toBe('');
      expect(r.stderr, file).toMatch(/^Unknown option '--no-such-option'/);
      expect(r.stderr.length, file).toBeGreaterThan(80); // and the usage after it
    }
  }, 300_000);

  it('has its exit codes in docs/commands.md, for each npm script that runs one', () => {
    const missing = npmScripts.filter(({ name }) => !docs.includes(`## ${name}\n`) && !docs.includes(`\`${name}\``));
    expect(missing.map((s) => s.name)).toEqual([]);
    for (const section of docs.split('\n## ').slice(1))
      expect(section, section.split('\n')[0]).toMatch(/\| code \| when \|\n\| --- \| --- \|\n(\| [\d, ]+ \| .+ \|\n)+/);
  });
});
