import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareNames, foldForSearch, formatDate, formatList, formatNumber, negotiateLocale, pickAcceptLanguage, translator } from './index.js';

describe('language negotiation', () => {
  it('takes ?lang= first, then the user setting, then the cookie, then Accept-Language, then the organisation', () => {
    const all = { query: 'ar', userSetting: 'de', cookie: 'uk', acceptLanguage: 'en', organisationDefault: 'pl', fallback: 'pl' as const };
    assert.equal(negotiateLocale(all), 'ar');
    assert.equal(negotiateLocale({ ...all, query: undefined }), 'de');
    assert.equal(negotiateLocale({ ...all, query: 'xx', userSetting: null }), 'uk');
    assert.equal(negotiateLocale({ ...all, query: undefined, userSetting: null, cookie: undefined }), 'en');
    assert.equal(negotiateLocale({ ...all, query: undefined, userSetting: null, cookie: undefined, acceptLanguage: 'fr' }), 'pl');
    assert.equal(negotiateLocale({ fallback: 'en', organisationDefault: 'uk' }), 'uk');
  });

  it('a language chosen by link in this session wins over the account’s setting, ?lang= over both', () => {
    const all = { sessionChoice: 'en', userSetting: 'ar', cookie: 'en', fallback: 'pl' as const };
    assert.equal(negotiateLocale(all), 'en');
    assert.equal(negotiateLocale({ ...all, query: 'ar' }), 'ar');
    assert.equal(negotiateLocale({ ...all, sessionChoice: undefined }), 'ar', 'a choice from before this session does not');
    assert.equal(negotiateLocale({ ...all, sessionChoice: 'xx' }), 'ar');
  });

  it('reads Accept-Language by quality and ignores what it does not support', () => {
    assert.equal(pickAcceptLanguage('fr-FR, uk;q=0.8, de;q=0.9'), 'de');
    assert.equal(pickAcceptLanguage('ar-SY,ar;q=0.9,en;q=0.5'), 'ar');
    assert.equal(pickAcceptLanguage('pl;q=0, en;q=0.1'), 'en');
    assert.equal(pickAcceptLanguage('*'), undefined);
    assert.equal(pickAcceptLanguage(';;;q=abc,,,'), undefined);
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(fc.property(fc.string(), (h) => pickAcceptLanguage(h) === undefined || typeof pickAcceptLanguage(h) === 'string'));
  });
});

describe('formatting', () => {
  it('uses Polish plural forms through the catalogue (one / few / many)', () => {
    const t = translator('pl');
    const forms = [1, 2, 5, 12, 22, 25].map((n) => t('people.found', { count: n, formatted: String(n) }).replace(/\d+/g, '#'));
    assert.equal(new Set(forms).size >= 2, true, forms.join(' | '));
    assert.equal(forms[1], forms[4], '2 and 22 share a form');
    assert.equal(forms[2], forms[3], '5 and 12 share a form');
    assert.notEqual(forms[1], forms[2], '2 and 5 differ');
  });

  it('formats dates and numbers by locale', () => {
    assert.equal(formatDate('2026-03-05', 'pl'), '5 marca 2026');
    assert.equal(formatDate('2026-03-05', 'de'), '5. März 2026');
    assert.match(formatDate('2026-03-05', 'uk'), /5 березня 2026/);
    assert.equal(formatNumber(1234567.5, 'pl').replace(/\s/g, ' '), '1 234 567,5');
    assert.equal(formatNumber(1234.5, 'de'), '1.234,5');
  });

  it('sorts names by the locale (Ł after L in Polish)', () => {
    const names = ['Łukasz', 'Lucyna', 'Zofia', 'Ćwik', 'Cezary', 'Mateusz'];
    assert.deepEqual([...names].sort(compareNames('pl')), ['Cezary', 'Ćwik', 'Lucyna', 'Łukasz', 'Mateusz', 'Zofia']);
    assert.deepEqual(['Євген', 'Андрій', 'Ігор', 'Ганна', 'Ґеник'].sort(compareNames('uk')), ['Андрій', 'Ганна', 'Ґеник', 'Євген', 'Ігор']);
  });

  it('folds diacritics and case for search', () => {
    assert.equal(foldForSearch('  Łukasz ŻÓŁĆ  '), 'lukasz zolc');
    assert.equal(foldForSearch('Jürgen Weiß'), 'jurgen weiss');
    assert.equal(foldForSearch('Олена Йосипенко'), 'олена иосипенко');
  });
});

describe('right-to-left text with left-to-right names', () => {
  it('isolates a Latin or Cyrillic value inside an Arabic message, and leaves Arabic values and other languages alone', () => {
    const ar = translator('ar');
    assert.equal(ar('matching.suggestions.menteeTitle', { name: 'Максим Бойко' }), 'متطوعون لـ\u2068Максим Бойко\u2069');
    assert.equal(ar('matching.suggestions.menteeTitle', { name: 'أحمد' }), 'متطوعون لـأحمد');
    assert.equal(translator('pl')('matching.suggestions.menteeTitle', { name: 'Максим Бойко' }).includes('\u2068'), false);
  });

  it('isolates the items of a list written in the other direction, so their order survives (interests typed in Polish, an Arabic page)', () => {
    // Unisolated, "gotowanie، szachy" is one left-to-right run in a right-to-left line: the items show in reverse.
    assert.equal(formatList(['gotowanie', 'szachy', 'spacery'], 'ar'), '\u2068gotowanie\u2069، و\u2068szachy\u2069، و\u2068spacery\u2069');
    assert.equal(formatList(['كرة القدم', 'شطرنج'], 'pl'), '\u2068كرة القدم\u2069 i \u2068شطرنج\u2069');
    // Items in the list's own direction, and mixed ones (a sentence with a name, already isolated), are left alone.
    assert.equal(formatList(['كرة القدم', 'شطرنج'], 'ar'), 'كرة القدم وشطرنج');
    assert.equal(formatList(['gotowanie', 'szachy'], 'pl'), 'gotowanie i szachy');
    assert.equal(formatList(['يتحدثان \u2068Polski\u2069', 'Stare Miasto'], 'ar').startsWith('يتحدثان \u2068Polski\u2069'), true);
  });
});
