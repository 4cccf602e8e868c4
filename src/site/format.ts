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

/** The same day in the Hijri (Umm al-Qura) calendar: "26 رمضان 1437 هـ". */
export function formatHijri(date: Date): string {
  return hijri.format(date);
}

/** Machine-readable date for `<time datetime>`: "2016-07-01". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
