import { isNonLatinName, nameSkeleton, nameWords, transliterate } from './transliterate.js';

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

/**
 * The stored search key of a person (`people.search_text`): the folded name and e-mail as before, then " | ", then
 * for each word of the name written in Cyrillic or Arabic its lower-case transliteration and its skeleton as `~s~`,
 * and for each Latin word its skeleton as `^s^`. Kept in one column so every existing `like` search keeps working.
 *
 * Skeletons are only compared **across scripts** (a Latin query against `~…~`, a Cyrillic or Arabic query against
 * both): within one script the plain folded text is precise, and "Kowalska" must not find "Kowalski".
 *
 * @example nameSearchKey('Олена', 'Коваленко', null) === 'олена коваленко | olena kovalenko ~ln~ ~kvlnk~'
 */
export function nameSearchKey(givenName: string, familyName: string, email: string | null | undefined): string {
  const words = nameWords(`${givenName} ${familyName}`);
  const latin = words.filter(isNonLatinName).map((w) => transliterate(w).toLowerCase()).filter(Boolean);
  const skeletons = words.map((w) => [nameSkeleton(w), isNonLatinName(w) ? '~' : '^'] as const).filter(([s]) => s !== '').map(([s, m]) => `${m}${s}${m}`);
  return [foldForSearch(`${givenName} ${familyName} ${email ?? ''}`), '|', ...latin, ...skeletons].join(' ');
}

/** True when a stored key was written by {@link nameSearchKey} (older rows only hold the folded text). */
export const isCurrentSearchKey = (key: string) => key.includes(' | ') || key.endsWith(' |');

/**
 * The `like` patterns (already escaped) one query word matches through; a row matches the word when its key matches
 * any of them. The folded word always; its transliteration when it is Cyrillic or Arabic; its skeleton against the
 * other script's skeletons — as a prefix when it has three letters or more ("Kowal" finds "Коваленко"), whole when two,
 * not at all when shorter (one consonant would find half the list).
 */
export function searchWordPatterns(word: string): string[] {
  const folded = foldForSearch(word);
  if (!folded) return [];
  const contains = (s: string) => `%${escapeLike(s)}%`;
  const patterns = [contains(folded)];
  const nonLatin = isNonLatinName(word);
  if (nonLatin) {
    const latin = transliterate(word).toLowerCase();
    if (latin) patterns.push(contains(latin));
  }
  const skeleton = nameSkeleton(word);
  const markers = nonLatin ? ['~', '^'] : ['~'];
  for (const m of markers) {
    if (skeleton.length >= 3) patterns.push(contains(`${m}${skeleton}`));
    else if (skeleton.length === 2) patterns.push(contains(`${m}${skeleton}${m}`));
  }
  return patterns;
}

/** Escapes `\`, `%` and `_` for a `like` pattern (PostgreSQL's default escape character is the backslash). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * For duplicate detection: per word of a name with a skeleton, the two `like` patterns that find the same skeleton
 * in a stored key, whatever the script it was written in. A key "is the same name" when it matches one pattern of
 * every group ("Olena Kovalenko" and "Олена Коваленко"; word order does not matter).
 */
export function sameNamePatterns(givenName: string, familyName: string): string[][] {
  return nameWords(`${givenName} ${familyName}`)
    .map(nameSkeleton)
    .filter((s) => s !== '')
    .map((s) => [`%~${escapeLike(s)}~%`, `%^${escapeLike(s)}^%`]);
}
