import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/entities/registry.ts';
import type { ZoneCounts } from '../../src/entities/mentions.ts';
import { ingestRecord } from '../../src/ingest/index.ts';
import { articleToMdx } from '../../src/ingest/mdx.ts';
import { articlePreparer } from '../../src/site/article-prepare.ts';

/**
 * Every zone of an article counts, each for what it is: a record shaped like SaudiNewsNet's goes
 * through the project's ingest (the MDX it writes) and the article loader's preparer (what the
 * site links), with the registry `npm run bench:scale` builds SaudiNewsNet with.
 */
const root = path.resolve(import.meta.dirname, '../..');
const registry = [...loadRegistry(path.join(root, 'content/entities')), ...loadRegistry(path.join(root, 'bench/scale/registry'))];
const prepare = articlePreparer({ registry, enrich: false });

const BODY = [
  'أعلنت وزارة الداخلية عن خطة جديدة لتنظيم حركة المرور في موسم الصيف، تشمل زيادة عدد الدوريات في الطرق السريعة ومراقبة السرعة.',
  'وقال مصدر مسؤول لـ«الرياض» إن الخطة ستطبق في جميع المناطق خلال الأسابيع المقبلة، بالتنسيق مع الجهات المعنية.',
  'وأضاف أن الوزارة تتابع تنفيذ الخطة يوميا، وأن نتائجها ستعلن في نهاية الموسم.',
].join('\n\n');

/** Entity id → its zones, for one record ingested and prepared. */
function zonesOf(record: Record<string, string>): Map<string, ZoneCounts> {
  const ingested = ingestRecord(record, JSON.stringify(record), 'day.json#1');
  if (!ingested.ok) throw new Error(ingested.reason);
  const prepared = prepare('a1', articleToMdx(ingested.article));
  if (!prepared.ok) throw new Error(prepared.reason);
  return prepared.metadata.zones;
}

describe('zones of a real-shaped article', () => {
  const zones = zonesOf({
    source: 'alriyadh',
    url: 'http://www.alriyadh.com/1066700',
    title: 'خطة صيفية لحركة المرور في جدة والرياض',
    author: 'جدة - واس',
    content: BODY,
  });

  it('resolves the outlet through the outlet table to the newspaper, not the city of the same name', () => {
    expect(zones.get('al-riyadh-newspaper')).toMatchObject({ outlet: 1 });
  });

  it('reads the newspaper quoted in the text as the newspaper', () => {
    expect(zones.get('al-riyadh-newspaper')).toMatchObject({ body: 1 });
  });

  it('counts the dateline place and the agency of the credit line', () => {
    expect(zones.get('jeddah')).toMatchObject({ dateline: 1 });
    expect(zones.get('saudi-press-agency')).toMatchObject({ credit: 1 });
  });

  it('counts names in the title', () => {
    expect(zones.get('jeddah')).toMatchObject({ title: 1 });
  });

  it('never makes the city of the newspaper’s name a mention of the city by the outlet alone', () => {
    // الرياض is in the title, so the city is there once — from the title, not from the outlet or the quote.
    expect(zones.get('riyadh')).toEqual({ title: 1 });
  });
});

describe('a credit line kept at the head of the first paragraph', () => {
  it('is the dateline and the credit, not the body', () => {
    const zones = zonesOf({
      source: 'sabq',
      url: 'https://sabq.org/abc',
      title: 'إعلان برنامج ثقافي للصيف',
      author: 'سبق- أبها:',
      content: `سبق- أبها: ${BODY}`,
    });
    expect(zones.get('abha')).toEqual({ dateline: 1 });
    expect(zones.get('sabq')).toMatchObject({ outlet: 1, credit: 1 });
  });
});
