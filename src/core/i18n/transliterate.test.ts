import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nameSearchKey, searchWordPatterns } from './search.js';
import { isNonLatinName, nameScript, nameSkeleton, transliterate } from './transliterate.js';

/** Letters a name in our organisations is written with: Latin with Polish/German diacritics, Cyrillic, Arabic. */
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCZąćęłńóśźżĄĆĘŁŃÓŚŹŻäöüßÄÖÜ', ...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъўАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯЁЫЭЎ', ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءؤئةىپچژگکی', "'", '’', '-', ' '];
const nameLike = fc.array(fc.constantFrom(...LETTERS), { maxLength: 24 }).map((cs) => cs.join(''));
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

describe('transliterate', () => {
  it('follows the Ukrainian standard of 2010, including the forms at the start of a word', () => {
    assert.equal(transliterate('Олена Коваленко'), 'Olena Kovalenko');
    assert.equal(transliterate('Євген Їжак'), 'Yevhen Yizhak');
    assert.equal(transliterate('Юрій Андрієнко'), 'Yurii Andriienko');
    assert.equal(transliterate('Згурський'), 'Zghurskyi');
    assert.equal(transliterate('Мар’яна'), 'Mariana');
    assert.equal(transliterate("Мар'яна"), 'Mariana');
    assert.equal(transliterate('Щербань'), 'Shcherban');
    assert.equal(transliterate('ЩУР'), 'SHCHUR');
  });

  it('writes the Russian and Belarusian letters the Ukrainian table lacks', () => {
    assert.equal(transliterate('Алёна Быстрова'), 'Aliona Bystrova');
    assert.equal(transliterate('Эдуард Подъячев'), 'Eduard Podiachev');
    assert.equal(transliterate('Ўладзімір'), 'Uladzimir');
  });

  it('writes Arabic names consonantally, with و/ي as w/y at the start of a word and ع as a there', () => {
    assert.equal(transliterate('محمد علي'), 'Mhmd Ali');
    assert.equal(transliterate('وليد'), 'Wlid');
    assert.equal(transliterate('مُحَمَّد'), 'Mhmd', 'vowel marks and shadda are not letters');
  });

  it('folds Latin diacritics and leaves plain ASCII alone', () => {
    assert.equal(transliterate('Łukasz Żółć'), 'Lukasz Zolc');
    assert.equal(transliterate('Jürgen Groß'), 'Jurgen Gross');
    assert.equal(transliterate("O'Brien-Smith"), "O'Brien-Smith");
  });

  it('always gives ASCII (property)', () => {
    fc.assert(fc.property(nameLike, (s) => /^[\x00-\x7f]*$/.test(transliterate(s))));
  });

  it('is the identity on ASCII and idempotent on everything (property)', () => {
    fc.assert(fc.property(ascii, (s) => transliterate(s) === s));
    fc.assert(fc.property(nameLike, (s) => transliterate(transliterate(s)) === transliterate(s)));
  });
});

describe('nameSkeleton', () => {
  it('gives one skeleton to the spellings of one name across scripts', () => {
    for (const s of ['Kowalenko', 'Kovalenko', 'Коваленко']) assert.equal(nameSkeleton(s), 'kvlnk', s);
    for (const s of ['Mohammed', 'Muhammad', 'Mohamed', 'محمد', 'Мухаммад']) assert.equal(nameSkeleton(s), 'mgmd', s);
    for (const s of ['Szewczenko', 'Shevchenko', 'Schewtschenko', 'Шевченко']) assert.equal(nameSkeleton(s), nameSkeleton('Шевченко'), s);
    assert.equal(nameSkeleton('Alexander'), nameSkeleton('Олександр'));
    assert.equal(nameSkeleton('Grigorij'), nameSkeleton('Григорій'));
  });

  it('is lower-case ASCII consonants without doubles (property)', () => {
    fc.assert(fc.property(nameLike, (s) => /^[a-z]*$/.test(nameSkeleton(s)) && !/([a-z])\1/.test(nameSkeleton(s)) && !/[aeiouy]/.test(nameSkeleton(s))));
  });
});

describe('script of a name', () => {
  it('tells Cyrillic and Arabic names, with the language and direction of the original', () => {
    assert.equal(isNonLatinName('Olena'), false);
    assert.equal(isNonLatinName('Олена'), true);
    assert.deepEqual(nameScript('محمد'), { lang: 'ar', dir: 'rtl' });
    assert.deepEqual(nameScript('Їжак'), { lang: 'uk', dir: 'ltr' });
    assert.deepEqual(nameScript('Быстрова'), { lang: 'ru', dir: 'ltr' });
    assert.equal(nameScript('Nowak'), null);
  });
});

describe('search keys', () => {
  const like = (key: string, pattern: string) => new RegExp(`^${pattern.replace(/\\([\\%_])/g, '\u0000$1').replace(/[.*+?^${}()|[\]]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.').replace(/\u0000(.)/g, (_, c: string) => (c === '\\' ? '\\\\' : c))}$`).test(key);
  const finds = (q: string, given: string, family: string) => q.split(' ').every((w) => searchWordPatterns(w).some((p) => like(nameSearchKey(given, family, null), p)));

  it('finds across scripts in both directions', () => {
    assert.ok(finds('Kowalenko', 'Олена', 'Коваленко'));
    assert.ok(finds('Olena Kovalenko', 'Олена', 'Коваленко'));
    assert.ok(finds('Kowal', 'Олена', 'Коваленко'), 'a prefix of the skeleton');
    assert.ok(finds('Коваленко', 'Olena', 'Kowalenko'));
    assert.ok(finds('Mohammed', 'محمد', 'علي'));
    assert.ok(finds('Muhammad', 'محمد', 'علي'));
    assert.ok(finds('محمد', 'Mohammed', 'Ali'));
  });

  it('stays precise within one script', () => {
    assert.ok(finds('Kowalska', 'Anna', 'Kowalska'));
    assert.ok(!finds('Kowalska', 'Jan', 'Kowalski'), 'two Latin spellings are not mixed up');
    assert.ok(!finds('Kowalenko', 'Anna', 'Nowak'));
    assert.ok(!finds('Ann', 'Олена', 'Коваленко'), 'one consonant is not enough to match across scripts');
  });

  it('writes the transliteration and the skeletons after the folded text', () => {
    assert.equal(nameSearchKey('Олена', 'Коваленко', 'o@example.org'), 'олена коваленко o@example.org | olena kovalenko ~ln~ ~kvlnk~');
    assert.equal(nameSearchKey('Łukasz', 'Nowak', null), 'lukasz nowak | ^lksg^ ^nvk^');
  });
});
