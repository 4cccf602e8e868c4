/**
 * Subsets the site's fonts to what Arabic news text needs, from the @fontsource packages:
 *   npm run fonts
 * Writes src/fonts/<family>-<subset>-<weight>.woff2 (committed; rerun after changing a range or
 * upgrading a font package). The @font-face rules in src/styles/fonts.css use the same ranges, so
 * a browser downloads a file only when a page has characters from its range.
 * Why: the @fontsource "arabic" files carry Persian/Urdu/Quranic letters and presentation forms
 * a news page never shows; subsetting cuts each face from ~50 KB to ~12 KB.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import { commandLine, usageFromHeader } from '../src/cli/args.ts';
import { FONT_FACES, FONT_SUBSETS } from '../src/site/fonts.ts';

// No options: --help prints the header above, anything else is a usage error.
commandLine(usageFromHeader(import.meta.url), { options: {} });

const root = path.resolve(import.meta.dirname, '..');

function charactersOf(ranges: readonly (readonly [number, number])[]): string {
  let text = '';
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return text;
}

for (const face of FONT_FACES) {
  for (const [subset, { ranges }] of Object.entries(FONT_SUBSETS)) {
    const source = path.join(
      root,
      'node_modules/@fontsource',
      face.package,
      'files',
      `${face.package}-${subset}-${face.weight}-normal.woff2`,
    );
    const out = path.join(root, 'src/fonts', `${face.package}-${subset}-${face.weight}.woff2`);
    const input = await readFile(source);
    const output = await subsetFont(input, charactersOf(ranges), { targetFormat: 'woff2' });
    await writeFile(out, output);
    console.log(`${path.relative(root, out)}  ${input.length} → ${output.length} bytes`);
  }
}
