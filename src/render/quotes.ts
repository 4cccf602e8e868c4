/** Straight or English curly double quotes, as scraped Arabic news text writes them. */
const QUOTE = /["“”]/g;

/**
 * Turns paired double quotes in Arabic text into Arabic guillemets: "نص" → «نص». Only when the
 * quotes in the text pair up (an even count); an unpaired quote is left as written rather than
 * guessed. Display only: the article source keeps the editor's characters.
 */
export function arabicQuotes(text: string): string {
  const count = text.match(QUOTE)?.length ?? 0;
  if (count === 0 || count % 2 !== 0) return text;
  let open = true;
  return text.replace(QUOTE, () => {
    const mark = open ? '«' : '»';
    open = !open;
    return mark;
  });
}
