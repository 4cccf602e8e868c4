import { describe, expect, it } from 'vitest';
import { Linker, type LinkedEntity } from '../../src/entities/linker.ts';
import { loadRegistry } from '../../src/entities/registry.ts';
import { OUTLETS } from '../../src/ingest/outlets.ts';

/**
 * The linker's rules, each with sentences of the kind Saudi newspapers print (SaudiNewsNet, July–
 * August 2015): what must link, and the tempting readings that must not.
 */
const entity = (
  id: string,
  type: LinkedEntity['type'],
  kind: string,
  name: string,
  aliases: string[] = [],
  extra: Partial<LinkedEntity> = {},
): LinkedEntity => ({
  id,
  type,
  kind,
  name,
  aliases,
  sourceNames: [],
  ...extra,
});

const REGISTRY: LinkedEntity[] = [
  entity('riyadh', 'place', 'city', 'الرياض', ['مدينة الرياض']),
  entity('jeddah', 'place', 'city', 'جدة', ['محافظة جدة']),
  entity('abha', 'place', 'city', 'أبها'),
  entity('tokyo', 'place', 'city', 'طوكيو'),
  entity('washington', 'place', 'city', 'واشنطن'),
  entity('texas', 'place', 'region', 'تكساس'),
  entity('istanbul', 'place', 'city', 'إسطنبول', ['اسطنبول']),
  entity('asia', 'place', 'region', 'آسيا'),
  entity('africa', 'place', 'region', 'أفريقيا', ['إفريقيا']),
  entity('cuba', 'place', 'country', 'كوبا'),
  entity('united-states', 'place', 'country', 'الولايات المتحدة', ['أمريكا', 'أميركا']),
  entity('egypt', 'place', 'country', 'مصر'),
  entity('morocco', 'place', 'country', 'المغرب'),
  entity('kuwait', 'place', 'country', 'الكويت'),
  entity('bahrain', 'place', 'country', 'البحرين'),
  entity('saudi-arabia', 'place', 'country', 'المملكة العربية السعودية', ['المملكة', 'السعودية']),
  entity('new-zealand', 'place', 'country', 'نيوزيلندا'),
  entity('middle-east', 'place', 'region', 'الشرق الأوسط'),
  entity('nato', 'organization', 'alliance', 'حلف شمال الأطلسي', ['حلف الأطلسي']),
  entity('fifa-world-cup', 'event', 'competition', 'كأس العالم لكرة القدم', ['كأس العالم 2018']),
  entity('ali-ibn-abi-talib', 'person', 'historical', 'علي بن أبي طالب'),
  entity('salman', 'person', 'head-of-state', 'سلمان بن عبدالعزيز آل سعود', ['الملك سلمان', 'خادم الحرمين الشريفين', 'خادم الحرمين']),
  entity('fahd', 'person', 'former-head-of-state', 'فهد بن عبدالعزيز آل سعود', ['الملك فهد']),
  entity('mbn', 'person', 'crown-prince', 'محمد بن نايف بن عبدالعزيز', ['محمد بن نايف', 'ولي العهد', 'ولي العهد السعودي']),
  entity('haqbani', 'person', 'minister', 'مفرج بن سعد الحقباني', ['مفرج الحقباني', 'الحقباني']),
  entity('muqbel', 'person', 'minister', 'عبدالله المقبل', ['عبدالله بن عبدالرحمن المقبل']),
  entity('baghdadi', 'person', 'militant-leader', 'أبو بكر البغدادي'),
  entity('rabeeah', 'person', 'official', 'عبدالله بن عبدالعزيز الربيعة'),
  entity('interior-ministry', 'organization', 'ministry', 'وزارة الداخلية السعودية', ['وزارة الداخلية']),
  entity('king-saud-university', 'organization', 'university', 'جامعة الملك سعود'),
  entity('jeddah-municipality', 'organization', 'government-body', 'أمانة محافظة جدة', ['أمانة جدة']),
  entity('al-hilal', 'organization', 'football-club', 'نادي الهلال', ['الهلال']),
  entity('al-ittihad', 'organization', 'football-club', 'نادي الاتحاد', ['فريق الاتحاد'], { shortNames: ['الاتحاد'] }),
  entity('al-qadsiah', 'organization', 'football-club', 'نادي القادسية', [], { shortNames: ['القادسية'] }),
  entity('football-federation', 'organization', 'sports-body', 'الاتحاد السعودي لكرة القدم'),
  entity('al-qaeda', 'organization', 'armed-group', 'تنظيم القاعدة', [], { shortNames: ['القاعدة'] }),
  entity('facebook', 'organization', 'company', 'فيسبوك'),
  entity('al-riyadh-newspaper', 'organization', 'newspaper', 'صحيفة الرياض', ['جريدة الرياض']),
  entity('asharq-al-awsat', 'organization', 'newspaper', 'صحيفة الشرق الأوسط'),
  entity('al-jazeera', 'organization', 'media', 'شبكة الجزيرة', ['قناة الجزيرة'], { sourceNames: ['الجزيرة'] }),
  entity('al-jazirah-newspaper', 'organization', 'newspaper', 'صحيفة الجزيرة', ['جريدة الجزيرة']),
  entity('spa', 'organization', 'news-agency', 'وكالة الأنباء السعودية', ['واس'], { sourceNames: ['واس'] }),
  entity('afp', 'organization', 'news-agency', 'وكالة فرانس برس', ['أ ف ب']),
];
const OUTLET_NAMES = [
  ['الرياض', 'صحيفة الرياض', 'جريدة الرياض'],
  ['الشرق الأوسط', 'صحيفة الشرق الأوسط'],
  ['الجزيرة', 'الجزيرة نت', 'قناة الجزيرة'],
  ['صحيفة الجزيرة', 'جريدة الجزيرة'],
];
const linker = new Linker(REGISTRY, { outlets: OUTLET_NAMES });

