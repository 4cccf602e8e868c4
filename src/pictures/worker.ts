/**
 * The pictures' worker thread (src/pictures/painter.ts): draws locator maps and entity graphs in
 * plain Node, on a core of its own, while the build's main thread renders pages. It keeps the
 * world outlines and the maps' per-build caches (frames, country shapes) for the whole build.
 */
import { parentPort } from 'node:worker_threads';
import { drawEntityGraph } from './from-index.ts';
import { locatorMap } from './locator-map.ts';
import type { PaintRequest, PaintResponse } from './painter.ts';
import { world } from './world.ts';

// Pages start the worker before they ask for pictures (startPainter): the world outlines, which
// nearly every map needs, are read while the build is still busy elsewhere.
world('fine');
world('coarse');

parentPort!.on('message', (request: PaintRequest) => {
  let response: PaintResponse;
  try {
    const picture = request.kind === 'map' ? locatorMap(request.places) : drawEntityGraph(request.graph);
    response = { id: request.id, picture };
  } catch (error) {
    response = { id: request.id, error: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(response);
});
