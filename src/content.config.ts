import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { entitySchema } from './schemas/entity.ts';
import { articleLoader } from './site/article-loader.ts';
import { contentDir } from './site/config.ts';

// Articles are rendered once per change by the project's loader and kept in the content store
// (src/site/article-loader.ts explains why not the glob loader with @astrojs/mdx).
const articles = defineCollection({
  loader: articleLoader({ base: path.join(contentDir, 'articles'), entities: path.join(contentDir, 'entities') }),
  schema: articleSchema,
});

const entities = defineCollection({
  loader: glob({ pattern: '**/*.json', base: path.join(contentDir, 'entities') }),
  schema: entitySchema,
});

export const collections = { articles, entities };