/** The [entity, text] pairs one sentence links, in an article made of that sentence alone (or of `article`). */
function linked(sentence: string, article: { title?: string; body?: string; outlet?: string } = {}): [string, string][] {
  const find = linker.finder({ title: article.title ?? '', body: article.body ?? sentence, outlet: article.outlet });
  return find(sentence).map((m) => [m.entityId, sentence.slice(m.start, m.end)]);
}
const ids = (sentence: string, article?: Parameters<typeof linked>[1]) => linked(sentence, article).map(([id]) => id);

describe('outlets are newspapers, never places', () => {
  it('resolves the outlet field through the outlet table', () => {
    expect(linker.outletEntity('الرياض')).toBe('al-riyadh-newspaper');
    expect(linker.outletEntity('الشرق الأوسط')).toBe('asharq-al-awsat');
    expect(linker.outletEntity('صحيفة الجزيرة')).toBe('al-jazirah-newspaper');
    expect(linker.outletEntity('الجزيرة')).toBe('al-jazeera');
    expect(linker.outletEntity('جدة')).toBeUndefined();
  });

  it('reads a quoted or bracketed outlet name in the text as the newspaper', () => {
    expect(linked('وقال مصدر مطلع لـ«الرياض» إن القرار صدر أمس')).toEqual([['al-riyadh-newspaper', 'الرياض']]);
    expect(linked('وأوضح لـ"الشرق الأوسط" أن الاجتماع تأجل')).toEqual([['asharq-al-awsat', 'الشرق الأوسط']]);
    expect(linked('في مذكرات تنشرها {الشرق الأوسط} بالتعاون مع')).toEqual([['asharq-al-awsat', 'الشرق الأوسط']]);
    expect(linked('واستمرت الأزمة في الشرق الأوسط')).toEqual([['middle-east', 'الشرق الأوسط']]);
    expect(linked('وصل الوفد إلى الرياض مساء أمس')).toEqual([['riyadh', 'الرياض']]);
  });

  it("gives a bare newspaper name in an article's own text or credit to that newspaper", () => {
    expect(linked('و(الجزيرة) التي آلمها هذا النبأ تتقدم بالعزاء', { outlet: 'al-jazirah-newspaper' })).toEqual([
      ['al-jazirah-newspaper', 'الجزيرة'],
    ]);
    expect(linked('و(الجزيرة) تتقدم بالعزاء')).toEqual([['al-jazeera', 'الجزيرة']]);
    expect(linker.creditEntity('الجزيرة', 'al-jazirah-newspaper')).toBe('al-jazirah-newspaper');
    expect(linker.creditEntity('الجزيرة')).toBe('al-jazeera');
  });

  it('credits agencies and outlets, never places or people, and reads dotted initials', () => {
    expect(linker.creditEntity('واس')).toBe('spa');
    expect(linker.creditEntity('أ.ف.ب')).toBe('afp');
    expect(linker.creditEntity('جدة')).toBeUndefined();
  });

  it('reads only places in a dateline', () => {
    expect(linker.datelineMentions('الرياض').map((m) => m.entityId)).toEqual(['riyadh']);
    expect(linker.datelineMentions('جدة، أبها').map((m) => m.entityId)).toEqual(['jeddah', 'abha']);
  });
});

