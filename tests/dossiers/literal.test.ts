import { describe, expect, it } from 'vitest';
import { LiteralError, readLiteral } from '../../src/dossiers/literal.ts';

describe('dossier prop literals', () => {
  it('reads strings in either quotes, numbers, booleans and lists of them', () => {
    expect(readLiteral('["russia", \'turkey\']')).toEqual(['russia', 'turkey']);
    expect(readLiteral(' [ "a" , "b" , ] ')).toEqual(['a', 'b']);
    expect(readLiteral('[]')).toEqual([]);
    expect(readLiteral('5')).toBe(5);
    expect(readLiteral('-2.5')).toBe(-2.5);
    expect(readLiteral('true')).toBe(true);
    expect(readLiteral('false')).toBe(false);
    expect(readLiteral('"قال: \\"نعم\\"\\n"')).toBe('قال: "نعم"\n');
    expect(readLiteral("'\\u0627'")).toBe('ا');
    expect(readLiteral('[["a"], 1]')).toEqual([['a'], 1]);
  });

  it('refuses what would run as code, saying what to write instead', () => {
    const error = (source: string) => {
      try {
        readLiteral(source);
      } catch (e) {
        expect(e).toBeInstanceOf(LiteralError);
        return (e as Error).message;
      }
      throw new Error(`${source} was read`);
    };
    expect(error('russia')).toMatch(/russia is not a value the build can read: write text in quotes \("russia"\)/);
    expect(error('[russia, "turkey"]')).toMatch(/russia is not a value/);
    expect(error('ids.concat(["x"])')).toMatch(/ids is not a value/);
    expect(error('`a`')).toMatch(/not `backticks`/);
    expect(error('{ a: 1 }')).toMatch(/objects are not accepted/);
    expect(error('["a" "b"]')).toMatch(/separated by commas/);
    expect(error('["a"')).toMatch(/not closed with \]/);
    expect(error('"a')).toMatch(/not closed with "/);
    expect(error('1 + 1')).toMatch(/unexpected \+ 1 after the value/);
    expect(error('')).toMatch(/no value/);
  });
});
