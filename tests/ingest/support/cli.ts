/** Runs `src/cli/ingest.ts` as a user does: a child Node process in a folder, its output split into lines. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CLI = path.join(ROOT, 'src/cli/ingest.ts');

/** One CLI run's exit code, report lines (without the summary), summary line and stderr. */
export interface CliRun {
  code: number | null;
  lines: string[];
  summary: string;
  stderr: string;
}

/** Runs the ingest CLI in `cwd` with `args`. */
export function runIngestCli(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string | Uint8Array } = {}): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  const all = run.stdout.trim().split('\n').filter(Boolean);
  // The last line is the summary.
  return { code: run.status, lines: all.slice(0, -1), summary: all.at(-1) ?? '', stderr: run.stderr };
}

/** The `.mdx` files of a folder, sorted (none when it does not exist). */
export const outFiles = (out: string): string[] =>
  fs.existsSync(out)
    ? fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.mdx'))
        .sort()
    : [];

/** The report lines that start with an outcome word. */
export const outcome = (lines: string[], word: string): string[] => lines.filter((l) => l.startsWith(`${word} `));

/** Every file of a folder (hidden ones too) with its content: two folders are equal byte for byte when these are. */
export function folderBytes(dir: string): Array<[string, string]> {
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]);
}
