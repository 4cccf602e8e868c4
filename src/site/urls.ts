import type { EntityType } from '../schemas/entity.ts';
import { entityTypeInfo } from './labels.ts';

/** Public URL of an article page. */
export const articleUrl = (id: string): string => `/articles/${id}/`;

/** Public URL of an entity page. */
export const entityUrl = (id: string): string => `/entities/${id}/`;

/** The built pages search indexes (the only ones with `data-pagefind-body`): articles and entities. */
export const searchablePagesGlob = '{articles,entities}/*/index.html';

/** Public URL of the index of one entity type ("/people/"). */
export const entityTypeUrl = (type: EntityType): string => `/${entityTypeInfo[type].slug}/`;

/** Page n of the articles mentioning an entity (page 1 is the entity page itself). */
export const entityPageUrl = (id: string, n: number): string => (n <= 1 ? entityUrl(id) : `${entityUrl(id)}page/${n}/`);
