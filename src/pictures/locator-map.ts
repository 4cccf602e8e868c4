import { geoEqualEarth, geoIdentity, geoMercator, geoPath, type GeoProjection, type GeoStreamWrapper } from 'd3-geo';
import type { Geometry, Position } from 'geojson';
import { CompactPath } from './svg-path.ts';
import { estimateTextWidth } from './text.ts';
import { round1 } from './types.ts';
import {
  boundsIntersect,
  countryAt,
  inMercatorPlane,
  piecesIn,
  world,
  type Bounds,
  type Country,
  type Detail,
  type Piece,
} from './world.ts';

/** A place to mark on a map. */
export interface MapPlace {
  id: string;
  name: string;
  href: string;
  lat: number;
  lon: number;
  /** Mentions (or shared articles): the dot's size. */
  weight: number;
  /**
   * Registry kind. A "country" is shaded and labelled inside its outline instead of getting a dot
   * at its centre (Russia's centre is in Siberia); regions and seas get a ring, not a dot.
   */
  kind?: string | undefined;
  /** The page's own place: labelled in bold. */
  emphasis?: boolean;
}

export interface MapMark {
  id: string;
  name: string;
  href: string;
  weight: number;
  /** The dot's centre, or for a country the middle of its visible part. */
  x: number;
  y: number;
  r: number;
  /** `area`: a ring for regions and seas; `country`: no mark, the outline is shaded. */
  style: 'dot' | 'area' | 'country';
  emphasis: boolean;
  /** Where the label goes, or null when no free spot was found (the mark keeps its tooltip). */
  label: { x: number; y: number; anchor: 'start' | 'end' | 'middle'; fontSize: number } | null;
  /** Mark and label together: the area that links to the place's page (null: nothing drawn to point at). */
  hit: { x: number; y: number; width: number; height: number } | null;
}

export interface MapPicture {
  width: number;
  height: number;
  detail: Detail;
  /** The globe's outline in the frame (sea), one path: the whole frame except beyond a world map's poles. */
  water: string;
  /** Land, one path. */
  land: string;
  /** Borders between countries, one path (stroke only). */
  borders: string;
  /** Countries among the places, shaded: entity id, name, link and outline. */
  highlighted: { id: string; name: string; href: string; d: string }[];
  marks: MapMark[];
}

export interface LocatorMapOptions {
  width?: number;
  height?: number;
  /** Smallest span shown, in degrees of longitude, so a single city still has context around it. */
  minSpan?: number;
  /** Room kept free around the places for their labels: [block, inline] px. */
  padding?: [number, number];
}

const AREA_KINDS = new Set(['region', 'sea', 'ocean', 'continent', 'gulf', 'river', 'mountain-range']);

/** The vertex of a country's outline closest to (lon, lat) (degrees, longitude scaled by latitude). */
function nearestVertex(country: Country, lon: number, lat: number): Position {
  const k = Math.cos((lat * Math.PI) / 180);
  let best: Position = [lon, lat];
  let bestD = Infinity;
  const g = country.feature.geometry;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const p of ring) {
      let dl = Math.abs(p[0]! - lon);
      if (dl > 180) dl = 360 - dl;
      const d = (dl * k) ** 2 + (p[1]! - lat) ** 2;
      if (d < bestD) [best, bestD] = [p, d];
    }
  }
  return best;
}

/**
 * A locator map of `places`: a projection fitted to their extent (Mercator for a region, Equal
 * Earth when they span a large part of the world), Natural Earth land and borders clipped to the
 * frame, a dot per place sized by its weight, countries shaded, and Arabic labels placed where
 * they do not collide. Countries count towards the extent by their part nearest the other places,
 * so naming Russia does not zoom a map of Syria out to Siberia. Returns null when no place has
 * coordinates. Pure apart from the per-build cache of the world outlines.
 */
export function locatorMap(places: readonly MapPlace[], options: LocatorMapOptions = {}): MapPicture | null {
  // Many articles name the same places: the same input gives the same (shared, read-only) map.
  return remember(memo, JSON.stringify([places, options]), () => drawLocatorMap(places, options));
}

