/**
 * The dossiers collection's content loader: Astro's glob loader over `content/dossiers/*.mdx`
 * (so @astrojs/mdx compiles each dossier, an editor's trusted MDX, into the page), then the
 * dossier check (src/dossiers/check.ts) over every dossier, before any page is rendered: a
 * misspelt entity id, a bad prop or an unknown component stops the build at once, naming the
 * file, line and column. A folder without dossiers is no problem: the collection is empty. (In
 * `astro dev` an edited dossier is synced again by the glob loader, and its page runs the check.)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkDossierSource, DossierError, type DossierLookup } from '../dossiers/check.ts';
import { allContentFiles, loadRegistry } from '../entities/registry.ts';
import { displayPath } from '../entities/registry-rules.ts';
import { articleFiles } from './article-files.ts';

export interface DossierLoaderOptions {
  /** Folder of the dossiers, `<slug>.mdx` each. */
  base: string;
  /** Folder of the registry's `*.json` entities. */
  entities: string;
  /** Folder of the articles, `<id>.mdx` each. */
  articles: string;
}

/** A dossier's slug, its URL's last part: lowercase Latin letters and digits with single hyphens. */
export const DOSSIER_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The files of the dossiers folder that cannot be dossiers: in a subfolder, not `.mdx`, or no usable slug. */
export function dossierFileProblems(base: string): string[] {
  return allContentFiles(base)
    .filter((name) => !name.split('/').some((part) => part.startsWith('.')))
    .flatMap((name) => {
      const shown = displayPath(path.join(base, name));
      if (name.includes('/')) return [`${shown}: in a subfolder: a dossier sits directly in the dossiers folder, as <slug>.mdx`];
      if (!name.endsWith('.mdx')) return [`${shown}: not a dossier: the dossiers folder holds <slug>.mdx files only`];
      const slug = name.slice(0, -'.mdx'.length);
      if (!DOSSIER_SLUG.test(slug))
        return [
          `${shown}: the file name gives no usable address (${JSON.stringify(slug)}): lowercase Latin letters and digits with single hyphens, e.g. russia-turkey-syria.mdx`,
        ];
      return [];
    });
}

/** What the dossier check needs, from the registry and articles folders. */
export function folderLookup(entitiesDir: string, articlesDir: string): DossierLookup {
  const registry = new Map(loadRegistry(entitiesDir).map((e) => [e.id, e]));
  const articles = new Set(articleFiles(articlesDir).articles.map((a) => a.id));
  return { entity: (id) => registry.get(id), hasArticle: (id) => articles.has(id), registryDir: displayPath(entitiesDir) };
}

export function dossierLoader({ base, entities, articles }: DossierLoaderOptions): Loader {
  const inner = glob({ pattern: '*.mdx', base, generateId: ({ entry }) => entry.slice(0, -'.mdx'.length) });
  return {
    name: 'marsad-dossiers',
    load: async (context) => {
      if (!existsSync(base)) {
        context.store.clear();
        return;
      }
      const fileProblems = dossierFileProblems(base);
      if (fileProblems.length > 0)
        throw new Error(
          `the dossiers folder has ${fileProblems.length} file${fileProblems.length === 1 ? '' : 's'} that cannot be built:\n${fileProblems.join('\n')}`,
        );
      await inner.load(context);
      checkStoredDossiers(context, entities, articles);
    },
  };
}

function checkStoredDossiers({ store, config }: LoaderContext, entitiesDir: string, articlesDir: string): void {
  const entries = [...store.values()];
  if (entries.length === 0) return;
  const lookup = folderLookup(entitiesDir, articlesDir);
  const root = fileURLToPath(config.root);
  const errors: string[] = [];
  for (const entry of entries) {
    const full = path.resolve(root, entry.filePath!);
    const problems = checkDossierSource(readFileSync(full, 'utf8'), lookup, (entry.data as { entities: string[] }).entities);
    if (problems.length > 0) errors.push(new DossierError(displayPath(full), problems).message);
  }
  if (errors.length > 0) {
    const count = errors.join('\n').split('\n').length;
    throw new Error(`${count} problem${count === 1 ? '' : 's'} in the dossiers:\n${errors.join('\n')}`);
  }
}
