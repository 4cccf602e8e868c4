import type { EntityType } from '../../src/schemas/entity.ts';
import { buildMentionIndex, type ArticleMentions, type MentionIndex } from '../../src/entities/mentions.ts';
import { seededRandom } from '../../src/pictures/types.ts';

/** Registry-shaped test entities: id → { id, data }. */
export function registry(
  list: { id: string; type: EntityType; name: string; kind?: string; coordinates?: { lat: number; lon: number } }[],
): Map<string, { id: string; data: { type: EntityType; name: string; kind?: string; coordinates?: { lat: number; lon: number } } }> {
  return new Map(list.map(({ id, ...data }) => [id, { id, data }]));
}

/** A mention index from article id → entity id → count (no snippets). */
export function indexOf(articles: Record<string, Record<string, number>>): MentionIndex {
  const list: ArticleMentions[] = Object.entries(articles).map(([articleId, counts]) => ({
    articleId,
    counts: new Map(Object.entries(counts)),
    zones: new Map(Object.entries(counts).map(([id, body]) => [id, { body }])),
    snippets: new Map(),
  }));
  return buildMentionIndex(list);
}

const NAMES = [
  'بوتين',
  'أردوغان',
  'موسكو',
  'أنقرة',
  'منظمة التعاون الاقتصادي للبحر الأسود',
  'وزارة الخارجية الروسية',
  'حلب',
  'تنظيم الدولة الإسلامية',
];
const TYPES: EntityType[] = ['person', 'place', 'organization', 'event'];

/** A large synthetic corpus: `n` entities with long and short Arabic names, `articles` articles. */
export function syntheticCorpus(n: number, articles: number, seed = 1) {
  const random = seededRandom(seed);
  const entities = registry(
    Array.from({ length: n }, (_, i) => ({ id: `e${i}`, type: TYPES[i % 4]!, name: `${NAMES[i % NAMES.length]} ${i}` })),
  );
  const corpus: Record<string, Record<string, number>> = {};
  for (let a = 0; a < articles; a++) {
    const counts: Record<string, number> = {};
    const k = 2 + Math.floor(random() * 6);
    // A skewed choice: low ids are mentioned far more often, as in real news.
    for (let j = 0; j < k; j++) counts[`e${Math.floor(n * random() ** 3)}`] = 1 + Math.floor(random() * 4);
    corpus[`a${a}`] = counts;
  }
  return { entities, index: indexOf(corpus) };
}
