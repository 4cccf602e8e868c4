/**
 * `npm run docs:settings`: writes the reference table of every setting (src/settings.ts) into
 * docs/settings.md, between its `settings:start` and `settings:end` markers; the rest of the page
 * is left as written. `tests/settings.test.ts` fails when the page and the definitions disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { settingDefinitions, settingGroups, type SettingName } from '../src/settings.ts';

export const settingsDoc = path.resolve(import.meta.dirname, '..', 'docs', 'settings.md');
export const START = '<!-- settings:start (npm run docs:settings writes this part) -->';
export const END = '<!-- settings:end -->';

/** A table cell: one line, with `|` escaped. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The reference tables, one per group, in the order of the definitions. */
export function settingsReference(): string {
  const names = Object.keys(settingDefinitions) as SettingName[];
  const sections = Object.entries(settingGroups).map(([group, title]) => {
    const rows = names
      .map((name) => settingDefinitions[name])
      .filter((d) => d.group === group)
      .map((d) => `| \`${d.env}\` | ${cell(d.expected)} | \`${cell(d.default)}\` | ${cell(d.description)} |`);
    return [`### ${title}`, '', '| variable | value | default | what it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
  });
  return sections.join('\n\n');
}

/** `page` with the part between the markers replaced by `reference`; an error when a marker is missing. */
export function withReference(page: string, reference: string): string {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${settingsDoc}: needs the markers ${START} and ${END}, in that order`);
  return `${page.slice(0, start + START.length)}\n\n${reference}\n\n${page.slice(end)}`;
}

if (import.meta.main) {
  commandLine(usageFromHeader(import.meta.url), { options: {} });
  const page = readFileSync(settingsDoc, 'utf8');
  const updated = withReference(page, settingsReference());
  if (updated === page) {
    process.stdout.write(`${path.relative(process.cwd(), settingsDoc)}: up to date\n`);
  } else {
    writeFileSync(settingsDoc, updated);
    process.stdout.write(`${path.relative(process.cwd(), settingsDoc)}: settings table written\n`);
  }
}