describe('a name inside a longer name of another thing is not a mention', () => {
  it.each([
    ['ودرس في مدرسة علي بن أبي طالب الابتدائية', []],
    ['وقالت سفارة خادم الحرمين الشريفين في واشنطن', ['washington']],
    ['وأعلنت أمانة جدة إغلاق الطريق', ['jeddah-municipality']],
    ['وتخرج في جامعة الملك سعود', ['king-saud-university']],
    ['وعولج في مستشفى الملك فهد بجدة', ['jeddah']],
    ['وتوج بلقب كأس آسيا', []],
    ['خسر ألقاب الدوري وكأس ملك إسبانيا', []],
    ['بعد فوزه ببطولة غرب آسيا', []],
    ['رغم تحقيقه كأس الخليج والعرب وآسيا', []],
    ['أقيمت في ولاية تكساس', ['texas']],
    ['وفي ولاية واشنطن الأمريكية', []],
    ['الذي عمل في حدائق الملك عبدالله', []],
    ['وأقيمت الصلاة بعد صلاة المغرب', []],
  ])('%s', (sentence, expected) => {
    expect(ids(sentence)).toEqual(expected);
  });

  it('keeps a head of the same kind, coordinated names after a longer name, and descriptive plurals', () => {
    expect(ids('فاز نادي الهلال على ضيفه')).toEqual(['al-hilal']);
    expect(ids('وصل إلى مدينة الرياض')).toEqual(['riyadh']);
    expect(ids('وقبل ذلك كانت عاصمة نيوزيلندا مدينة أخرى')).toEqual(['new-zealand']);
    expect(ids('بين جامعة الملك سعود وجدة')).toEqual(['king-saud-university', 'jeddah']);
    expect(ids('وجالت اللجنة على مدارس الرياض')).toEqual(['riyadh']);
    expect(ids('الهجوم الانتحاري على مطار اسطنبول')).toEqual(['istanbul']);
    expect(ids('هبطت الطائرة في مطار الملك فهد')).toEqual([]);
    expect(ids('في عهد الملك فهد')).toEqual(['fahd']);
  });

  it('reads two place names side by side as one name', () => {
    expect(ids('بطولة كوبا أمريكا')).toEqual([]);
    expect(ids('بين كوبا وأمريكا')).toEqual(['cuba', 'united-states']);
  });

  it('reads a continent or country with a point of the compass as another place', () => {
    expect(ids('في جمهورية أفريقيا الوسطى')).toEqual([]);
    expect(ids('دول أمريكا الشمالية')).toEqual([]);
    expect(ids('في أفريقيا والشرق الأوسط')).toEqual(['africa', 'middle-east']);
  });
});

describe('context settles what the name alone cannot', () => {
  it('reads «السعودية» after a definite noun as an adjective, and as the country otherwise', () => {
    expect(ids('زار السعودية الأسبوع الماضي')).toEqual(['saudi-arabia']);
    expect(ids('وعاد إلى السعودية')).toEqual(['saudi-arabia']);
    expect(ids('أكدت السعودية موقفها')).toEqual(['saudi-arabia']);
    expect(ids('في الجامعات السعودية')).toEqual([]);
    expect(ids('وأغلقت للأسهم السعودية الأسبوع')).toEqual([]);
    expect(ids('ارتفعت أسهم والسعودية للتموين')).toEqual([]);
    expect(ids('زار السعودية للمرة الأولى')).toEqual(['saudi-arabia']);
  });

  it('reads the same name with another nationality as another referent', () => {
    expect(ids('وقالت وزارة الداخلية المغربية')).toEqual([]);
    expect(ids('وقالت وزارة الداخلية السعودية')).toEqual(['interior-ministry']);
    expect(ids('وقالت وزارة الداخلية الرامية إلى')).toEqual(['interior-ministry']);
    expect(ids('واستقبل ولي العهد البحريني')).toEqual([]);
  });

  it('reads a surname after another given name as another person, in the whole article', () => {
    const body = 'توج سعود الحقباني بالبطولة. وقال الحقباني إنه سعيد.';
    expect(ids('توج سعود الحقباني بالبطولة.', { body })).toEqual([]);
    expect(ids('وقال الحقباني إنه سعيد.', { body })).toEqual([]);
    expect(ids('وقال الحقباني إن الوزارة ستراجع القرار')).toEqual(['haqbani']);
    expect(ids('أكد مفرج الحقباني أن')).toEqual(['haqbani']);
  });

  it('reads a name after بن as a father’s name in someone else’s', () => {
    expect(ids('قال اللواء عبدالرحمن بن عبدالله المقبل إن')).toEqual([]);
    expect(ids('والتقى عبدالله المقبل وزير النقل')).toEqual(['muqbel']);
    expect(ids('والتقى وزير النقل عبدالله المقبل')).toEqual(['muqbel']);
  });

  it('reads a title followed by another person’s name as that person', () => {
    expect(ids('واستقبل ولي العهد الأمير سلمان بن حمد')).toEqual([]);
    expect(ids('واستقبل ولي العهد الأمير محمد بن نايف')).toEqual(['mbn', 'mbn']);
    expect(ids('واستقبل خادم الحرمين الشريفين الملك سلمان')).toEqual(['salman', 'salman']);
  });

  it('does not read a possessive ه as a place’s ة unless the article names the place otherwise', () => {
    expect(ids('ووصل خليفة لجده الذي رباه')).toEqual([]);
    expect(ids('وصل بجده', { body: 'وصل بجده أمس، وجدة مدينة ساحلية' })).toEqual(['jeddah']);
    expect(ids('في جدة')).toEqual(['jeddah']);
  });

  it('links a short name only where the article settles it', () => {
    const sports = 'فاز الاتحاد على الهلال في المباراة التي أقيمت على الملعب أمام الجماهير واحرز اللاعب هدفا';
    expect(ids('فاز الاتحاد', { body: sports })).toEqual(['al-ittihad']);
    expect(ids('وقع الاتحاد اتفاقية')).toEqual([]);
    expect(ids('وقال الاتحاد', { body: 'قال تنظيم القاعدة ... وقال الاتحاد' })).toEqual([]);
    // «الاتحاد» with a nationality is another club, and so is «الاتحاد» elsewhere in the story.
    expect(ids('لاعب القادسية الكويتي', { body: `${sports} لاعب القادسية الكويتي. وقال القادسية` })).toEqual([]);
    expect(ids('وقال القادسية', { body: `${sports} لاعب القادسية الكويتي. وقال القادسية` })).toEqual([]);
    // A rival whose name begins with the short name leaves it unsettled.
    expect(ids('وقال الاتحاد', { body: `${sports} وأعلن الاتحاد السعودي لكرة القدم` })).toEqual([]);
    expect(ids('وتبنت القاعدة الهجوم', { body: 'أعلن تنظيم القاعدة. وتبنت القاعدة الهجوم' })).toEqual(['al-qaeda']);
    expect(ids('على القاعدة الجوية')).toEqual([]);
  });
});

