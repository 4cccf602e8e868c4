/**
 * Reads the value of a dossier component's prop written as a JavaScript literal in MDX
 * (`entities={["russia", 'turkey']}`, `limit={5}`), without running it: strings in single or
 * double quotes, numbers, `true`, `false` and arrays of these. Anything else (a variable, a
 * call, an object, a template literal) is not a literal, and the dossier check says so: a
 * dossier's components take values the build can check before it renders them.
 */

export type Literal = string | number | boolean | Literal[];

export class LiteralError extends Error {}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The value of `source`, a JavaScript literal; throws `LiteralError` saying what is not one. */
export function readLiteral(source: string): Literal {
  let i = 0;
  const space = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new LiteralError(what);
  };
  const string = (quote: string): string => {
    let out = '';
    i++;
    while (i < source.length && source[i] !== quote) {
      const c = source[i]!;
      if (c === '\n') fail('a string must end on the line it starts');
      if (c === '\\') {
        const next = source[i + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ESCAPES[next] ?? next;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    if (i >= source.length) fail(`a string is not closed with ${quote}`);
    i++;
    return out;
  };
  const value = (): Literal => {
    space();
    const c = source[i];
    if (c === '"' || c === "'") return string(c);
    if (c === '[') {
      i++;
      const items: Literal[] = [];
      space();
      while (source[i] !== ']') {
        if (i >= source.length) fail('a list is not closed with ]');
        items.push(value());
        space();
        if (source[i] === ',') {
          i++;
          space();
        } else if (source[i] !== ']') {
          fail(i >= source.length ? 'a list is not closed with ]' : 'items of a list are separated by commas');
        }
      }
      i++;
      return items;
    }
    const number = /^-?(?:\d+(?:\.\d+)?|\.\d+)/.exec(source.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(i));
    if (word?.[0] === 'true' || word?.[0] === 'false') {
      i += word[0].length;
      return word[0] === 'true';
    }
    if (c === '`') return fail('write the text in "double" or \'single\' quotes, not `backticks`');
    if (c === '{') return fail('objects are not accepted: write each value as a prop of its own');
    if (word)
      return fail(
        `${word[0]} is not a value the build can read: write text in quotes ("${word[0]}"), or a number, true, false or a list [...]`,
      );
    return fail(c === undefined ? 'no value between the braces' : `unexpected ${c}`);
  };
  const result = value();
  space();
  if (i < source.length) fail(`unexpected ${source.slice(i, i + 20)} after the value`);
  return result;
}
