import { describe, expect, it } from 'vitest';
import { searchInput } from '../../src/site/search/index-site.ts';

/** What a bundle's digest reads of a page (src/site/search/index-site.ts). */
describe('searchInput', () => {
  it('drops the elements Pagefind ignores, nested ones and all', () => {
    const html =
      '<main data-pagefind-body><h1>الرياض</h1><section data-pagefind-ignore><h2 id="a">المقالات</h2><section><p>ورد في 5 مقالات</p></section></section><p>عاصمة</p></main>';
    expect(searchInput(html)).toBe('<main data-pagefind-body><h1>الرياض</h1><p>عاصمة</p></main>');
    expect(searchInput(html.replace('5 مقالات', '6 مقالات'))).toBe(searchInput(html));
  });

  it('keeps an ignored element holding a field Pagefind still reads, unless it ignores "all"', () => {
    const field = '<p data-pagefind-ignore>المصدر: <a data-pagefind-filter="المصدر">سبق</a></p>';
    expect(searchInput(`<main>${field}</main>`)).toBe(`<main>${field}</main>`);
    const all = '<div data-pagefind-ignore="all"><span data-pagefind-meta="x">y</span></div>';
    expect(searchInput(`<main>${all}<p>z</p></main>`)).toBe('<main><p>z</p></main>');
  });

  it('keeps what is not ignored, and a page with no ignored element as it is', () => {
    const html = '<main data-pagefind-body><p data-pagefind-ignored-not="1">نص</p><img data-pagefind-ignore src="x.png"></main>';
    expect(searchInput(html)).toBe(html);
  });
});
