import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegistry, loadRegistry, RegistryError } from '../../src/entities/registry.ts';
import { formatProblem, isStopwordName, nameMatchKey, REGISTRY_RULES } from '../../src/entities/registry-rules.ts';

/**
 * The registry rules (src/entities/registry-rules.ts), run as the build runs them: `loadRegistry`
 * on a real folder made of the seed registry's own files with one mistake each. The build test
 * (tests/site/content-rules.test.ts) shows the same lines stopping `npm run build`.
 */

const root = path.resolve(import.meta.dirname, '../..');
const seed = path.join(root, 'content/entities');
let dir: string;

/** A registry folder with these seed entities, copied as they are. */
function registry(...ids: string[]): string {
  const folder = path.join(dir, 'entities');
  mkdirSync(folder, { recursive: true });
  for (const id of ids) cpSync(path.join(seed, `${id}.json`), path.join(folder, `${id}.json`));
  return folder;
}

/** Changes one entity file of `folder` (or writes a new one at `file`). */
function edit(folder: string, file: string, change: (data: Record<string, unknown>) => Record<string, unknown>, from = file): void {
  const data = JSON.parse(readFileSync(path.join(seed, from), 'utf8')) as Record<string, unknown>;
  mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
  writeFileSync(path.join(folder, file), `${JSON.stringify(change(data), null, 2)}\n`);
}

const withAliases =
  (...aliases: string[]) =>
  (data: Record<string, unknown>) => ({ ...data, aliases: [...(data.aliases as string[]), ...aliases] });

