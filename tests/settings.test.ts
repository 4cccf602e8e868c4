import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END, settingsDoc, settingsReference, START, withReference } from '../scripts/docs-settings.ts';
import { projectRoot } from '../scripts/lib/build.ts';
import { isSet, readSettings, settingDefinitions, SettingsError, type SettingName } from '../src/settings.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'marsad-settings-'));
  writeFileSync(path.join(dir, 'a-file'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message readSettings throws for `env`, or null when it accepts it. */
function problems(env: Record<string, string>): string[] | null {
  try {
    readSettings(env);
    return null;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    expect(error.message).toBe(error.problems.join('\n'));
    return error.problems;
  }
}

describe('readSettings', () => {
  it("gives today's values when nothing is set, empty or blank counting as unset", () => {
    const defaults = {
      contentDir: path.resolve('content'),
      outDir: path.resolve('dist'),
      cacheDir: path.resolve('node_modules/.astro'),
      partition: null,
      siteUrl: 'https://marsad.example',
      siteName: 'مرصد',
      siteTagline: 'أرشيف الأخبار العربية وأعلامها وأماكنها',
      drafts: false,
      searchEnrich: true,
      searchShardArticles: 2500,
      searchEntityBundle: false,
      chromium: '/usr/bin/chromium',
      testContentDir: path.resolve('content'),
      keepTestDist: false,
      fuzzRuns: 12,
      propertyScale: 1,
      ci: false,
    };
    expect(readSettings({})).toEqual(defaults);
    const blank = Object.fromEntries(Object.values(settingDefinitions).map((d, i) => [d.env, i % 2 ? '' : '  ']));
    expect(readSettings(blank)).toEqual(defaults);
  });

  it('reads each kind of value: folders resolved against the current folder, numbers, flags, URL, text', () => {
    const read = readSettings({
      MARSAD_CONTENT_DIR: 'elsewhere/content',
      MARSAD_OUT_DIR: dir,
      MARSAD_SITE: ' https://news.example.org ',
      MARSAD_SITE_NAME: 'مرصد الصحف',
      MARSAD_SEARCH_SHARD_ARTICLES: ' 250 ',
      FC_SCALE: '0.5',
      MARSAD_CHROMIUM: path.join(dir, 'a-file'),
    });
    expect(read.contentDir).toBe(path.join(process.cwd(), 'elsewhere', 'content'));
    expect(read.outDir).toBe(dir);
    expect(read.siteUrl).toBe('https://news.example.org');
    expect(read.siteName).toBe('مرصد الصحف');
    expect(read.searchShardArticles).toBe(250);
    expect(read.propertyScale).toBe(0.5);
    expect(read.chromium).toBe(path.join(dir, 'a-file'));
  });

  it('reads a flag in any of its spellings and cases', () => {
    for (const on of ['1', 'true', 'yes', 'on', 'ON', ' True '])
      expect(readSettings({ MARSAD_SEARCH_ENRICH: on }).searchEnrich, on).toBe(true);
    for (const off of ['0', 'false', 'no', 'off', ' FALSE '])
      expect(readSettings({ MARSAD_SEARCH_ENRICH: off }).searchEnrich, off).toBe(false);
    expect(readSettings({ MARSAD_KEEP_TEST_DIST: '1' }).keepTestDist).toBe(true);
    // CI services set CI to "true", "1" or their own name; only an explicit "off" word turns it off.
    for (const on of ['true', '1', 'woodpecker']) expect(readSettings({ CI: on }).ci, on).toBe(true);
    expect(readSettings({ CI: 'false' }).ci).toBe(false);
  });

  it('refuses a bad number, naming the variable, the value and what it expects', () => {
    for (const bad of ['many', '0', '-3', '2.5', '1e3', '0x10']) {
      expect(problems({ MARSAD_SEARCH_SHARD_ARTICLES: bad })).toEqual([
        `MARSAD_SEARCH_SHARD_ARTICLES=${JSON.stringify(bad)} is not valid: expected a whole number ≥ 1`,
      ]);
    }
    expect(problems({ FC_SCALE: '0' })).toEqual(['FC_SCALE="0" is not valid: expected a number > 0']);
    expect(problems({ MARSAD_FUZZ_RUNS: 'lots' })).toEqual(['MARSAD_FUZZ_RUNS="lots" is not valid: expected a whole number ≥ 1']);
  });

  it('refuses a bad path: a file for a folder, a folder for a file, a NUL character', () => {
    const file = path.join(dir, 'a-file');
    expect(problems({ MARSAD_OUT_DIR: file })).toEqual([
      `MARSAD_OUT_DIR=${JSON.stringify(file)} is not valid: expected a folder (it is a file, not a folder)`,
    ]);
    expect(problems({ MARSAD_CHROMIUM: dir })).toEqual([
      `MARSAD_CHROMIUM=${JSON.stringify(dir)} is not valid: expected a file (it is a folder, not a file)`,
    ]);
    expect(problems({ MARSAD_CONTENT_DIR: 'a\0b' })).toEqual([
      'MARSAD_CONTENT_DIR="a\\u0000b" is not valid: expected a folder (a path cannot contain a NUL character)',
    ]);
    // A folder that does not exist yet is fine: ingest creates it.
    expect(readSettings({ MARSAD_CONTENT_DIR: path.join(dir, 'new') }).contentDir).toBe(path.join(dir, 'new'));
  });

  it('refuses an unknown word for a flag, and a URL that is not http(s)', () => {
    expect(problems({ MARSAD_SEARCH_ENRICH: 'banana' })).toEqual([
      'MARSAD_SEARCH_ENRICH="banana" is not valid: expected on (1, true, yes, on) or off (0, false, no, off)',
    ]);
    expect(problems({ MARSAD_KEEP_TEST_DIST: 'y' })).not.toBeNull();
    for (const bad of ['marsad.example', 'ftp://marsad.example', 'https://']) {
      expect(problems({ MARSAD_SITE: bad })).toEqual([`MARSAD_SITE=${JSON.stringify(bad)} is not valid: expected an http(s) URL`]);
    }
  });

  it('names every bad variable at once, one line each, in the order of the definitions', () => {
    expect(
      problems({ MARSAD_SEARCH_SHARD_ARTICLES: 'many', MARSAD_SITE: 'nowhere', MARSAD_SEARCH_ENRICH: 'maybe' })?.map(
        (p) => p.split('=')[0],
      ),
    ).toEqual(['MARSAD_SITE', 'MARSAD_SEARCH_ENRICH', 'MARSAD_SEARCH_SHARD_ARTICLES']);
  });

  it('tells a set variable from one left to its default', () => {
    expect(isSet('siteName', { MARSAD_SITE_NAME: 'مرصد' })).toBe(true);
    expect(isSet('siteName', { MARSAD_SITE_NAME: ' ' })).toBe(false);
    expect(isSet('siteName', {})).toBe(false);
  });

  it('defines every setting with a variable of its own, a description and a default it accepts', () => {
    const envs = Object.values(settingDefinitions).map((d) => d.env);
    expect(new Set(envs).size).toBe(envs.length);
    for (const [name, d] of Object.entries(settingDefinitions)) {
      expect(d.description.length, name).toBeGreaterThan(20);
      expect(d.expected.length, name).toBeGreaterThan(0);
      // The default parses exactly as the same text set explicitly would.
      expect(readSettings({ [d.env]: d.default })[name as SettingName], name).toEqual(readSettings({})[name as SettingName]);
    }
  });
});

describe('docs/settings.md', () => {
  it('holds the reference table of the definitions, as npm run docs:settings writes it', () => {
    const page = readFileSync(settingsDoc, 'utf8');
    expect(
      withReference(page, settingsReference()),
      'docs/settings.md is out of step with src/settings.ts: run npm run docs:settings',
    ).toBe(page);
    for (const { env } of Object.values(settingDefinitions)) expect(page).toContain(`| \`${env}\` |`);
  });

  it('is linked from the README', () => {
    expect(readFileSync(path.join(projectRoot, 'README.md'), 'utf8')).toContain('(docs/settings.md)');
  });

  it('replaces only what lies between the markers, and needs both', () => {
    const page = `# Settings\n\nintro\n\n${START}\nold table\n${END}\n\nafter\n`;
    const updated = withReference(page, '| new |');
    expect(updated).toBe(`# Settings\n\nintro\n\n${START}\n\n| new |\n\n${END}\n\nafter\n`);
    expect(withReference(updated, '| new |')).toBe(updated);
    expect(() => withReference('# Settings\n', '| new |')).toThrow(/needs the markers/);
  });
});

/** Files the project's code lives in: sources, scripts, tests, configs, shell scripts. */
function codeFiles(): string[] {
  const found = ['astro.config.mjs', 'vitest.config.ts', '.ci/run'];
  for (const top of ['src', 'scripts', 'tests']) {
    for (const entry of readdirSync(path.join(projectRoot, top), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|mjs|js|astro|sh)$/.test(entry.name) && !entry.parentPath.includes('fixtures')) {
        found.push(path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
      }
    }
  }
  return found;
}

const variables = Object.values(settingDefinitions).map((d) => d.env);

/** Why `source` reads the environment itself, or null when it does not. */
function readsEnvironment(source: string, shell: boolean): string | null {
  if (shell) {
    const read = new RegExp(`\\$\\{?(${variables.join('|')})\\b`).exec(source);
    return read && `reads $${read[1]}`;
  }
  const direct = /\bprocess\.env\s*(?:\.|\?\.|\[)|[}\]]\s*=\s*process\.env\b|\bimport\.meta\.env\b/.exec(source);
  if (direct) return `reads ${direct[0]}`;
  const named = new RegExp(`\\benv\\s*(?:\\.|\\?\\.)\\s*(${variables.join('|')})\\b|\\benv\\[\\s*['"\`](${variables.join('|')})`).exec(
    source,
  );
  return named && `reads ${named[0]}`;
}

describe('every consumer reads the settings module', () => {
  it('finds the reads it looks for', () => {
    // What the modules did before src/settings.ts: each of these must be caught.
    expect(readsEnvironment("export const chromiumPath = process.env.MARSAD_CHROMIUM || '/usr/bin/chromium';", false)).not.toBeNull();
    expect(readsEnvironment("const value = (env.MARSAD_SEARCH_ENRICH ?? '').trim();", false)).not.toBeNull();
    expect(readsEnvironment('const { CI } = process.env;', false)).not.toBeNull();
    expect(readsEnvironment("process.env['FC_SCALE']", false)).not.toBeNull();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell line under test, not a template
    expect(readsEnvironment('browser="${MARSAD_CHROMIUM:-/usr/bin/chromium}"', true)).not.toBeNull();
    expect(readsEnvironment('[ "$CI" = "true" ] && exit 1', true)).not.toBeNull();
    // Handing the environment on to a child process is no read.
    expect(readsEnvironment('spawn(cmd, { env: { ...process.env, MARSAD_OUT_DIR: dir } })', false)).toBeNull();
  });

  it('no module but src/settings.ts reads the environment itself', () => {
    const files = codeFiles();
    expect(files).toContain('src/site/article-loader.ts');
    expect(files).toContain('scripts/ensure-chromium.sh');
    const readers = files
      // The module itself; this file only holds examples of reads, as strings.
      .filter((file) => file !== 'src/settings.ts' && file !== 'tests/settings.test.ts')
      .map((file) => {
        const why = readsEnvironment(readFileSync(path.join(projectRoot, file), 'utf8'), file.endsWith('.sh') || file === '.ci/run');
        return why && `${file}: ${why}`;
      })
      .filter(Boolean);
    expect(readers).toEqual([]);
  });
});

/** Runs a project command line tool in `cwd` with extra environment. */
function cli(script: string, args: string[], env: Record<string, string>, cwd = dir) {
  return spawnSync(process.execPath, [path.join(projectRoot, script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the command line tools read the settings module', () => {
  it('npm run settings prints the values the module reads, and refuses a bad one', () => {
    const one = cli('src/cli/settings.ts', ['MARSAD_SEARCH_SHARD_ARTICLES', 'MARSAD_CONTENT_DIR'], {
      MARSAD_SEARCH_SHARD_ARTICLES: '7',
      MARSAD_CONTENT_DIR: 'c',
    });
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(`7\n${path.join(dir, 'c')}\n`);
    const all = cli('src/cli/settings.ts', [], { MARSAD_SITE_NAME: 'مرصد الصحف', MARSAD_SITE_TAGLINE: '' });
    expect(all.stdout).toContain('MARSAD_SITE_NAME=مرصد الصحف\n');
    expect(all.stdout).toContain('MARSAD_SITE_TAGLINE=أرشيف الأخبار العربية وأعلامها وأماكنها  (default)\n');
    expect(all.stdout.trim().split('\n')).toHaveLength(variables.length);
    const bad = cli('src/cli/settings.ts', [], { MARSAD_SEARCH_ENRICH: 'perhaps' });
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([
      2,
      '',
      'MARSAD_SEARCH_ENRICH="perhaps" is not valid: expected on (1, true, yes, on) or off (0, false, no, off)\n',
    ]);
    expect(cli('src/cli/settings.ts', ['MARSAD_NOTHING'], {}).status).toBe(2);
  }, 60_000);

  it('ingest and entities:suggest stop on a bad setting with its one line and exit 2, writing nothing', () => {
    writeFileSync(path.join(dir, 'story.txt'), 'عنوان الخبر\n\nنص الخبر في الرياض اليوم.');
    const line = `MARSAD_CONTENT_DIR="a-file" is not valid: expected a folder (it is a file, not a folder)\n`;
    const ingest = cli('src/cli/ingest.ts', ['story.txt'], { MARSAD_CONTENT_DIR: 'a-file' });
    expect([ingest.status, ingest.stdout, ingest.stderr]).toEqual([2, '', line]);
    const suggest = cli('src/cli/entities-suggest.ts', [], { MARSAD_CONTENT_DIR: 'a-file' });
    expect([suggest.status, suggest.stdout, suggest.stderr]).toEqual([2, '', line]);
    expect(readFileSync(path.join(dir, 'a-file'), 'utf8')).toBe('x');
  }, 60_000);

  it('astro build stops on a bad setting before building, naming it', () => {
    const out = path.join(dir, 'dist');
    const build = cli(
      'node_modules/astro/bin/astro.mjs',
      ['build'],
      { MARSAD_SITE: 'marsad.example', MARSAD_OUT_DIR: out, MARSAD_CACHE_DIR: path.join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      projectRoot,
    );
    expect(build.status).not.toBe(0);
    expect(build.stdout + build.stderr).toContain('MARSAD_SITE="marsad.example" is not valid: expected an http(s) URL');
    expect(readdirSync(dir)).not.toContain('dist');
  }, 60_000);
});
