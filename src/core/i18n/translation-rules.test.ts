/**
 * The translators' guide (docs/translating.md), checked over every catalogue: one form of address per language,
 * one term per concept, no gender brackets on verbs (none at all in mails, none in Polish), names never after a word that governs
 * a case, numbers through plural rules, Arabic times in 24 hours and left-to-right values isolated in Arabic.
 *   node --import tsx --test src/core/i18n/translation-rules.test.ts
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalogues, translator } from './catalogue.js';
import { formatDateTime } from './format.js';
import { LOCALES } from './locales.js';
import { genderBrackets, ruleProblems } from './translation-rules.js';

const catalogues = loadCatalogues();

describe('translation rules', () => {
  for (const locale of LOCALES) {
    test(`${locale}: every message follows the translators' guide`, () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(catalogues[locale])) {
        for (const p of ruleProblems(locale, key, message)) problems.push(`${locale} ${key}: ${p}`);
      }
      assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
    });
  }

  test('the rules catch what they are meant to catch', () => {
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Dziękujemy Państwu.'), []);
    assert.deepEqual(ruleProblems('pl', 'x', 'Informacja z rejestru karnego państwa obywatelstwa'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', '{name} wykonywał(a) świadczenia.'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Koordynator(ka)'), [], 'no gender bracket on a Polish noun, in a label either');
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Wróć do danych wolontariusza(-ki)'), []);
    assert.deepEqual(ruleProblems('pl', 'x', 'Koordynator lub koordynatorka'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Zapisz rozmowę z wolontariuszem/wolontariuszką'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Wolontariusz / wolontariuszka'), []);
    assert.deepEqual(ruleProblems('pl', 'x', 'Czas według strefy Europe/Warsaw.'), []);
    assert.deepEqual(ruleProblems('pl', 'x', 'Ustawa o wolontariacie (Dz.U. 2003 nr 96)'), []);
    assert.deepEqual(ruleProblems('uk', 'x', 'Координатор(ка)'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Gdy jest nieobecny/nieobecna, opiekuje się jego/jej parami.'), []);
    assert.notDeepEqual(ruleProblems('uk', 'x', 'Коли координатор відсутній/відсутня'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x.mail.body', 'Koordynator(ka) odpowie.'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Twoja para z {mentee} została zakończona.'), []);
    assert.deepEqual(ruleProblems('pl', 'x', 'Twoja para z osobą: {mentee} została zakończona.'), []);
    assert.notDeepEqual(ruleProblems('pl', 'x', 'Najwyżej {max} znaków.'), []);
    assert.deepEqual(ruleProblems('pl', 'x', 'od {min} do {max, plural, one {# roku} few {# lat} many {# lat} other {# roku}}'), []);
    assert.notDeepEqual(ruleProblems('uk', 'x', 'Дякуємо, що Ви з нами.'), []);
    assert.deepEqual(ruleProblems('uk', 'x', 'Ви можете змінити це.'), []);
    assert.notDeepEqual(ruleProblems('uk', 'x', '{name} здійснював(ла) діяльність'), []);
    assert.notDeepEqual(ruleProblems('de', 'x', 'Kinderschutzprüfung erfassen'), []);
    assert.notDeepEqual(ruleProblems('de', 'x', 'Vorgeschlagene Paare'), []);
    assert.deepEqual(ruleProblems('de', 'x', 'Ein paar Sätze genügen.'), []);
    assert.notDeepEqual(ruleProblems('de', 'x', 'Kannst du das?'), []);
    assert.notDeepEqual(ruleProblems('ar', 'x', 'يمكنك تغيير ذلك.'), []);
    assert.notDeepEqual(ruleProblems('ar', 'x', 'تم استلام طلبك.'), []);
    assert.deepEqual(ruleProblems('ar', 'x', 'تم استلام طلبكم، وذلك هناك.'), []);
    assert.notDeepEqual(ruleProblems('ar', 'x', 'اللقاء في 4:30 م'), []);
    assert.deepEqual(ruleProblems('ar', 'x', 'اللقاء في 16:30'), []);
    assert.notDeepEqual(ruleProblems('ar', 'x', 'رابط يبدأ بـ https://'), []);
    assert.deepEqual(ruleProblems('ar', 'x', 'رابط يبدأ بـ \u2068https://\u2069'), []);
  });

  test('document-style strictness: any gender bracket or slash, in Polish and Ukrainian', () => {
    assert.equal(genderBrackets('pl', 'jako wolontariusz(ka)', true), 'z(ka)');
    assert.equal(genderBrackets('uk', 'як волонтер(ка)', false), undefined);
    assert.equal(genderBrackets('uk', 'волонтер/ка', true), 'р/ка');
    assert.equal(genderBrackets('pl', 'Ustawa (Dz.U. 2003)', true), undefined);
  });
});

describe('Arabic: left-to-right runs and times', () => {
  const ar = translator('ar');
  test('a phone number, a code or a time range passed to an Arabic message is isolated; a plain number is not', () => {
    const isolated = (value: string) => ar('matching.suggestions.menteeTitle', { name: value }).includes(`\u2068${value}\u2069`);
    assert.equal(isolated('+48 600 100 200'), true);
    assert.equal(isolated('(22) 123-45-67'), true);
    assert.equal(isolated('123-456'), true);
    assert.equal(isolated('08:00–20:00'), true);
    assert.equal(isolated('https://example.org/o/x'), true);
    assert.equal(isolated('kasia@example.org'), true);
    assert.equal(isolated('12'), false);
    assert.equal(isolated('1.5'), false);
    assert.equal(isolated('أحمد'), false);
    assert.equal(translator('pl')('matching.suggestions.menteeTitle', { name: '+48 600 100 200' }).includes('\u2068'), false);
  });

  test('date and time in Arabic use the 24-hour clock', () => {
    const text = formatDateTime(new Date(Date.UTC(2026, 2, 5, 15, 30)), 'ar', 'Europe/Warsaw');
    assert.match(text, /16:30/);
    assert.doesNotMatch(text, /(?<!\p{L})(?:ص|م)(?!\p{L})/u);
    for (const locale of LOCALES) assert.match(formatDateTime(new Date(Date.UTC(2026, 2, 5, 15, 30)), locale, 'Europe/Warsaw'), /16:30/, locale);
  });
});
