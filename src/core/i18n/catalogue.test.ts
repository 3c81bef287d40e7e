/**
 * Completeness and correctness of the message catalogues (every `locales/<lang>.json` under src/).
 * English is the source; every other language must have exactly its keys, valid ICU MessageFormat with the same
 * arguments, the plural categories its language needs, and text that is really translated and in the right script.
 *   node --import tsx --test src/core/i18n/catalogue.test.ts
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
// intl-messageformat's own parser (its dependency): the same parse the runtime does, with the same options.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { loadCatalogues, translator, type Catalogue } from './catalogue.js';
import { INTL_TAG, LOCALES, type Locale } from './locales.js';

const catalogues = loadCatalogues();
const en = catalogues.en;
const TARGETS = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');

/**
 * Values that may legitimately be the same as the English one (compared ignoring case and surrounding spaces).
 * Keep this short: each entry is a word that is spelled identically in that language, not a missing translation.
 */
const SAME_AS_ENGLISH: Partial<Record<Locale, readonly string[]>> = {
  de: [
    'field.name', // "Name" is the German word for a person's name (people list column)
    'home.organisation', // "Organisation" is German too
    'tokens.organisation', // "Organisation"
    'network.organisation', // "Organisation"
    'admin.programmes.status', // "Status" is the usual German column heading
    'admin.outbox.status', // "Status"
    'admin.audit.system', // "System" (the actor of automatic audit entries)
    'volunteers.pipeline.sort.name', // "Name" is the German word (sort option, like field.name)
    'volunteers.application.slotOfDay', // "{day}, {slot}": only placeholders and a comma, as German writes it ("Montag, Vormittag")
    'volunteers.pipeline.languageLevel', // "{language} ({level})": only placeholders and brackets, no words to translate
    'matching.settings.venues.dayRange', // "{first}–{last}": two weekday names and a dash, nothing to translate
    'matching.settings.venues.hoursLine', // "{weekdays}: {times}": only placeholders and a colon
    'matching.batch.figures.ms', // "ms" is the SI symbol in German too (a word breaks badly in the narrow figure card)
  ],
  pl: [
    'admin.audit.system', // "System" is the Polish word as well
    'matching.batch.figures.ms', // "ms" is the SI symbol in Polish too (a word breaks badly in the narrow figure card)
    'volunteers.pipeline.languageLevel', // "{language} ({level})": only placeholders and brackets, no words to translate
    'matching.settings.venues.dayRange', // "{first}–{last}": two weekday names and a dash, nothing to translate
    'matching.settings.venues.hoursLine', // "{weekdays}: {times}": only placeholders and a colon
  ],
  uk: [
    'volunteers.pipeline.languageLevel', // "{language} ({level})": only placeholders and brackets, no words to translate
    'matching.settings.venues.dayRange', // "{first}–{last}": two weekday names and a dash, nothing to translate
    'matching.settings.venues.hoursLine', // "{weekdays}: {times}": only placeholders and a colon
  ],
  ar: [
    'volunteers.pipeline.languageLevel', // "{language} ({level})": only placeholders and brackets, no words to translate
    'matching.settings.venues.dayRange', // "{first}–{last}": two weekday names and a dash, nothing to translate
    'matching.settings.venues.hoursLine', // "{weekdays}: {times}": only placeholders and a colon
  ],
};

/** Product and protocol names and technical codes that stay in Latin letters in every language. */
const UNTRANSLATED = /Google Authenticator|FreeOTP|OpenAPI|Aegis|Tandem|Authorization|Bearer|Europe\/Warsaw|JSON|TOTP|SMTP|API|QR|[\w.+-]+@[\w.-]+/g;

function parseMessage(message: string): MessageFormatElement[] {
  return parse(message, { ignoreTag: true, requiresOtherClause: true });
}

function walk(elements: MessageFormatElement[], visit: (e: MessageFormatElement) => void): void {
  for (const e of elements) {
    visit(e);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) walk(option.value, visit);
    } else if (e.type === TYPE.tag) {
      walk(e.children, visit);
    }
  }
}

