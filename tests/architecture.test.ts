/**
 * The layers of src/ (docs/architecture.md) and the one rule between them: a module imports its
 * own part and the layers below it, never a layer above nor a neighbour in its own layer. Read from
 * the real import graph (tests/support/import-graph.ts), `import type` included: a type from a
 * layer above ties the code to it as surely as a value does.
 *
 * Browser code has one more rule: nothing it loads (following imports down the layers) may need
 * Node, since the reader's browser has none.
 */
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { init } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../scripts/lib/build.ts';
import { type ImportEdge, importGraph, importsOf } from './support/import-graph.ts';

interface Part {
  name: string;
  /** Folders and files (relative to the project root) the part holds. */
  paths: string[];
}

/** Bottom first. Parts of one layer may not import each other. */
const LAYERS: { name: string; parts: Part[] }[] = [
  {
    name: 'foundation',
    parts: [
      { name: 'core', paths: ['src/core'] },
      { name: 'arabic', paths: ['src/arabic'] },
      { name: 'schemas', paths: ['src/schemas'] },
      { name: 'settings', paths: ['src/settings.ts'] },
    ],
  },
  { name: 'ingest', parts: [{ name: 'ingest', paths: ['src/ingest'] }] },
  { name: 'entities', parts: [{ name: 'entities', paths: ['src/entities'] }] },
  {
    name: 'presentation',
    parts: [
      { name: 'render', paths: ['src/render'] },
      { name: 'site-core', paths: ['src/site-core'] },
    ],
  },
  {
    name: 'features',
    parts: [
      { name: 'search', paths: ['src/search'] },
      { name: 'pictures', paths: ['src/pictures'] },
      { name: 'dossiers', paths: ['src/dossiers'] },
    ],
  },
  {
    name: 'site',
    parts: [
      { name: 'site', paths: ['src/site'] },
      { name: 'browser', paths: ['src/browser'] },
    ],
  },
  {
    name: 'entry points',
    parts: [
      {
        name: 'astro',
        paths: [
          'src/pages',
          'src/layouts',
          'src/components',
          'src/content.config.ts',
          'src/middleware.ts',
          'src/styles',
          'src/fonts',
          'astro.config.mjs',
        ],
      },
      { name: 'cli', paths: ['src/cli'] },
    ],
  },
];

/** What is read: all of src/ (so a new folder outside every layer is seen) and the Astro config. */
const SCANNED = ['src', 'astro.config.mjs'];

/** The layer and part a file belongs to (the longest path that holds it), or undefined. */
function placeOf(file: string, layers = LAYERS): { layer: number; part: string } | undefined {
  let best: { layer: number; part: string; length: number } | undefined;
  layers.forEach((layer, index) => {
    for (const part of layer.parts)
      for (const p of part.paths)
        if ((file === p || file.startsWith(`${p}/`)) && (!best || p.length > best.length))
          best = { layer: index, part: part.name, length: p.length };
  });
  return best && { layer: best.layer, part: best.part };
}

/** Each import against the layers, as a sentence saying what is wrong; none when all point down. */
function layerViolations(edges: readonly ImportEdge[], layers = LAYERS): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    if (edge.bare) continue;
    const from = placeOf(edge.from, layers);
    const to = placeOf(edge.to, layers);
    const at = `${edge.from}:${edge.line} imports ${edge.to}`;
    if (!from) problems.push(`${edge.from} is in no layer: add it to LAYERS (tests/architecture.test.ts) and docs/architecture.md`);
    else if (!to) problems.push(`${at}, which is in no layer`);
    else if (from.part === to.part || to.layer < from.layer) continue;
    else if (to.layer === from.layer)
      problems.push(
        `${at}: ${from.part} and ${to.part} are neighbours in the ${layers[from.layer]!.name} layer and may not import each other`,
      );
    else
      problems.push(
        `${at}: ${from.part} (${layers[from.layer]!.name} layer) may not import ${to.part} (${layers[to.layer]!.name} layer, above it)`,
      );
  }
  return [...new Set(problems)];
}

/**
 * What browser code loads that needs Node: every module reached from a module of `part`
 * (following imports that load code, `import()` included), and its import of a Node module.
 */
