import { describe, expect, it } from 'vitest';
import { archivePages } from '../../src/site/pagination.ts';

/** An archive of n articles, newest first: n … 1 (1 is the oldest). */
const archive = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('archivePages', () => {
  it('keeps a small archive on one page', () => {
    for (const n of [0, 1, 3, 7]) {
      const pages = archivePages(archive(n), 4);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatchObject({ number: null, items: archive(n), numbered: 0, older: undefined });
    }
  });

  it('numbers fixed blocks from the oldest and keeps between one and two blocks on the front page', () => {
    const pages = archivePages(archive(14), 4);
    expect(pages.map((p) => [p.number, p.items])).toEqual([
      [null, [14, 13, 12, 11, 10, 9]],
      [2, [8, 7, 6, 5]],
      [1, [4, 3, 2, 1]],
    ]);
    expect(pages.map((p) => [p.newer, p.older, p.first, p.last])).toEqual([
      [undefined, 2, 9, 14],
      [null, 1, 5, 8],
      [2, undefined, 1, 4],
    ]);
    for (const p of pages) expect(p.items.length).toBeLessThanOrEqual(2 * 4 - 1);
  });

  it('changes only the front page when an article is published, until a block fills', () => {
    for (let n = 4; n < 30; n++) {
      const was = archivePages(archive(n), 4);
      const now = archivePages(archive(n + 1), 4);
      const numbered = (pages: typeof was) => new Map(pages.filter((p) => p.number !== null).map((p) => [p.number, p.items]));
      const [a, b] = [numbered(was), numbered(now)];
      // Every numbered page that was there holds what it held; at most one new page appears.
      for (const [k, items] of a) expect(b.get(k), `${n}: page ${k}`).toEqual(items);
      expect(b.size - a.size).toBe((n + 1) % 4 === 0 ? 1 : 0);
      expect(now[0]!.items.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('rejects a page size that is not a whole number', () => {
    expect(() => archivePages([1], 0)).toThrow(/whole number/);
  });
});
