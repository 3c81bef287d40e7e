/**
 * Folds text for search: lower case, diacritics removed (NFD + combining marks), and the letters NFD does
 * not decompose mapped by hand (ł, ß, ø, đ). "Łukasz Żółć" → "lukasz zolc".
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}
