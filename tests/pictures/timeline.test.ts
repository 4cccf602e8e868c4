import { describe, expect, it } from 'vitest';
import { periodStart, timelineBins, timelineChart } from '../../src/pictures/timeline.ts';
import { estimateTextWidth } from '../../src/pictures/text.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('timelineBins', () => {
  it('returns no bins, only the undated count, when no article has a date', () => {
    expect(timelineBins([null, undefined, null])).toEqual({ unit: 'day', bins: [], dated: 0, undated: 3, first: null, last: null });
  });

  it('picks the unit from the span: days, weeks, months, years', () => {
    expect(timelineBins([d('2015-07-01'), d('2015-07-20')]).unit).toBe('day');
    expect(timelineBins([d('2015-07-01'), d('2015-10-20')]).unit).toBe('week');
    expect(timelineBins([d('2015-07-01'), d('2017-10-20')]).unit).toBe('month');
    expect(timelineBins([d('2001-07-01'), d('2017-10-20')]).unit).toBe('year');
    expect(timelineBins([d('2015-07-01')]).unit).toBe('day');
  });

  it('counts every dated article once, fills empty periods with zero, and counts the undated apart', () => {
    const t = timelineBins([d('2016-01-15'), d('2016-01-31'), d('2016-04-02'), null, d('2017-02-01'), undefined]);
    expect(t.unit).toBe('month');
    expect(t.dated).toBe(4);
    expect(t.undated).toBe(2);
    expect(t.bins).toHaveLength(14); // January 2016 … February 2017
    expect(t.bins.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(t.bins.map((b) => b.count).slice(0, 4)).toEqual([2, 0, 0, 1]);
    for (let i = 1; i < t.bins.length; i++) expect(t.bins[i]!.start).toEqual(t.bins[i - 1]!.end);
  });

  it('starts weeks on Saturday and periods at UTC midnight', () => {
    expect(periodStart(d('2016-07-01'), 'week')).toEqual(d('2016-06-25')); // a Friday → the Saturday before
    expect(periodStart(d('2016-07-02'), 'week')).toEqual(d('2016-07-02'));
    expect(periodStart(new Date('2016-07-19T23:59:00Z'), 'month')).toEqual(d('2016-07-01'));
  });

  it('respects the bin cap', () => {
    const dates = [d('2015-01-01'), d('2015-12-31')];
    expect(timelineBins(dates, 60).unit).toBe('week');
    expect(timelineBins(dates, 20).unit).toBe('month');
    expect(timelineBins(dates, 20).bins.length).toBeLessThanOrEqual(20);
  });
});

describe('timelineChart', () => {
  const bins = timelineBins([d('2015-07-01'), d('2015-07-01'), d('2015-07-03'), d('2015-08-20'), d('2015-08-31'), null]);
  const chart = timelineChart(bins);

  it('runs time from right to left: the oldest bar is at the right', () => {
    expect(chart.bars[0]!.x).toBeGreaterThan(chart.bars[chart.bars.length - 1]!.x);
    for (let i = 1; i < chart.bars.length; i++) expect(chart.bars[i]!.x).toBeLessThan(chart.bars[i - 1]!.x);
  });

  it('keeps bars inside the plot, heights proportional to counts, tallest reaching the top line', () => {
    for (const b of chart.bars) {
      expect(b.x).toBeGreaterThanOrEqual(chart.plotLeft - 0.1);
      expect(b.x + b.width).toBeLessThanOrEqual(chart.plotRight + 0.1);
      expect(b.y + b.height).toBeCloseTo(chart.baseline, 0);
      expect([b.x, b.y, b.width, b.height].every(Number.isFinite)).toBe(true);
    }
    const tallest = chart.bars.reduce((a, b) => (b.count > a.count ? b : a));
    expect(tallest.count).toBe(3); // the week of Saturday 27 June holds 1, 1 and 3 July
    expect(tallest.y).toBeCloseTo(chart.maxY, 0);
    expect(chart.bars.filter((b) => b.count === 0).every((b) => b.height === 0)).toBe(true);
    expect(chart.max).toBe(3);
  });

  it('labels periods in Arabic, with the year where it starts', () => {
    expect(chart.unit).toBe('week');
    expect(chart.bars[0]!.label).toMatch(/^أسبوع .*يونيو/);
    expect(chart.ticks[0]!.label).toMatch(/يوليو/);
    expect(chart.ticks[0]!.label).toMatch(/2015|٢٠١٥/);
    expect(chart.ticks.map((t) => t.label).join(' ')).toMatch(/أغسطس/);
  });

  it('keeps tick labels inside the picture and apart from each other', () => {
    for (const long of [timelineBins([d('2012-01-01'), d('2015-12-01')]), timelineBins([d('2015-01-01'), d('2015-11-20')]), bins]) {
      const c = timelineChart(long);
      const spans = c.ticks.map((t) => {
        const half = estimateTextWidth(t.label, 12) / 2;
        return [t.x - half, t.x + half] as const;
      });
      for (const [l, r] of spans) {
        expect(l).toBeGreaterThanOrEqual(c.plotLeft - 0.1);
        expect(r).toBeLessThanOrEqual(c.plotRight + 0.1);
      }
      const sorted = [...spans].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
      expect(c.ticks.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('carries the undated count for the caption', () => {
    expect(chart.dated).toBe(5);
    expect(chart.undated).toBe(1);
  });
});
