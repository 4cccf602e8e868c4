/**
 * package.json declares what the code uses, in the right list: every package imported anywhere
 * (src/, scripts/, tests/, bench/, the configs) or read from node_modules by path is declared;
 * what the site, its build and the CLIs need (src/, astro.config.mjs, the stylesheets' @import and
 * @plugin) is in `dependencies`, and `dependencies` holds nothing else. Imports are read with the
 * TypeScript parser (strings in test data are not imports); a type-only import is satisfied by the
 * package's `@types/…` in devDependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** One package a file uses: by an import (`type` when only types are imported), or by a node_modules path. */
interface Use {
  name: string;
  file: string;
  type: boolean;
}

/** The package a module specifier names ("@scope/name/sub" → "@scope/name"), or null for a file, a builtin or a virtual module. */
function packageName(specifier: string): string | null {
  if (/^(?:\.|\/|node:|astro:|virtual:|#)/.test(specifier)) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

/** The packages a TypeScript or JavaScript source imports, each marked type-only or not. */
function importsOf(code: string, file: string): Use[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const uses: Use[] = [];
  const add = (specifier: string, type: boolean) => {
    const name = packageName(specifier);
    if (name) uses.push({ name, file, type });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const ref of source.typeReferenceDirectives) add(ref.fileName, true);
  return uses;
}

/** The code of an .astro file: its frontmatter and its bundled (not `is:inline`) scripts. */
function astroCode(text: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return [frontmatter, ...scripts].join('\n');
}

/** Packages a file reads by a `node_modules/<package>` path (binaries, data files). */
function pathUses(code: string, file: string): Use[] {
  return [...code.matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w-][\w.-]*)/g)].flatMap((m) =>
    m[1]!.startsWith('@') && !m[1]!.includes('/') ? [] : [{ name: m[1]!, file, type: false }],
  );
}

/** Every package the files of `dirs` use. */
function usesIn(dirs: string[]): Use[] {
  const files = dirs.flatMap((d) => {
    const full = path.join(root, d);
    if (d.includes('.')) return [full];
    // Source files only: not fixtures, nor what a build leaves beside the code (a baseline's
    // node_modules, dist/ or hidden .astro/ cache, whose name even looks like a source file).
    const skip = (part: string) => part === 'fixtures' || part === 'node_modules' || part === 'dist' || part.startsWith('.');
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => !path.relative(full, f).split(path.sep).some(skip));
  });
  return files.flatMap((full) => {
    const file = path.relative(root, full);
    if (!/\.(?:ts|mts|mjs|js|astro|css)$/.test(file)) return [];
    const text = readFileSync(full, 'utf8');
    if (file.endsWith('.css')) {
      return [...text.matchAll(/@(?:import|plugin)\s+["']([^"']+)["']/g)].flatMap((m) => {
        const name = packageName(m[1]!);
        return name ? [{ name, file, type: false }] : [];
      });
    }
    return [...importsOf(file.endsWith('.astro') ? astroCode(text) : text, file), ...pathUses(text, file)];
  });
}

/** What the site, its build and the CLIs run. */
const RUNTIME = ['src', 'astro.config.mjs'];
const runtime = usesIn(RUNTIME);
const all = [...runtime, ...usesIn(['scripts', 'tests', 'bench', 'vitest.config.ts'])];
const declared = (name: string) => name in pkg.dependencies || name in pkg.devDependencies;
const typesOf = (name: string) => `@types/${name.replace(/^@/, '').replace('/', '__')}`;

describe('package.json', () => {
  it('reads imports as imports: a type-only import, a dynamic import, a scoped subpath', () => {
    const uses = importsOf(
      "import type { A } from 'geojson';\nimport { type B } from 'hast';\nimport x, { type C } from 'd3-geo';\nconst y = await import('@astrojs/rss/util');\nconst s = 'import z from \"nope\"';",
      'x.ts',
    );
    expect(uses.map((u) => [u.name, u.type])).toEqual([
      ['geojson', true],
      ['hast', true],
      ['d3-geo', false],
      ['@astrojs/rss', false],
    ]);
  });

  it('declares every package the code imports or reads from node_modules', () => {
    const undeclared = all.filter((u) => !declared(u.name) && !(u.type && declared(typesOf(u.name))));
    expect(undeclared.map((u) => `${u.name} (${u.file})`)).toEqual([]);
  });

  it('lists what the site, its build and the CLIs import in dependencies', () => {
    const misplaced = runtime.filter((u) => !u.type && !(u.name in pkg.dependencies));
    expect(misplaced.map((u) => `${u.name} (${u.file})`)).toEqual([]);
  });

  it('lists nothing else in dependencies (tools, tests and types are devDependencies)', () => {
    const used = new Set(runtime.filter((u) => !u.type).map((u) => u.name));
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('pins the @types/node of the Node it runs on', () => {
    const major = (spec: string | undefined) => /^\^?(\d+)\./.exec(spec ?? '')?.[1];
    expect(major(pkg.devDependencies['@types/node'])).toBe(major(pkg.devDependencies.node));
    expect(major(pkg.devDependencies.node)).toBe(process.versions.node.split('.')[0]);
  });
});
