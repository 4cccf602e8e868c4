import { round1 } from './types.ts';
import { estimateTextWidth } from './text.ts';

/** The period one bar of a timeline covers. */
export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export interface TimeBin {
  /** First day of the period (UTC midnight). */
  start: Date;
  /** First day after the period. */
  end: Date;
  count: number;
}

export interface TimelineBins {
  unit: TimeUnit;
  /** Every period from the first dated article to the last, empty ones included, oldest first. */
  bins: TimeBin[];
  dated: number;
  /** Articles without a publication date: not drawn, counted for the caption. */
  undated: number;
  /** The oldest and the newest publication date. */
  first: Date | null;
  last: Date | null;
}

const DAY = 86_400_000;

/** Midnight UTC of the day, week (starting Saturday, as in most Arab countries), month or year holding `date`. */
export function periodStart(date: Date, unit: TimeUnit): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, d));
    case 'week': {
      const day = new Date(Date.UTC(y, m, d));
      const sinceSaturday = (day.getUTCDay() + 1) % 7;
      return new Date(day.getTime() - sinceSaturday * DAY);
    }
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: Date, unit: TimeUnit): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, d + 1));
    case 'week':
      return new Date(Date.UTC(y, m, d + 7));
    case 'month':
      return new Date(Date.UTC(y, m + 1, 1));
    case 'year':
      return new Date(Date.UTC(y + 1, 0, 1));
  }
}

function periodsBetween(first: Date, last: Date, unit: TimeUnit): number {
  let n = 0;
  for (let t = periodStart(first, unit); t.getTime() <= last.getTime(); t = nextPeriod(t, unit)) n += 1;
  return n;
}

/**
 * Counts articles per period. The unit is the finest of day, week, month, year that needs at most
 * `maxBins` bars for the span between the oldest and the newest date (a few days → days, a season
 * → weeks, a few years → months, longer → years). Articles without a date are left out and
 * counted in `undated`.
 */
export function timelineBins(dates: readonly (Date | null | undefined)[], maxBins = 48): TimelineBins {
  const valid = dates.filter((d): d is Date => d instanceof Date && !Number.isNaN(d.getTime()));
  const undated = dates.length - valid.length;
  if (valid.length === 0) return { unit: 'day', bins: [], dated: 0, undated, first: null, last: null };
  const times = valid.map((d) => d.getTime());
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...times));
  const units: TimeUnit[] = ['day', 'week', 'month', 'year'];
  const unit = units.find((u) => periodsBetween(first, last, u) <= maxBins) ?? 'year';
  const bins: TimeBin[] = [];
  const index = new Map<number, TimeBin>();
  for (let t = periodStart(first, unit); t.getTime() <= last.getTime(); t = nextPeriod(t, unit)) {
    const bin = { start: t, end: nextPeriod(t, unit), count: 0 };
    bins.push(bin);
    index.set(t.getTime(), bin);
  }
  for (const d of valid) index.get(periodStart(d, unit).getTime())!.count += 1;
  return { unit, bins, dated: valid.length, undated, first, last };
}

