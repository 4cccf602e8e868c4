import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { articleMapPlaces, drawEntityGraph, entityGraphInput, entityMapPlaces } from '../../src/pictures/from-index.ts';
import { locatorMap } from '../../src/pictures/locator-map.ts';
import type { PaintRequest, PaintResponse } from '../../src/pictures/painter.ts';
import { indexOf, registry } from './support.ts';

const entities = registry([
  { id: 'putin', type: 'person', name: 'فلاديمير بوتين' },
  { id: 'erdogan', type: 'person', name: 'رجب طيب أردوغان' },
  { id: 'russia', type: 'place', kind: 'country', name: 'روسيا', coordinates: { lat: 61.52, lon: 105.32 } },
  { id: 'sochi', type: 'place', kind: 'city', name: 'سوتشي', coordinates: { lat: 43.5855, lon: 39.7231 } },
  { id: 'idlib', type: 'place', kind: 'governorate', name: 'إدلب', coordinates: { lat: 35.9306, lon: 36.6339 } },
]);
const index = indexOf({
  a1: { putin: 3, erdogan: 2, sochi: 1, russia: 2 },
  a2: { putin: 1, russia: 1, idlib: 1 },
  a3: { erdogan: 1, idlib: 2, putin: 1 },
});

// The worker as `astro build` starts it (src/pictures/painter.ts), plain Node on its own thread.
const worker = new Worker(new URL('../../src/pictures/worker.ts', import.meta.url));
afterAll(() => worker.terminate());

function paint(request: PaintRequest): Promise<PaintResponse> {
  return new Promise((resolve) => {
    const answer = (response: PaintResponse) => {
      if (response.id !== request.id) return;
      worker.off('message', answer);
      resolve(response);
    };
    worker.on('message', answer);
    worker.postMessage(request);
  });
}

describe('the pictures worker', () => {
  it('draws the maps and graphs the page would draw in its own thread', async () => {
    const article = articleMapPlaces('a1', index, entities);
    const entity = entityMapPlaces('sochi', index, entities);
    const graph = entityGraphInput('putin', index, entities)!;
    expect(await paint({ id: 1, kind: 'map', places: article })).toEqual({ id: 1, picture: locatorMap(article) });
    expect(await paint({ id: 2, kind: 'map', places: entity })).toEqual({ id: 2, picture: locatorMap(entity) });
    expect(await paint({ id: 3, kind: 'graph', graph })).toEqual({ id: 3, picture: drawEntityGraph(graph) });
  }, 60_000);

  it('answers a request it cannot draw with the error, and keeps drawing', async () => {
    const response = await paint({ id: 4, kind: 'graph', graph: null as never });
    expect(response).toMatchObject({ id: 4, error: expect.stringContaining('TypeError') });
    const places = articleMapPlaces('a3', index, entities);
    expect(await paint({ id: 5, kind: 'map', places })).toEqual({ id: 5, picture: locatorMap(places) });
  }, 60_000);
});
