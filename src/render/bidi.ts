/** A piece of text, marked when it is a left-to-right (Latin-script) run. */
export interface BidiSegment {
  text: string;
  ltr: boolean;
}

/**
 * A Latin-script run: a Latin letter, then letters/digits, optionally joined by spaces or
 * joiners (- . / & ' + _) to further letters/digits: "EPA", "F-16", "S-400", "M4",
 * "EPA/RUSSIAN FOREIGN AFFAIRS MINISTRY".
 */
const LATIN_RUN = /[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F]*(?:[ \-./&'’+_]+[A-Za-z0-9\u00C0-\u024F]+)*/g;

/**
 * Splits text into Latin runs and the rest, so that a renderer can isolate each Latin run
 * (`<bdi>`) inside right-to-left Arabic text and keep it in reading order.
 */
export function splitLatinRuns(text: string): BidiSegment[] {
  const segments: BidiSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    const start = match.index;
    if (start > last) segments.push({ text: text.slice(last, start), ltr: false });
    segments.push({ text: match[0], ltr: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), ltr: false });
  return segments;
}
