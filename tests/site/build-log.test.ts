/**
 * The build log has one whole line per message (src/site/build-log.ts, astro.config.mjs): the page
 * lines Astro prints in two parts are never glued together by concurrent pages, and no line is a
 * time without its page. Checked on the real log of the news site's build (tests/support/build-site.ts),
 * and on the events Astro sends, one case at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroLoggerMessage } from 'astro';
import { describe, expect, inject, it } from 'vitest';
import { wholeLines } from '../../src/site/build-log.ts';

const plain = (text: string) => text.replace(/\x1b\[[\d;]*m/g, '');

describe('the build log', () => {
  const log = plain(readFileSync(inject('newsBuildLog'), 'utf8'));
  const lines = log.split('\n');
  const pageLines = lines.filter((l) => l.includes('├─'));

  it('lists every page on a line of its own, with nothing after it but its state', () => {
    expect(log).toContain('generating static routes');
    expect(pageLines.length).toBeGreaterThan(50);
    const broken = pageLines.filter((l) => !/^\d\d:\d\d:\d\d {3}├─ \/\S+(?: \((?:cached|restored|\+[\d.]+m?s)\))? ?$/.test(l));
    expect(broken).toEqual([]);
  });

  it('has no line with a time but no page', () => {
    expect(lines.filter((l) => /^\s*\(\+[\d.]+m?s\)/.test(l))).toEqual([]);
  });

  it('names each page the build wrote once', () => {
    const dist = inject('newsDistDir');
    const listed = pageLines.map((l) => /├─ (\/\S+)/.exec(l)![1]!);
    expect(new Set(listed).size).toBe(listed.length);
    const pages = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
      .map((f) => `/${f.split(path.sep).join('/')}`);
    expect(listed.filter((p) => p.endsWith('.html')).sort()).toEqual(pages.sort());
  });
});

describe('wholeLines', () => {
  /** What the destination behind the wrapper receives, as text lines (null: a write without a line end). */
  function replay(events: Array<Partial<AstroLoggerMessage>>): Array<string | null> {
    const out: Array<string | null> = [];
    // As Astro's node destination prints them: "[label] message", SKIP_FORMAT as it is.
    const dest = wholeLines({
      write: (e) => out.push(e.newLine === false ? null : `${e.label && e.label !== 'SKIP_FORMAT' ? `[${e.label}] ` : ''}${e.message}`),
    });
    for (const e of events) dest.write({ label: null, level: 'info', message: '', newLine: true, ...e });
    dest.flush?.();
    return out;
  }
  const start = (page: string) => ({ message: `  ├─ ${page}`, newLine: false });
  const end = (text: string) => ({ label: 'SKIP_FORMAT', message: ` ${text} ` });

  it('keeps a page and its time on one line when the page is the only one in flight', () => {
    expect(replay([start('/a/'), end('(+5ms)'), start('/b/'), end('(+1.20s)')])).toEqual(['  ├─ /a/ (+5ms) ', '  ├─ /b/ (+1.20s) ']);
  });

  it('keeps "(cached)" and "(restored)" with their page, which Astro prints at once', () => {
    expect(replay([start('/a/'), start('/b/'), end('(restored)'), start('/c/'), end('(cached)'), end('(+2ms)')])).toEqual([
      '  ├─ /a/',
      '  ├─ /b/ (restored) ',
      '  ├─ /c/ (cached) ',
    ]);
  });

  it('writes concurrent pages on lines of their own and drops the times it cannot attribute', () => {
    const out = replay([
      start('/a/'),
      start('/b/'),
      start('/c/'),
      end('(+5.35s)'),
      start('/d/'),
      end('(+3ms)'),
      end('(+4ms)'),
      end('(+39ms)'),
      { message: '✓ Completed in 12.97s.' },
    ]);
    expect(out).toEqual(['  ├─ /a/', '  ├─ /b/', '  ├─ /c/', '  ├─ /d/', '✓ Completed in 12.97s.']);
  });

  it('keeps what follows a dropped time on a line of its own', () => {
    expect(replay([start('/a/'), start('/b/'), end('(+5ms) (file not created, response body was empty)')])).toEqual([
      '  ├─ /a/',
      '  ├─ /b/',
      '  (file not created, response body was empty)',
    ]);
  });

  it('passes every other message through, and ends an open line before it', () => {
    expect(
      replay([
        { label: 'build', message: 'Building static entrypoints...' },
        start('/a/'),
        { label: 'vite', message: '✓ built in 105ms' },
        end('(+1ms)'),
      ]),
    ).toEqual(['[build] Building static entrypoints...', '  ├─ /a/', '[vite] ✓ built in 105ms']);
  });
});
