import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { entitySchema } from './schemas/entity.ts';
import { contentDir } from './site/config.ts';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: path.join(contentDir, 'articles') }),
  schema: articleSchema,
});

const entities = defineCollection({
  loader: glob({ pattern: '**/*.json', base: path.join(contentDir, 'entities') }),
  schema: entitySchema,
});

export const collections = { articles, entities };
