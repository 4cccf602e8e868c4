import type { GeoContext } from 'd3-geo';

/**
 * A `geoPath` context that writes compact SVG path data: integer pixel coordinates, relative
 * moves, and points closer than `tolerance` px to the last kept one dropped. Rings smaller than
 * `minRingSize` px across (specks of islands) are left out. This is what keeps a map's country
 * outlines to a few kilobytes at the size it is drawn.
 */
export class CompactPath implements GeoContext {
  private out: string[] = [];
  /** The ring being drawn, as x and y coordinates. */
  private xs: number[] = [];
  private ys: number[] = [];
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
    this.xs = [x];
    this.ys = [y];
    this.closed = false;
  }

  lineTo(x: number, y: number): void {
    this.xs.push(x);
    this.ys.push(y);
  }

  closePath(): void {
    this.closed = true;
    this.flush();
  }

  /** Points are not drawn (maps draw places themselves). */
  arc(): void {}

  private flush(): void {
    const { xs, ys } = this;
    const n = xs.length;
    this.xs = [];
    this.ys = [];
    if (n < 2) return;
    if (this.closed) {
      let [minX, maxX, minY, maxY] = [xs[0]!, xs[0]!, ys[0]!, ys[0]!];
      for (let i = 1; i < n; i++) {
        const x = xs[i]!;
        const y = ys[i]!;
        if (x < minX) minX = x;
        else if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        else if (y > maxY) maxY = y;
      }
      if (Math.max(maxX - minX, maxY - minY) < this.minRingSize) return;
    }
    let px = Math.round(xs[0]!);
    let py = Math.round(ys[0]!);
    let d = `M${px} ${py}`;
    let kept = 1;
    const t2 = this.tolerance * this.tolerance;
    for (let i = 1; i < n; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      if (i !== n - 1 && (x - px) ** 2 + (y - py) ** 2 < t2) continue;
      const rx = Math.round(x);
      const ry = Math.round(y);
      if (rx === px && ry === py) continue;
      // A relative line; a negative second number needs no separator ("l3-5", "l3 5").
      const dy = ry - py;
      d += dy < 0 ? `l${rx - px}${dy}` : `l${rx - px} ${dy}`;
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