function argumentNames(elements: MessageFormatElement[]): string[] {
  const names = new Set<string>();
  walk(elements, (e) => {
    if (e.type !== TYPE.literal && e.type !== TYPE.pound && e.type !== TYPE.tag) names.add(e.value);
  });
  return [...names].sort();
}

/** The literal text of a message (all branches), without arguments and `#`. */
function literalText(elements: MessageFormatElement[]): string {
  const parts: string[] = [];
  walk(elements, (e) => {
    if (e.type === TYPE.literal) parts.push(e.value);
    else parts.push(' ');
  });
  return parts.join('');
}

function letters(text: string): string {
  return (text.match(/\p{L}/gu) ?? []).join('');
}

/** Sample values for every argument, so that each message can be formatted. */
function sampleValues(elements: MessageFormatElement[], text = 'X'): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  walk(elements, (e) => {
    if (e.type === TYPE.plural || e.type === TYPE.number) values[e.value] = 3;
    else if (e.type === TYPE.date || e.type === TYPE.time) values[e.value] = Date.UTC(2025, 0, 15);
    else if (e.type === TYPE.argument && !(e.value in values)) values[e.value] = text;
  });
  return values;
}

function forEachMessage(fn: (locale: Locale, key: string, message: string) => void): void {
  for (const locale of LOCALES) for (const [key, message] of Object.entries(catalogues[locale])) fn(locale, key, message);
}

/** Runs every check over all messages and reports all failures at once. */
function expectNoProblems(problems: string[]): void {
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
}

