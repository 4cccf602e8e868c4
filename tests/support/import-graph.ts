/**
 * The project's import graph as the code writes it, for tests/architecture.test.ts: every import
 * of every module under the folders given, read with es-module-lexer (as src/site/code-digest.ts
 * reads them for the cache keys). `.astro` files count by their frontmatter and their bundled
 * `<script>` blocks (an `is:inline` script is not bundled and imports nothing).
 *
 * Kept: static imports and re-exports (`import type` too, flagged: a type names the module it
 * comes from, though it loads nothing), `import()` of a literal, `new URL('./file',
 * import.meta.url)` (a worker's module, an injected route), and bare specifiers (packages, Node's
 * modules) for the checks on what browser code may load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImportType, init, parse } from 'es-module-lexer';

/** One import: both ends as paths relative to the project root, `/`-separated. */
export interface ImportEdge {
  from: string;
  /** The file imported (a relative specifier resolved), or the bare specifier as written. */
  to: string;
  /** `to` is a package or Node module, not a file of the project. */
  bare: boolean;
  /** `import type` / `export type`: names a module without loading it. */
  typeOnly: boolean;
  /** `import()`: loaded when the code asks, not with the importing module. */
  dynamic: boolean;
  /** 1-based line of the import in `from`. */
  line: number;
}

/** Files whose imports are read. */
const MODULE = /\.(?:[cm]?[jt]s|astro)$/;
/** The start of `new URL('<relative>', ` just before an `import.meta`. */
const URL_BEFORE_META = /new\s+URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*$/;
/** An import or export statement that brings in types only (not `import type from '…'`). */
const TYPE_ONLY = /^(?:import|export)\s+type(?:\s*[{*]|\s+(?!from\s*['"])[\w$])/;

/** The parts of a file that are JavaScript, each with its offset in the file. */
export function codeRegions(file: string, text: string): { offset: number; code: string }[] {
  if (!file.endsWith('.astro')) return [{ offset: 0, code: text }];
  const regions: { offset: number; code: string }[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) regions.push({ offset: frontmatter[0].indexOf(frontmatter[1]!), code: frontmatter[1]! });
  for (const script of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bis:inline\b|\bsrc=|type="application\/(?:ld\+)?json"/.test(script[1]!)) continue;
    regions.push({ offset: script.index + script[0].indexOf('>') + 1, code: script[2]! });
  }
  return regions;
}

/** The imports one file's text makes; `file` relative to the project root, `/`-separated. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const { offset, code } of codeRegions(file, text)) {
    let imports;
    try {
      [imports] = parse(code, file);
    } catch (error) {
      throw new Error(`${file}: its imports cannot be read (${(error as Error).message})`);
    }
    for (const i of imports) {
      let specifier = i.n;
      if (i.t === ImportType.ImportMeta) {
        const url = code.startsWith('.url', i.e) ? URL_BEFORE_META.exec(code.slice(Math.max(0, i.s - 300), i.s)) : null;
        specifier = url?.[2];
      }
      if (specifier === undefined) continue;
      const typeOnly = i.t === ImportType.Static && TYPE_ONLY.test(code.slice(i.ss, i.se));
      const bare = !specifier.startsWith('./') && !specifier.startsWith('../');
      const to = bare ? specifier : path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.replace(/[?#].*$/, '')));
      edges.push({ from: file, to, bare, typeOnly, dynamic: i.t === ImportType.Dynamic, line: lineAt(offset + i.ss) });
    }
  }
  return edges;
}

/** Every module under `folders` (relative to `root`; a file may be named too), sorted. */
export function modulesUnder(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full)) visit(path.posix.join(relative, name));
    } else if (MODULE.test(relative)) found.push(relative);
  };
  for (const folder of folders) visit(folder);
  return found.sort();
}

/** The imports of every module under `folders`. */
export async function importGraph(root: string, folders: readonly string[]): Promise<{ files: string[]; edges: ImportEdge[] }> {
  await init;
  const files = modulesUnder(root, folders);
  const edges = files.flatMap((file) => importsOf(file, readFileSync(path.join(root, file), 'utf8')));
  return { files, edges };
}
