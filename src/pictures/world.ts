import { geoArea, geoBounds, geoContains, geoEquirectangular, geoMercatorRaw, geoPath, type GeoContext } from 'd3-geo';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import land110m from 'world-atlas/land-110m.json' with { type: 'json' };
import land50m from 'world-atlas/land-50m.json' with { type: 'json' };

/**
 * Natural Earth outlines from the `world-atlas` package (public domain data, bundled at build
 * time; never fetched). Two levels of detail: 1:50m for regional maps, 1:110m for maps of a
 * large part of the world. Everything is converted from TopoJSON once per build; polygons are
 * cut into pieces (10° strips, each cut when a map first needs it) with their bounding boxes, so
 * each map projects only what it shows.
 */
export type Detail = 'fine' | 'coarse';

/** [[west, south], [east, north]] in degrees; west > east when the piece crosses the antimeridian. */
export type Bounds = [[number, number], [number, number]];

/** One polygon of land or one stretch of border, with its bounds. */
export interface Piece<G extends Geometry> {
  geometry: G;
  bounds: Bounds;
}

export interface Country {
  /** ISO 3166-1 numeric code, as Natural Earth gives it. */
  id: string;
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
  bounds: Bounds;
  /** The outline's polygons, cut into strips, for drawing only what a map shows (`piecesIn`). */
  outlines: Outline[];
}

export interface World {
  /** Land polygons, cut into strips (`piecesIn`). */
  land: Outline[];
  /** Borders between countries, each drawn once. */
  borders: Piece<LineString>[];
  countries: Country[];
}

const cache = new Map<Detail, World>();

function polygons(geometry: Geometry): Polygon[] {
  if (geometry.type === 'Polygon') return [geometry];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygons);
  return [];
}

function lines(geometry: MultiLineString | LineString): LineString[] {
  if (geometry.type === 'LineString') return [geometry];
  return geometry.coordinates.map((coordinates: Position[]) => ({ type: 'LineString', coordinates }));
}

function withBounds<G extends Geometry>(geometry: G): Piece<G> {
  return { geometry, bounds: geoBounds(geometry) as Bounds };
}

/** Width in degrees of longitude of the strips large polygons are cut into. */
const STRIP = 10;

/** The part of a polygon between two meridians, cut in plain longitude/latitude by d3's rectangle clipping. */
function clipToStrip(polygon: Polygon, west: number, east: number): Polygon | null {
  const plate = geoEquirectangular()
    .scale(180 / Math.PI)
    .translate([0, 0])
    .precision(0)
    .clipExtent([
      [west, -90],
      [east, 90],
    ]);
  const rings: Position[][] = [];
  let ring: Position[] = [];
  const context: GeoContext = {
    beginPath: () => {},
    moveTo: (x, y) => void (ring = [[x, -y]]),
    lineTo: (x, y) => void ring.push([x, -y]),
    closePath: () => {
      ring.push(ring[0]!);
      if (ring.length >= 4) rings.push(ring);
      ring = [];
    },
    arc: () => {},
  };
  geoPath(plate, context)(polygon);
  if (rings.length === 0) return null;
  const cut: Polygon = { type: 'Polygon', coordinates: rings };
  // A ring the clipping wound the other way would cover the rest of the sphere.
  return geoArea(cut) > 2 * Math.PI ? { type: 'Polygon', coordinates: rings.map((r) => [...r].reverse()) } : cut;
}

/**
 * A polygon cut along meridians (great circles, so the cuts are exact on the sphere and invisible
 * in the fill) into strips of `STRIP` degrees: Eurasia alone has 11,000 vertices, and a map of
 * Syria then projects only the few strips it shows. Each strip is cut the first time a map may
 * show it (most maps show a few strips of a few polygons); the pieces, their order and their
 * bounds are those of cutting every strip at once.
 */
export class Outline {
  /** The whole polygon's bounds. */
  readonly bounds: Bounds;
  readonly #polygon: Polygon;
  /** Western edges of the strips the polygon spans, or null when it is one piece as it is. */
  readonly #strips: number[] | null;
  readonly #pieces = new Map<number, Piece<Polygon> | null>();
  readonly #whole: Piece<Polygon>;
  /** Whether the polygon reaches a pole: its pieces' bounds may then span every longitude. */
  readonly #polar: boolean;

  constructor(polygon: Polygon) {
    this.#whole = withBounds(polygon);
    this.bounds = this.#whole.bounds;
    this.#polygon = polygon;
    const [[west, south], [east, north]] = this.bounds;
    this.#polar = south <= -89 || north >= 89;
    if (west <= east && east - west <= STRIP) {
      this.#strips = null;
    } else {
      this.#strips = [];
      for (let lon = -180; lon < 180; lon += STRIP)
        if (
          boundsIntersect(this.bounds, [
            [lon, -90],
            [lon + STRIP, 90],
          ])
        )
          this.#strips.push(lon);
    }
  }

