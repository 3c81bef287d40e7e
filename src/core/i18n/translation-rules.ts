/**
 * The translators' rules that a machine can check (docs/translating.md says why each exists). Pure functions over
 * one message; `translation-rules.test.ts` runs them over every catalogue, and modules with texts outside the
 * catalogues (document templates) run `genderBrackets` over theirs.
 */
import type { Locale } from './locales.js';

/** Whole-word pattern (JavaScript's \b knows only ASCII letters). */
const word = (list: string, flags = 'u') => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, flags);

/** The form of address each language does not use (Polish "Ty", Ukrainian lowercase "ви", German "Sie", Arabic plural). */
const WRONG_ADDRESS: Partial<Record<Locale, { pattern: RegExp; why: string }[]>> = {
  // Capitalised only: lowercase "państwo/państwa" is the state ("państwa obywatelstwa").
  pl: [{ pattern: word('Państwo|Państwa|Państwu|Państwem'), why: '"Państwo" address (Polish uses "Ty")' }],
  // Capitalised inside a sentence (after a letter, comma, colon or dash); at the start of a sentence it is just capitalised.
  uk: [{ pattern: /[\p{L},;:–—-]\s+(?:Ви|Вас|Вам|Вами|Ваш\p{L}*)(?!\p{L})/u, why: 'capitalised "Ви" inside a sentence (Ukrainian uses lowercase "ви")' }],
  de: [{ pattern: word('du|dich|dir|dein|deine|deinen|deinem|deiner|deines', 'iu'), why: '"du" address (German uses "Sie")' }],
  ar: [
    {
      // Second person masculine singular pronouns and the imperatives the catalogues used; Arabic uses the plural.
      // A past-tense verb is spelled like the imperative ("أدخل شخص ما", someone entered): with a subject
      // after it, or "ثم" (then) before it, it is not flagged.
      pattern: /(?<!\p{L})(?<!ثم )(?:أنت|لك|بك|عنك|معك|إليك|عليك|لديك|منك|يمكنك|ويمكنك|أنك|لأنك|نفسك|أدخل|اختر|اكتب|اترك|أضف|انقر|استخدم|زِد|زد|سجّل|راجع|حاول|اطلب|أخبر|سلّم|ابحث|ارفض|افتح|اقبل|اعرض|كوّن|شغّل|جرّب|احفظ|لا تقترح)(?!\p{L})(?!\s+(?:شخص|أحد|\{))/u,
      why: 'masculine singular address (Arabic uses the 2nd person plural)',
    },
    {
      // A noun with the singular "your" suffix (طلبك, حسابك): any word ending in ك except the ones where ك is part of the word.
      pattern: /(?<!\p{L})(?!(?:ذلك|لذلك|بذلك|وذلك|كذلك|هناك|فهناك|وهناك|تلك|بتلك|مشترك|المشترك|مشتركة|يملك|السلوك|والسلوك|سلوك|شكوك|متحرك|ترك|تشك|الاشتراك|اشتراك|بنك|البنك|أك|ملك|المالك|مالك|شبك|الشبك|فلك|سمك|ضحك|محك|درك|إدراك|الإدراك|تحرك|يتحرك|مبارك|معارك|مدارك|مسالك|مهالك|ممالك|شريك|الشريك|تملك|يشترك|تشترك)(?!\p{L}))\p{Script=Arabic}{2,}ك(?!\p{L})/u,
      why: 'singular "your" suffix -ك (Arabic uses -كم)',
    },
  ],
};

/** One word per concept (docs/translating.md, "One term per concept"): the synonyms each language must not use. */
export const FORBIDDEN_TERMS: Partial<Record<Locale, { pattern: RegExp; use: string }[]>> = {
  pl: [
    { pattern: /osob\p{L}* wspieran\p{L}*|wspieran\p{L}* osob\p{L}*/iu, use: 'osoba podopieczna / podopieczny / podopieczna (mentee)' },
    { pattern: /potrzebując\p{L}* wsparcia/iu, use: 'osoba podopieczna (mentee)' },
    { pattern: /podopieczn\p{L}*\s*(?:\/|\(-?\p{L}+\))/iu, use: 'osoba podopieczna when the gender is unknown (no slash or bracket forms)' },
    { pattern: /sprawdzeni\p{L}* w zakresie ochrony małoletnich/iu, use: 'weryfikacja niekaralności (safeguarding check)' },
  ],
  uk: [
    { pattern: /тривожн\p{L}* повідомлен/iu, use: 'повідомлення про занепокоєння (concern)' },
    { pattern: /підопічн\p{L}*\s*(?:\/|\(-?\p{L}+\))/iu, use: 'підопічна особа when the gender is unknown' },
    { pattern: /перевірк\p{L}* щодо захисту дітей/iu, use: 'перевірка несудимості (safeguarding check)' },
  ],
  ar: [
    // The check applies to work with vulnerable adults too: "of minors" in its name misstates it.
    { pattern: /فحص حماية القاصرين|لحماية القاصرين/u, use: 'فحص الحماية (safeguarding check)' },
  ],
  de: [
    { pattern: /Kinderschutzprüfung/iu, use: 'Führungszeugnis / Einsicht ins Führungszeugnis (safeguarding check)' },
    { pattern: /Kinder- und Schutzfall|Schutzfall/iu, use: 'Gefährdung (concern severity)' },
    { pattern: /Patenschaft/iu, use: 'Tandem (match)' },
    { pattern: /Vermittlung/iu, use: 'Tandem or Tandembildung (match, matching)' },
    { pattern: /zuordnung/iu, use: 'Tandembildung (matching) or Sammelvorschlag (batch matching)' },
    // Case-sensitive: the noun "Paar"; "ein paar Sätze" (a few) is lowercase.
    { pattern: /(?<!\p{L})Paar(?:e|en|es)?(?!\p{L})/u, use: 'Tandem (a match) or Vorschlag (a proposed match)' },
  ],
};

/** Gender written with brackets or slashes ("wykonywał(a)", "волонтер/ка") on a verb or adjective, in any message. */
const VERB_BRACKETS: Partial<Record<Locale, RegExp>> = {
  pl: /\p{L}\((?:a|y|ła|-a|-ła|-aś|-nna|-na|-e)\)|\p{L}(?:y|i)\/(?:\p{L}*a|-a)(?!\p{L})|jego\/jej/u,
  uk: /\p{L}\((?:ла|-ла|-лася|а|-а|ла́)\)|\p{L}(?:ий|ій)\/(?:\p{L}*[ая]|-а)(?!\p{L})|його\/її/u,
};

/** Any gender bracket or slash on a lowercase word ("wolontariusz(ka)", "волонтер/ка"): not on documents and mails. */
const ANY_BRACKETS = /\p{Ll}\(-?\p{Ll}{1,6}\)|\p{Ll}\/-?\p{Ll}{1,3}(?!\p{L})/u;

/**
 * Gender forms glued into one word in an interface label: a bracket on a noun ("koordynator(ka)",
 * "wolontariusza(-ki)") or two forms joined by a slash ("wolontariuszem/wolontariuszką", "Sprawdziłem/sprawdziłam").
 * Not in Polish at all. Besides reading badly, such a word is too long for a button or a card on a phone: the button
 * sticks out of the screen or the word breaks in the middle ("koordynator(k" / "a)") whenever the font is wider
 * than the one the page was tried with.
 */
const LABEL_BRACKETS: Partial<Record<Locale, RegExp>> = {
  // A bracket on a lowercase word, or word/word with the same first three letters (not "Europe/Warsaw").
  pl: /\p{Ll}\(-?\p{Ll}{1,6}\)|(?<!\p{L})(\p{L}{3,})\p{L}*\s?\/\s?(?:\1)/iu,
};

/**
 * Gender brackets in a Polish or Ukrainian text. `strict` (documents and mails) refuses every bracket or slash form;
 * otherwise those on verbs and adjectives, and in Polish those on nouns too ("wolontariusz lub wolontariuszka",
 * "osoba koordynująca" instead). Ukrainian labels may keep the glossary's noun forms such as "координатор(ка)".
 * Returns the offending fragment, or undefined.
 */
export function genderBrackets(locale: Locale, text: string, strict: boolean): string | undefined {
  const patterns = [VERB_BRACKETS[locale], LABEL_BRACKETS[locale], strict && (locale === 'pl' || locale === 'uk') ? ANY_BRACKETS : undefined];
  for (const p of patterns) {
    const m = p?.exec(text.replace(/api\/v\d/g, ''));
    if (m) return m[0];
  }
  return undefined;
}

/** Names of parameters that carry a person's or organisation's name. */
const NAME_PARAMS = 'name|mentee|volunteer|organisation|applicant|inviter|by|who|names|coordinator|person';
/** Prepositions that govern a case other than the nominative: a name right after one cannot be declined. */
const CASE_WORDS: Partial<Record<Locale, string>> = {
  pl: 'z|ze|dla|od|do|u|o|przez|przy|w|we|na|po|bez|wobec|dzięki|ku|nad|pod|przed|za|między|pomiędzy',
  uk: 'з|із|зі|для|від|до|у|в|о|про|через|при|на|по|без|над|під|перед|за|між',
};

/**
 * A name parameter right after a word that governs a case ("z {mentee}", "dla {volunteerName}") in Polish or
 * Ukrainian, or undefined. `names` lists the parameters that carry names (default: the catalogues' ones).
 */
export function nameAfterCaseWord(locale: Locale, text: string, names = NAME_PARAMS): string | undefined {
  const words = CASE_WORDS[locale];
  if (!words) return undefined;
  return new RegExp(`(?<!\\p{L})(?:${words})\\s+\\{(?:${names})\\}`, 'iu').exec(text)?.[0];
}

/** Number parameters that a noun after them must agree with. */
const NUMBER_PARAMS = 'count|n|min|max|years|days|minutes|hours|months';
const NUMBER_THEN_WORD = new RegExp(`\\{(?:${NUMBER_PARAMS})(?:,\\s*number)?\\}\\s*(\\p{L}[\\p{L}.]*)`, 'gu');
/** Words that may follow a bare number: conjunctions, prepositions, adverbs and unit abbreviations that do not inflect. */
const AFTER_NUMBER_OK: Partial<Record<Locale, ReadonlySet<string>>> = {
  pl: new Set(['i', 'z', 'do', 'od', 'są', 'wzwyż', 'lub', 'albo', 'oraz', 'temu', 'godz.', 'km', 'min', 'min.', 'r.', 'zł']),
  uk: new Set(['і', 'й', 'та', 'з', 'до', 'від', 'показано', 'або', 'тому', 'год', 'год.', 'км', 'хв', 'хв.', 'через', 'р.']),
  // Hours arrive formatted ("1,5"), not as a number a plural could select on: each language writes its unit after them
  // in the form a decimal takes (godz., год, Std., ساعة).
  ar: new Set(['و', 'من', 'إلى', 'أو', 'كم', 'بسبب', 'لأن', 'في', 'على', 'ساعة']),
};

/** 12-hour clock markers after a time (Arabic times are written in the 24-hour form). */
const TWELVE_HOUR = /\d{1,2}[:.]\d{2}\s*(?:AM|PM|a\.m\.|p\.m\.|ص|م|صباحًا|صباحا|مساءً|مساء|ظهرًا)(?!\p{L})|hh:mm\s*a|\bh:mm\s*a/iu;

/** Every problem with one message under the rules above ("why: fragment"), for a catalogue test to collect. */
export function ruleProblems(locale: Locale, key: string, message: string): string[] {
  const problems: string[] = [];
  for (const { pattern, why } of WRONG_ADDRESS[locale] ?? []) {
    const m = pattern.exec(message);
    if (m) problems.push(`${why}: "${m[0]}"`);
  }
  for (const { pattern, use } of FORBIDDEN_TERMS[locale] ?? []) {
    const m = pattern.exec(message);
    if (m) problems.push(`"${m[0]}": use ${use}`);
  }
  const strict = /(?:^|\.)mail\./.test(key);
  const bracket = genderBrackets(locale, message, strict);
  if (bracket) problems.push(`gender bracket "${bracket}"${strict ? ' in a mail' : ''}: use a gender select or neutral wording`);
  const c = nameAfterCaseWord(locale, message);
  if (c) problems.push(`a name after a word that governs a case: "${c}" (rephrase so any name fits, e.g. "z osobą: {name}")`);
  if (locale === 'pl') {
    // "{organisation} umówiła", "{organisation} jest wdzięczna": the verb takes the grammatical gender of a name it cannot
    // know ("Fundacja …" is feminine, "Stowarzyszenie …" neuter, "Ośrodek …" masculine). Write "Organizacja {organisation} …".
    const g = /(?<!organizacj\p{L}* )\{organisation\}\s+(?:jest\s+|był\p{L}*\s+)?\p{L}*(?:ła|ło|ł|na|ny|ne)(?!\p{L})/iu.exec(message);
    if (g) problems.push(`a verb or adjective that agrees with the organisation's name: "${g[0]}" (write "Organizacja {organisation} …")`);
  }
  const ok = AFTER_NUMBER_OK[locale];
  if (ok) {
    for (const m of message.matchAll(NUMBER_THEN_WORD)) {
      if (!ok.has(m[1]!.toLowerCase()) && !ok.has(m[1]!.toLowerCase().replace(/\.$/, ''))) problems.push(`a number followed by "${m[1]}" without a plural block: "${m[0]}"`);
    }
  }
  if (locale === 'ar') {
    // A URL, an e-mail address or a phone number written in an Arabic message needs its own isolate, as parameter
    // values get theirs from the translator (isolateLtr), or the bidi algorithm reorders its parts.
    const outside = message.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, ' ');
    const run = /https?:\/\/\S*|[\w.+-]+@[\w-]+\.[\w.-]+|\+\d[\d ]{5,}/u.exec(outside);
    if (run) problems.push(`a left-to-right run "${run[0]}" outside U+2068 … U+2069`);
    const t = TWELVE_HOUR.exec(message);
    if (t) problems.push(`a 12-hour time "${t[0]}" (Arabic uses 24-hour times)`);
  }
  return problems;
}
