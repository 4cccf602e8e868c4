/**
 * Build-time estimates of how wide Arabic labels render, for placing them without a browser.
 *
 * Fitted on the registry's names measured in Chromium with Noto Sans Arabic 400 (the site's
 * sans font): narrow letters (alef, lam, dal, ra, waw…) take about 0.28 em, other letters
 * 0.46 em, and each word adds 0.66 em for its final form and the space. The fit is within 15 %
 * for every name; `SAFETY` covers the rest and the 600 weight.
 */
const NARROW = new Set([...'اأإآٱلدذرزوؤةءى.،-()']);
const SAFETY = 1.12;

/** Approximate rendered width of `text` at `fontSize` px in the site's Arabic sans font. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let narrow = 0;
  let other = 0;
  let words = 0;
  let inWord = false;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      inWord = false;
      continue;
    }
    if (!inWord) words += 1;
    inWord = true;
    if (/[\u064B-\u065F\u0670\u0640]/.test(ch)) continue; // tashkeel and tatweel add (almost) no width
    if (NARROW.has(ch)) narrow += 1;
    else other += 1;
  }
  return (0.277 * narrow + 0.458 * other + 0.664 * words) * fontSize * SAFETY;
}

/**
 * Breaks a name into at most `maxLines` lines no wider than `maxWidth` (greedy, by words).
 * A single word wider than `maxWidth` stays whole; the last line takes whatever is left.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let line = words[0]!;
  for (const word of words.slice(1)) {
    const candidate = `${line} ${word}`;
    if (estimateTextWidth(candidate, fontSize) <= maxWidth || lines.length === maxLines - 1) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return balanceLines(lines, maxWidth, fontSize);
}

/** Moves words between two lines so their widths are close ("مجلس الأمن / الدولي" reads worse than "مجلس / الأمن الدولي"). */
function balanceLines(lines: string[], maxWidth: number, fontSize: number): string[] {
  if (lines.length !== 2) return lines;
  const words = lines.join(' ').split(' ');
  let best = lines;
  let bestWidth = Math.max(...lines.map((l) => estimateTextWidth(l, fontSize)));
  for (let i = 1; i < words.length; i++) {
    const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...pair.map((l) => estimateTextWidth(l, fontSize)));
    if (w < bestWidth - 0.5) {
      best = pair;
      bestWidth = w;
    }
  }
  return bestWidth <= maxWidth || best === lines ? best : lines;
}

/** Width of the widest line. */
export function linesWidth(lines: readonly string[], fontSize: number): number {
  return Math.max(0, ...lines.map((l) => estimateTextWidth(l, fontSize)));
}
