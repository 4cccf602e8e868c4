/** Markdown input: structure kept, markup dropped (fixtures/markdown/article.md is scraper-style output). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Article, articleToMdx, ingestBytes, parseArticle } from '../../src/ingest/index.ts';
import { compileLikeAstro, renderMdx } from './support/render.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'markdown', 'article.md');

function markdown(text: string): Article {
  const result = parseArticle(text, { source: { file: 'x.md', sha256: '0'.repeat(64), url: null }, format: 'markdown' });
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

describe('Markdown input', () => {
  const result = ingestBytes(fs.readFileSync(FIXTURE), 'article.md', {}, 'markdown');
  if (!result.ok) throw new Error(result.reason);
  const { article } = result;

  it('reads metadata from YAML front matter', () => {
    expect(article).toMatchObject({
      title: 'مجلس الوزراء يقر خطة لتطوير النقل العام',
      standfirst: 'الخطة تشمل قطارات وحافلات جديدة في المدن الكبرى',
      author: 'سارة أحمد',
      published: '2021-09-22',
      outlet: 'الجزيرة',
      source: { file: 'article.md', url: 'https://example.com/news/2021/09/22/transport' },
    });
  });

  it('keeps headings, the image caption once, list items, table rows and quotes; drops the markup', () => {
    expect(article.body.map((b) => [b.type, b.text.replace(/\uFDD0([^\uFDD1]*)\uFDD1[^\uFDD2]*\uFDD2/g, '[$1]')])).toEqual([
      [
        'paragraph',
        'الرياض - أقر مجلس الوزراء في جلسته اليوم خطة شاملة لتطوير النقل العام، بحسب [بيان رسمي] نشرته الوزارة. وتمتد الخطة عشر سنوات بتكلفة إجمالية تتجاوز مئة مليار ريال.',
      ],
      ['caption', 'محطة القطار في وسط المدينة'],
      ['heading', 'مراحل التنفيذ'],
      ['paragraph', 'تبدأ المرحلة الأولى العام المقبل، وتشمل:'],
      ['paragraph', 'إنشاء ثلاثة خطوط جديدة للقطارات.'],
      ['paragraph', 'شراء ألف حافلة تعمل بالكهرباء.'],
      ['paragraph', 'ربط المطارات بشبكة النقل.'],
      ['paragraph', 'المرحلة | المدة'],
      ['paragraph', 'الأولى | ثلاث سنوات'],
      ['quote', '«النقل العام هو العمود الفقري لأي مدينة حديثة»'],
      ['paragraph', 'وقال الوزير إن النقل العام هو العمود الفقري لأي مدينة حديثة وإن الوزارة ستنشر التفاصيل على موقعها [هنا].'],
      ['paragraph', 'وختم الوزير بالقول إن المواطن هو المستفيد الأول من هذه المشاريع.'],
    ]);
  });

  it('keeps links to absolute web addresses, reference links resolved', () => {
    const rendered = renderMdx(articleToMdx(article));
    const links = JSON.stringify(rendered).match(/"href":"[^"]+"/g);
    expect(links).toEqual(['"href":"https://example.com/statement_(1)"', '"href":"https://example.com/transport"']);
    expect(() => compileLikeAstro(articleToMdx(article))).not.toThrow();
  });

  it('reports the markup and furniture it removed', () => {
    expect(article.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'YAML front matter (read as metadata)',
        'Markdown link definition (markup)',
        'HTML tags in Markdown (markup)',
        'Markdown table rule (markup)',
        'label of a list of links to other stories',
        'repeats the title',
      ]),
    );
  });

  it('takes the first # heading as the title when nothing else names one, later ones as headings', () => {
    const a = markdown('# العنوان\n\nنص الفقرة الأولى من الخبر.\n\n# عنوان فرعي\n\nنص الفقرة الثانية من الخبر.');
    expect(a.title).toBe('العنوان');
    expect(a.body.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('reads setext headings, joins soft-wrapped lines, resolves escapes and keeps code verbatim', () => {
    const a = markdown('العنوان\n=======\n\nسطر أول\nيكمل الفقرة \\*بنجمة\\* و`{code}` و**غامق**.\n\nفقرة ثانية للتأكد.');
    expect(a.title).toBe('العنوان');
    expect(a.body[0]).toEqual({ type: 'paragraph', text: 'سطر أول يكمل الفقرة *بنجمة* و{code} وغامق.' });
  });

  it('drops link targets that are not web or mail addresses, keeping the link text', () => {
    const a = markdown('# عنوان\n\nانقر [هنا](javascript:alert(1)) أو [هناك](/relative) للمزيد.\n\nفقرة ثانية.');
    expect(a.body[0]).toEqual({ type: 'paragraph', text: 'انقر هنا أو هناك للمزيد.' });
  });
});
