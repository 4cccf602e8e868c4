import type { EntityType } from '../schemas/entity.ts';
import { entityTypeInfo } from './labels.ts';

/** Public URL of an article page. */
export const articleUrl = (id: string): string => `/articles/${id}/`;

/** Public URL of an entity page. */
export const entityUrl = (id: string): string => `/entities/${id}/`;

/** Public URL of the index of one entity type ("/people/"). */
export const entityTypeUrl = (type: EntityType): string => `/${entityTypeInfo[type].slug}/`;
