const gregorian = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' });

/** A publication date for readers, in Arabic: "١ يوليو ٢٠١٦". */
export function formatDate(date: Date): string {
  return gregorian.format(date);
}

/** Machine-readable date for `<time datetime>`: "2016-07-01". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