describe('message catalogues', () => {
  test('English has messages', () => {
    assert.ok(Object.keys(en).length > 50, 'en catalogue looks empty');
  });

  for (const locale of TARGETS) {
    test(`${locale} has exactly the keys of en`, () => {
      const catalogue: Catalogue = catalogues[locale];
      const missing = Object.keys(en).filter((k) => !(k in catalogue));
      const extra = Object.keys(catalogue).filter((k) => !(k in en));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });
  }

  test('every message is valid ICU MessageFormat and compiles', () => {
    const problems: string[] = [];
    forEachMessage((locale, key, message) => {
      try {
        const elements = parseMessage(message);
        const format = new IntlMessageFormat(message, INTL_TAG[locale], undefined, { ignoreTag: true });
        format.format(sampleValues(elements));
      } catch (error) {
        problems.push(`${locale} ${key}: ${(error as Error).message}`);
      }
    });
    expectNoProblems(problems);
  });

  test('every translation uses the same argument names as English', () => {
    const problems: string[] = [];
    for (const locale of TARGETS) {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        const source = en[key];
        if (source === undefined) continue;
        try {
          const expected = argumentNames(parseMessage(source));
          const actual = argumentNames(parseMessage(message));
          if (expected.join() !== actual.join()) problems.push(`${locale} ${key}: {${actual.join('}, {')}} instead of {${expected.join('}, {')}}`);
        } catch {
          // reported by the parse test
        }
      }
    }
    expectNoProblems(problems);
  });

  test('plurals use exactly the categories of their language', () => {
    const problems: string[] = [];
    forEachMessage((locale, key, message) => {
      let elements: MessageFormatElement[];
      try {
        elements = parseMessage(message);
      } catch {
        return;
      }
      walk(elements, (e) => {
        if (e.type !== TYPE.plural) return;
        const rules = new Intl.PluralRules(INTL_TAG[locale], { type: e.pluralType });
        const needed = new Set<string>(rules.resolvedOptions().pluralCategories);
        needed.add('other');
        const given = Object.keys(e.options).filter((o) => !/^=\d+$/.test(o));
        const missing = [...needed].filter((c) => !given.includes(c));
        const unknown = given.filter((c) => !needed.has(c));
        if (missing.length) problems.push(`${locale} ${key}: {${e.value}} lacks ${missing.join(', ')}`);
        if (unknown.length) problems.push(`${locale} ${key}: {${e.value}} has ${unknown.join(', ')}, which ${locale} never selects`);
      });
      // An exact `=0` branch in English must stay: it is usually a different sentence ("No people found").
      if (locale !== 'en' && en[key]?.includes('=0 {') && !message.includes('=0 {')) problems.push(`${locale} ${key}: the =0 branch is missing`);
    });
    expectNoProblems(problems);
  });

  test('no translation is left in English (except the explained allow-list)', () => {
    const problems: string[] = [];
    const normalise = (s: string) => s.trim().toLowerCase();
    for (const locale of TARGETS) {
      const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
      for (const [key, message] of Object.entries(catalogues[locale])) {
        const source = en[key];
        if (source === undefined) continue;
        const same = normalise(source) === normalise(message);
        if (same && !allowed.has(key)) problems.push(`${locale} ${key}: "${message}" is the English text`);
        if (!same && allowed.has(key)) problems.push(`${locale} ${key}: in the allow-list but translated; remove it from the list`);
      }
      for (const key of allowed) if (!(key in en)) problems.push(`${locale} ${key}: allow-listed key no longer exists`);
    }
    expectNoProblems(problems);
  });

  test('each language is written in its own script (catches swapped or untranslated files)', () => {
    const CYRILLIC = /\p{Script=Cyrillic}/u;
    const ARABIC = /\p{Script=Arabic}/u;
    const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/;
    const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/;
    const POLISH_ONLY = /[ąćęłńśźżĄĆĘŁŃŚŹŻ]/;
    const GERMAN_ONLY = /[äöüßÄÖÜ]/;
    // Whole words (JavaScript's \b only knows ASCII letters, so "has" would match in "hasło").
    const words = (list: string) => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, 'iu');
    // Letters or very common words that a Polish / German sentence hardly ever lacks.
    const POLISH_TYPICAL = new RegExp(`[ąćęłńóśźż]|rz|cz|sz|${words('i|w|z|na|do|nie|lub|oraz|jest|dla|od|przez|jako|po|się').source}`, 'iu');
    const GERMAN_TYPICAL = new RegExp(`[äöüß]|sch|${words('der|die|das|den|dem|des|und|oder|sie|ihr|ihre|ihrer|ihren|nicht|ist|ein|eine|mit|für|von|zu|wird|wurde|kein|keine|es|zum|zur|im|bei|auf|aus|noch').source}`, 'iu');
    const ENGLISH_WORDS = words('the|and|your|you|has|been|with|this|from|please|cannot|not');
    const problems: string[] = [];
    for (const locale of TARGETS) {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        let text: string;
        let rendered: string;
        try {
          const elements = parseMessage(message);
          text = literalText(elements); // all branches: for the letter checks
          // one rendering (arguments left blank, plurals at 3): for the checks on whole sentences
          rendered = String(new IntlMessageFormat(message, INTL_TAG[locale], undefined, { ignoreTag: true }).format(sampleValues(elements, ' ')));
        } catch {
          continue;
        }
        const own = text.replace(UNTRANSLATED, ' ');
        const count = letters(own).length;
        // "Long enough to be a sentence": 12+ letters for the script checks; 4+ words and 15+ letters for the word checks.
        const phrase = rendered.replace(UNTRANSLATED, ' ');
        const sentence = letters(phrase).length >= 15 && phrase.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 4;
        const fail = (why: string) => problems.push(`${locale} ${key}: ${why}: "${message}"`);
        if (locale === 'uk') {
          if (count >= 12 && !CYRILLIC.test(own)) fail('no Cyrillic letters');
          if (RUSSIAN_ONLY.test(text)) fail('letters of the Russian alphabet (ы э ъ ё)');
          if (ARABIC.test(text)) fail('Arabic letters');
          if ((own.match(/\p{Script=Cyrillic}/gu) ?? []).length >= 60 && !UKRAINIAN_ONLY.test(own)) fail('no і/ї/є/ґ in a long Ukrainian text');
        } else if (locale === 'ar') {
          if (count >= 12 && !ARABIC.test(own)) fail('no Arabic letters');
          if (CYRILLIC.test(text)) fail('Cyrillic letters');
        } else {
          if (CYRILLIC.test(text) || ARABIC.test(text)) fail('Cyrillic or Arabic letters');
          if (sentence && ENGLISH_WORDS.test(phrase)) fail('English words');
          if (locale === 'pl') {
            if (GERMAN_ONLY.test(text)) fail('German letters');
            if (sentence && !POLISH_TYPICAL.test(phrase)) fail('does not look Polish');
          } else if (locale === 'de') {
            if (POLISH_ONLY.test(text)) fail('Polish letters');
            if (sentence && !GERMAN_TYPICAL.test(phrase)) fail('does not look German');
          }
        }
      }
    }
    expectNoProblems(problems);
  });
});

