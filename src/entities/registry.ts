import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { entitySchema, type EntityData } from '../schemas/entity.ts';
import type { EntityNames } from './matcher.ts';

/** A registry entity with its id (the file name). */
export interface RegistryEntity extends EntityData {
  id: string;
}

/**
 * The files of a content folder (registry entities, articles) with this extension, as sorted
 * `/`-separated paths relative to it, subfolders included; none when the folder does not exist.
 */
export function contentFiles(dir: string, extension: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(extension))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Reads and validates `<dir>/*.json` (the entity registry) outside Astro's content layer, for
 * the build-time linker. A file that does not validate fails with its path and the problem.
 */
export function loadRegistry(dir: string): RegistryEntity[] {
  return contentFiles(dir, '.json').map((file) => {
    const full = path.join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(full, 'utf8'));
    } catch (error) {
      throw new Error(`${full}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = entitySchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`${full}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return { id: path.basename(file, '.json'), ...parsed.data };
  });
}

/** The names the matcher should look for, per entity. */
export function entityNames(entities: readonly (Pick<RegistryEntity, 'id' | 'name' | 'aliases'> & { shortNames?: readonly string[] })[]): EntityNames[] {
  return entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases], shortNames: e.shortNames ?? [] }));
}

/** Names plus credit/outlet names, for `SourceNameMatcher`. */
export function sourceNames(entities: readonly Pick<RegistryEntity, 'id' | 'name' | 'aliases' | 'sourceNames'>[]) {
  return entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases], sourceNames: e.sourceNames }));
}
