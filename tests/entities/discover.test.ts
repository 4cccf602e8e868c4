/**
 * Entity discovery (`src/entities/discover.ts`): the cue rules on fixture news text, grouping and
 * counting, the registry filter, the BIO reader and scorer, and `npm run entities:suggest` end to
 * end on a temp content folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bioSpans,
  discoverNames,
  mergeProcliticVariants,
  NameLexicon,
  parseBio,
  repeatedSequences,
  scoreSpans,
  tagSentence,
  tagSpans,
  tagText,
  vocabularyOf,
  type Candidate,
  type Occurrence,
} from '../../src/entities/discover.ts';
import { strToU8, zipSync } from 'fflate';
import { paragraphsOf, readCorpus } from '../../src/entities/discover/corpus-files.ts';
import { EntityMatcher } from '../../src/entities/matcher.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const NEWS = fs.readFileSync(path.join(FIXTURES, 'discover-news.txt'), 'utf8');
const BIO = fs.readFileSync(path.join(FIXTURES, 'discover-sample.bio'), 'utf8');

/** The fixture as two articles: the first five paragraphs, then the rest. */
const paragraphs = paragraphsOf(NEWS);
const documents = [
  { id: 'first', paragraphs: paragraphs.slice(0, 5) },
  { id: 'second', paragraphs: paragraphs.slice(5) },
];

/** Each span of `sentence` as [text, type, rule]. */
const tagged = (sentence: string) => tagSentence(sentence).map((s) => [sentence.slice(s.start, s.end), s.type, s.rule]);

const byName = (candidates: readonly Candidate[]) => new Map(candidates.map((c) => [c.name, c]));

describe('cue rules in one sentence', () => {
  it('takes the person after a title, its complement and a comma', () => {
    expect(tagged('دعا وزير الخارجية الروسي، سيرغي لافروف، إلى اتصالات عسكرية مع نظيره التركي، مولود جاويش أوغلو.')).toEqual([
      ['سيرغي لافروف', 'person', 'title'],
      ['مولود جاويش أوغلو', 'person', 'title'],
    ]);
    expect(tagged('والتقى الرئيس الأميركي جورج بوش رئيس الوزراء البريطاني توني بلير.')).toEqual([
      ['جورج بوش', 'person', 'title'],
      ['توني بلير', 'person', 'title'],
    ]);
    expect(tagged('أمر جلالة الملك عبدالله الثاني أمس بتنفيذ المشاريع.')).toEqual([['عبدالله الثاني', 'person', 'title']]);
  });

  it('ends a person name before the next word of the sentence', () => {
    expect(tagged('استقبل الرئيس بشار الأسد وفدا روسيا.')).toEqual([['بشار الأسد', 'person', 'title']]);
    expect(tagged('وقال رئيس الوزراء إن الحكومة ستجتمع.')).toEqual([]);
  });

  it('finds an organization inside a title, then the person', () => {
    expect(tagged('وقال المتحدث باسم حركة طالبان محمد حنيف إن الهجوم فشل.')).toEqual([
      ['طالبان', 'organization', 'org-word'],
      ['محمد حنيف', 'person', 'title'],
    ]);
  });

  it('takes places after place words, without the adjective after them', () => {
    expect(tagged('وقع الانفجار في مدينة المفرق قرب محافظة الكرك وولاية ماساتشوستس الأمريكية.')).toEqual([
      ['المفرق', 'place', 'place-word'],
      ['الكرك', 'place', 'place-word'],
      ['ماساتشوستس', 'place', 'place-word'],
    ]);
    expect(tagged('وصل الوفد إلى العاصمة الروسية موسكو.')).toEqual([['موسكو', 'place', 'place-word']]);
    expect(tagged('قصفت الطائرات منطقة ساحلية.')).toEqual([]);
  });

  it('takes organizations: a proper name after its word, or a name headed by it', () => {
    expect(tagged('قالت صحيفة ديلي تلغراف إن شركة إنرون الأمريكية أفلست.')).toEqual([
      ['ديلي تلغراف', 'organization', 'org-word'],
      ['إنرون', 'organization', 'org-word'],
    ]);
    const sentence = 'واستدعت وزارة الخارجية الروسية السفير، وبحث مجلس الأمن الدولي الأزمة مع حزب الله.';
    expect(tagged(sentence)).toEqual([
      ['وزارة الخارجية الروسية', 'organization', 'org-name'],
      ['مجلس الأمن الدولي', 'organization', 'org-name'],
      ['حزب الله', 'organization', 'org-name'],
    ]);
  });

  it('reads a dateline as a place and an agency', () => {
    expect(tagged('عمان (بترا) - افتتح الوزير المعرض.')).toEqual([
      ['عمان', 'place', 'dateline'],
      ['بترا', 'organization', 'dateline'],
    ]);
  });

  it('takes a name after a verb of saying or a common first name', () => {
    expect(tagged('وقال لافروف إن المحادثات بناءة.')).toEqual([['لافروف', 'person', 'speech']]);
    expect(tagged('وكان أسامة بن لادن في كهف.')).toEqual([['أسامة بن لادن', 'person', 'given-name']]);
    expect(tagged('وقال مسؤول إن المحادثات بناءة.')).toEqual([]);
  });

  it('leaves proclitics out of an organization name', () => {
    const sentence = 'واتصل بوزارة الخارجية الروسية.';
    const [span] = tagSentence(sentence);
    expect(sentence.slice(span!.start, span!.end)).toBe('وزارة الخارجية الروسية');
  });
});

