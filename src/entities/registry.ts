import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { entitySchema, type EntityData } from '../schemas/entity.ts';
import type { EntityNames } from './matcher.ts';
import {
  checkRegistryEntities,
  checkRegistryFiles,
  displayPath,
  formatProblem,
  type ContentProblem,
  type EntityFile,
} from './registry-rules.ts';

/** A registry entity with its id (the file name). */
export interface RegistryEntity extends EntityData {
  id: string;
}

/**
 * Every file under a content folder (anything but a folder: symbolic links too), as sorted
 * `/`-separated paths relative to it; none when the folder does not exist.
 */
export function allContentFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A registry that breaks the rules of src/entities/registry-rules.ts: every problem, one a line. */
export class RegistryError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(dir: string, problems: readonly ContentProblem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`the entity registry ${displayPath(dir)} has ${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RegistryError';
    this.problems = problems;
  }
}

/**
 * Reads `<dir>/*.json` (the entity registry) and checks it against every rule of
 * src/entities/registry-rules.ts: the entities, and the problems in file order (none when the
 * registry may be built).
 */
export function checkRegistry(dir: string): { entities: RegistryEntity[]; problems: ContentProblem[] } {
  const { problems, entityFiles } = checkRegistryFiles(dir, allContentFiles(dir));
  const parsed: EntityFile[] = [];
  for (const file of entityFiles) {
    const full = path.join(dir, file);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (error) {
      problems.push({ file: full, rule: 'unreadable', message: `cannot be read (${(error as Error).message})` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({ file: full, rule: 'invalid-json', message: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const result = entitySchema.safeParse(json);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`).join('; ');
      problems.push({ file: full, rule: 'schema', message: issues });
      continue;
    }
    parsed.push({ file: full, id: file.slice(0, -'.json'.length), data: result.data });
  }
  problems.push(...checkRegistryEntities(parsed));
  // One file's problems together, files in name order (a stable sort keeps each file's own order).
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { entities: parsed.map(({ id, data }) => ({ id, ...data })), problems };
}

/**
 * Reads the entity registry for the build, the linker and the CLIs. A registry that breaks any
 * rule fails with a `RegistryError` listing every problem, each with its file and rule.
 */
export function loadRegistry(dir: string): RegistryEntity[] {
  const { entities, problems } = checkRegistry(dir);
  if (problems.length > 0) throw new RegistryError(dir, problems);
  return entities;
}

/** The names the matcher should look for, per entity. */
export function entityNames(
  entities: readonly (Pick<RegistryEntity, 'id' | 'name' | 'aliases'> & { shortNames?: readonly string[] })[],
): EntityNames[] {
  return entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases], shortNames: e.shortNames ?? [] }));
}

/** Names plus credit/outlet names, for `SourceNameMatcher`. */
export function sourceNames(entities: readonly Pick<RegistryEntity, 'id' | 'name' | 'aliases' | 'sourceNames'>[]) {
  return entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases], sourceNames: e.sourceNames }));
}
