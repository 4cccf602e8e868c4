/**
 * The site's font faces and the character ranges each subset keeps. One source for the subsetting
 * script (scripts/subset-fonts.ts) and the @font-face rules' unicode-range (src/styles/fonts.css,
 * checked against this file by tests/site-check/fonts.test.ts).
 */
export const FONT_FACES = [
  { family: 'Noto Naskh Arabic', package: 'noto-naskh-arabic', weight: 400 },
  { family: 'Noto Naskh Arabic', package: 'noto-naskh-arabic', weight: 700 },
  { family: 'Noto Sans Arabic', package: 'noto-sans-arabic', weight: 400 },
  { family: 'Noto Sans Arabic', package: 'noto-sans-arabic', weight: 600 },
] as const;

export const FONT_SUBSETS = {
  /** Arabic letters, harakat, tatweel, Arabic-Indic digits and punctuation, and the Persian
   *  letters Arabic news uses for foreign names (پ چ ژ ڤ ک گ ی); joiners and direction marks. */
  arabic: {
    ranges: [
      [0x0600, 0x065f],
      [0x0660, 0x0671],
      [0x067e, 0x067e],
      [0x0686, 0x0686],
      [0x0698, 0x0698],
      [0x06a4, 0x06a4],
      [0x06a9, 0x06a9],
      [0x06af, 0x06af],
      [0x06cc, 0x06cc],
      [0x06d4, 0x06d4],
      [0x200c, 0x200f],
    ],
  },
  /** Basic Latin, Latin-1 punctuation and letters (« » included), dashes, quotes, ellipsis. */
  latin: {
    ranges: [
      [0x0020, 0x007e],
      [0x00a0, 0x00ff],
      [0x2013, 0x2014],
      [0x2018, 0x201e],
      [0x2026, 0x2026],
      [0x2032, 0x2033],
    ],
  },
} as const;

/** CSS unicode-range of a subset: "U+600-65F, U+660-671, …". */
export function unicodeRange(subset: keyof typeof FONT_SUBSETS): string {
  return FONT_SUBSETS[subset].ranges
    .map(([a, b]) => (a === b ? `U+${a.toString(16).toUpperCase()}` : `U+${a.toString(16).toUpperCase()}-${b.toString(16).toUpperCase()}`))
    .join(', ');
}
