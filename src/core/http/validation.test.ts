/**
 * The shared text fields: single-line by default (no line breaks, tabs or control characters; bidirectional
 * controls removed), multi-line for what a textarea sends, person names without links or addresses, and numbers and
 * phone numbers typed in any digits an Arabic keyboard has.
 *   node --import tsx --test src/core/http/validation.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { translator, LOCALES } from '../i18n/index.js';
import { asciiDigits, fieldErrors, int, multilineText, optionalInt, optionalMultilineText, optionalPersonName, optionalPhone, optionalText, personName, requiredMultilineText, requiredText, text } from './validation.js';

/** The message key of the first issue, or 'ok'. */
function keyOf(schema: z.ZodTypeAny, value: unknown): string {
  const r = z.object({ f: schema }).safeParse({ f: value });
  return r.success ? 'ok' : (fieldErrors(r.error).f?.key ?? '?');
}

const LINE_BREAKS = { CRLF: '\r\n', LF: '\n', CR: '\r', NEL: '\u0085', 'LINE SEPARATOR': '\u2028', 'PARAGRAPH SEPARATOR': '\u2029' };
const CONTROLS = { NUL: '\u0000', BEL: '\u0007', ESC: '\u001b', DEL: '\u007f', CSI: '\u009b', 'vertical tab': '\u000b', 'form feed': '\u000c' };

describe('single-line text (text, requiredText, optionalText)', () => {
  it('refuses every kind of line break and the tab inside the text', () => {
    for (const schema of [text(100), requiredText(100), optionalText(100)]) {
      for (const [name, c] of Object.entries({ ...LINE_BREAKS, tab: '\t' })) {
        assert.equal(keyOf(schema, `Anna${c}ATTENDEE:mailto:evil@example.org`), 'validation.controlChars', name);
      }
    }
  });

  it('refuses the other C0 and C1 control characters and DEL', () => {
    for (const [name, c] of Object.entries(CONTROLS)) assert.equal(keyOf(requiredText(100), `Ko${c}val`), 'validation.controlChars', name);
  });

  it('removes the bidirectional embedding, override and isolate controls, keeping the visible text', () => {
    assert.equal(requiredText(100).parse('\u2068Олена\u2069 \u202eKowalska\u202c'), 'Олена Kowalska');
    assert.equal(optionalText(100).parse('\u202e \u2066'), undefined, 'nothing but controls counts as empty');
    assert.equal(requiredText(100).parse('\u200fمحمد\u200e'), '\u200fمحمد\u200e', 'the directional marks (LRM, RLM) stay');
  });

  it('trims, and keeps ordinary names, punctuation and scripts as typed', () => {
    for (const name of ['Anna-Maria O’Brien', 'Zoë D’Souza, PhD', 'Олена Коваленко', 'محمد العلي', 'Ewa "Ewcia" Nowak', 'زهرا‌ احمدی']) {
      assert.equal(requiredText(100).parse(` ${name}\n`), name);
    }
  });
});

describe('multi-line text (multilineText, requiredMultilineText, optionalMultilineText)', () => {
  it('keeps line breaks and tabs, every line break stored as \\n', () => {
    assert.equal(multilineText(100).parse('one\r\ntwo\rthree\nfour\u2028five\u2029six\u0085seven\tend'), 'one\ntwo\nthree\nfour\nfive\nsix\nseven\tend');
    assert.equal(requiredMultilineText(100).parse('  a\r\n\r\nb  '), 'a\n\nb');
  });

  it('counts a browser’s CRLF as one character, as the textarea’s maxlength does', () => {
    assert.equal(keyOf(multilineText(5), 'a\r\nb\r\nc'), 'ok');
    assert.equal(keyOf(multilineText(4), 'a\r\nb\r\nc'), 'validation.tooLong');
  });

  it('still refuses the other control characters', () => {
    for (const [name, c] of Object.entries(CONTROLS)) assert.equal(keyOf(requiredMultilineText(100), `line one\nKo${c}val`), 'validation.controlChars', name);
  });

  it('an optional one is absent when empty or only line breaks', () => {
    assert.equal(optionalMultilineText(100).parse(''), undefined);
    assert.equal(optionalMultilineText(100).parse('\r\n \u0085'), undefined);
    assert.equal(keyOf(requiredMultilineText(100), '\r\n'), 'validation.required');
  });
});

describe('person names', () => {
  it('refuse web and e-mail addresses with their own message', () => {
    for (const value of ['Visit https://spam.example', 'hxxp://x', 'see WWW.spam.example', 'win@spam.example', 'Anna @ home']) {
      assert.equal(keyOf(personName(), value), 'validation.personName', value);
      assert.equal(keyOf(optionalPersonName(), value), 'validation.personName', value);
    }
  });

  it('are single-line like every other text', () => {
    assert.equal(keyOf(personName(), 'Anna\r\nKowalska'), 'validation.controlChars');
    assert.equal(keyOf(optionalPersonName(), 'Anna\tKowalska'), 'validation.controlChars');
  });

  it('accept real names, and an optional one may be empty', () => {
    for (const value of ['Anna-Maria O’Brien', 'J. R. R. Tolkien', 'Олена', 'محمد']) assert.equal(keyOf(personName(), value), 'ok', value);
    assert.equal(optionalPersonName().parse(''), undefined);
    assert.equal(keyOf(personName(), ''), 'validation.required');
    assert.equal(keyOf(personName(3), 'Anna'), 'validation.tooLong');
  });

  it('have a message in every language', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const key of ['validation.controlChars', 'validation.personName'] as const) assert.notEqual(t(key), key, `${locale}: ${key}`);
    }
    assert.notEqual(translator('pl')('validation.personName'), translator('en')('validation.personName'), 'not the English fallback');
  });
});

