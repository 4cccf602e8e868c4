/**
 * html-validate with the project's own rules (`.htmlvalidate.json`), for a built site wherever
 * it lives: a build outside the project (the tests', the benchmarks') would find no config file
 * by itself, and html-validate would then run no project rule. The site tests
 * (tests/site/conventions.test.ts) and `npm run check:site` both validate through this module.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from 'html-validate';
import { projectRoot } from './build.ts';

/** The project's html-validate configuration file. */
export const HTML_VALIDATE_CONFIG = path.join(projectRoot, '.htmlvalidate.json');

/** One message html-validate reports for a page; `page` is relative to the site folder. */
export interface HtmlProblem {
  page: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
  /** 2 an error, 1 a warning. */
  severity: number;
}

/** A validator that applies the project's configuration to any file, inside the project or not. */
export async function projectValidator(): Promise<HtmlValidate> {
  const config = JSON.parse(await readFile(HTML_VALIDATE_CONFIG, 'utf8')) as ConfigData;
  return new HtmlValidate(new FileSystemConfigLoader(config));
}

/** Every `.html` file under `dir`, relative to it (POSIX separators), sorted. */
export async function htmlPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** What html-validate reports for one page of the site in `dir`. */
export async function validatePage(validator: HtmlValidate, dir: string, page: string): Promise<HtmlProblem[]> {
  const report = await validator.validateFile(path.join(dir, page));
  return report.results.flatMap((r) =>
    r.messages.map((m) => ({ page, line: m.line, column: m.column, ruleId: m.ruleId, message: m.message, severity: m.severity })),
  );
}

/** `page:line:column rule message`, one line. */
export function formatProblem(p: HtmlProblem): string {
  return `${p.page}:${p.line}:${p.column} ${p.ruleId} ${p.message}`;
}
