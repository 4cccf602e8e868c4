import { describe, expect, it, vi } from 'vitest';
import { locatorMap, type MapPicture, type MapPlace } from '../../src/pictures/locator-map.ts';
import { estimateTextWidth } from '../../src/pictures/text.ts';
import { geoIdentity, geoMercator, geoPath } from 'd3-geo';
import { CompactPath } from '../../src/pictures/svg-path.ts';
import { boundsIntersect, countryAt, inMercatorPlane, piecesIn, world, type Bounds } from '../../src/pictures/world.ts';

const place = (id: string, name: string, lat: number, lon: number, weight = 1, kind?: string, emphasis = false): MapPlace => ({
  id,
  name,
  href: `/entities/${id}/`,
  lat,
  lon,
  weight,
  kind,
  emphasis,
});

const aleppo = place('aleppo', 'حلب', 36.2021, 37.1343, 3, 'governorate');
const idlib = place('idlib', 'إدلب', 35.9306, 36.6339, 2, 'governorate');
const latakia = place('latakia', 'اللاذقية', 35.5317, 35.7901, 1, 'governorate');
const ankara = place('ankara', 'أنقرة', 39.9334, 32.8597, 2, 'city');
const sochi = place('sochi', 'سوتشي', 43.5855, 39.7231, 1, 'city');
const syria = place('syria', 'سوريا', 34.8, 38.99, 5, 'country');
const russia = place('russia', 'روسيا', 61.52, 105.32, 4, 'country');
const usa = place('united-states', 'الولايات المتحدة', 39.83, -98.58, 1, 'country');
const china = place('china', 'الصين', 35.86, 104.2, 1, 'country');
const blackSea = place('black-sea', 'البحر الأسود', 43.4, 34, 1, 'sea');

/** Bytes of the map as the component writes it (paths dominate; marks add ~150 B each). */
const approxBytes = (m: MapPicture) =>
  m.water.length + m.land.length + m.borders.length + m.highlighted.reduce((s, h) => s + h.d.length, 0) + m.marks.length * 200 + 600;

function expectPathsClean(m: MapPicture) {
  for (const d of [m.water, m.land, m.borders, ...m.highlighted.map((h) => h.d)]) {
    expect(d).not.toMatch(/NaN|Infinity|undefined/);
    expect(d).toMatch(/^(M-?\d+ -?\d+(l-?\d+-?\d+|l-?\d+ -?\d+)*z?)*$/);
  }
}

describe('locatorMap', () => {
  it('renders nothing without coordinates', () => {
    expect(locatorMap([])).toBeNull();
    expect(locatorMap([{ ...aleppo, lat: Number.NaN }])).toBeNull();
  });

  // The first maps of a process convert the world outlines: seconds on a loaded machine.
  it('keeps every place inside the viewBox, with room for labels', { timeout: 60_000 }, () => {
    for (const places of [
      [aleppo],
      [aleppo, idlib, latakia],
      [aleppo, ankara, sochi, blackSea],
      [usa, china, aleppo],
      [syria, russia, ankara],
    ]) {
      const m = locatorMap(places)!;
      for (const mark of m.marks) {
        expect(mark.x, mark.id).toBeGreaterThanOrEqual(0);
        expect(mark.x, mark.id).toBeLessThanOrEqual(m.width);
        expect(mark.y, mark.id).toBeGreaterThanOrEqual(0);
        expect(mark.y, mark.id).toBeLessThanOrEqual(m.height);
        expect([mark.x, mark.y, mark.r].every(Number.isFinite)).toBe(true);
      }
      expectPathsClean(m);
    }
  });

  it('is deterministic: two fresh computations give the same map', async () => {
    // locatorMap hands the same input its cached map back, so the second map comes from a fresh
    // copy of the module (and of the world outlines it caches), computed from nothing.
    const places = [aleppo, idlib, ankara, syria, blackSea];
    const first = locatorMap(places);
    vi.resetModules();
    const fresh = await import('../../src/pictures/locator-map.ts');
    expect(fresh.locatorMap).not.toBe(locatorMap);
    const second = fresh.locatorMap(places);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  }, 30_000);

  it('gives a lone city context around it (a minimum span), not an infinite zoom', () => {
    const m = locatorMap([aleppo])!;
    // In the middle, give or take the half of the 16 px grid frames snap to.
    expect(Math.abs(m.marks[0]!.x - m.width / 2)).toBeLessThanOrEqual(8);
    expect(Math.abs(m.marks[0]!.y - m.height / 2)).toBeLessThanOrEqual(8);
    expect(m.land.length).toBeGreaterThan(200); // Syria, Turkey, Lebanon… around it
    expect(m.detail).toBe('fine');
  });

  it('draws maps of nearby places on one shared frame', () => {
    const a = locatorMap([aleppo])!;
    const near = locatorMap([{ ...aleppo, id: 'near-aleppo', lat: aleppo.lat + 0.02, lon: aleppo.lon + 0.02 }])!;
    expect(near.land).toBe(a.land);
    expect(near.marks[0]!.x).not.toBe(a.marks[0]!.x);
    // World maps too: the United States and China with Aleppo, or with Idlib.
    const world1 = locatorMap([usa, china, aleppo])!;
    const world2 = locatorMap([usa, china, idlib])!;
    expect(world1.detail).toBe('coarse');
    expect(world2.land).toBe(world1.land);
  });

  it('shades countries instead of dotting their centre, and keeps Siberia out of a map of Syria', () => {
    const m = locatorMap([aleppo, idlib, ankara, russia, syria])!;
    expect(m.highlighted.map((h) => h.id).sort()).toEqual(['russia', 'syria']);
    const r = m.marks.find((x) => x.id === 'russia')!;
    expect(r.style).toBe('country');
    expect(r.r).toBe(0);
    // Aleppo and Ankara are ~600 km apart: at Siberia's scale they would be a few px apart.
    const a = m.marks.find((x) => x.id === 'aleppo')!;
    const k = m.marks.find((x) => x.id === 'ankara')!;
    expect(Math.hypot(a.x - k.x, a.y - k.y)).toBeGreaterThan(80);
  });

  it('switches to a coarse world map when the places span the world', () => {
    const m = locatorMap([usa, china, aleppo])!;
    expect(m.detail).toBe('coarse');
    expect(m.highlighted.map((h) => h.id).sort()).toEqual(['china', 'united-states']);
  });

  it('draws regions and seas as rings, and the page own place with emphasis', () => {
    const m = locatorMap([{ ...aleppo, emphasis: true }, blackSea, ankara])!;
    expect(m.marks.find((x) => x.id === 'black-sea')!.style).toBe('area');
    expect(m.marks[0]).toMatchObject({ id: 'aleppo', emphasis: true });
  });

  it('places labels without overlaps and inside the frame', () => {
    const m = locatorMap([aleppo, idlib, latakia, ankara, sochi, blackSea, syria])!;
    const boxes = m.marks
      .filter((x) => x.label)
      .map((x) => {
        const w = estimateTextWidth(x.name, x.label!.fontSize);
        const left = x.label!.anchor === 'start' ? x.label!.x - w : x.label!.anchor === 'end' ? x.label!.x : x.label!.x - w / 2;
        return { id: x.id, left, right: left + w, top: x.label!.y - x.label!.fontSize, bottom: x.label!.y + x.label!.fontSize * 0.3 };
      });
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const b of boxes) {
      expect(b.left, b.id).toBeGreaterThanOrEqual(0);
      expect(b.right, b.id).toBeLessThanOrEqual(m.width);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        const overlap = p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1;
        expect(overlap, `${p.id}/${q.id}`).toBe(false);
      }
  });

  it('stays small: under 30 KB for regional and world maps', () => {
    for (const places of [[aleppo], [aleppo, idlib, ankara, sochi, syria, russia], [usa, china, russia, syria]]) {
      expect(approxBytes(locatorMap(places)!)).toBeLessThan(30_000);
    }
  });
});

