import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDossierSource, type DossierLookup } from '../../src/dossiers/check.ts';
import { dossierProps } from '../../src/dossiers/components.ts';
import { dossierFileProblems, folderLookup } from '../../src/site/dossier-loader.ts';
import { readFrontmatter } from '../../src/ingest/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** The seed registry and articles, as the content loader reads them. */
const seeds: DossierLookup = folderLookup(path.join(root, 'content/entities'), path.join(root, 'content/articles'));

/** A dossier file: front matter, then `body`; components start on line 8. */
const dossier = (body: string, entities = '[russia]') =>
  `---\ntitle: ملف\ndescription: وصف\npublished: 2026-01-01\nentities: ${entities}\n---\n\n${body}\n`;
const problems = (body: string, lookup: DossierLookup = seeds, entities?: string) =>
  checkDossierSource(
    dossier(body, entities),
    lookup,
    entities
      ? entities
          .slice(1, -1)
          .split(',')
          .map((s) => s.trim())
      : ['russia'],
  ).map((p) => `${p.line}:${p.column}: ${p.message}`);

describe('the dossier check', () => {
  it('passes the worked dossier on the seed registry and articles', () => {
    const file = path.join(root, 'content/dossiers/russia-turkey-syria.mdx');
    const source = readFileSync(file, 'utf8');
    const { entities } = readFrontmatter(source) as { entities: string[] };
    expect(checkDossierSource(source, seeds, entities)).toEqual([]);
  });

  it('names the line, column and id of an unknown entity, wherever it is', () => {
    expect(problems('<EntityCard id="vladimir-putn" />')).toEqual([
      '8:1: <EntityCard> prop "id": unknown entity "vladimir-putn" (no content/entities/vladimir-putn.json in the registry)',
    ]);
    expect(problems('نص <EntityLink id="rusia">روسيا</EntityLink>.')).toEqual([
      '8:4: <EntityLink> prop "id": unknown entity "rusia" (no content/entities/rusia.json in the registry)',
    ]);
    expect(problems('<RelationGraph entities={["russia", "turky"]} />')[0]).toMatch(
      /^8:1: <RelationGraph> prop "entities": unknown entity "turky"/,
    );
    // The front matter's entities, at their own line.
    expect(problems('', seeds, '[russia, syra]')).toEqual([
      '5:1: front matter entities: unknown entity "syra" (no content/entities/syra.json in the registry)',
    ]);
  });

  it('refuses props of the wrong shape, unknown and missing props, with what to write', () => {
    expect(problems('<ArticleList entities={["russia"]} limit={2.5} />')).toEqual([
      '8:1: <ArticleList> prop "limit": expected a whole number in braces, e.g. {5}',
    ]);
    expect(problems('<ArticleList entities="russia" />')).toEqual([
      '8:1: <ArticleList> prop "entities": expected a list in braces, e.g. {["russia", "turkey"]}',
    ]);
    expect(problems('<EntityCard id="russia" size="big" />')).toEqual(['8:1: <EntityCard> has no prop "size" (its props: id)']);
    expect(problems('<EntityCard />')).toEqual(['8:1: <EntityCard> needs the prop "id"']);
    expect(problems('<ArticleList entities={["russia"]} from="2016-02-30" />')).toEqual([
      '8:1: <ArticleList> prop "from": a day is written YYYY-MM-DD, e.g. "2016-07-01"',
    ]);
    expect(problems('<ArticleList entities={["russia"]} from="2017-01-01" to="2016-01-01" />')).toEqual([
      '8:1: <ArticleList> prop "to": to (2016-01-01) is before from (2017-01-01)',
    ]);
    expect(problems('<ArticleList entities={["russia"]} articles={["2e329347f617"]} />')[0]).toMatch(/give either entities .* or articles/);
    expect(problems('<ArticleList />')[0]).toMatch(/give either entities/);
    expect(problems('<Timeline entities={["russia", "russia"]} />')).toEqual([
      '8:1: <Timeline> prop "entities": an entity is listed twice',
    ]);
    expect(problems('<RelationGraph entities={["russia"]} />')).toEqual(['8:1: <RelationGraph> prop "entities": at least 2 entities']);
    expect(problems('<LocatorMap places={["idlib"]} focus="sochi" />')).toEqual([
      '8:1: <LocatorMap> prop "focus": focus must be one of places',
    ]);
  });

  it('reads props as values, never as code', () => {
    expect(problems('<EntityCard id={russia} />')).toEqual([
      '8:1: <EntityCard> prop "id": russia is not a value the build can read: write text in quotes ("russia"), or a number, true, false or a list [...]',
    ]);
    expect(problems('<EntityCard {...props} />')[0]).toMatch(/^8:1: <EntityCard>: spread props \{\.\.\.props\} are not accepted/);
  });

  it('checks what the ids stand for: articles of the archive, places with coordinates, entities with a page', () => {
    expect(problems('<ArticleList articles={["2e329347f617", "000000000000"]} />')).toEqual([
      '8:1: <ArticleList> prop "articles": no article "000000000000" in the archive',
    ]);
    expect(problems('<LocatorMap places={["idlib", "vladimir-putin", "m4-highway"]} />')).toEqual([
      '8:1: <LocatorMap> prop "places": "vladimir-putin" is not a place (its type is person)',
      '8:1: <LocatorMap> prop "places": the place "m4-highway" has no coordinates in content/entities/m4-highway.json',
    ]);
    const withPages = { ...seeds, hasPage: (id: string) => id !== 'black-sea' };
    expect(problems('<EntityCard id="black-sea" />', withPages)).toEqual([
      '8:1: <EntityCard> prop "id": no article names the entity "black-sea", so it has no page to show or link to',
    ]);
  });

  it('keeps a chronology in order, with events only inside it', () => {
    const chronology = (...events: string[]) => `<Chronology>\n${events.map((e) => `  <Event ${e}>نص</Event>`).join('\n')}\n</Chronology>`;
    expect(problems(chronology('date="2015-11-24"', 'date="2016-06"', 'date="2016"', 'date="2016-07-01"'))).toEqual([]);
    expect(problems(chronology('date="2016-07-01"', 'date="2015-11"'))).toEqual([
      '10:3: <Event date="2015-11">: events go oldest first, and this one is before the one on line 9 (2016-07-01)',
    ]);
    expect(problems(chronology('date="2016-13"'))).toEqual([
      '9:3: <Event> prop "date": a date is a year, a month or a day: "2015", "2015-11" or "2015-11-24"',
    ]);
    expect(problems(chronology('date="2016" articles={["2e329347f617"]} entities={["turkey"]}'))).toEqual([]);
    expect(problems('<Event date="2016">نص</Event>')).toEqual(['8:1: <Event> belongs directly inside a <Chronology>']);
    expect(problems('<Chronology>\nنص حر\n</Chronology>')).toEqual(['9:1: <Chronology> holds <Event>s only; write text inside an <Event>']);
    expect(problems('<Chronology />')).toEqual(['8:1: <Chronology> holds the <Event>s of the chronology']);
    expect(problems(chronology('date="2016"').replace('>نص</Event>', '></Event>'))).toEqual([
      '9:3: <Event> needs text between <Event …> and </Event>',
    ]);
  });

  it('refuses unknown components, text inside components that take none and a picture drawn twice', () => {
    expect(problems('<Timline entities={["russia"]} />')[0]).toMatch(
      /^8:1: unknown component <Timline> \(dossiers may use <EntityLink>, <EntityCard>, <ArticleList>, <Timeline>/,
    );
    expect(problems('import Box from "./box.astro"\n\n<Box />')).toEqual([]);
    expect(problems('<EntityCard id="russia">نص</EntityCard>')).toEqual([
      '8:1: <EntityCard> takes no text or content: write <EntityCard … />',
    ]);
    expect(problems('<Timeline entities={["russia"]} />\n\n<Timeline entities={[\'russia\']} />')).toEqual([
      '10:1: <Timeline>: the same picture as on line 8; draw each picture once',
    ]);
  });

  it("reports the MDX compiler's own syntax errors with their place", () => {
    const [problem] = problems('<EntityCard id="russia"');
    expect(problem).toMatch(/^8:\d+: /);
  });

  it('gives components their props as the check read them, and fails loudly if they are not', () => {
    expect(dossierProps('ArticleList', { entities: ['russia'], limit: 3, children: 'ignored' })).toEqual({
      entities: ['russia'],
      limit: 3,
    });
    expect(() => dossierProps('EntityCard', { id: 3 })).toThrow('<EntityCard> prop "id": expected text in quotes');
  });
});

describe('the dossiers folder', () => {
  it('holds <slug>.mdx files only, directly in it', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'marsad-dossiers-'));
    try {
      for (const f of ['good-one.mdx', 'Bad Name.mdx', 'notes.md', 'sub/inner.mdx', '.hidden.mdx']) {
        await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
        await writeFile(path.join(dir, f), '');
      }
      const found = dossierFileProblems(dir).map((p) => p.slice(p.lastIndexOf('/') + 1));
      expect(found).toEqual([
        'Bad Name.mdx: the file name gives no usable address ("Bad Name"): lowercase Latin letters and digits with single hyphens, e.g. russia-turkey-syria.mdx',
        'notes.md: not a dossier: the dossiers folder holds <slug>.mdx files only',
        'inner.mdx: in a subfolder: a dossier sits directly in the dossiers folder, as <slug>.mdx',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