/** The problems of a folder, one formatted line each (`file: message [rule]`, file relative to the folder). */
function problems(folder: string): string[] {
  return checkRegistry(folder).problems.map((p) => formatProblem({ ...p, file: path.relative(folder, p.file) }));
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'marsad-registry-rules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the registry rules', () => {
  it('hold for the seed registry, and for it together with the corpus registry (as bench:scale builds them)', () => {
    expect(checkRegistry(seed).problems.map(formatProblem)).toEqual([]);
    const both = registry();
    for (const from of [seed, path.join(root, 'bench/scale/registry')]) {
      cpSync(from, both, { recursive: true, filter: (f) => f === from || f.endsWith('.json') });
    }
    expect(checkRegistry(both).problems.map(formatProblem)).toEqual([]);
    expect(checkRegistry(both).entities.length).toBeGreaterThan(700);
  });

  it('shared-alias: «بوتين» added to russia is reported on both entities that go by it, spelled any way the matcher folds', () => {
    const folder = registry('vladimir-putin', 'china');
    edit(folder, 'russia.json', withAliases('بُوتين'));
    // An alias that is another entity's canonical name is the alias's fault alone.
    edit(folder, 'china.json', withAliases('فلاديمير بوتين'));
    expect(problems(folder)).toEqual([
      `china.json: alias «فلاديمير بوتين» is also the name of vladimir-putin (${path.join(folder, 'vladimir-putin.json')}) [shared-alias]`,
      `russia.json: alias «بُوتين» is also an alias of vladimir-putin (${path.join(folder, 'vladimir-putin.json')}) [shared-alias]`,
      `vladimir-putin.json: alias «بوتين» is also an alias of russia (${path.join(folder, 'russia.json')}) [shared-alias]`,
    ]);
  });

  it('duplicate-name: two entities with the same name, each told of the other', () => {
    const folder = registry('russia');
    edit(
      folder,
      'russian-federation.json',
      (data) => ({ ...data, name: 'روسيآ', nameEn: 'Russian Federation', aliases: [] }),
      'russia.json',
    );
    expect(problems(folder)).toEqual([
      `russia.json: name «روسيا» is also the name of russian-federation (${path.join(folder, 'russian-federation.json')}) [duplicate-name]`,
      `russian-federation.json: name «روسيآ» is also the name of russia (${path.join(folder, 'russia.json')}) [duplicate-name]`,
    ]);
  });

  it('stopword-name: stop words and proclitics as names, aliases or short names; spaced initials are an acronym', () => {
    const folder = registry('agence-france-presse');
    edit(folder, 'china.json', (data) => ({ ...withAliases('في', 'و', 'ال', 'وفي', 'إلى', 'في ما')(data), shortNames: ['من'] }));
    expect(problems(folder)).toEqual(
      [
        ['alias', 'في'],
        ['alias', 'و'],
        ['alias', 'ال'],
        ['alias', 'وفي'],
        ['alias', 'إلى'],
        ['alias', 'في ما'],
        ['short name', 'من'],
      ].map(([field, name]) => `china.json: ${field} «${name}» is a stop word: it would match in almost every article [stopword-name]`),
    );
    expect(isStopwordName(nameMatchKey('أ ف ب'))).toBe(false);
    expect(isStopwordName(nameMatchKey('فلاديمير بوتين'))).toBe(false);
  });

  it('blank-name: blank, punctuation-only, diacritics-only and tatweel-only names', () => {
    const folder = registry();
    edit(folder, 'china.json', (data) => ({ ...withAliases('   ', '...', '\u064B\u064C', 'ـــ')(data), name: '«»', sourceNames: ['-'] }));
    expect(problems(folder)).toEqual([
      'china.json: name ««»» has no letter or digit [blank-name]',
      'china.json: alias «   » has no letter or digit [blank-name]',
      'china.json: alias «...» has no letter or digit [blank-name]',
      'china.json: alias «\u064B\u064C» has no letter or digit [blank-name]',
      'china.json: alias «ـــ» has no letter or digit [blank-name]',
      'china.json: source name «-» has no letter or digit [blank-name]',
    ]);
  });

  it('shared-short-name and shared-source-name: short and source names are claimed once too', () => {
    const folder = registry('syrian-opposition', 'saudi-press-agency');
    edit(folder, 'russia.json', (data) => ({ ...data, shortNames: ['المعارضه'], sourceNames: ['واس', 'روسيا الاتحادية'] }));
    expect(problems(folder)).toEqual([
      `russia.json: short name «المعارضه» is also a short name of syrian-opposition (${path.join(folder, 'syrian-opposition.json')}) [shared-short-name]`,
      `russia.json: source name «واس» is also a source name of saudi-press-agency (${path.join(folder, 'saudi-press-agency.json')}) [shared-source-name]`,
      `saudi-press-agency.json: source name «واس» is also a source name of russia (${path.join(folder, 'russia.json')}) [shared-source-name]`,
      `syrian-opposition.json: short name «المعارضة» is also a short name of russia (${path.join(folder, 'russia.json')}) [shared-short-name]`,
    ]);
  });

  it('shared-nickname: a nickname stands for one entity, never for another’s name; blank or stop-word nicknames are refused', () => {
    const folder = registry('russia', 'china');
    edit(folder, 'russia.json', (data) => ({ ...data, nicknames: ['الدب الروسي', 'التنين', 'الصين', 'في', '...'] }));
    edit(folder, 'china.json', (data) => ({ ...data, nicknames: ['التنين'] }));
    expect(problems(folder)).toEqual([
      `china.json: nickname «التنين» is also a nickname of russia (${path.join(folder, 'russia.json')}) [shared-nickname]`,
      'russia.json: nickname «في» is a stop word: it would match in almost every article [stopword-name]',
      'russia.json: nickname «...» has no letter or digit [blank-name]',
      `russia.json: nickname «التنين» is also a nickname of china (${path.join(folder, 'china.json')}) [shared-nickname]`,
      `russia.json: nickname «الصين» is also the name of china (${path.join(folder, 'china.json')}) [shared-nickname]`,
    ]);
  });

  it('case-collision, entity-id, subfolder, not-json, invalid-json and schema: the files themselves', () => {
    const folder = registry('russia', 'china');
    edit(folder, 'Russia.json', (data) => ({ ...data, name: 'روسيا القيصرية', aliases: [] }), 'russia.json');
    edit(folder, 'old/china.json', (data) => data, 'china.json');
    writeFileSync(path.join(folder, 'iran.yaml'), 'type: place\nname: إيران\n');
    writeFileSync(path.join(folder, 'iraq.yml'), 'type: place\n');
    writeFileSync(path.join(folder, 'README.md'), 'Notes on the registry.\n');
    writeFileSync(path.join(folder, 'broken.json'), '{"type": "place", "name": "مصر",');
    writeFileSync(path.join(folder, 'egypt.json'), JSON.stringify({ type: 'country', name: 'مصر', nameEn: 'Egypt' }));
    const lines = problems(folder);
    expect(lines).toEqual([
      'Russia.json: the file name "Russia" is not a lowercase Latin slug (a-z, 0-9 and "-"), as the entity\'s id must be [entity-id]',
      expect.stringMatching(/^broken\.json: not valid JSON \(.+\) \[invalid-json\]$/),
      expect.stringMatching(/^egypt\.json: type: .*; description: .* \[schema\]$/),
      'iran.yaml: not a registry file: the registry reads only <id>.json files [not-json]',
      'iraq.yml: not a registry file: the registry reads only <id>.json files [not-json]',
      `old/china.json: in a subfolder: an entity file must sit directly in ${folder} [subfolder]`,
      `russia.json: differs only by case from ${path.join(folder, 'Russia.json')} [case-collision]`,
    ]);
  });

  it('loadRegistry fails once with every problem, each on one line naming its file and rule', () => {
    const folder = registry('vladimir-putin');
    edit(folder, 'russia.json', withAliases('بوتين', 'في'));
    writeFileSync(path.join(folder, 'notes.yaml'), 'x: 1\n');
    let error: unknown;
    try {
      loadRegistry(folder);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryError);
    const message = (error as RegistryError).message;
    expect(message.split('\n')).toEqual([
      `the entity registry ${folder} has 4 problems:`,
      `${path.join(folder, 'notes.yaml')}: not a registry file: the registry reads only <id>.json files [not-json]`,
      `${path.join(folder, 'russia.json')}: alias «في» is a stop word: it would match in almost every article [stopword-name]`,
      `${path.join(folder, 'russia.json')}: alias «بوتين» is also an alias of vladimir-putin (${path.join(folder, 'vladimir-putin.json')}) [shared-alias]`,
      `${path.join(folder, 'vladimir-putin.json')}: alias «بوتين» is also an alias of russia (${path.join(folder, 'russia.json')}) [shared-alias]`,
    ]);
  });

  it('every rule is documented in docs/entities.md', () => {
    const docs = readFileSync(path.join(root, 'docs/entities.md'), 'utf8');
    expect(Object.keys(REGISTRY_RULES).filter((rule) => !docs.includes(`\`${rule}\``))).toEqual([]);
  });
});
