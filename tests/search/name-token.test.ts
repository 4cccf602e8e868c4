import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/entities/registry.ts';
import { isNameToken, nameQueryKey, nameToken } from '../../src/search/name-token.ts';

describe('nameToken', () => {
  it('is a fixed-length Latin word, so no token is a prefix of another', () => {
    const token = nameToken('تنظيم الدولة الإسلامية');
    expect(token).toMatch(/^zq[0-9a-z]{7}$/);
    expect(isNameToken(token)).toBe(true);
    expect(isNameToken('داعش')).toBe(false);
  });

  it('gives spellings the analyzer folds the same token', () => {
    expect(nameToken('أردوغان')).toBe(nameToken('اردوغان'));
    expect(nameToken('مولود جاويش أوغلو')).toBe(nameToken('مولود جاويش اوغلو'));
    expect(nameToken('الكرملين')).toBe(nameToken('الكـرملين'));
    expect(nameToken('جاويش أوغلو')).not.toBe(nameToken('تشاويش أوغلو'));
  });

  it('gives the registry’s different names different tokens', () => {
    const registry = loadRegistry(path.resolve(import.meta.dirname, '../../content/entities'));
    const byToken = new Map<string, string>();
    for (const entity of registry) {
      for (const name of [entity.name, ...entity.aliases]) {
        const other = byToken.get(nameToken(name));
        if (other !== undefined) expect(nameQueryKey(other), `${other} / ${name}`).toBe(nameQueryKey(name));
        byToken.set(nameToken(name), name);
      }
    }
    expect(byToken.size).toBeGreaterThan(100);
  });
});
