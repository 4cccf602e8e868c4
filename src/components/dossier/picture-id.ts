import { createHash } from 'node:crypto';

/**
 * An id for a dossier picture's SVG title, unique on its page: from the picture's props (the
 * dossier check allows each picture once per dossier).
 */
export function pictureId(kind: string, props: object): string {
  return `dossier-${kind}-${createHash('sha256').update(JSON.stringify(props)).digest('hex').slice(0, 8)}`;
}
