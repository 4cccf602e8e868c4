/**
 * The archive a reader browses besides entities: outlets and days. Each list is computed once per
 * build from the articles (newest first) and shared by the pages that show it; every page shows a
 * bounded slice (PAGE_SIZE articles, TOP_ENTITIES entities), never the whole archive.
 */
import { getArticles, getEntities, getMentionIndex, type ArticleEntry, type EntityEntry } from './data.ts';
import type { EntityType } from '../schemas/entity.ts';
import { isoDate } from './format.ts';
import { outletSlug } from './urls.ts';

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
    const bySlug = new Map<string, OutletArticles>();
    for (const article of all) {
      const name = article.data.outlet;
      if (!name) continue;
      const slug = outletSlug(name);
      const entry = bySlug.get(slug);
      if (entry) entry.articles.push(article);
      else bySlug.set(slug, { slug, name, articles: [article] });
    }
    return new Map([...bySlug].sort(([, a], [, b]) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar')));
  });
  return outlets;
}

/** Every month that has dated articles, newest first, each with its days, newest first. */
export function getMonths(): Promise<MonthDays[]> {
  months ??= getArticles().then((all) => {
    const byDay = new Map<string, ArticleEntry[]>();
    // Articles come newest first, so days and months come out in that order too.
    for (const article of all) {
      if (!article.data.published) continue;
      const day = isoDate(article.data.published);
      const list = byDay.get(day);
      if (list) list.push(article);
      else byDay.set(day, [article]);
    }
    const byMonth = new Map<string, DayArticles[]>();
    for (const [day, articles] of byDay) {
      const month = day.slice(0, 7);
      const list = byMonth.get(month) ?? [];
      list.push({ day, articles });
      byMonth.set(month, list);
    }
    return [...byMonth].map(([month, days]) => ({ month, days }));
  });
  return months;
}

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
  const groups = new Map<string | null, ArticleEntry[]>();
  for (const article of articles) {
    const list = groups.get(article.data.outlet);
    if (list) list.push(article);
    else groups.set(article.data.outlet, [article]);
  }
  return [...groups]
    .map(([name, list]) => ({ name, articles: list }))
    .sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || b.articles.length - a.articles.length || (a.name ?? '').localeCompare(b.name ?? '', 'ar'));
}

/**
 * `articles` with the stories about what the day is about first: an article scores the number of
 * the day's articles naming each entity it names (in its title or body), so a story on the day's
 * main subjects comes before a brief that shares none; ties keep the given order.
 */
export async function byNewsOfTheDay(articles: readonly ArticleEntry[], day: readonly ArticleEntry[]): Promise<ArticleEntry[]> {
  const index = await getMentionIndex();
  const named = new Map<string, number>();
  for (const article of day) for (const id of index.byArticle.get(article.id)?.counts.keys() ?? []) named.set(id, (named.get(id) ?? 0) + 1);
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

/**
 * The entities named in the title or body of the most of `articles`, with how many of them name
 * each; `type` keeps one kind (people, places…).
 */
export async function topEntities(
  articles: readonly ArticleEntry[],
  limit = TOP_ENTITIES,
  type?: EntityType,
): Promise<{ entity: EntityEntry; articles: number }[]> {
  const [index, entities] = await Promise.all([getMentionIndex(), getEntities()]);
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const id of index.byArticle.get(article.id)?.counts.keys() ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts]
    .filter(([id]) => entities.has(id) && (!type || entities.get(id)!.data.type === type))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([id, n]) => ({ entity: entities.get(id)!, articles: n }));
}