describe('digits typed in the Arabic script (asciiDigits, int, optionalInt, optionalPhone)', () => {
  it('reads Arabic-Indic and Extended Arabic-Indic digits as ASCII digits, and leaves everything else alone', () => {
    assert.equal(asciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
    assert.equal(asciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
    assert.equal(asciiDigits('+٤٨ (٦٠١) ٢٣٤-٥٦٧'), '+48 (601) 234-567');
    assert.equal(asciiDigits('ليلى 12 abc'), 'ليلى 12 abc');
  });

  it('a whole number: blank is absent, any of those digits count, words and fractions are refused', () => {
    assert.equal(optionalInt(0, 120).parse(''), undefined);
    assert.equal(optionalInt(0, 120).parse(' ٣٥ '), 35);
    assert.equal(optionalInt(0, 120).parse('۴۰'), 40);
    assert.equal(optionalInt(0, 120).parse('7'), 7);
    assert.equal(keyOf(optionalInt(0, 120), 'ثلاثون'), 'validation.invalid');
    assert.equal(keyOf(optionalInt(0, 120), '1.5'), 'validation.invalid');
    assert.equal(keyOf(optionalInt(0, 120), '١٢١'), 'validation.tooBig');
  });

  it('a required whole number: the same digits, trimmed; blank is required, words and fractions refused', () => {
    assert.equal(int(5, 480).parse('٣٠'), 30, 'Arabic-Indic');
    assert.equal(int(5, 480).parse('۴۵'), 45, 'Extended Arabic-Indic (Persian, Urdu)');
    assert.equal(int(5, 480).parse(' 12 '), 12);
    assert.equal(int(5, 480).parse('٣5'), 35, 'mixed scripts, as a keyboard switched mid-number types them');
    assert.equal(int(5, 480).parse(60), 60, 'a JSON number');
    for (const blank of ['', '   ', undefined, null]) assert.equal(keyOf(int(5, 480), blank), 'validation.required', String(blank));
    for (const bad of ['1.5', '١٫٥', 'ثلاثون', 'thirty', '1e2', '0x1f', '+30', '30 min', true]) assert.equal(keyOf(int(5, 480), bad), 'validation.invalid', String(bad));
    assert.equal(keyOf(int(5, 480), 30.5), 'validation.invalid', 'a JSON fraction');
    assert.equal(keyOf(int(5, 480), '٤'), 'validation.tooSmall');
    assert.equal(keyOf(int(5, 480), '-30'), 'validation.tooSmall', 'a minus is read, and said to be too small');
    assert.equal(keyOf(int(5, 480), '۴۸۱'), 'validation.tooBig');
    assert.deepEqual(fieldErrors(z.object({ f: int(5, 480) }).safeParse({ f: '481' }).error!).f, { key: 'validation.tooBig', params: { max: 480 } }, 'the bound is in the message');
  });

  it('with a message of the field’s own, every wrong value but a blank one gets it', () => {
    const minutes = int(15, 480, { message: 'pairs.supervision.validation.minutes' });
    assert.equal(minutes.parse('٩٠'), 90);
    for (const bad of ['14', '481', '1.5', '-20', 'godzina', 14, 90.5]) assert.equal(keyOf(minutes, bad), 'pairs.supervision.validation.minutes', String(bad));
    assert.equal(keyOf(minutes, ''), 'validation.required');
    const km = optionalInt(1, 200, { message: 'matching.settings.validation.maxDistance' });
    assert.equal(km.parse(''), undefined);
    assert.equal(km.parse('۴۰'), 40);
    assert.equal(keyOf(km, '0'), 'matching.settings.validation.maxDistance');
  });

  it('the generic range message names the bounds, for any wrong value', () => {
    const days = int(1, 365, { message: 'validation.wholeNumber' });
    for (const bad of ['0', '366', 'abc', '1.5', '１２']) {
      assert.deepEqual(fieldErrors(z.object({ d: days }).safeParse({ d: bad }).error!).d, { key: 'validation.wholeNumber', params: { min: 1, max: 365 } }, bad);
    }
    assert.equal(translator('en')('validation.wholeNumber', { min: 1, max: 365 }), 'Enter a whole number from 1 to 365.');
  });

  it('ignores the invisible direction marks that text copied from a right-to-left context carries', () => {
    for (const mark of ['\u200f', '\u200e', '\u061c', '\u2067', '\u202b']) assert.equal(int(1, 365).parse(`${mark}١٢`), 12, JSON.stringify(mark));
    assert.equal(optionalInt(0, 3650).parse('\u200f٣٠\u200f'), 30);
  });

  it('an optional whole number refuses what a required one refuses', () => {
    for (const bad of ['1.5', '1e2', '0x1f']) assert.equal(keyOf(optionalInt(0, 200), bad), 'validation.invalid', bad);
    assert.equal(optionalInt(0, 200).parse('   '), undefined);
  });

  it('a phone number in Arabic-Indic digits is kept in ASCII digits; letters are still refused', () => {
    assert.equal(optionalPhone().parse('+٤٨ ٦٠١ ٢٣٤ ٥٦٧'), '+48 601 234 567');
    assert.equal(optionalPhone().parse('۰۹۱۲ ۳۴۵ ۶۷۸۹'), '0912 345 6789');
    assert.equal(optionalPhone().parse(''), undefined);
    assert.equal(keyOf(optionalPhone(), '+٤٨ abc'), 'validation.phone');
  });
});