describe('discoverNames', () => {
  const candidates = discoverNames(documents);
  const found = byName(candidates);

  it('finds the cued names with their type and cue', () => {
    expect(found.get('سيرغي لافروف')).toMatchObject({ type: 'person', evidence: [{ rule: 'title', cue: 'وزير', count: 1 }] });
    expect(found.get('جورج بوش')?.type).toBe('person');
    expect(found.get('توني بلير')?.type).toBe('person');
    expect(found.get('سامي أبو زهري')?.type).toBe('person');
    expect(found.get('المفرق')).toMatchObject({ type: 'place', evidence: [{ rule: 'place-word', cue: 'مدينة' }] });
    expect(found.get('الكرك')?.type).toBe('place');
    expect(found.get('الصالحية')?.type).toBe('place');
    expect(found.get('عمان')).toMatchObject({ type: 'place', evidence: [{ rule: 'dateline' }] });
    expect(found.get('ديلي تلغراف')?.type).toBe('organization');
    expect(found.get('وزارة الخارجية الروسية')).toMatchObject({ type: 'organization', count: 2, articles: 2 });
  });

  it('finds a repeated multi-word name with no title', () => {
    const daSilva = found.get('دا سيلفا');
    expect(daSilva).toBeDefined();
    expect(daSilva!.count).toBe(2);
    expect(daSilva!.evidence.map((e) => e.rule)).toContain('repeated');
  });

  it('counts every occurrence, with proclitics, and names it without them', () => {
    // "حركة حماس", "في حماس", "لحماس", "قادة حماس"
    expect(found.get('حماس')).toMatchObject({ type: 'organization', count: 4, articles: 2, normalizedKey: 'حماس' });
    expect(found.has('لحماس')).toBe(false);
    // "وقال لافروف", "أن لافروف سيزور"
    expect(found.get('لافروف')).toMatchObject({ count: 2, articles: 2 });
  });

  it('gives an example sentence with the name and its offsets', () => {
    const c = found.get('المفرق')!;
    expect(c.example).toBe('وقال لافروف إن المحادثات تناولت الوضع في مدينة المفرق ومحافظة الكرك، وأضاف أن بلاده تدعم جهود السلام.');
    expect(c.example.slice(...c.exampleSpan)).toBe('المفرق');
    for (const x of candidates) expect(normalizeSpaces(x.example.slice(...x.exampleSpan))).toBe(normalizeSpaces(x.name));
  });

  it('puts the most frequent first', () => {
    expect(candidates[0]!.name).toBe('حماس');
    const counts = candidates.map((c) => c.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('finds no names in text without any', () => {
    expect(discoverNames(['وقال مسؤول إن الاجتماع سيعقد في وقت لاحق من الأسبوع المقبل.'])).toEqual([]);
  });

  it('leaves out names the registry has, and sequences that run into them', () => {
    const registry = new EntityMatcher([
      { id: 'sergei-lavrov', names: ['سيرغي لافروف', 'لافروف'] },
      { id: 'hamas', names: ['حماس', 'حركة حماس'] },
      { id: 'brazil', names: ['دا سيلفا'] },
    ]);
    const names = discoverNames(documents, { findKnown: (s) => registry.findMentions(s) }).map((c) => c.name);
    expect(names).not.toContain('سيرغي لافروف');
    expect(names).not.toContain('لافروف');
    expect(names).not.toContain('حماس');
    expect(names).not.toContain('دا سيلفا');
    expect(names).toContain('جورج بوش');
    expect(names).toContain('المفرق');
  });

  it('honours minCount', () => {
    const names = discoverNames(documents, { minCount: 2 }).map((c) => c.name);
    expect(names).toContain('حماس');
    expect(names).not.toContain('المفرق');
  });

  it('finds a place through its adjective of origin', () => {
    const text = ['قال الرئيس الإيراني إن المفاوضات مستمرة.', 'وأكدت الحكومة الإيرانية أن إيران لن تتراجع.', 'ووصل الوفد إلى إيران أمس.'];
    expect(byName(discoverNames(text)).get('إيران')).toMatchObject({
      type: 'place',
      evidence: [{ rule: 'adjective', count: 2 }],
      count: 2,
    });
  });
});

describe('tagging with what the corpus taught', () => {
  it('tags a name found with a cue elsewhere, and a person by the last name', () => {
    const texts = paragraphs;
    const lexicon = new NameLexicon(discoverNames(texts), vocabularyOf(texts));
    const sentence = 'وانتقد بوش المفرق وحماس.';
    expect(tagText(sentence, { lexicon }).map((s) => [sentence.slice(s.start, s.end), s.type, s.rule])).toEqual([
      ['بوش', 'person', 'lexicon'],
      ['المفرق', 'place', 'lexicon'],
      ['وحماس', 'organization', 'lexicon'],
    ]);
  });
});

describe('BIO corpora', () => {
  it('parses token/tag lines into sentences', () => {
    const sentences = parseBio(BIO);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.tokens).toEqual(['قال', 'الرئيس', 'جورج', 'بوش', 'إن', 'العراق', '.']);
    expect(sentences[1]!.tags.slice(10, 12)).toEqual(['B-ORG', 'I-ORG']);
    expect(parseBio('\uFEFFa O\r\nb B-LOC\r\n\r\n\r\nc O\n')).toEqual([
      { tokens: ['a', 'b'], tags: ['O', 'B-LOC'] },
      { tokens: ['c'], tags: ['O'] },
    ]);
  });

  it('reads entity spans like conlleval', () => {
    expect(bioSpans(['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'B-LOC', 'I-ORG', 'I-ORG'])).toEqual([
      { start: 1, end: 3, label: 'PERS' },
      { start: 4, end: 5, label: 'LOC' },
      { start: 5, end: 6, label: 'LOC' },
      { start: 6, end: 8, label: 'ORG' },
    ]);
  });

  it('scores exact and partial matches per label and micro-averaged', () => {
    const gold = [
      [
        { start: 2, end: 4, label: 'PERS' },
        { start: 5, end: 6, label: 'LOC' },
        { start: 7, end: 8, label: 'MISC' },
      ],
    ];
    const predicted = [
      [
        { start: 3, end: 4, label: 'PERS' },
        { start: 5, end: 6, label: 'LOC' },
        { start: 0, end: 1, label: 'ORG' },
      ],
    ];
    const { byLabel, micro } = scoreSpans(gold, predicted, ['PERS', 'LOC', 'ORG']);
    const [pers, loc, org] = byLabel;
    expect(pers).toMatchObject({ gold: 1, predicted: 1, correct: 0, precision: 0, recall: 0, partialPrecision: 1, partialRecall: 1 });
    expect(loc).toMatchObject({ gold: 1, predicted: 1, correct: 1, precision: 1, recall: 1, f1: 1 });
    expect(org).toMatchObject({ gold: 0, predicted: 1, correct: 0, precision: 0, recall: 0 });
    expect(micro).toMatchObject({ gold: 2, predicted: 3, correct: 1 });
    expect(micro.precision).toBeCloseTo(1 / 3);
    expect(micro.recall).toBeCloseTo(1 / 2);
    expect(micro.f1).toBeCloseTo(0.4);
    expect(micro.partialPrecision).toBeCloseTo(2 / 3);
    expect(micro.partialRecall).toBe(1);
    expect(micro.partialF1).toBeCloseTo(0.8);
  });

  it('tags tokenized sentences and scores them', () => {
    const sentences = parseBio(BIO);
    const labels = { person: 'PERS', place: 'LOC', organization: 'ORG', unknown: 'MISC' } as const;
    const predicted = sentences.map((s) => tagSpans(s.tokens).map((x) => ({ start: x.start, end: x.end, label: labels[x.type] })));
    expect(predicted).toEqual([
      [{ start: 2, end: 4, label: 'PERS' }],
      [
        { start: 3, end: 5, label: 'PERS' },
        { start: 6, end: 7, label: 'LOC' },
      ],
    ]);
    const { micro } = scoreSpans(
      sentences.map((s) => bioSpans(s.tags)),
      predicted,
      ['PERS', 'LOC', 'ORG'],
    );
    expect(micro).toMatchObject({ gold: 5, predicted: 3, correct: 3, precision: 1 });
    expect(micro.recall).toBeCloseTo(0.6);
  });
});

describe('the stages of discovery', () => {
  const seen = (key: string, surface: string, sentence: string, doc = 0): Occurrence => ({
    key,
    surface,
    rule: 'repeated',
    cue: 'repeated',
    type: 'unknown',
    sentence,
    start: sentence.indexOf(surface),
    end: sentence.indexOf(surface) + surface.length,
    doc,
  });

  it('keeps repeated sequences seen often enough, not the parts of a longer one seen as often', () => {
    const s1 = 'قال لولا دا سيلفا إن';
    const s2 = 'وأضاف لولا دا سيلفا أن';
    const s3 = 'ورد دا سيلفا على';
    const ngrams = new Map([
      ['لولا دا سيلفا', [seen('لولا دا سيلفا', 'لولا دا سيلفا', s1), seen('لولا دا سيلفا', 'لولا دا سيلفا', s2)]],
      ['دا سيلفا', [seen('دا سيلفا', 'دا سيلفا', s1), seen('دا سيلفا', 'دا سيلفا', s2)]],
      ['مرة واحدة', [seen('مرة واحدة', 'مرة واحدة', 'مرة واحدة فقط')]],
    ]);
    expect(repeatedSequences(ngrams, 2).map((o) => o.key)).toEqual(['لولا دا سيلفا', 'لولا دا سيلفا']);
    // Seen more often than the longer one: a name of its own.
    ngrams.get('دا سيلفا')!.push(seen('دا سيلفا', 'دا سيلفا', s3, 1));
    expect(repeatedSequences(ngrams, 2).map((o) => o.key)).toEqual(['لولا دا سيلفا', 'لولا دا سيلفا', 'دا سيلفا', 'دا سيلفا', 'دا سيلفا']);
  });

  it('moves a proclitic variant to the name without the proclitic, when that name is a candidate', () => {
    const occurrences = new Map([
      ['لافروف', [seen('لافروف', 'لافروف', 'قال لافروف')]],
      ['ولافروف', [seen('ولافروف', 'ولافروف', 'التقى بوتين ولافروف')]],
      ['وزارة', [seen('وزارة', 'وزارة', 'في وزارة')]],
      ['للتعاون', [seen('للتعاون', 'للتعاون', 'منظمة للتعاون')]],
    ]);
    mergeProcliticVariants(occurrences);
    expect([...occurrences.keys()]).toEqual(['لافروف', 'وزارة', 'للتعاون']);
    expect(occurrences.get('لافروف')!.map((o) => [o.key, o.surface, o.sentence])).toEqual([
      ['لافروف', 'لافروف', 'قال لافروف'],
      ['لافروف', 'لافروف', 'التقى بوتين ولافروف'],
    ]);
  });
});

describe('raw corpora', () => {
  it('reads JSON Lines, JSON arrays, plain text and ZIPs of them as ingest does, a document per record or file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-corpus-'));
    try {
      const jsonl = '{"url":"u1","title":"عنوان","content":"سطر أول\\n\\nسطر ثان"}\n\n{"id":"x","text":"نص"}\n';
      fs.writeFileSync(path.join(dir, 'a.jsonl'), jsonl);
      fs.writeFileSync(path.join(dir, 'b.json'), '[{"content":"نص"}, {"headline":"بلا نص"}]');
      fs.writeFileSync(path.join(dir, 'c.txt'), 'سطر\n\n سطر ثان \n');
      // windows-1256, as old Arabic sites saved text: «نص قديم».
      fs.writeFileSync(path.join(dir, 'd.txt'), Buffer.from([0xe4, 0xd5, 0x20, 0xde, 0xcf, 0xed, 0xe3]));
      fs.writeFileSync(path.join(dir, 'e.zip'), zipSync({ 'day/f.json': strToU8('[{"title":"خبر","body":"<p>فقرة <b>أولى</b></p>"}]') }));
      fs.writeFileSync(path.join(dir, '.hidden.txt'), 'لا يقرأ');
      const { documents, problems } = await readCorpus([dir]);
      expect(documents).toEqual([
        { id: 'a.jsonl#1', paragraphs: ['عنوان', 'سطر أول', 'سطر ثان'] },
        { id: 'a.jsonl#3', paragraphs: ['نص'] },
        { id: 'b.json#1', paragraphs: ['نص'] },
        { id: 'c.txt', paragraphs: ['سطر', 'سطر ثان'] },
        { id: 'd.txt', paragraphs: ['نص قديم'] },
        { id: 'e.zip/day/f.json#1', paragraphs: ['خبر', 'فقرة أولى'] },
      ]);
      expect(problems).toEqual([{ input: `${path.join(dir, 'b.json')}#2`, reason: expect.stringMatching(/^no article text/) }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function normalizeSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}

describe('npm run entities:suggest', () => {
  const CLI = path.resolve(import.meta.dirname, '../../src/cli/entities-suggest.ts');
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-suggest-'));
    fs.mkdirSync(path.join(dir, 'content', 'articles'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'content', 'entities'), { recursive: true });
    const body = paragraphs.join('\n\n');
    fs.writeFileSync(path.join(dir, 'content', 'articles', 'a1.mdx'), `---\ntitle: لافروف في عمان\n---\n\n${body}\n`);
    fs.writeFileSync(
      path.join(dir, 'content', 'entities', 'sergei-lavrov.json'),
      JSON.stringify({
        type: 'person',
        name: 'سيرغي لافروف',
        nameEn: 'Sergei Lavrov',
        aliases: ['لافروف'],
        description: 'وزير خارجية روسيا.',
      }),
    );
    fs.writeFileSync(path.join(dir, 'corpus.jsonl'), `${JSON.stringify({ id: 'n1', content: NEWS })}\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });

  it('lists names the registry lacks, as JSON', () => {
    const result = run(['--content', 'content', '--json', '--limit', '0']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const candidates = JSON.parse(result.stdout) as Candidate[];
    const names = candidates.map((c) => c.name);
    expect(names).toContain('جورج بوش');
    expect(names).toContain('المفرق');
    expect(names).not.toContain('سيرغي لافروف');
    expect(names).not.toContain('لافروف');
    expect(candidates.find((c) => c.name === 'حماس')).toMatchObject({ type: 'organization', count: 4, articles: 1 });
  });

  it('prints an Arabic table with counts, type, cue and a shortened example', () => {
    const result = run(['--type', 'place', '--limit', '4'], { MARSAD_CONTENT_DIR: path.join(dir, 'content') });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^أسماء مقترحة للسجل: 4 \(تُعرض 4\) — النصوص: 1 من /);
    expect(lines).toHaveLength(6);
    expect(lines.slice(2).every((l) => /^ +\d+ +1 {2}مكان {2}/.test(l))).toBe(true);
    expect(lines[2]).toMatch(/^ +2 +1 {2}مكان +عمان — سطر المصدر ×1 — «عمان» \(بترا\) - استقبل .* …$/);
    expect(lines).toContain(
      '    1         1  مكان       المفرق — كلمة مكان: مدينة ×1 — … إن المحادثات تناولت الوضع في مدينة «المفرق» ومحافظة الكرك، وأضاف أن بلاده تدعم جهود …',
    );
  });

  it('reads raw text with --text', () => {
    const result = run(['--content', 'content', '--text', 'corpus.jsonl', '--json', '--min-count', '2']);
    expect(result.status).toBe(0);
    const names = (JSON.parse(result.stdout) as Candidate[]).map((c) => c.name);
    expect(names).toContain('حماس');
    expect(names).toContain('دا سيلفا');
    expect(names).not.toContain('لافروف');
    expect(names).not.toContain('المفرق');
  });

  it('--text reports each bad input on one line, reads the rest, and exits 1', () => {
    const corpus = path.join(dir, 'bad-corpus');
    fs.mkdirSync(corpus, { recursive: true });
    const record = (id: string) => ({ id, title: 'خبر', content: NEWS });
    // A JSON array cut off inside a record, on one long line (as exports write them).
    const broken = JSON.stringify([record('a1'), record('a2')]).slice(0, -200);
    fs.writeFileSync(path.join(corpus, 'a-broken.json'), broken);
    fs.writeFileSync(path.join(corpus, 'b-lines.jsonl'), `${JSON.stringify(record('b1'))}\n{"content": nope}\n{"title": "بلا نص"}\n`);
    fs.writeFileSync(path.join(corpus, 'c-day.zip'), 'PK\u0003\u0004 not really a ZIP');
    fs.writeFileSync(path.join(corpus, 'd-good.json'), JSON.stringify([record('d1')]));
    const result = run(['--content', 'content', '--text', 'bad-corpus', 'missing.txt', '--json', '--min-count', '2']);
    // Ingest's reader and its words: the cut array's first record is read, its second rejected.
    expect(result.stderr.split('\n')).toEqual([
      'rejected bad-corpus/a-broken.json#2: invalid JSON: the file ends inside this record',
      "rejected bad-corpus/b-lines.jsonl#2: invalid JSON (Unexpected token 'o')",
      'rejected bad-corpus/b-lines.jsonl#3: no article text: the record has none of the fields content, body, text, article…',
      expect.stringMatching(/^rejected bad-corpus\/c-day\.zip: not a readable ZIP archive /),
      'rejected missing.txt: cannot read: no such file or folder',
      '',
    ]);
    // No stack trace, and none of the broken file's text.
    expect(result.stderr.length).toBeLessThan(600);
    expect(result.status).toBe(1);
    // The good inputs were read: three articles (a1, b1, d1), so names seen in all.
    const candidates = JSON.parse(result.stdout) as Candidate[];
    expect(candidates.find((c) => c.name === 'حماس')).toMatchObject({ articles: 3 });
  }, 30_000);

  it('stops with exit 2 and every problem on a bad registry, and reports article files the site would not build from', () => {
    const content = path.join(dir, 'bad-content');
    fs.cpSync(path.join(dir, 'content'), content, { recursive: true });
    fs.mkdirSync(path.join(content, 'articles', 'old'));
    fs.copyFileSync(path.join(content, 'articles', 'a1.mdx'), path.join(content, 'articles', 'old', 'a2.mdx'));
    fs.writeFileSync(path.join(content, 'articles', 'a3.mdx'), '---\ntitle: خبر\n---\n\nنص {1+1}\n');
    const articles = run(['--content', 'bad-content', '--json']);
    expect(articles.stderr).toBe(
      [
        'rejected bad-content/articles/old/a2.mdx: in a subfolder: an article must sit directly in the articles folder, as <id>.mdx [article-subfolder]',
        'rejected bad-content/articles/a3.mdx: 2:4: {1+1}: JavaScript expressions are not allowed in articles (write \\{ to show a brace)',
        '',
      ].join('\n'),
    );
    expect(articles.status).toBe(1);
    expect((JSON.parse(articles.stdout) as Candidate[]).map((c) => c.name)).toContain('حماس');

    fs.writeFileSync(path.join(content, 'entities', 'sergei-lavrov.yaml'), 'name: لافروف\n');
    const registry = run(['--content', 'bad-content']);
    expect(registry.stderr).toBe(
      `the entity registry bad-content/entities has 1 problem:\nbad-content/entities/sergei-lavrov.yaml: not a registry file: the registry reads only <id>.json files [not-json]\n`,
    );
    expect(registry.status).toBe(2);
  }, 30_000);

  it('rejects bad options with the usage', () => {
    const result = run(['--min-count', 'zero']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run entities:suggest');
  });
});
