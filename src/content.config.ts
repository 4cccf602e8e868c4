import path from 'node:path';
import { defineCollection } from 'astro:content';
import { arabicQuotes } from './render/quotes.ts';
import { articleSchema } from './schemas/article.ts';
import { dossierSchema } from './schemas/dossier.ts';
import { entitySchema } from './schemas/entity.ts';
import { articleLoader } from './site/article-loader.ts';
import { dossierLoader } from './site/dossier-loader.ts';
import { registryLoader } from './site/registry-loader.ts';
import { settings } from './settings.ts';

const { contentDir } = settings();

// Articles are rendered once per change by the project's loader and kept in the content store
// (src/site/article-loader.ts explains why not the glob loader with @astrojs/mdx).
const articles = defineCollection({
  loader: articleLoader({ base: path.join(contentDir, 'articles'), entities: path.join(contentDir, 'entities') }),
  // Headlines show paired straight quotes as «», as bodies do (display only: the file keeps them).
  schema: articleSchema.extend({
    title: articleSchema.shape.title.transform(arabicQuotes),
    standfirst: articleSchema.shape.standfirst.transform((s) => (s === undefined ? s : arabicQuotes(s))),
  }),
});

// The registry is read and checked by the project's loader (src/site/registry-loader.ts): the same
// entities and rules as the linker's, and a bad registry stops the build naming each file and rule.
const entities = defineCollection({
  loader: registryLoader({ base: path.join(contentDir, 'entities') }),
  schema: entitySchema,
});

// Dossiers are editors' MDX pages, compiled by @astrojs/mdx; the loader checks every component and
// entity id in them before anything renders (src/site/dossier-loader.ts, docs/editing.md).
const dossiers = defineCollection({
  loader: dossierLoader({
    base: path.join(contentDir, 'dossiers'),
    entities: path.join(contentDir, 'entities'),
    articles: path.join(contentDir, 'articles'),
  }),
  schema: dossierSchema,
});

export const collections = { articles, entities, dossiers };