function nodeInBrowser(edges: readonly ImportEdge[], part = 'browser', layers = LAYERS): string[] {
  const byFile = Map.groupBy(edges, (edge) => edge.from);
  const queue = [...new Set(edges.map((edge) => edge.from))].filter((file) => placeOf(file, layers)?.part === part);
  const via = new Map<string, string>(queue.map((file) => [file, file]));
  const problems: string[] = [];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const edge of byFile.get(file) ?? []) {
      if (edge.typeOnly) continue;
      if (edge.bare) {
        if (isBuiltin(edge.to)) problems.push(`${edge.from}:${edge.line} imports ${edge.to}, loaded in the browser by ${via.get(file)}`);
      } else if (!via.has(edge.to)) {
        via.set(edge.to, via.get(file)!);
        queue.push(edge.to);
      }
    }
  }
  return problems;
}

describe('the layers of src/', () => {
  let edges: ImportEdge[];
  let files: string[];
  beforeAll(async () => {
    ({ edges, files } = await importGraph(projectRoot, SCANNED));
  });

  it('reads the real import graph', () => {
    // The graph has the crossings the layers allow, so an empty graph cannot pass for a clean one.
    const has = (from: string, to: string) => edges.some((edge) => edge.from === from && edge.to === to);
    expect(has('src/site/article-prepare.ts', 'src/search/enrichment.ts')).toBe(true);
    expect(has('src/pages/search.astro', 'src/browser/search/search-page.ts')).toBe(true);
    expect(has('src/site/search/integration.ts', 'src/site/search/entity-names-route.ts')).toBe(true);
    expect(files.length).toBeGreaterThan(150);
  });

  it('puts every file of src/ in a layer', () => {
    expect(files.filter((file) => !placeOf(file))).toEqual([]);
  });

  it('has every import point down', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('loads nothing in the browser that needs Node', () => {
    expect(nodeInBrowser(edges)).toEqual([]);
  });

  it('is the layering docs/architecture.md describes', () => {
    const doc = readFileSync(path.join(projectRoot, 'docs', 'architecture.md'), 'utf8');
    for (const layer of LAYERS) {
      expect(doc, `layer ${layer.name}`).toContain(layer.name);
      for (const part of layer.parts) for (const p of part.paths) expect(doc, `path ${p}`).toContain(`\`${p}`);
    }
  });
});

describe('the layer check', () => {
  beforeAll(() => init);

  it('fails on an import that runs back up, in a module as written', () => {
    const planted = importsOf('src/search/query.ts', "import { getArticles } from '../site/data.ts';\nexport const n = 1;\n");
    expect(layerViolations(planted)).toEqual([
      'src/search/query.ts:1 imports src/site/data.ts: search (features layer) may not import site (site layer, above it)',
    ]);
  });

  it('counts a type-only import, and one in an Astro component', () => {
    const typeOnly = importsOf('src/arabic/tokenize.ts', "import type { Entity } from '../entities/registry.ts';\n");
    expect(typeOnly[0]!.typeOnly).toBe(true);
    expect(layerViolations(typeOnly)).toHaveLength(1);
    const astro = importsOf('src/components/Chip.astro', "---\nimport { cli } from '../cli/args.ts';\n---\n<p />\n");
    expect(layerViolations(astro)).toEqual([
      'src/components/Chip.astro:2 imports src/cli/args.ts: astro and cli are neighbours in the entry points layer and may not import each other',
    ]);
  });

  it('fails on a neighbour, a new folder, and allows its own part and the layers below', () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, bare: false, typeOnly: false, dynamic: false, line: 1 });
    expect(layerViolations([edge('src/pictures/graph.ts', 'src/search/query.ts')])).toHaveLength(1);
    expect(layerViolations([edge('src/widgets/a.ts', 'src/arabic/index.ts')])).toEqual([
      'src/widgets/a.ts is in no layer: add it to LAYERS (tests/architecture.test.ts) and docs/architecture.md',
    ]);
    expect(
      layerViolations([
        edge('src/site/search/pages.ts', 'src/site/data.ts'),
        edge('src/site/data.ts', 'src/entities/mentions.ts'),
        edge('src/cli/ingest.ts', 'src/settings.ts'),
      ]),
    ).toEqual([]);
  });

  it('finds Node reached from browser code through a lower layer', () => {
    const edges = [
      ...importsOf('src/browser/search/state.ts', "import { articleUrl } from '../../site-core/urls.ts';\n"),
      ...importsOf('src/site-core/urls.ts', "import type { X } from 'node:path';\nimport { createHash } from 'node:crypto';\n"),
    ];
    expect(nodeInBrowser(edges)).toEqual([
      'src/site-core/urls.ts:2 imports node:crypto, loaded in the browser by src/browser/search/state.ts',
    ]);
  });
});