const MEMO_SIZE = 2000;
const memo = new Map<string, MapPicture | null>();
/** Water, land and borders per projection, and country shapes per projection and country. */
const baseLayers = new Map<string, { water: string; land: string; borders: string }>();
const countryShapes = new Map<string, { d: string; x: number; y: number }>();

/** A bounded per-build cache: the value for `key`, computed once (oldest entries dropped first). */
function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= MEMO_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

function drawLocatorMap(places: readonly MapPlace[], options: LocatorMapOptions): MapPicture | null {
  const { width = 400, height = 280, minSpan = 10, padding = [24, 48] } = options;
  const valid = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  if (valid.length === 0) return null;

  const countryOf = new Map<string, Country>();
  for (const p of valid) {
    if (p.kind !== 'country') continue;
    const c = countryAt(p.lon, p.lat);
    if (c) countryOf.set(p.id, c);
  }
  const local = valid.filter((p) => !countryOf.has(p.id));
  const extent: Position[] = [];
  if (local.length > 0) {
    extent.push(...local.map((p) => [p.lon, p.lat]));
    const lon = local.reduce((s, p) => s + p.lon, 0) / local.length;
    const lat = local.reduce((s, p) => s + p.lat, 0) / local.length;
    for (const p of valid) {
      const c = countryOf.get(p.id);
      if (!c) continue;
      extent.push(nearestVertex(c, lon, lat));
      // The page's own country is shown whole, or at least to its middle.
      if (p.emphasis) extent.push([p.lon, p.lat]);
    }
  } else {
    extent.push(...valid.map((p) => [p.lon, p.lat]));
  }

  // The extent, widened to at least `minSpan` (and proportionally in latitude).
  let west = Math.min(...extent.map((p) => p[0]!));
  let east = Math.max(...extent.map((p) => p[0]!));
  let south = Math.min(...extent.map((p) => p[1]!));
  let north = Math.max(...extent.map((p) => p[1]!));
  const minLat = (minSpan * height) / width;
  if (east - west < minSpan) [west, east] = [(west + east) / 2 - minSpan / 2, (west + east) / 2 + minSpan / 2];
  if (north - south < minLat) [south, north] = [(south + north) / 2 - minLat / 2, (south + north) / 2 + minLat / 2];
  south = Math.max(south, -75);
  north = Math.min(north, 78);
  const wide = east - west > 100 || north - south > 60;
  const detail: Detail = east - west > 50 ? 'coarse' : 'fine';
  const projection: GeoProjection = wide ? geoEqualEarth() : geoMercator();
  const frame: Geometry = { type: 'MultiPoint', coordinates: [[west, south], [east, south], [west, north], [east, north], ...extent] };
  projection.fitExtent(
    [
      [padding[1], padding[0]],
      [width - padding[1], height - padding[0]],
    ],
    frame,
  );
  snapFrame(projection, width, height);
  if (wide) {
    // A world map has a flat pole line: move it up to the top edge rather than show space beyond
    // it (by whole grid steps, so that world maps keep sharing frames).
    const poleY = projection([0, 90])![1];
    const topmost = Math.min(...extent.map((p) => projection(p as [number, number])![1]));
    const shift = Math.floor(Math.min(poleY, topmost - padding[0] / 2) / POLE_GRID) * POLE_GRID;
    if (shift > 0) {
      const [tx, ty] = projection.translate();
      projection.translate([tx, ty - shift]);
    }
  }
  projection.clipExtent([
    [-1, -1],
    [width + 1, height + 1],
  ]);

  // What the frame shows, in degrees, to skip pieces of the world that are off the map.
  const view = visibleBounds(projection, width, height, wide);
  const w = world(detail);
  // A regional map is drawn in the Mercator plane (see inMercatorPlane): the same picture, faster.
  const plane = wide ? null : mercatorPlane(projection, width, height);
  const draw = (pieces: readonly Piece<Geometry>[]) => {
    const context = new CompactPath(1.4, 2.5);
    const path = geoPath(plane ?? projection, context);
    for (const piece of pieces) if (!view || boundsIntersect(piece.bounds, view)) path(plane ? inMercatorPlane(piece) : piece.geometry);
    return context.result();
  };
  // Maps of the same places share a projection: draw its water, land and borders once.
  const projectionKey = `${wide ? 'wide' : 'regional'} ${detail} ${projection.scale().toFixed(3)} ${projection
    .translate()
    .map((v) => v.toFixed(3))
    .join(' ')} ${width}x${height}`;
  const { water, land, borders } = remember(baseLayers, projectionKey, () => {
    const sphere = new CompactPath(1, 0);
    geoPath(projection, sphere)({ type: 'Sphere' });
    return { water: sphere.result(), land: draw(piecesIn(w.land, view)), borders: draw(w.borders) };
  });

  const highlighted: MapPicture['highlighted'] = [];
  const measure = geoPath(plane ?? projection);
  const maxWeight = Math.max(1, ...valid.map((p) => p.weight));
  const marks: MapMark[] = [];
  for (const p of valid) {
    const base = { id: p.id, name: p.name, href: p.href, weight: p.weight, emphasis: p.emphasis ?? false, label: null, hit: null };
    const country = countryOf.get(p.id);
    if (country) {
      // The outline at the map's own level of detail, so it matches the land under it.
      const { d, x, y } = remember(countryShapes, `${projectionKey} ${country.name}`, () => {
        const outline = w.countries.find((c) => c.name === country.name) ?? country;
        const shown = piecesIn(outline.outlines, view);
        // The middle of the part in the frame (the projection clips to it).
        const [cx, cy] = measure.centroid({
          type: 'GeometryCollection',
          geometries: shown.map((piece) => (plane ? inMercatorPlane(piece) : piece.geometry)),
        });
        return { d: draw(shown), x: cx, y: cy };
      });
      if (!d) continue; // outside the frame
      highlighted.push({ id: p.id, name: p.name, href: p.href, d });
      marks.push({ ...base, x: round1(x), y: round1(y), r: 0, style: 'country' });
      continue;
    }
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    marks.push({
      ...base,
      x: round1(xy[0]),
      y: round1(xy[1]),
      r: round1(p.emphasis ? 6.5 : 3.5 + 3 * Math.sqrt(p.weight / maxWeight)),
      style: AREA_KINDS.has(p.kind ?? '') ? 'area' : 'dot',
    });
  }
  // Labels in order of importance; larger dots are drawn first so small ones stay visible.
  const rank = (m: MapMark) => (m.emphasis ? 0 : m.style === 'country' ? 2 : 1);
  marks.sort((a, b) => rank(a) - rank(b) || b.weight - a.weight || a.id.localeCompare(b.id));
  placeLabels(marks, width, height);
  return { width, height, detail, water, land, borders, highlighted, marks };
}

