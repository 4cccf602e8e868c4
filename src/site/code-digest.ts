/**
 * The code a part of the build runs, found by walking the static import graph from its entry
 * modules, and one digest of it: what a cache of that code's output is keyed on. No hand-kept list
 * of sources to forget a file in: a module is in the key because something the entry loads imports
 * it, and out of it because nothing does.
 *
 * Followed: `import … from`, `export … from`, side-effect imports and `import()` of a literal;
 * `new URL('./file', import.meta.url)` (a worker's module, a data file); JSON and other files
 * imported with attributes. `import type` and `export type` load nothing at run time and are not
 * followed. A package counts by its installed version (its code is not read), Node itself (its
 * Unicode tables and `Intl`) by its version. Data handed to the code at run time — articles, the
 * registry — is no part of this digest: callers key on it themselves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportType, init, parse } from 'es-module-lexer';

export interface ModuleGraph {
  /** Absolute paths of the project's files the entries load (modules and the files they point at), sorted. */
  files: string[];
  /** The packages they import, as `name@version` (`node@…` for Node's own modules), sorted. */
  packages: string[];
}

/** Files whose imports are followed; any other file the graph reaches (JSON, …) is data. */
const MODULE = /\.[cm]?[jt]s$/;
/** The start of `new URL('<relative>', ` just before an `import.meta`. */
const URL_BEFORE_META = /new\s+URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*$/;
/** An import or export statement that brings in types only (not `import type from '…'`, a default import named `type`). */
const TYPE_ONLY = /^(?:import|export)\s+type(?:\s*[{*]|\s+(?!from\s*['"])[\w$])/;

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `astro:content` → `astro`. */
export function packageName(specifier: string): string {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return 'node';
  const bare = specifier.split(':')[0]!;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** `name@version` of a package as Node would find it from `dir` (`name@?` when it is not installed). */
function packageVersion(name: string, dir: string): string {
  if (name === 'node') return `node@${process.versions.node}`;
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      return `${name}@${JSON.parse(readFileSync(path.join(at, 'node_modules', name, 'package.json'), 'utf8')).version}`;
    } catch {
      if (path.dirname(at) === at) return `${name}@?`;
    }
  }
}

function read(file: string, importer: string | undefined): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const from = importer ? `${importer} imports ${file}, which` : `entry module ${file}`;
    throw new Error(`${from} cannot be read (${(error as Error).message})`);
  }
}

/** The files and specifiers one module's source loads at run time. */
function references(file: string, source: string): { relative: string[]; bare: string[] } {
  let imports;
  try {
    [imports] = parse(source, file);
  } catch (error) {
    throw new Error(`${file}: its imports cannot be read (${(error as Error).message})`);
  }
  const relative: string[] = [];
  const bare: string[] = [];
  for (const i of imports) {
    if (i.t === ImportType.ImportMeta) {
      const url = source.startsWith('.url', i.e) ? URL_BEFORE_META.exec(source.slice(Math.max(0, i.s - 300), i.s)) : null;
      if (url) relative.push(url[2]!);
      continue;
    }
    // A dynamic import of a computed name (undefined) loads what no reading of the source can name.
    if (i.n === undefined) continue;
    if (i.t === ImportType.Static && TYPE_ONLY.test(source.slice(i.ss, i.se))) continue;
    (i.n.startsWith('./') || i.n.startsWith('../') ? relative : bare).push(i.n);
  }
  return { relative, bare };
}

/** The source of every file the entry modules load, and the packages they import. */
async function walk(entries: string[]): Promise<{ sources: Map<string, string>; packages: Set<string> }> {
  await init;
  const sources = new Map<string, string>();
  const packages = new Set<string>();
  const queue: { file: string; importer?: string }[] = entries.map((file) => ({ file: path.resolve(file) }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const { file, importer } = item;
    if (sources.has(file)) continue;
    const source = read(file, importer);
    sources.set(file, source);
    if (!MODULE.test(file)) continue;
    const { relative, bare } = references(file, source);
    for (const specifier of relative)
      queue.push({ file: path.resolve(path.dirname(file), specifier.replace(/[?#].*$/, '')), importer: file });
    for (const specifier of bare) packages.add(packageVersion(packageName(specifier), path.dirname(file)));
  }
  return { sources, packages };
}

/** Every file and package the entry modules load, following static imports from each. */
export async function moduleGraph(entries: string[]): Promise<ModuleGraph> {
  const { sources, packages } = await walk(entries);
  return { files: [...sources.keys()].sort(), packages: [...packages].sort() };
}

/**
 * A digest of everything `moduleGraph(entries)` finds: each file's path (relative to `root`, so a
 * moved checkout keeps its cache) and content, and each package's version.
 */
export async function codeDigest(entries: string[], root: string): Promise<string> {
  const { sources, packages } = await walk(entries);
  const hash = createHash('sha256');
  for (const file of [...sources.keys()].sort())
    hash.update(`${path.relative(root, file).split(path.sep).join('/')}\0${sources.get(file)}\0`);
  for (const version of [...packages].sort()) hash.update(`${version}\0`);
  return hash.digest('hex');
}

/**
 * The digest of the content layer's code: the content config (`src/content.config.ts`) and every
 * module it loads — the loaders, the article renderer, the schemas that parse each entry. Astro
 * keys its content store on the config file's own text only, so the loaders key each entry they
 * store on this too: an entry stored by other code is stored again.
 */
export function contentCodeDigest(config: { root: URL; srcDir: URL }): Promise<string> {
  return codeDigest([fileURLToPath(new URL('content.config.ts', config.srcDir))], fileURLToPath(config.root));
}
