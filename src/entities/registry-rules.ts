/**
 * The rules an entity registry folder (`content/entities/`) must keep before anything is built
 * from it. Each rule has a stable short name, printed at the end of every problem it finds:
 *
 *   content/entities/russia.json: alias «بوتين» is also an alias of vladimir-putin (content/entities/vladimir-putin.json) [shared-alias]
 *
 * Pure functions over file names and parsed entities: `loadRegistry` (src/entities/registry.ts)
 * reads the folder and runs them, so the site build, the CLIs and the tests apply the same rules.
 * A registry that breaks any rule is rejected whole, with every problem listed.
 */
import path from 'node:path';
import { ARABIC_STOPWORDS, tokenize } from '../arabic/index.ts';
import { shownName } from '../core/shown-name.ts';
import type { EntityData } from '../schemas/entity.ts';
import { matchKey } from './matcher.ts';

/** Every registry rule by its short name, with what it rejects (docs/entities.md lists them too). */
export const REGISTRY_RULES = {
  subfolder: 'a file in a subfolder of the registry folder (an entity is one `<id>.json` directly in it)',
  'not-json':
    'a file that is not `.json` (`.yaml`, `.yml`, notes, editor leftovers; a `README.md` is allowed): the registry reads JSON only',
  'entity-id': 'a file name that is not a lowercase Latin slug (`a-z`, `0-9`, `-`): the name is the entity’s id and URL',
  'case-collision': 'two files whose names differ only by case (`Russia.json` beside `russia.json`)',
  unreadable: 'a file that cannot be read',
  'invalid-json': 'a file that is not valid JSON',
  schema: 'an entity that does not match the schema (src/schemas/entity.ts)',
  'blank-name': 'a name, alias, short name, nickname or source name with no letter or digit (blank, punctuation or diacritics only)',
  'stopword-name': 'a name, alias, short name or nickname that is only a stop word or a proclitic (في، و، ال، من …)',
  'duplicate-name': 'two entities with the same name (after the matcher’s normalization)',
  'shared-alias': 'a name or alias that another entity also goes by (after the matcher’s normalization)',
  'shared-short-name': 'a short name of two entities',
  'shared-source-name': 'a source name that another entity has as a source name, name or alias',
  'shared-nickname': 'a nickname that another entity has as a nickname, name or alias',
} as const;

export type RegistryRule = keyof typeof REGISTRY_RULES;

/** One problem of a content file: which file (absolute path), what is wrong, and the rule. */
export interface ContentProblem<Rule extends string = RegistryRule> {
  file: string;
  rule: Rule;
  message: string;
}

/**
 * A path as people read it, on one line: relative to the working folder when it is inside it,
 * with line breaks, other control characters and bidi overrides escaped (by `shownName`: `a\nb.json`).
 */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return shownName(relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file);
}

/** `file: message [rule]`, on one line. */
export function formatProblem(problem: ContentProblem<string>): string {
  return `${displayPath(problem.file)}: ${problem.message} [${problem.rule}]`;
}

/** Ids are lowercase Latin slugs: `vladimir-putin`, `g20`. */
const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Rules on the names of the files in a registry folder (`files`: every file under `dir`, as
 * `/`-separated paths relative to it). Returns the problems and the `.json` files to read.
 */
export function checkRegistryFiles(dir: string, files: readonly string[]): { problems: ContentProblem[]; entityFiles: string[] } {
  const problems: ContentProblem[] = [];
  const entityFiles: string[] = [];
  const byLowerCase = new Map<string, string>();
  for (const file of [...files].sort()) {
    const full = path.join(dir, file);
    if (file.includes('/')) {
      problems.push({ file: full, rule: 'subfolder', message: `in a subfolder: an entity file must sit directly in ${displayPath(dir)}` });
      continue;
    }
    if (file.toLowerCase() === 'readme.md') continue; // the folder's documentation (bench/scale/registry has one)
    if (!file.endsWith('.json')) {
      problems.push({ file: full, rule: 'not-json', message: 'not a registry file: the registry reads only <id>.json files' });
      continue;
    }
    const id = file.slice(0, -'.json'.length);
    if (!ENTITY_ID.test(id)) {
      problems.push({
        file: full,
        rule: 'entity-id',
        message: `the file name "${id}" is not a lowercase Latin slug (a-z, 0-9 and "-"), as the entity's id must be`,
      });
    }
    const lower = file.toLowerCase();
    const other = byLowerCase.get(lower);
    if (other !== undefined) {
      problems.push({ file: full, rule: 'case-collision', message: `differs only by case from ${displayPath(path.join(dir, other))}` });
    } else {
      byLowerCase.set(lower, file);
    }
    entityFiles.push(file);
  }
  return { problems, entityFiles };
}

/** One parsed entity file: its absolute path, id (file name) and data. */
export interface EntityFile {
  file: string;
  id: string;
  data: EntityData;
}