/** A Mercator `projection` (not rotated) as a scale and move of the unscaled plane, clipped to the frame. */
function mercatorPlane(projection: GeoProjection, width: number, height: number): GeoStreamWrapper {
  return geoIdentity()
    .reflectY(true)
    .scale(projection.scale())
    .translate(projection([0, 0])!)
    .clipExtent([
      [-1, -1],
      [width + 1, height + 1],
    ]);
}

/** Zoom steps per doubling of scale, and the grid (px) the map's middle snaps to. */
const ZOOM_STEPS = 4;
const FRAME_GRID = 16;
/** The step (px) a world map's pole line moves up by. */
const POLE_GRID = 4;

/**
 * Maps of nearby places share one frame: the zoom is rounded out to a quarter of a doubling (at
 * most 16% wider than the tight fit) and the middle to a 16 px grid, well within the labels'
 * padding. Maps with the same frame share their water, land and borders, which are drawn once per
 * build: at 1,000 articles, 546 world maps have 85 frames (328 before world maps were snapped too)
 * and 780 regional maps 433.
 */
function snapFrame(projection: GeoProjection, width: number, height: number): void {
  const middle = projection.invert!([width / 2, height / 2]);
  if (!middle) return;
  projection.scale(2 ** (Math.floor(Math.log2(projection.scale()) * ZOOM_STEPS) / ZOOM_STEPS));
  const [x, y] = projection(middle)!;
  const [tx, ty] = projection.translate();
  const snap = (v: number) => Math.round(v / FRAME_GRID) * FRAME_GRID;
  projection.translate([snap(tx + width / 2 - x), snap(ty + height / 2 - y)]);
}

