/**
 * Command-line habits shared by every command of the project (src/cli/*.ts, scripts/*.ts):
 * `--help` / `-h` prints the usage on stdout and exits 0, before anything else is read or run; a
 * usage error (an unknown option, a missing or bad value) prints the problem and the usage on
 * stderr and exits 2. Exit codes of each command: docs/commands.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit code of a usage error. */
export const USAGE_ERROR = 2;

/** Whether the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * The command's arguments, read by Node's `parseArgs` (strict): prints `usage` and exits 0 on
 * `--help`, prints the problem and `usage` on stderr and exits 2 on an unknown option or a missing
 * value.
 */
export function commandLine<const T extends Omit<ParseArgsConfig, 'args'>>(
  usage: string,
  config: T,
  argv: string[] = process.argv.slice(2),
) {
  if (wantsHelp(argv)) {
    process.stdout.write(`${usage.trimEnd()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args: argv });
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
}

/** Prints a usage error (the problem, then the usage) on stderr and exits 2. */
export function usageError(problem: string, usage: string): never {
  process.stderr.write(`${problem}\n${usage.trimEnd()}\n`);
  process.exit(USAGE_ERROR);
}

/**
 * A command's usage from its file's leading doc comment (the scripts document their options
 * there): the comment's text without its ` * ` margins.
 */
export function usageFromHeader(moduleUrl: string): string {
  const source = readFileSync(fileURLToPath(moduleUrl), 'utf8');
  const comment = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  return comment
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}