/**
 * How the matcher compares a name: its words, each folded by the matcher's own key (the Arabic
 * normalizer, the era letter of a year, the kunya أبو), joined by one space. Two names with the
 * same key are the same name to the matcher; an empty key is a name it can never find.
 */
export function nameMatchKey(name: string): string {
  return tokenize(name)
    .map((token) => matchKey(token.text))
    .join(' ');
}

/** A word made only of proclitics and the article: و، ف، ب، ل، ك، ال، وال، بال، لل … */
const PROCLITICS_ONLY = /^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)$/;

const isFunctionWord = (word: string): boolean => ARABIC_STOPWORDS.has(word) || PROCLITICS_ONLY.test(word);

/**
 * A name the matcher would find in every other sentence: a stop word or a proclitic alone, or
 * words that are all such. Spaced single letters are an acronym («أ ف ب»), not stop words.
 */
export function isStopwordName(key: string): boolean {
  const words = key.split(' ').filter(Boolean);
  if (words.length === 0 || !words.every(isFunctionWord)) return false;
  return words.length === 1 || words.some((w) => [...w].length > 1);
}

type NameField = 'name' | 'alias' | 'short name' | 'nickname' | 'source name';

/** Who goes by a name key: the entity, the field, and the name as written. */
interface Owner {
  entity: EntityFile;
  field: NameField;
  written: string;
}

/** "the name", "an alias", "a short name" … of another entity. */
const fieldPhrase = (field: NameField): string => (field === 'alias' ? 'an alias' : field === 'name' ? 'the name' : `a ${field}`);

/** A name as printed in a problem: in «», with line breaks and other controls escaped so it stays on one line. */
const quoted = (name: string): string => `«${JSON.stringify(name).slice(1, -1)}»`;

/**
 * Rules on the entities' names, across the whole registry: every name readable, none a stop word,
 * none claimed by two entities. A clash is reported on every file it involves, except that an
 * alias clashing with another entity's canonical name is the alias's fault alone, and a source
 * name clashing with another entity's name the source name's.
 */
export function checkRegistryEntities(entities: readonly EntityFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (entity: EntityFile, rule: RegistryRule, message: string) => problems.push({ file: entity.file, rule, message });

  // Who goes by each key, per key space: names and aliases (the matcher), short names, source names.
  const names = new Map<string, Owner[]>();
  const shortNames = new Map<string, Owner[]>();
  const sourceNames = new Map<string, Owner[]>();
  const nicknames = new Map<string, Owner[]>();
  const spaces: Record<NameField, Map<string, Owner[]>> = {
    name: names,
    alias: names,
    'short name': shortNames,
    nickname: nicknames,
    'source name': sourceNames,
  };
  for (const entity of entities) {
    const { name, aliases, shortNames: shorts, sourceNames: sources, nicknames: epithets } = entity.data;
    const fields: [NameField, readonly string[]][] = [
      ['name', [name]],
      ['alias', aliases],
      ['short name', shorts],
      ['nickname', epithets],
      ['source name', sources],
    ];
    for (const [field, list] of fields) {
      for (const written of list) {
        const key = nameMatchKey(written);
        if (key === '') {
          report(entity, 'blank-name', `${field} ${quoted(written)} has no letter or digit`);
        } else if (field !== 'source name' && isStopwordName(key)) {
          report(entity, 'stopword-name', `${field} ${quoted(written)} is a stop word: it would match in almost every article`);
        } else {
          const space = spaces[field];
          const owners = space.get(key) ?? [];
          if (owners.length === 0) space.set(key, owners);
          owners.push({ entity, field, written });
        }
      }
    }
  }

  /** Reports each of `blamed` against the first of `others` that belongs to another entity. */
  const clash = (blamed: readonly Owner[], others: readonly Owner[], rule: RegistryRule) => {
    for (const owner of blamed) {
      const other = others.find((o) => o.entity !== owner.entity);
      if (!other) continue;
      report(
        owner.entity,
        rule,
        `${owner.field} ${quoted(owner.written)} is also ${fieldPhrase(other.field)} of ${other.entity.id} (${displayPath(other.entity.file)})`,
      );
    }
  };
  for (const owners of names.values()) {
    const named = owners.filter((o) => o.field === 'name');
    const aliased = owners.filter((o) => o.field === 'alias' && !named.some((n) => n.entity === o.entity));
    clash(named, named, 'duplicate-name');
    clash(aliased, named.length > 0 ? named : aliased, 'shared-alias');
  }
  for (const owners of shortNames.values()) clash(owners, owners, 'shared-short-name');
  // Credits and outlets are compared with source names and names alike (SourceNameMatcher).
  for (const [key, owners] of sourceNames) clash(owners, [...owners, ...(names.get(key) ?? [])], 'shared-source-name');
  // A query's nickname stands for one entity, and never for what a name already names.
  for (const [key, owners] of nicknames) clash(owners, [...owners, ...(names.get(key) ?? [])], 'shared-nickname');
  return problems;
}
