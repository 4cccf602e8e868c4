/**
 * The archive a reader browses besides entities: outlets and days. Each list is computed once per
 * build from the articles (newest first) and shared by the pages that show it; every page shows a
 * bounded slice (PAGE_SIZE articles, TOP_ENTITIES entities), never the whole archive.
 */
import { getArticles, getEntities, getMentionIndex, type ArticleEntry, type EntityEntry } from './data.ts';
import type { EntityType } from '../schemas/entity.ts';
import { isoDate } from '../site-core/format.ts';
import { outletSlug } from '../site-core/urls.ts';

/** Entities shown as "most named" on an outlet's or a day's page. */
export const TOP_ENTITIES = 12;

/** One outlet and its articles, newest first. */
export interface OutletArticles {
  slug: string;
  name: string;
  articles: ArticleEntry[];
}

/** One day (YYYY-MM-DD) and its articles. */
export interface DayArticles {
  day: string;
  articles: ArticleEntry[];
}

/** One month (YYYY-MM) and its days, newest first. */
export interface MonthDays {
  month: string;
  days: DayArticles[];
}

let outlets: Promise<Map<string, OutletArticles>> | undefined;
let months: Promise<MonthDays[]> | undefined;

/** Every outlet with its articles, most articles first. */
export function getOutlets(): Promise<Map<string, OutletArticles>> {
  outlets ??= getArticles().then((all) => {
    const bySlug = Map.groupBy(
      all.filter((a) => a.data.outlet),
      (a) => outletSlug(a.data.outlet!),
    );
    return new Map(
      [...bySlug]
        .map(([slug, articles]) => ({ slug, name: articles[0]!.data.outlet!, articles }))
        .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'))
        .map((outlet) => [outlet.slug, outlet]),
    );
  });
  return outlets;
}

/** Every month that has dated articles, newest first, each with its days, newest first. */
export function getMonths(): Promise<MonthDays[]> {
  months ??= getArticles().then((all) => {
    // Articles come newest first, so days and months come out in that order too.
    const byDay = Map.groupBy(
      all.filter((a) => a.data.published),
      (a) => isoDate(a.data.published!),
    );
    const days = [...byDay].map(([day, articles]) => ({ day, articles }));
    return [...Map.groupBy(days, (d) => d.day.slice(0, 7))].map(([month, monthDays]) => ({ month, days: monthDays }));
  });
  return months;
}

/** How many articles a month has. */
export const monthArticleCount = (month: MonthDays): number => month.days.reduce((n, d) => n + d.articles.length, 0);

/** Stories of one outlet on the front page. */
export const FRONT_PER_OUTLET = 4;
/** Outlets shown on the front page (the most prolific of the day). */
export const FRONT_OUTLETS = 12;
/** Days of the front page's "this week" and of its way into the archive. */
export const WEEK_DAYS = 7;

/** The newest day with articles, the week ending on it (newest first), or none for an undated archive. */
export async function latestWeek(): Promise<{ day: DayArticles; week: DayArticles[] } | null> {
  const days = (await getMonths()).flatMap((m) => m.days);
  const day = days[0];
  if (!day) return null;
  const start = Date.parse(`${day.day}T00:00:00Z`) - (WEEK_DAYS - 1) * 86_400_000;
  return { day, week: days.filter((d) => Date.parse(`${d.day}T00:00:00Z`) >= start) };
}

/** A day's articles by outlet, the outlets with the most articles first (outlet-less ones last). */
export function byOutlet(articles: readonly ArticleEntry[]): { name: string | null; articles: ArticleEntry[] }[] {
  return [...Map.groupBy(articles, (a) => a.data.outlet)]
    .map(([name, list]) => ({ name, articles: list }))
    .sort(
      (a, b) =>
        (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) ||
        b.articles.length - a.articles.length ||
        (a.name ?? '').localeCompare(b.name ?? '', 'ar'),
    );
}

/**
 * `articles` with the stories about what the day is about first: an article scores the number of
 * the day's articles naming each entity it names (in its title or body), so a story on the day's
 * main subjects comes before a brief that shares none; ties keep the given order.
 */
export async function byNewsOfTheDay(articles: readonly ArticleEntry[], day: readonly ArticleEntry[]): Promise<ArticleEntry[]> {
  const [index, named] = await Promise.all([getMentionIndex(), namingCounts(day)]);
  const score = (article: ArticleEntry) => {
    let sum = 0;
    for (const id of index.byArticle.get(article.id)?.counts.keys() ?? []) sum += (named.get(id) ?? 0) - 1;
    return sum;
  };
  return articles
    .map((article, i) => ({ article, i, score: score(article) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.article);
}

/** Entity id → how many of `articles` name it in their title or body. */
async function namingCounts(articles: readonly ArticleEntry[]): Promise<Map<string, number>> {
  const index = await getMentionIndex();
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const id of index.byArticle.get(article.id)?.counts.keys() ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The most named entities of `counts` (of one `type`, or of any), with their counts. */
async function mostNamed(
  counts: ReadonlyMap<string, number>,
  limit: number,
  type?: EntityType,
): Promise<{ entity: EntityEntry; articles: number }[]> {
  const entities = await getEntities();
  return [...counts]
    .filter(([id]) => entities.has(id) && (!type || entities.get(id)!.data.type === type))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([id, n]) => ({ entity: entities.get(id)!, articles: n }));
}

/** The entities named in the title or body of the most of `articles`, with how many of them name each. */
export async function topEntities(
  articles: readonly ArticleEntry[],
  limit = TOP_ENTITIES,
): Promise<{ entity: EntityEntry; articles: number }[]> {
  return mostNamed(await namingCounts(articles), limit);
}

/** The same, for each of `types` (people, places…), counted once. */
export async function topEntitiesByType(
  articles: readonly ArticleEntry[],
  types: readonly EntityType[],
  limit: number,
): Promise<{ type: EntityType; entities: { entity: EntityEntry; articles: number }[] }[]> {
  const counts = await namingCounts(articles);
  return Promise.all(types.map(async (type) => ({ type, entities: await mostNamed(counts, limit, type) })));
}