describe('plural formatting', () => {
  const format = (locale: Locale, key: string, values: Record<string, string | number>) => {
    const message = catalogues[locale][key];
    assert.ok(message, `${locale} ${key} is missing`);
    return String(new IntlMessageFormat(message, INTL_TAG[locale], undefined, { ignoreTag: true }).format(values));
  };

  test('Polish: 1 minutę, 2 minuty, 5 minut, 12 minut, 22 minuty, 25 minut, 1,5 minuty', () => {
    const expected: [number, string][] = [
      [1, '1 minutę'],
      [2, '2 minuty'],
      [5, '5 minut'],
      [12, '12 minut'],
      [22, '22 minuty'],
      [25, '25 minut'],
      [1.5, '1,5 minuty'],
    ];
    for (const [n, words] of expected) {
      const text = format('pl', 'signIn.throttled', { minutes: n });
      assert.ok(text.endsWith(` ${words}.`), `${n}: ${text}`);
    }
  });

  test('Polish: 1 osobę, 2 osoby, 5 osób, 12 osób, 22 osoby, 25 osób', () => {
    const expected: [number, string][] = [
      [0, 'Nie znaleziono żadnych osób'],
      [1, 'Znaleziono 1 osobę'],
      [2, 'Znaleziono 2 osoby'],
      [5, 'Znaleziono 5 osób'],
      [12, 'Znaleziono 12 osób'],
      [22, 'Znaleziono 22 osoby'],
      [25, 'Znaleziono 25 osób'],
    ];
    for (const [n, text] of expected) assert.equal(format('pl', 'people.found', { count: n, formatted: String(n) }), text);
  });

  test('Ukrainian: 1 хвилину, 2 хвилини, 5 хвилин, 11 хвилин, 21 хвилину, 24 хвилини', () => {
    const expected: [number, string][] = [
      [1, '1 хвилину'],
      [2, '2 хвилини'],
      [5, '5 хвилин'],
      [11, '11 хвилин'],
      [21, '21 хвилину'],
      [24, '24 хвилини'],
    ];
    for (const [n, words] of expected) {
      const text = format('uk', 'signIn.throttled', { minutes: n });
      assert.ok(text.endsWith(` ${words}.`), `${n}: ${text}`);
    }
  });

  test('German: one and other', () => {
    assert.ok(format('de', 'signIn.throttled', { minutes: 1 }).includes(' 1 Minute '));
    assert.ok(format('de', 'signIn.throttled', { minutes: 15 }).includes(' 15 Minuten '));
  });

  test('Arabic: 0, 1, 2, 3, 11 and 100 each pick their own form', () => {
    const numbers = [0, 1, 2, 3, 11, 100];
    const rules = new Intl.PluralRules(INTL_TAG.ar);
    assert.deepEqual(
      numbers.map((n) => rules.select(n)),
      ['zero', 'one', 'two', 'few', 'many', 'other'],
    );
    const texts = numbers.map((n) => format('ar', 'people.found', { count: n, formatted: String(n) }));
    // The words must differ, not only the number in them.
    const words = texts.map((t) => t.replace(/\d+/g, '#'));
    assert.equal(new Set(words).size, numbers.length, words.join(' | '));
    assert.equal(texts[1], 'تم العثور على شخص واحد');
    assert.equal(texts[2], 'تم العثور على شخصين');
    assert.equal(texts[3], 'تم العثور على 3 أشخاص');
    assert.equal(texts[4], 'تم العثور على 11 شخصًا');
    assert.equal(texts[5], 'تم العثور على 100 شخص');
  });

  test('the runtime translator uses the catalogues (no English fallback for translated keys)', () => {
    assert.equal(translator('pl')('people.found', { count: 5, formatted: '5' }), 'Znaleziono 5 osób');
    assert.equal(translator('de')('form.save'), 'Speichern');
    assert.equal(translator('uk')('form.save'), 'Зберегти');
    assert.equal(translator('ar')('form.save'), 'حفظ');
  });
});
