/**
 * Which articles go into which search shard (src/search/shards.ts): closed, date-anchored groups.
 *
 * Shards are calendar periods — all time, a year, a quarter, a month, ten days (1–10, 11–20, 21 to
 * the month's end) or a day. A period holding more than `max` articles is cut into its sub-periods,
 * each cut again while it holds more (a day is never cut); sub-periods that were not cut merge with
 * their neighbours of the same period, oldest first, while together they hold no more than `max`.
 *
 * So a group is decided by the articles of its own period and of the period around it, never by
 * how the newer archive is cut: when articles only arrive with today's date, the only groups that
 * change are the newest one and, on the day it stops fitting beside the newest period, the one it
 * leaves (which from then on is closed). Undated articles are cut by id into blocks of `max`, after
 * the dated ones.
 *
 * The primary bundle, the one every search loads first, holds the newest groups while together
 * they hold no more than `max` articles (the newest group at least): what a cold search downloads
 * stays that of one shard at most, and a search the newest articles answer with too few results
 * goes on into the next shard (src/browser/search/adapter.ts). Every other group is a bundle of its
 * own, named by its period.
 */

export interface PlannedArticle {
  id: string;
  /** YYYY-MM-DD, or null when undated. */
  published: string | null;
}

export interface ShardGroup {
  /** The group's stable name: its period ("2015-07-21", "2015-07-01_2015-07-10") or "undated-N". */
  label: string;
  /** First and last day of its period (not of its articles); null for undated articles. */
  from: string | null;
  to: string | null;
  /** Oldest first (undated: by id). */
  articles: PlannedArticle[];
}

export interface ShardPlan {
  /** The groups of the primary bundle, newest first (the entity pages go with them). */
  primary: ShardGroup[];
  /** Every other group, newest first: one bundle each. */
  older: ShardGroup[];
}

const LEVELS = ['all', 'year', 'quarter', 'month', 'tenDays', 'day'] as const;
type Level = (typeof LEVELS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
/** Last day of a month (1–12). */
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The sub-period of a `level` period that holds `date`: its key and first and last day. */
function childOf(level: Level, date: string): { key: string; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  switch (level) {
    case 'all':
      return { key: `${year}`, from: `${year}-01-01`, to: `${year}-12-31` };
    case 'year': {
      const q = Math.ceil(month / 3);
      return { key: `${year}-Q${q}`, from: `${year}-${pad(3 * q - 2)}-01`, to: `${year}-${pad(3 * q)}-${pad(monthEnd(year, 3 * q))}` };
    }
    case 'quarter':
      return { key: date.slice(0, 7), from: `${date.slice(0, 7)}-01`, to: `${date.slice(0, 7)}-${pad(monthEnd(year, month))}` };
    case 'month': {
      const part = day <= 10 ? 0 : day <= 20 ? 1 : 2;
      const last = part === 2 ? monthEnd(year, month) : 10 * (part + 1);
      return {
        key: `${date.slice(0, 7)}/${part}`,
        from: `${date.slice(0, 7)}-${pad(10 * part + 1)}`,
        to: `${date.slice(0, 7)}-${pad(last)}`,
      };
    }
    case 'tenDays':
      return { key: date, from: date, to: date };
    case 'day':
      throw new Error('a day has no sub-period');
  }
}

interface Cut {
  from: string;
  to: string;
  articles: PlannedArticle[];
}

/**
 * The groups of one period's articles (sorted oldest first), and whether the period was cut:
 * a period that was not cut is one group its neighbours may merge with.
 */
function cut(level: Level, from: string, to: string, articles: PlannedArticle[], max: number): { groups: Cut[]; split: boolean } {
  if (articles.length <= max || level === 'day') return { groups: [{ from, to, articles }], split: false };
  const childLevel = LEVELS[LEVELS.indexOf(level) + 1]!;
  const children: { from: string; to: string; articles: PlannedArticle[] }[] = [];
  let key: string | null = null;
  for (const article of articles) {
    const child = childOf(level, article.published!);
    if (child.key !== key) {
      children.push({ from: child.from, to: child.to, articles: [] });
      key = child.key;
    }
    children.at(-1)!.articles.push(article);
  }
  const groups: (Cut & { mergeable: boolean })[] = [];
  for (const child of children) {
    const sub = cut(childLevel, child.from, child.to, child.articles, max);
    if (sub.split) {
      for (const group of sub.groups) groups.push({ ...group, mergeable: false });
      continue;
    }
    const group = sub.groups[0]!;
    const last = groups.at(-1);
    if (last?.mergeable && last.articles.length + group.articles.length <= max) {
      last.to = group.to;
      last.articles = [...last.articles, ...group.articles];
    } else {
      groups.push({ ...group, mergeable: true });
    }
  }
  return { groups: groups.map(({ from, to, articles }) => ({ from, to, articles })), split: true };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The site's articles in shards of at most about `max` articles (see above). */
export function planShards(articles: readonly PlannedArticle[], max: number): ShardPlan {
  if (!Number.isInteger(max) || max < 1) throw new Error(`articles per shard must be a whole number ≥ 1, not ${max}`);
  for (const a of articles) {
    if (a.published !== null && !DATE.test(a.published)) throw new Error(`article ${a.id}: date "${a.published}" is not YYYY-MM-DD`);
  }
  const byId = (a: PlannedArticle, b: PlannedArticle) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const dated = articles
    .filter((a) => a.published !== null)
    .sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : byId(a, b)));
  const undated = articles.filter((a) => a.published === null).sort(byId);

  // A site of no more than one shard's worth of articles is one index, as before shards existed.
  if (articles.length <= max) {
    const oldest = dated[0]?.published ?? null;
    const newest = dated.at(-1)?.published ?? null;
    return { primary: [{ label: 'all', from: oldest, to: newest, articles: [...dated, ...undated] }], older: [] };
  }

  const groups: ShardGroup[] = [];
  if (dated.length > 0) {
    const from = `${dated[0]!.published!.slice(0, 4)}-01-01`;
    const to = `${dated.at(-1)!.published!.slice(0, 4)}-12-31`;
    for (const g of cut('all', from, to, dated, max).groups) {
      groups.push({ label: g.from === g.to ? g.from : `${g.from}_${g.to}`, from: g.from, to: g.to, articles: g.articles });
    }
  }
  groups.reverse();
  for (let i = 0; i < undated.length; i += max) {
    groups.push({ label: `undated-${i / max + 1}`, from: null, to: null, articles: undated.slice(i, i + max) });
  }

  const primary: ShardGroup[] = [];
  let count = 0;
  while (groups.length > 0 && (primary.length === 0 || count + groups[0]!.articles.length <= max)) {
    const group = groups.shift()!;
    primary.push(group);
    count += group.articles.length;
  }
  return { primary, older: groups };
}