describe('inMercatorPlane', () => {
  it('draws what the spherical Mercator projection draws, land and borders, to the pixel', () => {
    const w = world('fine');
    // The Levant and western Europe at two zoom levels; the Pacific across the antimeridian.
    const frames: [[number, number], number][] = [
      [[37, 34], 1600],
      [[2, 48], 900],
      [[179, -17], 1200],
    ];
    for (const [center, scale] of frames) {
      const projection = geoMercator()
        .center(center)
        .scale(scale)
        .translate([200, 140])
        .clipExtent([
          [-1, -1],
          [401, 281],
        ]);
      // The same frame as a scale and move of the plane (d3 folds the centre into the translation).
      const plane = geoIdentity()
        .reflectY(true)
        .scale(projection.scale())
        .translate(projection([0, 0])!)
        .clipExtent([
          [-1, -1],
          [401, 281],
        ]);
      for (const [pieces, least] of [
        [piecesIn(w.land, null), 100],
        [w.borders, 0],
      ] as const) {
        const sphere = new CompactPath(1.4, 2.5);
        const flat = new CompactPath(1.4, 2.5);
        for (const piece of pieces) {
          geoPath(projection, sphere)(piece.geometry);
          geoPath(plane, flat)(inMercatorPlane(piece));
        }
        const drawn = sphere.result();
        expect(drawn.length).toBeGreaterThanOrEqual(least); // Fiji's frame has no land borders
        expect(flat.result()).toBe(drawn);
      }
    }
  });
});

describe('piecesIn', () => {
  it('gives a view every piece that reaches it, though it cuts only the strips a view may show', () => {
    for (const detail of ['fine', 'coarse'] as const) {
      const w = world(detail);
      // Views of every size around the globe, across the antimeridian and near the poles too.
      const views: Bounds[] = [];
      for (let lon = -185; lon < 185; lon += 23) {
        for (let lat = -80; lat < 80; lat += 31) {
          for (const span of [4, 13, 40])
            views.push([
              [lon, lat],
              [lon + span, Math.min(89, lat + span / 2)],
            ]);
        }
      }
      const all = (view: Bounds | null) => [...piecesIn(w.land, view), ...w.countries.flatMap((c) => piecesIn(c.outlines, view))];
      const shown = views.map(all);
      const everything = all(null);
      for (const [i, view] of views.entries()) {
        // The same piece objects (each strip is cut once), in the same order.
        const expected = everything.filter((p) => boundsIntersect(p.bounds, view));
        expect(shown[i]!.length, `${detail} ${JSON.stringify(view)}`).toBe(expected.length);
        expect(
          shown[i]!.every((p, j) => p === expected[j]),
          `${detail} ${JSON.stringify(view)}`,
        ).toBe(true);
      }
    }
  }, 60_000);
});

describe('countryAt', () => {
  it('finds the country containing a point, and nothing at sea', () => {
    expect(countryAt(38.99, 34.8)?.name).toBe('Syria');
    expect(countryAt(105.32, 61.52)?.name).toBe('Russia');
    expect(countryAt(34, 43.4)).toBeNull(); // the Black Sea
  });
});
