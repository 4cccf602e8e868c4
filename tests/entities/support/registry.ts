import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { nameKey } from '../../../src/ingest/names.ts';
import type { EntityData } from '../../../src/schemas/entity.ts';

/** One registry file as written: its id (file name), text and parsed JSON. */
export interface RegistryFile {
  id: string;
  text: string;
  raw: Record<string, unknown>;
}

const root = path.resolve(import.meta.dirname, '../../..');

/** The `*.json` files of a registry folder (relative to the project root), sorted by id. */
export function readRegistry(dir: string): RegistryFile[] {
  return readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(root, dir, f), 'utf8');
      return { id: path.basename(f, '.json'), text, raw: JSON.parse(text) as Record<string, unknown> };
    });
}

/**
 * A comparison key for registry names: the names key of ingest (`nameKey`, src/ingest/names.ts:
 * the Arabic normalizer's folding — marks, tatweel, hamza forms, ة/ه, ى/ي, Latin case — and
 * punctuation between words dropped), and — stricter than the matcher — the article removed from
 * every word, so "الناتو" and "ناتو" count as one name.
 */
export function registryNameKey(name: string): string {
  return nameKey(name.normalize('NFC'))
    .split(' ')
    .filter(Boolean)
    .map((w) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w))
    .join(' ');
}

/** Letters and digits in a name, ignoring spaces and punctuation. */
export const letterCount = (name: string): number => (name.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** An explicit acronym: Latin capitals/digits (EPA, M4, G20) or spaced/dotted Arabic letters (أ ف ب). */
export const isAcronym = (name: string): boolean =>
  /^(?=.*[A-Z])[A-Z0-9]+$/.test(name) || /^[\u0621-\u064A](?:[ .][\u0621-\u064A])+\.?$/.test(name);

/** The canonical name and every alias of an entity. */
export const namesOf = (e: EntityData): string[] => [e.name, ...e.aliases];

/**
 * The per-entity rules every registry keeps (the seed one and the corpus one): declared as tests
 * inside the caller's `describe`.
 */
export function registryEntityRules(entities: () => Map<string, EntityData>): void {
  it('no alias is shorter than 3 letters unless it is an explicit acronym', () => {
    const short = [...entities()].flatMap(([id, e]) =>
      e.aliases.filter((a) => letterCount(a) < 3 && !isAcronym(a)).map((a) => `${id}: ${a}`),
    );
    expect(short).toEqual([]);
  });

  it('only places have coordinates', () => {
    for (const [id, e] of entities()) if (e.coordinates) expect(e.type, id).toBe('place');
  });

  it('Arabic fields are written in Arabic and nameEn in Latin script', () => {
    for (const [id, e] of entities()) {
      expect(e.name, id).toMatch(/^[\u0600-\u06FF0-9 .-]+$/);
      expect(e.description, id).toMatch(/[\u0600-\u06FF]/);
      expect(e.nameEn, id).toMatch(/^[\p{Script=Latin}0-9 .,'()-]+$/u);
    }
  });
}
