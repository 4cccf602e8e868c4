import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../../scripts/lib/build.ts';

const work = await mkdtemp(path.join(os.tmpdir(), 'marsad-dossier-errors-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const front = (entities: string) => `---\ntitle: ملف\ndescription: وصف\npublished: 2026-01-01\nentities: ${entities}\n---\n\n`;

describe('a dossier the build cannot check', () => {
  it('stops the real build before any page is rendered, naming each file, line, column and id', { timeout: 300_000 }, async () => {
    const contentDir = path.join(work, 'content');
    await cp(path.join(projectRoot, 'content', 'articles'), path.join(contentDir, 'articles'), { recursive: true });
    await cp(path.join(projectRoot, 'content', 'entities'), path.join(contentDir, 'entities'), { recursive: true });
    await mkdir(path.join(contentDir, 'dossiers'));
    await cp(path.join(projectRoot, 'content', 'dossiers', 'russia-turkey-syria.mdx'), path.join(contentDir, 'dossiers', 'good.mdx'));
    await writeFile(path.join(contentDir, 'dossiers', 'misspelt.mdx'), `${front('[russia]')}نص.\n\n<EntityCard id="vladimir-putn" />\n`);
    await writeFile(
      path.join(contentDir, 'dossiers', 'bad-prop.mdx'),
      `${front('[russia, turky]')}<ArticleList entities={["russia"]} limit="ten" />\n`,
    );
    const outDir = path.join(work, 'dist');
    const error = await buildSite({ contentDir, outDir, cacheDir: path.join(work, 'cache') }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error, 'the build should fail').not.toBeNull();
    const message = error!.message;
    const dossiers = path.join(contentDir, 'dossiers');
    expect(message).toContain(`${dossiers}/misspelt.mdx:10:1: <EntityCard> prop "id": unknown entity "vladimir-putn"`);
    expect(message).toContain(`${dossiers}/bad-prop.mdx:5:1: front matter entities: unknown entity "turky"`);
    expect(message).toContain(`${dossiers}/bad-prop.mdx:8:1: <ArticleList> prop "limit": expected a number in braces, e.g. {5}`);
    expect(message).not.toContain('good.mdx');
    // Stopped while reading content: no page was written.
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});
