import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_TAG, LOCALES, type Locale } from './locales.js';

export type Catalogue = Record<string, string>;
export type Params = Record<string, string | number | Date>;
export type Translate = (key: string, params?: Params) => string;

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
    return String(format.format(params));
  };
}

export function hasMessage(key: string): boolean {
  return key in catalogues.en;
}

export { catalogues };
