/**
 * Draws the site's locator maps and entity graphs off the build's main thread. Astro renders pages
 * on one thread; the pictures (d3's geometry and force layout, the larger part of an article or
 * entity page's cost) go to one worker thread (src/pictures/worker.ts), which keeps the world
 * outlines and the per-build caches, while the main thread goes on with other pages
 * (`build.concurrency`). The worker runs the same pure functions (`locatorMap`, `egoGraphLayout`),
 * so a picture is the same wherever it is drawn.
 *
 * The worker's path comes from `astro build` (`picturesIntegration`); without it (the dev server,
 * tests, other tools) pictures are drawn in the calling thread.
 */
import { Worker } from 'node:worker_threads';
import type { GraphPicture } from './graph.ts';
import { drawEntityGraph, type EgoGraphInput } from './from-index.ts';
import { locatorMap, type MapPicture, type MapPlace } from './locator-map.ts';

/** What a page asks the worker to draw. */
export type Painting = { kind: 'map'; places: readonly MapPlace[] } | { kind: 'graph'; graph: EgoGraphInput };
export type PaintRequest = Painting & { id: number };
export type PaintResponse = { id: number; picture: MapPicture | GraphPicture | null } | { id: number; error: string };

declare const __MARSAD_PICTURES_WORKER__: string | undefined;

/** The worker's source file, when the build provides it (astro.config.mjs → picturesIntegration). */
const workerFile = typeof __MARSAD_PICTURES_WORKER__ === 'string' ? __MARSAD_PICTURES_WORKER__ : undefined;

let worker: Worker | undefined;
let failure: Error | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (picture: never) => void; reject: (error: Error) => void }>();

function settle(response: PaintResponse): void {
  const waiting = pending.get(response.id);
  if (!waiting) return;
  pending.delete(response.id);
  // The worker only keeps the process alive while a page waits for it.
  if (pending.size === 0) worker?.unref();
  if ('error' in response) waiting.reject(new Error(`drawing a picture failed in the pictures worker:\n${response.error}`));
  else waiting.resolve(response.picture as never);
}

function fail(error: Error): void {
  failure = error;
  worker = undefined;
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

/**
 * Starts the pictures worker, if the build has one, so that it has loaded its code and the world
 * outlines by the time the first page asks for a picture (pages call this from `getStaticPaths`,
 * which Astro runs for every route before it renders any page).
 */
export function startPainter(): void {
  if (!workerFile || worker || failure) return;
  worker = new Worker(workerFile);
  worker.on('message', settle);
  worker.on('error', (error: Error) => fail(new Error(`the pictures worker stopped: ${error.stack ?? error.message}`)));
  worker.on(
    'exit',
    (code) => pending.size > 0 && fail(new Error(`the pictures worker exited (code ${code}) with ${pending.size} pictures to draw`)),
  );
  worker.unref();
}

function paint<T>(request: Painting, inline: () => T): Promise<T> {
  if (!workerFile) return Promise.resolve(inline());
  if (failure) return Promise.reject(failure);
  startPainter();
  const id = nextId++;
  if (pending.size === 0) worker!.ref();
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ ...request, id });
  });
}

/** A locator map of `places` (`locatorMap`); null when none has coordinates. */
export function paintMap(places: readonly MapPlace[]): Promise<MapPicture | null> {
  if (places.length === 0) return Promise.resolve(locatorMap(places));
  return paint({ kind: 'map', places }, () => locatorMap(places));
}

/** An entity's graph (`drawEntityGraph`), or null without one. */
export function paintEntityGraph(graph: EgoGraphInput | null): Promise<GraphPicture | null> {
  if (!graph) return Promise.resolve(null);
  return paint({ kind: 'graph', graph }, () => drawEntityGraph(graph));
}
