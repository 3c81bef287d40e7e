import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_TAG, LOCALES, type Locale } from './locales.js';
import { isIsolated, isolate, LTR_LETTER } from './bidi.js';
import type { MessageKey } from './message-keys.js';

export type Catalogue = Record<string, string>;
export type Params = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, params?: Params) => string;

const SRC = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every `locales/<lang>.json` under src/ (core and each module keep their own), merged per language.
 * Messages use ICU MessageFormat: `{count, plural, one {# spotkanie} few {# spotkania} many {# spotkań} other {# spotkania}}`.
 */
export function loadCatalogues(root = SRC): Record<Locale, Catalogue> {
  const result = Object.fromEntries(LOCALES.map((l) => [l, {} as Catalogue])) as Record<Locale, Catalogue>;
  for (const dir of findLocaleDirs(root)) {
    for (const locale of LOCALES) {
      const file = join(dir, `${locale}.json`);
      if (!existsSync(file)) continue;
      const entries = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
      for (const [key, value] of Object.entries(entries)) {
        if (key in result[locale]) throw new Error(`Message "${key}" is defined twice (${file})`);
        result[locale][key] = value;
      }
    }
  }
  return result;
}

function findLocaleDirs(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.name === 'locales') found.push(path);
    else found.push(...findLocaleDirs(path));
  }
  return found;
}

const catalogues = loadCatalogues();
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A translate function for one language. A key missing from the language falls back to English
 * (the completeness test keeps that from happening in a release), and a key missing everywhere shows itself.
 */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const cacheKey = `${locale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const source = catalogues[locale][key] ?? catalogues.en[key];
      if (source === undefined) return key;
      format = new IntlMessageFormat(source, INTL_TAG[locale], undefined, { ignoreTag: true });
      compiled.set(cacheKey, format);
    }
    return String(format.format(locale === 'ar' && params ? isolateLtr(params) : params));
  };
}

/**
 * A run of digits with "+", spaces and punctuation: a phone number ("+48 600 100 200"), a code ("123-456"), a time
 * range ("08:00–20:00"). In Arabic text the bidi algorithm reorders its groups ("200 100 600 48+"), so it is isolated
 * like a Latin word. A plain number ("12", "1.5") is left alone: it keeps its order and needs no isolation.
 */
const DIGIT_RUN = /^(?=.*\d)[\d\s+\-\u2010-\u2015()./:#*,]+$/;
const PLAIN_NUMBER = /^\d+(?:[.,]\d+)?$/;
const needsIsolation = (v: string) => LTR_LETTER.test(v) || (DIGIT_RUN.test(v) && !PLAIN_NUMBER.test(v.trim()));

/**
 * In right-to-left text a left-to-right value (a Ukrainian or Polish name, an address) must be isolated, or the bidi
 * algorithm moves neighbouring words around it ("متطوعون لـ Максим Бойко" would render with the name split); so
 * must a phone number or a code (see DIGIT_RUN).
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE is the plain-text form of HTML's <bdi>; it works in pages, mail
 * subjects and bodies alike.
 */
export function isolateLtr(params: Params): Params {
  const out: Params = {};
  // A value that is already isolated (a list from formatList, whose items it isolated) is not wrapped twice.
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && needsIsolation(v) && !isIsolated(v) ? isolate(v) : v;
  return out;
}

/** Whether a key built at run time is in the catalogues; as a type guard, `t()` then takes it. */
export function hasMessage(key: string): key is MessageKey {
  return key in catalogues.en;
}

/**
 * The one unchecked way from a runtime string to a key, for a key built from a value no type describes (an audit
 * entry's stored action, a code from the database). Each use says in a comment why the value cannot be typed; a
 * key that is not in the catalogues still shows itself (see `translator`).
 */
export function dynamicKey(key: string): MessageKey {
  return key as MessageKey;
}

export { catalogues };
