import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { articleCardHtml, escapeHtml, publishedDateHtml } from '../../src/site-core/article-card.ts';
import { approximateDateNote } from '../../src/site-core/labels.ts';
import { outletUrlOf } from '../../src/site-core/urls.ts';

const article = (
  over: Partial<{
    id: string;
    digest: string | undefined;
    title: string;
    standfirst: string | null;
    outlet: string | null;
    published: Date | null;
    publishedFrom: string;
  }> = {},
) => ({
  id: over.id ?? 'a1b2c3d4e5f6',
  digest: 'digest' in over ? over.digest : 'd1',
  data: {
    title: over.title ?? 'بوتين يلتقي أردوغان',
    standfirst: 'standfirst' in over ? over.standfirst : 'لقاء في سوتشي',
    outlet: 'outlet' in over ? over.outlet! : 'عكاظ',
    published: 'published' in over ? over.published! : new Date('2015-08-06T00:00:00Z'),
    ...(over.publishedFrom ? { publishedFrom: over.publishedFrom } : {}),
  },
});

describe('article cards as HTML strings', () => {
  it('escape what an article says: a headline with markup stays text', () => {
    expect(escapeHtml(`<b>"قال" & 'رد'</b>`)).toBe('&lt;b&gt;&quot;قال&quot; &amp; &#39;رد&#39;&lt;/b&gt;');
    const card = parse(articleCardHtml(article({ id: 'esc000000001', title: '<script>x</script> «عنوان» & "نص"' })));
    expect(card.querySelector('script')).toBeNull();
    expect(card.querySelector('h2 a')!.text).toBe('<script>x</script> «عنوان» & "نص"');
  });

  it('show headline, standfirst, outlet and date in a list, headline, outlet and date when compact', () => {
    const list = parse(articleCardHtml(article({ id: 'list00000001' })));
    expect(list.querySelector('h2 a')!.getAttribute('href')).toBe('/articles/list00000001/');
    expect(list.querySelector('p.text-gray-700')!.text).toBe('لقاء في سوتشي');
    const [outlet, day] = list.querySelectorAll('p.text-sm a');
    expect(outlet!.getAttribute('href')).toBe(outletUrlOf('عكاظ'));
    expect(outlet!.text).toBe('عكاظ');
    expect(day!.getAttribute('href')).toBe('/archive/2015-08-06/');
    expect(day!.querySelector('time')!.getAttribute('datetime')).toBe('2015-08-06');

    const compact = parse(articleCardHtml(article({ id: 'list00000001' }), { compact: true }));
    expect(compact.querySelector('h2')).toBeNull();
    expect(compact.querySelector('h3 a')!.text).toBe('بوتين يلتقي أردوغان');
    expect(compact.querySelector('p.text-gray-700')).toBeNull();

    const ownOutlet = parse(articleCardHtml(article({ id: 'list00000001' }), { showOutlet: false, level: 3 }));
    expect(ownOutlet.querySelectorAll('p.text-sm a').map((a) => a.getAttribute('href'))).toEqual(['/archive/2015-08-06/']);
    expect(ownOutlet.querySelector('h3')).not.toBeNull();
  });

  it('leave out an outlet, a standfirst or a date the article does not have', () => {
    const bare = parse(articleCardHtml(article({ id: 'bare00000001', outlet: null, standfirst: null, published: null })));
    expect(bare.querySelectorAll('p.text-sm a')).toEqual([]);
    expect(bare.querySelector('p.text-gray-700')).toBeNull();
  });

  it('say that a collection date is «or before», with the note as its title', () => {
    const date = parse(publishedDateHtml(new Date('2015-07-21T00:00:00Z'), 'collected'));
    expect(date.querySelector('span')!.getAttribute('data-published-from')).toBe('collected');
    expect(date.querySelector('time')!.getAttribute('title')).toBe(approximateDateNote);
    expect(date.text).toBe('21 يوليو 2015 أو قبله');
    const exact = parse(publishedDateHtml(new Date('2015-07-21T00:00:00Z'), 'record', 'ms-2 text-sm'));
    expect(exact.querySelector('span')!.getAttribute('class')).toBe('ms-2 text-sm');
    expect(exact.querySelector('time')!.getAttribute('title')).toBeUndefined();
    expect(exact.text).toBe('21 يوليو 2015');
  });

  it('make a card again when the article changed (a new digest), and only then', () => {
    const first = articleCardHtml(article({ id: 'same00000001', digest: 'v1', title: 'قبل' }));
    expect(articleCardHtml(article({ id: 'same00000001', digest: 'v1', title: 'قبل' }))).toBe(first);
    expect(articleCardHtml(article({ id: 'same00000001', digest: 'v2', title: 'بعد' }))).toContain('بعد');
    // No digest (a dev server's entry): never taken from what was made before.
    articleCardHtml(article({ id: 'nodg00000001', digest: undefined, title: 'أول' }));
    expect(articleCardHtml(article({ id: 'nodg00000001', digest: undefined, title: 'ثان' }))).toContain('ثان');
  });
});
