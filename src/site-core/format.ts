const gregorian = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' });
const hijri = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A publication date for readers, in Arabic (Gregorian): "1 يوليو 2016". */
export function formatDate(date: Date): string {
  return gregorian.format(date);
}

const gregorianMonth = new Intl.DateTimeFormat('ar', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A month for readers: "أغسطس 2015" (`month`: YYYY-MM). */
export function formatMonth(month: string): string {
  return gregorianMonth.format(new Date(`${month}-01T00:00:00Z`));
}

/** A day for readers from its YYYY-MM-DD form. */
export function formatDay(day: string): string {
  return gregorian.format(new Date(`${day}T00:00:00Z`));
}

/** The same day in the Hijri (Umm al-Qura) calendar: "26 رمضان 1437 هـ". */
export function formatHijri(date: Date): string {
  return hijri.format(date);
}

/** Machine-readable date for `<time datetime>`: "2016-07-01". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A text cut to at most `max` characters at a word boundary, with «…» when it was cut (and no
 * comma or full stop left before it): for the `<title>` and social cards, where a headline of
 * thousands of characters must not go whole, and an entity preview's one line.
 */
export function clipText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[،,؛;:.\s]+$/u, '')}…`;
}

/** Names joined as Arabic writes a list: «روسيا وتركيا وسوريا», «روسيا أو تركيا». */
export function joinNames(names: readonly string[], conjunction: 'و' | 'أو' = 'و'): string {
  return names.map((n, i) => (i === 0 ? n : conjunction === 'و' ? ` و${n}` : ` أو ${n}`)).join('');
}