describe('spellings the matcher reaches', () => {
  it.each([
    ['وبحث الحلف الأطلسي', 'nato'],
    ['تأهل إلى كأس العالم 2018م', 'fifa-world-cup'],
    ['زعيم التنظيم أبي بكر البغدادي', 'baghdadi'],
    ['الدكتور عبد الله بن عبد العزيز الربيعة', 'rabeeah'],
    ['نشر على الفيسبوك', 'facebook'],
  ])('%s', (sentence, id) => {
    expect(ids(sentence)).toEqual([id]);
  });

  it('ignores the words of a web address', () => {
    expect(ids('http://www.alyaum.com/a/السعودية-الرياض')).toEqual([]);
  });
});

describe('the project registry', () => {
  const registry = loadRegistry(new URL('../../content/entities', import.meta.url).pathname);

  it('has one organization for every outlet of the outlet table, found by the outlet’s names', () => {
    const real = new Linker(registry, { outlets: OUTLETS.map((o) => [o.name, ...o.aliases]) });
    const missing = OUTLETS.filter((o) => !real.outletEntity(o.name)).map((o) => o.name);
    expect(missing).toEqual([]);
    const byOutlet = new Map(OUTLETS.map((o) => [o.name, real.outletEntity(o.name)]));
    expect(new Set(byOutlet.values()).size).toBe(OUTLETS.length);
    expect(byOutlet.get('الرياض')).toBe('al-riyadh-newspaper');
    expect(byOutlet.get('المدينة')).toBe('al-madina');
    expect(byOutlet.get('واس')).toBe('saudi-press-agency');
  });
});

describe('nicknames are not mentions', () => {
  // The corpus registry's own entries, nicknames included («العميد», «الأخضر»).
  const clubs = loadRegistry(new URL('../../bench/scale/registry', import.meta.url).pathname).filter((e) =>
    ['al-ittihad-club-jeddah', 'saudi-arabia-national-football-team'].includes(e.id),
  );
  const sports = new Linker(clubs, { outlets: [] });
  const found = (text: string) =>
    sports
      .finder({ title: '', body: text })(text)
      .map((m) => m.entityId);

  it('links the club by its name, never by its nickname', () => {
    expect(clubs.find((e) => e.id === 'al-ittihad-club-jeddah')?.nicknames).toContain('العميد');
    expect(found('وقال المتحدث الأمني العميد منصور التركي إن الجهات المختصة باشرت الحادثة')).toEqual([]);
    expect(found('وحقق العميد فوزا ثمينا على ضيفه في الجولة الأولى')).toEqual([]);
    expect(found('وحقق نادي الاتحاد فوزا ثمينا على ضيفه في الجولة الأولى')).toEqual(['al-ittihad-club-jeddah']);
    expect(found('أعطت الوزارة الضوء الأخضر للمشروع')).toEqual([]);
  });
});
