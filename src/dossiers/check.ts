/**
 * The dossier check: reads a dossier's MDX (`content/dossiers/<slug>.mdx`, front matter included,
 * so lines and columns are the file's) with Sätteri, the parser @astrojs/mdx uses, finds every
 * component of src/dossiers/components.ts in it and checks, without running anything:
 * - each prop is a literal value of the right shape (src/dossiers/literal.ts, the zod schemas);
 * - every entity id is in the registry, every place of a map is a place with coordinates, every
 *   article id is an article of the archive, and (on the site) every entity has a page;
 * - <Event> sits in a <Chronology>, which holds nothing else, oldest first;
 * - components that take text have some, the others none; no picture twice;
 * - no unknown component (a component the dossier imports itself is its own business).
 * The content loader runs it before the build renders anything (src/site/dossier-loader.ts), and
 * the dossier page again with the site's entity pages; a problem stops the build with the file,
 * line, column and what is wrong.
 */
import { mdxToMdast } from 'satteri';
import type { EntityType } from '../schemas/entity.ts';
import {
  describeIssues,
  dossierComponentNames,
  dossierComponentProps,
  NEEDS_CHILDREN,
  PICTURES,
  type DossierComponentName,
} from './components.ts';
import { LiteralError, readLiteral } from './literal.ts';

/** A problem at a line and column of the dossier's file. */
export interface DossierProblem {
  line: number;
  column: number;
  message: string;
}

/** What the check needs to know of the site. */
export interface DossierLookup {
  /** The registry entity with this id, if any. */
  entity(id: string): { type: EntityType; coordinates?: { lat: number; lon: number } | undefined } | undefined;
  /** Whether an article has this id. */
  hasArticle(id: string): boolean;
  /** Whether the entity has a page (some article names it); unchecked when absent (before the articles are read). */
  hasPage?: ((id: string) => boolean) | undefined;
  /** The registry folder as the messages name it ("content/entities"). */
  registryDir: string;
}

/** One dossier: its problems, none when it is fine. */
export class DossierError extends Error {
  readonly file: string;
  readonly problems: readonly DossierProblem[];

  constructor(file: string, problems: readonly DossierProblem[]) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'DossierError';
    this.file = file;
    this.problems = problems;
  }
}

interface Point {
  line: number;
  column: number;
}

interface SourceNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: string | null | { type: string; value: string } }[];
  children?: SourceNode[];
  position?: { start: Point };
}

/** Props that hold entity ids, and those that hold article ids. */
const ENTITY_PROPS = ['id', 'entities', 'places', 'focus'] as const;
const ARTICLE_PROPS = ['articles'] as const;

/** The first day and the last of a year, month or day ("2015", "2015-11", "2015-11-24"). */
function period(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [date, date];
}

const isBlank = (node: SourceNode): boolean =>
  (node.type === 'text' && !(node.value ?? '').trim()) || (node.type === 'paragraph' && (node.children ?? []).every(isBlank));