/** The lon/lat box the frame shows, or null when it shows (nearly) the whole world. */
function visibleBounds(projection: GeoProjection, width: number, height: number, wide: boolean): Bounds | null {
  if (wide) return null;
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
    [width / 2, 0],
    [width / 2, height],
  ]
    .map((c) => projection.invert!(c as [number, number]))
    .filter((c): c is [number, number] => c !== null && Number.isFinite(c[0]) && Number.isFinite(c[1]));
  if (corners.length < 4) return null;
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  return [
    [Math.min(...lons) - 1, Math.min(...lats) - 1],
    [Math.max(...lons) + 1, Math.max(...lats) + 1],
  ];
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

type Candidate = { rect: Rect; x: number; y: number; anchor: 'start' | 'end' | 'middle' };

/**
 * Greedy label placement, most important place first. A dot's label goes to its left (where
 * Arabic text after a marker goes), else right, above, below; a country's label near the middle
 * of its visible part. A label that fits nowhere is dropped.
 */
function placeLabels(marks: MapMark[], width: number, height: number): void {
  const dots = new Map<MapMark, Rect>();
  for (const m of marks) if (m.r > 0) dots.set(m, { left: m.x - m.r - 1, right: m.x + m.r + 1, top: m.y - m.r - 1, bottom: m.y + m.r + 1 });
  const taken: Rect[] = [...dots.values()];
  const labelRects = new Map<MapMark, Rect>();
  for (const m of marks) {
    const fontSize = m.emphasis ? 14 : m.style === 'country' ? 12.5 : 12;
    const w = estimateTextWidth(m.name, fontSize);
    const h = fontSize * 1.3;
    const middle = (cx: number, cy: number): Candidate => ({
      rect: { left: cx - w / 2, right: cx + w / 2, top: cy - h / 2, bottom: cy + h / 2 },
      x: cx,
      y: cy + fontSize * 0.35,
      anchor: 'middle',
    });
    let candidates: Candidate[];
    if (m.style === 'country') {
      const cx = Math.min(Math.max(m.x, w / 2 + 3), width - w / 2 - 3);
      const cy = Math.min(Math.max(m.y, h / 2 + 3), height - h / 2 - 3);
      candidates = [
        [0, 0],
        [0, -18],
        [0, 18],
        [-40, 0],
        [40, 0],
        [-40, -18],
        [40, -18],
        [-40, 18],
        [40, 18],
        [0, -36],
        [0, 36],
      ].map(([dx, dy]) => middle(cx + dx!, cy + dy!));
    } else {
      const gap = m.r + 3;
      candidates = [
        {
          rect: { left: m.x - gap - w, right: m.x - gap, top: m.y - h / 2, bottom: m.y + h / 2 },
          x: m.x - gap,
          y: m.y + fontSize * 0.35,
          anchor: 'start',
        },
        {
          rect: { left: m.x + gap, right: m.x + gap + w, top: m.y - h / 2, bottom: m.y + h / 2 },
          x: m.x + gap,
          y: m.y + fontSize * 0.35,
          anchor: 'end',
        },
        middle(m.x, m.y - gap - h / 2),
        middle(m.x, m.y + gap + h / 2),
      ];
    }
    const own = dots.get(m);
    const fits = candidates.find(
      (c) =>
        c.rect.left >= 2 &&
        c.rect.right <= width - 2 &&
        c.rect.top >= 2 &&
        c.rect.bottom <= height - 2 &&
        !taken.some((t) => t !== own && overlaps(t, c.rect)),
    );
    if (!fits) continue;
    labelRects.set(m, fits.rect);
    m.label = { x: round1(fits.x), y: round1(fits.y), anchor: fits.anchor, fontSize };
    taken.push(fits.rect);
  }
  // What a pointer can click: the dot and its label (a country: its label).
  for (const m of marks) {
    const rects: Rect[] = [];
    if (m.r > 0) rects.push({ left: m.x - m.r - 3, right: m.x + m.r + 3, top: m.y - m.r - 3, bottom: m.y + m.r + 3 });
    if (m.label) rects.push(labelRects.get(m)!);
    if (rects.length === 0) continue;
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    m.hit = {
      x: round1(left),
      y: round1(top),
      width: round1(Math.max(...rects.map((r) => r.right)) - left),
      height: round1(Math.max(...rects.map((r) => r.bottom)) - top),
    };
  }
}
