/** Reading inputs: formats by extension and by content, ZIP entries of every kind, folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InputItem, planInputs, readInputs } from '../../src/ingest/io/inputs.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-inputs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ARTICLE = 'عنوان الخبر\nقال الوزير إن الاجتماع كان مثمراً.';
const RECORDS = [
  { title: 'خبر أول', content: 'نص الخبر الأول.' },
  { title: 'خبر ثان', content: 'نص الخبر الثاني.' },
];

async function read(paths: string[], options: Parameters<typeof readInputs>[1] = {}): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const item of readInputs(planInputs(paths.map((p) => path.join(dir, p))).inputs, options)) out.push(summary(item));
  return out;
}
function summary(item: InputItem): Record<string, unknown> {
  const display = path.relative(dir, item.display);
  if (item.kind === 'error') return { error: display, reason: item.reason };
  if (item.kind === 'record') return { record: display, name: item.name, value: JSON.parse(new TextDecoder().decode(item.bytes)) };
  return { text: display, name: item.name, format: item.format, content: new TextDecoder().decode(item.bytes) };
}

/** A ZIP written as a stream: sizes come after the data, so readers cannot know them up front. */
function streamedZip(files: Record<string, Uint8Array>, stored = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

describe('readInputs', () => {
  it('reads text and Markdown by extension, records from JSON and JSON Lines', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'b.md'), `# ${ARTICLE}`);
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(RECORDS, null, 2));
    fs.writeFileSync(path.join(dir, 'd.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    expect(await read(['a.txt', 'b.md', 'c.json', 'd.jsonl'])).toEqual([
      { text: 'a.txt', name: 'a.txt', format: 'text', content: ARTICLE },
      { text: 'b.md', name: 'b.md', format: 'markdown', content: `# ${ARTICLE}` },
      { record: 'c.json#1', name: 'c.json#1', value: RECORDS[0] },
      { record: 'c.json#2', name: 'c.json#2', value: RECORDS[1] },
      { record: 'd.jsonl#1', name: 'd.jsonl#1', value: RECORDS[0] },
      { record: 'd.jsonl#2', name: 'd.jsonl#2', value: RECORDS[1] },
    ]);
  });

  it('tells the format of a file without a known extension by its first bytes', async () => {
    fs.writeFileSync(path.join(dir, 'article'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'records'), JSON.stringify(RECORDS));
    fs.writeFileSync(path.join(dir, 'archive'), zipSync({ 'x.txt': strToU8(ARTICLE) }));
    expect(await read(['article', 'records', 'archive'])).toEqual([
      { text: 'article', name: 'article', format: 'text', content: ARTICLE },
      { record: 'records#1', name: 'records#1', value: RECORDS[0] },
      { record: 'records#2', name: 'records#2', value: RECORDS[1] },
      { text: 'archive/x.txt', name: 'archive/x.txt', format: 'text', content: ARTICLE },
    ]);
  });

  it('reads ZIP entries deflated or stored, with sizes up front or streamed, skipping folders and hidden files', async () => {
    const files = {
      'day.json': strToU8(JSON.stringify(RECORDS)),
      'notes/a.md': strToU8(ARTICLE),
      '.hidden.txt': strToU8('x'),
      '__MACOSX/._a.md': strToU8('x'),
    };
    fs.writeFileSync(path.join(dir, 'sized.zip'), zipSync(files));
    fs.writeFileSync(path.join(dir, 'streamed.zip'), streamedZip(files));
    fs.writeFileSync(path.join(dir, 'stored.zip'), streamedZip(files, true));
    for (const name of ['sized.zip', 'streamed.zip', 'stored.zip']) {
      expect(await read([name])).toEqual([
        { record: `${name}/day.json#1`, name: `${name}/day.json#1`, value: RECORDS[0] },
        { record: `${name}/day.json#2`, name: `${name}/day.json#2`, value: RECORDS[1] },
        { text: `${name}/notes/a.md`, name: `${name}/notes/a.md`, format: 'markdown', content: ARTICLE },
      ]);
    }
  });

  it('reports a ZIP inside a ZIP, a truncated ZIP and a corrupt entry', async () => {
    const inner = zipSync({ 'x.txt': strToU8(ARTICLE) });
    fs.writeFileSync(path.join(dir, 'nested.zip'), zipSync({ 'inner.zip': inner, 'ok.txt': strToU8(ARTICLE) }));
    const whole = zipSync({ 'a.json': strToU8(JSON.stringify(RECORDS)) }, { level: 0 });
    fs.writeFileSync(path.join(dir, 'cut.zip'), whole.subarray(0, 60));
    expect(await read(['nested.zip'])).toEqual([
      { error: 'nested.zip/inner.zip', reason: 'a ZIP inside a ZIP is not read: unpack it first' },
      { text: 'nested.zip/ok.txt', name: 'nested.zip/ok.txt', format: 'text', content: ARTICLE },
    ]);
    expect((await read(['cut.zip'])).at(-1)).toMatchObject({ reason: expect.stringMatching(/ends inside this record|not a readable ZIP/) });
  });

  it('walks folders in name order, skips hidden entries, and survives symbolic-link loops', async () => {
    fs.mkdirSync(path.join(dir, 'in', 'b', 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', 'b', 'c', '2.txt'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'in', 'a.txt'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'in', '.draft.txt'), ARTICLE);
    fs.symlinkSync(path.join(dir, 'in'), path.join(dir, 'in', 'b', 'loop'));
    const items = await read(['in']);
    expect(items.map((i) => i.text ?? i.error)).toEqual([path.join('in', 'a.txt'), path.join('in', 'b', 'c', '2.txt')]);
  });

  it('reads stdin by content, or by --format', async () => {
    async function* stdin(text: string) {
      yield new TextEncoder().encode(text);
    }
    const plan = planInputs(['-']).inputs;
    const all = async (iterable: AsyncIterable<InputItem>) => {
      const out: InputItem[] = [];
      for await (const item of iterable) out.push(item);
      return out;
    };
    expect(await all(readInputs(plan, { stdin: stdin(ARTICLE) }))).toMatchObject([{ kind: 'text', display: 'stdin', name: 'stdin' }]);
    expect(await all(readInputs(plan, { stdin: stdin(JSON.stringify(RECORDS)) }))).toMatchObject([
      { name: 'stdin#1' },
      { name: 'stdin#2' },
    ]);
    expect(await all(readInputs(plan, { stdin: stdin(`# ${ARTICLE}`), format: 'markdown' }))).toMatchObject([
      { kind: 'text', format: 'markdown' },
    ]);
  });
});
