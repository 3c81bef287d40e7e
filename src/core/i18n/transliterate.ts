/**
 * Names across scripts: a Latin transliteration of Cyrillic and Arabic names, for display next to the original
 * ("Коваленко Олена (Kovalenko Olena)") and for search and duplicate detection ("Kowalenko" finds "Коваленко").
 *
 * Hand-written on purpose (no library): the tables are short and the rules are ours to test.
 * - Cyrillic: the Ukrainian national standard of 2010 (Cabinet of Ministers resolution no. 55), with the Russian
 *   and Belarusian letters it lacks (ё, ы, э, ъ, ў). Ukrainian wins where the languages differ (и → y, г → h),
 *   because the text does not say its language; search compares skeletons, which hide those differences.
 * - Arabic (and the Persian letters peculiar to names: پ چ ژ گ ک ی): a simple consonantal scheme. Short vowels are
 *   not written in Arabic, so "محمد" becomes "Mhmd"; و and ي are read as consonants (w, y) at the start of a word and
 *   as long vowels (u, i) elsewhere; ع is dropped except at the start of a word ("علي" → "Ali").
 * - Latin: diacritics folded ("Łukasz" → "Lukasz"). Anything else that is not ASCII is dropped.
 *
 * Search does not compare transliterations directly (Arabic has no single standard romanisation, and Polish writes
 * "Kowalenko" for "Kovalenko"): it compares **skeletons** (see {@link nameSkeleton}).
 */

const UK_START: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', ё: 'yo' };
const UK_INSIDE: Record<string, string> = { є: 'ie', ї: 'i', й: 'i', ю: 'iu', я: 'ia', ё: 'io' };
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ь: '', ъ: '', ы: 'y', э: 'e', ў: 'u',
};
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ؤ: 'u', ئ: 'i', ب: 'b', ت: 't', ة: 'a', ث: 'th', ج: 'j', ح: 'h',
  خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh',
  ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'u', ي: 'i', ى: 'a', پ: 'p', چ: 'ch', ژ: 'zh',
  گ: 'g', ک: 'k', ی: 'i',
};
const ARABIC_START: Record<string, string> = { و: 'w', ي: 'y', ی: 'y', ع: 'a' };
/** Harakat, shadda, sukun, superscript alef and tatweel: not letters of a name. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/gu;
const LATIN_EXTRA: Record<string, string> = { ł: 'l', Ł: 'L', ß: 'ss', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'Th', ı: 'i' };

const isCyrillic = (c: string) => /\p{Script=Cyrillic}/u.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}'’ʼ]/u.test(c);

/** True when the text holds Cyrillic or Arabic letters, i.e. when a transliteration is worth showing. */
export function isNonLatinName(text: string): boolean {
  return /[\p{Script=Cyrillic}\p{Script=Arabic}]/u.test(text);
}

/** The script a name is written in, for `lang`/`dir` on its original form (null for Latin and anything else). */
export function nameScript(text: string): { lang: string; dir: 'ltr' | 'rtl' } | null {
  if (/\p{Script=Arabic}/u.test(text)) return { lang: 'ar', dir: 'rtl' };
  if (/\p{Script=Cyrillic}/u.test(text)) return { lang: /[ґєії]/iu.test(text) ? 'uk' : /[ёыэъ]/iu.test(text) ? 'ru' : /ў/iu.test(text) ? 'be' : 'uk', dir: 'ltr' };
  return null;
}

function cyrillicLetter(lower: string, chars: string[], i: number): string {
  const prev = chars[i - 1];
  const atStart = !isLetter(prev);
  if (lower in UK_START) return atStart ? UK_START[lower]! : UK_INSIDE[lower]!;
  // The standard writes "зг" as "zgh", so it is not read as "ж".
  if (lower === 'г' && prev !== undefined && prev.toLowerCase() === 'з') return 'gh';
  return CYRILLIC[lower] ?? '';
}

