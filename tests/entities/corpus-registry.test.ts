import { describe, expect, it } from 'vitest';
import { entitySchema, type EntityData } from '../../src/schemas/entity.ts';
import { registryNameKey, namesOf, readRegistry, registryEntityRules } from './support/registry.ts';

/**
 * The corpus registry (`bench/scale/registry/<id>.json`) is the hand-curated registry of the
 * entities SaudiNewsNet mentions most. `npm run bench:scale` builds it together with the seed
 * registry (`content/entities/`), so it must pass the seed registry's rules (see
 * `registry.test.ts`) and must not claim an id or a name the seed registry already has.
 */

const files = readRegistry('bench/scale/registry');
const seedFiles = readRegistry('content/entities');
const entities = new Map<string, EntityData>(files.map((f) => [f.id, entitySchema.parse(f.raw)]));
const seed = new Map<string, EntityData>(seedFiles.map((f) => [f.id, entitySchema.parse(f.raw)]));

describe('corpus registry (bench/scale/registry)', () => {
  it('has at least 300 entities, and at least 60 of each of person, place and organization', () => {
    expect(files.length).toBeGreaterThanOrEqual(300);
    const count = (type: string) => [...entities.values()].filter((e) => e.type === type).length;
    for (const type of ['person', 'place', 'organization']) expect(count(type), type).toBeGreaterThanOrEqual(60);
  });

  it('every file validates against the schema, with no key the schema would drop', () => {
    const bad = files.filter((f) => !entitySchema.safeParse(f.raw).success || !Object.keys(f.raw).every((k) => k in entitySchema.shape));
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('ids are lowercase kebab-case slugs of nameEn', () => {
    const slug = (s: string) =>
      s
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/['’]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    for (const [id, e] of entities) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id, id).toBe(slug(e.nameEn));
    }
  });

  it('files are 2-space JSON with keys in schema order and a final newline', () => {
    const order = Object.keys(entitySchema.shape);
    for (const { id, text, raw } of files) {
      const positions = Object.keys(raw).map((k) => order.indexOf(k));
      expect(positions, id).toEqual([...positions].sort((a, b) => a - b));
      expect(text, id).toBe(`${JSON.stringify(raw, null, 2)}\n`);
    }
  });

  it('names and aliases are trimmed and not repeated within an entity', () => {
    for (const [id, e] of entities) {
      for (const n of namesOf(e)) expect(n, id).toBe(n.trim());
      const keys = namesOf(e).map(registryNameKey);
      expect(new Set(keys).size, `${id}: ${namesOf(e).join(' | ')}`).toBe(keys.length);
    }
  });

  it('no id of content/entities is reused', () => {
    expect([...entities.keys()].filter((id) => seed.has(id))).toEqual([]);
  });

  it('no name or alias belongs to two entities, here or in content/entities', () => {
    const owner = new Map<string, string>();
    for (const [id, e] of seed) for (const n of namesOf(e)) owner.set(registryNameKey(n), `content/entities/${id}`);
    const clashes: string[] = [];
    for (const [id, e] of entities) {
      for (const n of namesOf(e)) {
        const other = owner.get(registryNameKey(n));
        if (other && other !== id) clashes.push(`${n}: ${other} / ${id}`);
        owner.set(registryNameKey(n), id);
      }
    }
    expect(clashes).toEqual([]);
  });

  registryEntityRules(() => entities);
});
