import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entitySchema, type EntityData } from '../../src/schemas/entity.ts';
import { registryNameKey, readRegistry, registryEntityRules } from './support/registry.ts';

/**
 * The entity registry (`content/entities/<id>.json`) is hand-curated data: these tests keep it
 * valid, consistent and safe for the matcher (no name claimed by two entities, no tiny aliases).
 */

const fixturePath = path.resolve(import.meta.dirname, 'fixtures/seed-mentions.json');

const files = readRegistry('content/entities');
const entities = new Map<string, EntityData>(files.map((f) => [f.id, entitySchema.parse(f.raw)]));

describe('entity registry', () => {
  it('has entities', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.id, f] as const))('%s validates against the schema', (_id, file) => {
    const result = entitySchema.safeParse(file.raw);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
    // Nothing the schema would silently drop.
    expect(Object.keys(file.raw).every((k) => k in entitySchema.shape)).toBe(true);
  });

  it('ids are lowercase kebab-case Latin slugs (the file name)', () => {
    for (const { id } of files) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('files are 2-space JSON with keys in schema order and a final newline', () => {
    const order = Object.keys(entitySchema.shape);
    for (const { id, text, raw } of files) {
      const keys = Object.keys(raw);
      const positions = keys.map((k) => order.indexOf(k));
      expect(positions, id).toEqual([...positions].sort((a, b) => a - b));
      expect(text, id).toBe(`${JSON.stringify(raw, null, 2)}\n`);
    }
  });

  it('names and aliases are trimmed, non-empty and not repeated within an entity', () => {
    for (const [id, e] of entities) {
      const all = [e.name, ...e.aliases];
      for (const n of all) expect(n, id).toBe(n.trim());
      const keys = all.map(registryNameKey);
      expect(new Set(keys).size, `${id}: ${all.join(' | ')}`).toBe(keys.length);
    }
  });

  it('no name or alias belongs to two entities (after the folding the matcher does)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, e] of entities) {
      for (const n of [e.name, ...e.aliases]) {
        const key = registryNameKey(n);
        const other = owner.get(key);
        if (other && other !== id) clashes.push(`${n}: ${other} / ${id}`);
        owner.set(key, id);
      }
    }
    expect(clashes).toEqual([]);
  });

  registryEntityRules(() => entities);
});

/**
 * `fixtures/seed-mentions.json`: for each seed article (shared/seeds/<stem>.txt), every entity a careful
 * reader would say it names — the expected answer of the linker test. Rules: named mentions only (not
 * adjectives such as الروسي); the whole raw text counts, photo credits, source line, dateline and the
 * English caption included, and the outlet that published it (بي بي سي عربي → bbc); a name inside a longer registered name counts only as the longer one
 * (البحر الأسود in منظمة التعاون الاقتصادي للبحر الأسود, أستانا in مؤتمر أستانا).
 */
describe('seed mentions fixture', () => {
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Record<string, string[]>;

  it('lists the five seed articles by file stem', () => {
    expect(Object.keys(fixture)).toHaveLength(5);
    for (const stem of Object.keys(fixture)) expect(stem).toMatch(/^\d{3}_[0-9a-f]{16}$/);
  });

  it('refers only to registry entities, sorted and without repeats', () => {
    for (const [stem, ids] of Object.entries(fixture)) {
      expect(
        ids.filter((id) => !entities.has(id)),
        stem,
      ).toEqual([]);
      expect(ids, stem).toEqual([...new Set(ids)].sort());
    }
  });
});