  /**
   * The pieces that may intersect `view` (null: all of them), in order. A strip is left uncut
   * only when its piece cannot be in the view: a piece lies within its strip's longitudes, so a
   * strip one degree clear of the view on both sides is skipped (never one at the antimeridian,
   * nor any of a polygon that reaches a pole).
   */
  pieces(view: Bounds | null): Piece<Polygon>[] {
    if (!this.#strips) return [this.#whole];
    const out: Piece<Polygon>[] = [];
    for (const lon of this.#strips) {
      const clear =
        view &&
        !this.#polar &&
        lon > -180 &&
        lon + STRIP < 180 &&
        !boundsIntersect(
          [
            [lon - 1, -90],
            [lon + STRIP + 1, 90],
          ],
          view,
        );
      if (clear) continue;
      let piece = this.#pieces.get(lon);
      if (piece === undefined) {
        const cut = clipToStrip(this.#polygon, lon, lon + STRIP);
        piece = cut ? withBounds(cut) : null;
        this.#pieces.set(lon, piece);
      }
      if (piece) out.push(piece);
    }
    return out;
  }
}

/** The pieces of `outlines` a map of `view` shows (null: the whole world), in order. */
export function piecesIn(outlines: readonly Outline[], view: Bounds | null): Piece<Polygon>[] {
  const out: Piece<Polygon>[] = [];
  for (const outline of outlines) {
    for (const piece of outline.pieces(view)) if (!view || boundsIntersect(piece.bounds, view)) out.push(piece);
  }
  return out;
}

function load(countriesTopo: unknown, landTopo: unknown): World {
  const ct = countriesTopo as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const lt = landTopo as Topology<{ land: GeometryCollection }>;
  const landFeature = feature(lt, lt.objects.land);
  const landGeometries = landFeature.features.map((f) => f.geometry);
  const countryFeatures = feature(ct, ct.objects.countries);
  return {
    land: landGeometries.flatMap(polygons).map((polygon) => new Outline(polygon)),
    borders: lines(mesh(ct, ct.objects.countries, (a, b) => a !== b)).map(withBounds),
    countries: countryFeatures.features
      .filter((f) => f.geometry)
      .map((f) => ({
        id: String(f.id ?? ''),
        name: f.properties?.name ?? '',
        feature: f as Feature<Polygon | MultiPolygon>,
        bounds: geoBounds(f) as Bounds,
        outlines: polygons(f.geometry).map((polygon) => new Outline(polygon)),
      })),
  };
}

/** The world at one level of detail, converted on first use and kept for the rest of the build. */
export function world(detail: Detail): World {
  let w = cache.get(detail);
  if (!w) {
    w = detail === 'fine' ? load(countries50m, land50m) : load(countries110m, land110m);
    cache.set(detail, w);
  }
  return w;
}

/** Whether two bounds overlap (longitudes may wrap at ±180°). */
export function boundsIntersect(a: Bounds, b: Bounds): boolean {
  if (a[1][1] < b[0][1] || b[1][1] < a[0][1]) return false;
  const ranges = (x: Bounds): [number, number][] =>
    x[0][0] <= x[1][0]
      ? [[x[0][0], x[1][0]]]
      : [
          [x[0][0], 180],
          [-180, x[1][0]],
        ];
  return ranges(a).some(([w1, e1]) => ranges(b).some(([w2, e2]) => w1 <= e2 && w2 <= e1));
}

const containing = new Map<string, Country | null>();

/** The country (1:50m) containing a point, or null at sea; cached per point. */
export function countryAt(lon: number, lat: number): Country | null {
  const key = `${lon},${lat}`;
  let found = containing.get(key);
  if (found === undefined) {
    const point: Bounds = [
      [lon, lat],
      [lon, lat],
    ];
    found = world('fine').countries.find((c) => boundsIntersect(c.bounds, point) && geoContains(c.feature, [lon, lat])) ?? null;
    containing.set(key, found);
  }
  return found;
}

/** Latitude the Mercator plane is cut at (the poles are infinitely far; no regional map goes there). */
const MERCATOR_LIMIT = (85 * Math.PI) / 180;
const mercatorPlane = new WeakMap<Piece<Geometry>, Geometry>();

/**
 * A piece in the unscaled Mercator plane (x = longitude in radians), computed once per build: a
 * regional map then only scales, moves and clips it in the plane, with none of d3's per-map
 * spherical work (cutting at the antimeridian, resampling arcs). Natural Earth's outlines are
 * already cut at the antimeridian, and meridians and parallels are straight in Mercator, so the
 * drawing is the same to the pixel (tests/pictures/locator-map.test.ts). Equal Earth world maps
 * stay spherical: there the meridians polygons were cut along are curves.
 */
export function inMercatorPlane(piece: Piece<Geometry>): Geometry {
  let plane = mercatorPlane.get(piece);
  if (!plane) {
    const project = (p: Position): Position =>
      geoMercatorRaw((p[0]! * Math.PI) / 180, Math.max(-MERCATOR_LIMIT, Math.min(MERCATOR_LIMIT, (p[1]! * Math.PI) / 180)));
    const g = piece.geometry;
    if (g.type === 'Polygon') plane = { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(project)) };
    else if (g.type === 'LineString') plane = { type: 'LineString', coordinates: g.coordinates.map(project) };
    else throw new Error(`inMercatorPlane: unexpected ${g.type}`);
    mercatorPlane.set(piece, plane);
  }
  return plane;
}