const formats = {
  day: new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  dayShort: new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('ar', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  monthShort: new Intl.DateTimeFormat('ar', { month: 'short', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat('ar', { year: 'numeric', timeZone: 'UTC' }),
};

/** The full Arabic name of a period: "١٢ يوليو ٢٠١٦", "أسبوع ٩ يوليو ٢٠١٦", "يوليو ٢٠١٦", "٢٠١٦". */
export function periodLabel(start: Date, unit: TimeUnit): string {
  switch (unit) {
    case 'day':
      return formats.day.format(start);
    case 'week':
      return `أسبوع ${formats.day.format(start)}`;
    case 'month':
      return formats.month.format(start);
    case 'year':
      return formats.year.format(start);
  }
}

/**
 * Axis labels. Day and week bars spanning several months are labelled by month, at the first bar
 * of each month ("يوليو", with the year at the first label and where it changes); otherwise each
 * bar is a candidate ("١ يوليو", "يوليو ٢٠١٦", "٢٠١٦"). The oldest and the newest candidates are
 * always labelled, the others (oldest first, from the right) where they do not collide; every
 * label stays inside the plot.
 */
function axisTicks(
  data: TimelineBins,
  centre: (i: number) => number,
  fontSize: number,
  plotLeft: number,
  plotRight: number,
): TimelineTick[] {
  const { bins, unit } = data;
  // A week is represented by its middle day, kept within the dates of the articles: a first week
  // of 27 June–3 July whose articles start on 1 July is July's.
  const rep = (i: number) => {
    const t = bins[i]!.start.getTime() + (unit === 'week' ? 3 * DAY : 0);
    return new Date(Math.min(Math.max(t, data.first?.getTime() ?? t), data.last?.getTime() ?? t));
  };
  const monthKey = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  const byMonth = (unit === 'day' || unit === 'week') && bins.length > 0 && monthKey(rep(0)) !== monthKey(rep(bins.length - 1));
  const candidates = bins.map((_, i) => i).filter((i) => !byMonth || i === 0 || monthKey(rep(i)) !== monthKey(rep(i - 1)));
  const labelOf = (i: number, showYear: boolean) => {
    const d = rep(i);
    if (byMonth || unit === 'month') return showYear ? formats.month.format(d) : formats.monthShort.format(d);
    if (unit === 'year') return formats.year.format(d);
    return showYear ? formats.day.format(d) : formats.dayShort.format(d);
  };
  // Where a label would sit, sized for its longest form (with the year) so choosing is safe.
  const place = (i: number) => {
    const half = estimateTextWidth(labelOf(i, true), fontSize) / 2;
    return { i, half, x: Math.min(Math.max(centre(i), plotLeft + half), plotRight - half) };
  };
  const clear = (a: { x: number; half: number }, b: { x: number; half: number }) => Math.abs(a.x - b.x) >= a.half + b.half + 8;
  // The oldest and the newest are always labelled; the months between where they fit.
  const first = place(candidates[0]!);
  const lastCandidate = candidates[candidates.length - 1]!;
  const last = lastCandidate !== first.i ? place(lastCandidate) : null;
  const kept = [first];
  for (const i of candidates.slice(1, -1)) {
    const p = place(i);
    if (clear(p, kept[kept.length - 1]!) && (!last || clear(p, last))) kept.push(p);
  }
  if (last && clear(last, kept[kept.length - 1]!)) kept.push(last);
  const ticks = kept.map((p, k) => {
    const year = rep(p.i).getUTCFullYear();
    const showYear = k === 0 || rep(kept[k - 1]!.i).getUTCFullYear() !== year;
    const label = labelOf(p.i, showYear);
    const half = estimateTextWidth(label, fontSize) / 2;
    return { x: round1(Math.min(Math.max(centre(p.i), plotLeft + half), plotRight - half)), label };
  });
  return ticks;
}

export interface TimelineBar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** "يوليو ٢٠١٦: ٣ مقالات" is built by the component from `label` and `count`. */
  label: string;
  /** ISO date of the period start. */
  start: string;
}

export interface TimelineTick {
  /** Centre of the bar the tick labels. */
  x: number;
  label: string;
}

export interface TimelinePicture {
  width: number;
  height: number;
  unit: TimeUnit;
  bars: TimelineBar[];
  ticks: TimelineTick[];
  /** Baseline y and the plot's inline extent. */
  baseline: number;
  plotLeft: number;
  plotRight: number;
  /** The largest bar's count and the y of its top, for the one value label on the axis. */
  max: number;
  maxY: number;
  dated: number;
  undated: number;
}

export interface TimelineOptions {
  width?: number;
  height?: number;
  fontSize?: number;
}

/**
 * Lays out the bars of a timeline. Time flows from right to left, the way Arabic text reads: the
 * oldest period is at the right edge, the newest at the left. Bars are as tall as their count
 * relative to the busiest period; tick labels are thinned so they never collide.
 */
export function timelineChart(data: TimelineBins, options: TimelineOptions = {}): TimelinePicture {
  const { width = 400, height = 170, fontSize = 12 } = options;
  const plotLeft = 8;
  const plotRight = width - 8;
  const top = fontSize + 8;
  const baseline = height - fontSize * 2 - 6;
  const n = Math.max(1, data.bins.length);
  const slot = (plotRight - plotLeft) / n;
  const barWidth = Math.max(1, Math.min(slot * 0.78, 48));
  const max = Math.max(1, ...data.bins.map((b) => b.count));
  // i = 0 (oldest) sits at the right edge.
  const centre = (i: number) => plotRight - slot * (i + 0.5);
  const bars: TimelineBar[] = data.bins.map((b, i) => {
    const h = b.count === 0 ? 0 : Math.max(2, ((baseline - top) * b.count) / max);
    return {
      x: round1(centre(i) - barWidth / 2),
      y: round1(baseline - h),
      width: round1(barWidth),
      height: round1(h),
      count: b.count,
      label: periodLabel(b.start, data.unit),
      start: b.start.toISOString().slice(0, 10),
    };
  });
  const ticks = axisTicks(data, centre, fontSize, plotLeft, plotRight);
  const maxY = round1(top);
  return {
    width,
    height,
    unit: data.unit,
    bars,
    ticks,
    baseline: round1(baseline),
    plotLeft,
    plotRight,
    max,
    maxY,
    dated: data.dated,
    undated: data.undated,
  };
}
