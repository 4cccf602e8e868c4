/**
 * The entities collection's content loader: the registry as `loadRegistry` reads it
 * (src/entities/registry.ts), so pages, the linker and the CLIs see the same entities under the
 * same ids, and a registry that breaks a rule of src/entities/registry-rules.ts stops the build
 * with every problem, each naming its file and rule.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadRegistry } from '../entities/registry.ts';
import { contentCodeDigest } from './code-digest.ts';

export interface RegistryLoaderOptions {
  /** Folder of the registry's `<id>.json` entities. */
  base: string;
}

export function registryLoader({ base }: RegistryLoaderOptions): Loader {
  return {
    name: 'marsad-entities',
    load: async (context) => {
      await syncRegistry(context, base);
      // In dev, an edit syncs again; syncs run one after the other so two never write the store at once.
      let syncing = Promise.resolve();
      context.watcher?.on('all', (_event, changed) => {
        if (path.resolve(changed).startsWith(base + path.sep)) {
          syncing = syncing.then(() => syncRegistry(context, base)).catch((error) => context.logger.error((error as Error).message));
        }
      });
    },
  };
}

async function syncRegistry({ store, parseData, generateDigest, config }: LoaderContext, base: string): Promise<void> {
  const root = fileURLToPath(config.root);
  const code = await contentCodeDigest(config);
  const registry = loadRegistry(base);
  const ids = new Set<string>();
  for (const { id, ...entity } of registry) {
    const full = path.join(base, `${id}.json`);
    const data = await parseData({ id, data: entity, filePath: full });
    const filePath = path.relative(root, full).split(path.sep).join('/');
    // Keyed on the code too: the schema (src/schemas/entity.ts) and reader decide what is stored.
    store.set({ id, data, digest: generateDigest(`${code}\0${JSON.stringify(entity)}`), filePath });
    ids.add(id);
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
}
