import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FACES, FONT_SUBSETS, unicodeRange } from '../../src/site/fonts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const css = readFileSync(path.join(root, 'src/styles/fonts.css'), 'utf8');
const faces = [...css.matchAll(/@font-face \{([^}]+)\}/g)].map((m) => m[1]!);

describe('subset fonts', () => {
  it('declares one @font-face per face and subset, with the subset ranges of src/site/fonts.ts', () => {
    const subsets = Object.keys(FONT_SUBSETS) as (keyof typeof FONT_SUBSETS)[];
    expect(faces).toHaveLength(FONT_FACES.length * subsets.length);
    for (const face of FONT_FACES) {
      for (const subset of subsets) {
        const file = `${face.package}-${subset}-${face.weight}.woff2`;
        const rule = faces.find((f) => f.includes(`/${file}"`));
        expect(rule, file).toBeDefined();
        expect(rule).toContain(`font-family: "${face.family}"`);
        expect(rule).toContain(`font-weight: ${face.weight}`);
        expect(rule).toContain(`unicode-range: ${unicodeRange(subset)};`);
        expect(existsSync(path.join(root, 'src/fonts', file)), file).toBe(true);
      }
    }
  });
});