function caseLike(out: string, original: string, next: string | undefined): string {
  if (out === '' || original === original.toLowerCase()) return out;
  const nextUpper = next !== undefined && isCyrillic(next) && next !== next.toLowerCase();
  return nextUpper ? out.toUpperCase() : out[0]!.toUpperCase() + out.slice(1);
}

/**
 * The Latin (ASCII) form of a text: Cyrillic and Arabic transliterated, Latin diacritics folded, other non-ASCII
 * characters dropped; spaces and punctuation that are ASCII stay. ASCII input comes back unchanged, so the function is
 * idempotent. Case follows the original for Cyrillic ("ЩУР" → "SHCHUR", "Щур" → "Shchur"); an Arabic word starts with
 * a capital. Apostrophes inside Cyrillic words (the Ukrainian ʼ) are dropped, as the standard says.
 *
 * @example transliterate('Олена Коваленко') === 'Olena Kovalenko'
 * @example transliterate('محمد علي') === 'Mhmd Ali'
 */
export function transliterate(text: string): string {
  const chars = [...text.normalize('NFC').replace(ARABIC_MARKS, '')];
  let out = '';
  // An Arabic word starts with a capital (Arabic has no case); a dropped letter passes the capital on.
  let capitalNext = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.charCodeAt(0) < 128) {
      // An ASCII apostrophe between two Cyrillic letters is the Ukrainian apostrophe: not written in Latin.
      if (c === "'" && chars[i - 1] && isCyrillic(chars[i - 1]!) && chars[i + 1] && isCyrillic(chars[i + 1]!)) continue;
      out += c;
      continue;
    }
    if (isCyrillic(c)) {
      out += caseLike(cyrillicLetter(c.toLowerCase(), chars, i), c, chars[i + 1] ?? chars[i - 1]);
      continue;
    }
    if (c in ARABIC) {
      const atStart = !(chars[i - 1] !== undefined && chars[i - 1]! in ARABIC);
      if (atStart) capitalNext = true;
      const latin = (atStart && ARABIC_START[c]) || ARABIC[c]!;
      if (latin === '') continue;
      out += capitalNext ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
      capitalNext = false;
      continue;
    }
    if (c === '’' || c === 'ʼ') continue;
    if (c in LATIN_EXTRA) {
      out += LATIN_EXTRA[c];
      continue;
    }
    out += c.normalize('NFD').replace(/[^\x00-\x7F]/g, '');
  }
  return out;
}

/**
 * The skeleton of one word, for matching a name across scripts and spellings: transliterated, lower case, spellings
 * of one sound made one (Polish sz/cz/rz/w, German sch/tsch, ph, ck, x, q, kh → h (Russian х for Arabic ح), j → y, h → g so
 * that Ukrainian "h" meets Russian "g"), vowels (a e i o u y) dropped and doubled letters made single. "Kowalenko", "Kovalenko" and
 * "Коваленко" are all "kvlnk"; "Mohammed", "Muhammad" and "محمد" are all "mgmd".
 *
 * Different names may share a skeleton ("Mahmoud" is "mgmd" too): a skeleton finds candidates, it does not prove
 * identity; duplicate detection therefore also asks for the same birth date or phone number.
 */
export function nameSkeleton(word: string): string {
  let letters = transliterate(word).toLowerCase().replace(/[^a-z]/g, '');
  for (const [spelling, sound] of SAME_SOUNDS) letters = letters.replaceAll(spelling, sound);
  return letters.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

/** The spellings nameSkeleton makes one, replaced in this order (tsch before sch, kh → h before h → g). */
const SAME_SOUNDS = Object.entries({ tsch: 'ch', sch: 'sh', sz: 'sh', cz: 'ch', rz: 'zh', ph: 'f', ck: 'k', kh: 'h', x: 'ks', q: 'k', w: 'v', j: 'y', h: 'g' });

/** The words of a name, split on spaces and hyphens ("Anna-Maria Nowak" → three words). */
export function nameWords(text: string): string[] {
  return text.split(/[\s\-‐–]+/u).filter(Boolean);
}
