import type { GeoContext } from 'd3-geo';

/**
 * A `geoPath` context that writes compact SVG path data: integer pixel coordinates, relative
 * moves, and points closer than `tolerance` px to the last kept one dropped. Rings smaller than
 * `minRingSize` px across (specks of islands) are left out. This is what keeps a map's country
 * outlines to a few kilobytes at the size it is drawn.
 */
export class CompactPath implements GeoContext {
  private out: string[] = [];
  private ring: [number, number][] = [];
  private closed = false;
  private readonly tolerance: number;
  private readonly minRingSize: number;

  constructor(tolerance = 1.5, minRingSize = 2) {
    this.tolerance = tolerance;
    this.minRingSize = minRingSize;
  }

  beginPath(): void {}

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[x, y]];
    this.closed = false;
  }

  lineTo(x: number, y: number): void {
    this.ring.push([x, y]);
  }

  closePath(): void {
    this.closed = true;
    this.flush();
  }

  /** Points are not drawn (maps draw places themselves). */
  arc(): void {}

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    if (ring.length < 2) return;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    if (this.closed && size < this.minRingSize) return;
    let [px, py] = [Math.round(ring[0]![0]), Math.round(ring[0]![1])];
    let d = `M${px} ${py}`;
    let kept = 1;
    const t2 = this.tolerance * this.tolerance;
    for (let i = 1; i < ring.length; i++) {
      const [x, y] = ring[i]!;
      const last = i === ring.length - 1;
      if (!last && (x - px) ** 2 + (y - py) ** 2 < t2) continue;
      const rx = Math.round(x);
      const ry = Math.round(y);
      if (rx === px && ry === py) continue;
      d += `l${rx - px} ${ry - py}`.replace(/ -/g, '-');
      px = rx;
      py = ry;
      kept += 1;
    }
    if (this.closed) {
      if (kept < 3) return;
      d += 'z';
    }
    this.out.push(d);
  }

  /** The path data so far. */
  result(): string {
    this.flush();
    const d = this.out.join('');
    this.out = [];
    return d;
  }
}
