/** Hostile text for the property tests: fragments that mean something to MDX, Markdown, HTML or YAML. */
import fc from 'fast-check';
import { inlineText } from '../../../src/ingest/index.ts';

/** Fragments that mean something to MDX, CommonMark, GFM or HTML, mixed with Arabic. */
// biome-ignore format: a packed list of fragments (one a line would take 120 lines)
export const HOSTILE = [
  '{', '}', '{x}', '{...props}', '{/* c */}', '<', '>', '<script>alert(1)</script>', '<b>', '</b>', '<>', '</>',
  '<img src=x onerror=alert(1)>', '<Caption>', '</Caption>', '<!-- c -->', 'import x from "y"', 'import', 'importance',
  'export const a = 1', 'export default', 'export', '---', '***', '___', '- - -', '`', '```', '~~~', '~', '~~s~~',
  '*', '**b**', '_', '_a_', '#', '# ', '## ', '#هاشتاغ', '[a](b)', '![i](x.png)', '[x]: http://y', '[^1]', '[^1]: note',
  '&', '&amp;', '&#123;', '&nbsp;', '|', '| a | b |', '|---|', '\\', '\\{', '\\\\', '> ', '>', '- ', '-', '+ ', '1. ',
  '1) ', '2020.', '=', '===', '!', '$x$', '$$', '^', '^s^', ':::', ':', 'http://x.com', 'www.example.com', 'a@b.co', 'www.', 'https://', '@', '``',
  'javascript:alert(1)', '"', "'", '(', ')', '.', '...', '--', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '    ', '\u00a0',
  'https://x.com/a_b?c=1&d=2#e', '(www.gdp.gov.sa).', 'http://x.com/a_(b)', '«https://ar.wikipedia.org/wiki/مصر»', 'www.x.com/`y`',
  '!http://x.com', 'x://y_z', 'https://x.com/{a}', 'mailto:a@b.co',
  'الجزيرة', 'قال الرئيس', '،', '؛', '؟', '«', '»', '“', '”', 'إس-400', '٣٠', 'وفقاً', 'ـ',
];

/** Link targets a marked link may carry: valid ones render as links, the rest as plain text. */
// biome-ignore format: a packed list of link targets
const HREFS = [
  'https://x.com/a_b?c=1&d=2#e', 'mailto:a@b.co', 'http://example.com/مسار/صفحة', 'https://x.com/a(b)c', 'https://x.com/{a}<b>`c`',
  'javascript:alert(1)', '/relative/path', 'http://x.com/ space', 'ftp://x.com/f',
];

/** A link mark as the Markdown reader writes it (see LINK in src/ingest/text.ts), or a broken one. */
const linkMark = fc.oneof(
  fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...HREFS)).map(([text, href]) => `\uFDD0${text}\uFDD1${href}\uFDD2`),
  fc.constantFrom('\uFDD0', '\uFDD1', '\uFDD2', '\uFDD0x\uFDD1', '\uFDD1y\uFDD2'),
);

export const hostileText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
      { weight: 1, arbitrary: linkMark },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => inlineText(s) !== '');