/** Names an `import` statement of the dossier brings in. */
function importedNames(esm: string): string[] {
  const names: string[] = [];
  for (const m of esm.matchAll(/\bimport\s+([^'"]+?)\s+from\s+['"]/g)) {
    for (const part of m[1]!.replace(/[{}*]/g, ',').split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  }
  for (const m of esm.matchAll(/\bexport\s+(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.push(m[1]!);
  return names;
}

/**
 * Checks one dossier's source (the whole file). `frontmatterEntities`: the entities its front
 * matter lists, checked like a component's.
 */
export function checkDossierSource(source: string, lookup: DossierLookup, frontmatterEntities: readonly string[] = []): DossierProblem[] {
  const problems: DossierProblem[] = [];
  const at = (node: SourceNode | undefined, message: string) =>
    problems.push({ line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1, message });

  let tree: SourceNode;
  try {
    tree = mdxToMdast(source, { position: true }) as SourceNode;
  } catch (error) {
    const m = /^(\d+):(\d+): (.*)$/s.exec((error as Error).message);
    return [m ? { line: Number(m[1]), column: Number(m[2]), message: m[3]! } : { line: 1, column: 1, message: (error as Error).message }];
  }

  const imported = new Set((tree.children ?? []).filter((n) => n.type === 'mdxjsEsm').flatMap((n) => importedNames(n.value ?? '')));
  const pictures = new Map<string, number>();

  /** Checks the ids of one entity prop; `label`: how the message names the prop. */
  const checkEntity = (node: SourceNode | undefined, label: string, id: string, component?: DossierComponentName) => {
    const entity = lookup.entity(id);
    if (!entity) {
      at(node, `${label}: unknown entity "${id}" (no ${lookup.registryDir}/${id}.json in the registry)`);
      return;
    }
    if (lookup.hasPage && !lookup.hasPage(id)) {
      at(node, `${label}: no article names the entity "${id}", so it has no page to show or link to`);
      return;
    }
    if (component === 'LocatorMap' && entity.type !== 'place') at(node, `${label}: "${id}" is not a place (its type is ${entity.type})`);
    else if (component === 'LocatorMap' && !entity.coordinates)
      at(node, `${label}: the place "${id}" has no coordinates in ${lookup.registryDir}/${id}.json`);
  };

  // The front matter's entities: at the line of the front matter naming each.
  const yaml = (tree.children ?? []).find((n) => n.type === 'yaml');
  const yamlLines = (yaml?.value ?? '').split('\n');
  for (const id of frontmatterEntities) {
    const index = yamlLines.findIndex((l) => new RegExp(`(^|[^a-z0-9-])${id.replace(/[-]/g, '\\-')}($|[^a-z0-9-])`).test(l));
    const line = (yaml?.position?.start.line ?? 1) + Math.max(0, index) + (index >= 0 ? 1 : 0);
    const node: SourceNode = { type: 'yaml', position: { start: { line, column: 1 } } };
    checkEntity(node, 'front matter entities', id);
  }

  let lastEvent: { date: string; node: SourceNode } | undefined;

  const component = (node: SourceNode, name: DossierComponentName, parent: SourceNode | undefined) => {
    const tag = `<${name}>`;
    // Props: each a literal value; a bare prop is true.
    const props: Record<string, unknown> = {};
    let readable = true;
    for (const attr of node.attributes ?? []) {
      if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
        at(
          node,
          `${tag}: spread props {${String(typeof attr.value === 'string' ? attr.value : '').slice(0, 30)}} are not accepted: write each prop with its value`,
        );
        readable = false;
        continue;
      }
      const value = attr.value;
      if (value === null || value === undefined) props[attr.name] = true;
      else if (typeof value === 'string') props[attr.name] = value;
      else {
        try {
          props[attr.name] = readLiteral(value.value);
        } catch (error) {
          if (!(error instanceof LiteralError)) throw error;
          at(node, `${tag} prop "${attr.name}": ${error.message}`);
          readable = false;
        }
      }
    }
    if (readable) {
      const parsed = dossierComponentProps[name].safeParse(props);
      if (!parsed.success) {
        for (const message of describeIssues(name, parsed.error, props)) at(node, message);
      } else {
        const data = parsed.data as Record<string, unknown>;
        for (const key of ENTITY_PROPS) {
          const value = data[key];
          const list = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : [];
          for (const id of list) checkEntity(node, `${tag} prop "${key}"`, id, name);
        }
        for (const key of ARTICLE_PROPS) {
          for (const id of (data[key] as string[] | undefined) ?? []) {
            if (!lookup.hasArticle(id)) at(node, `${tag} prop "${key}": no article "${id}" in the archive`);
          }
        }
        if (PICTURES.has(name)) {
          const key = `${name} ${JSON.stringify(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)))}`;
          const first = pictures.get(key);
          if (first !== undefined) at(node, `${tag}: the same picture as on line ${first}; draw each picture once`);
          else pictures.set(key, node.position?.start.line ?? 1);
        }
        if (name === 'Event' && typeof data.date === 'string') {
          if (lastEvent && period(data.date)[1] < period(lastEvent.date)[0]) {
            at(
              node,
              `<Event date="${data.date}">: events go oldest first, and this one is before the one on line ${lastEvent.node.position?.start.line} (${lastEvent.date})`,
            );
          }
          lastEvent = { date: data.date, node };
        }
      }
    }
    // Children.
    const children = (node.children ?? []).filter((c) => !isBlank(c));
    if (NEEDS_CHILDREN.has(name) && children.length === 0) {
      at(
        node,
        name === 'Chronology' ? `${tag} holds the <Event>s of the chronology` : `${tag} needs text between <${name} …> and </${name}>`,
      );
    }
    if (!NEEDS_CHILDREN.has(name) && children.length > 0) at(node, `${tag} takes no text or content: write <${name} … />`);
    if (name === 'Chronology') {
      lastEvent = undefined;
      for (const child of children) {
        if (!(child.type === 'mdxJsxFlowElement' && child.name === 'Event'))
          at(child, `${tag} holds <Event>s only; write text inside an <Event>`);
      }
    }
    if (name === 'Event' && parent?.name !== 'Chronology') at(node, `${tag} belongs directly inside a <Chronology>`);
  };

  const walk = (node: SourceNode, parent: SourceNode | undefined) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const name = node.name;
      if ((dossierComponentNames as string[]).includes(name) && !imported.has(name)) {
        component(node, name as DossierComponentName, parent);
      } else if (/^[A-Z]/.test(name) && !imported.has(name.split('.')[0]!)) {
        at(node, `unknown component <${name}> (dossiers may use ${dossierComponentNames.map((n) => `<${n}>`).join(', ')})`);
      }
    }
    for (const child of node.children ?? []) walk(child, node);
  };
  walk(tree, undefined);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
