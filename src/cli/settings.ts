/**
 * `npm run settings [-- VARIABLE...]`
 *
 * Without arguments, prints every setting (src/settings.ts) as this environment gives it: the
 * variable, its value, and whether the value is the default. With variable names, prints only
 * their values, one a line, for shell scripts (`scripts/ensure-chromium.sh`). Exits 0; 2 when a
 * setting has a bad value (each named on stderr) or a variable is not a setting.
 */
import { isSet, settingDefinitions, settingsOrExit, type SettingName } from '../settings.ts';
import { commandLine } from './args.ts';

const USAGE = `usage: npm run settings [-- VARIABLE...]
  prints every setting of this environment, or the values of the given variables (one a line)
  the settings and their defaults: docs/settings.md`;

const { positionals: args } = commandLine(USAGE, { allowPositionals: true, options: {} });
const names = Object.keys(settingDefinitions) as SettingName[];
const byVariable = new Map(names.map((name) => [settingDefinitions[name].env, name]));
const unknown = args.filter((arg) => !byVariable.has(arg));
if (unknown.length > 0) {
  process.stderr.write(`not a setting: ${unknown.join(', ')}\n${USAGE}\n`);
  process.exit(2);
}
const values = settingsOrExit();
if (args.length > 0) {
  for (const arg of args) process.stdout.write(`${String(values[byVariable.get(arg) as SettingName])}\n`);
} else {
  for (const name of names) {
    process.stdout.write(`${settingDefinitions[name].env}=${String(values[name])}${isSet(name) ? '' : '  (default)'}\n`);
  }
}
