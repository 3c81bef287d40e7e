/**
 * Reading coordinates as people type them. Polish, Ukrainian and German users write decimals with a comma
 * ("52,2297"), maps copy them with a dot ("52.2297"), and some keyboards give a typographic minus ("−").
 */

const NUMBER = /^[+-]?\d{1,3}(?:\.\d{1,12})?$/;

/**
 * A decimal number typed with a dot or a comma, or null when the text is not such a number (thousands
 * separators, exponents, several commas and words are refused rather than guessed).
 *   parseDecimal("52,2297") === 52.2297; parseDecimal("−0.5") === -0.5; parseDecimal("1,234.5") === null
 */
export function parseDecimal(typed: string): number | null {
  const s = typed.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if ((s.match(/[.,]/g) ?? []).length > 1) return null;
  const normal = s.replace(',', '.');
  if (!NUMBER.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/**
 * "52.22977, 21.01178" as a map copies a point (right-click in OpenStreetMap or Google Maps), or with
 * comma decimals separated by a semicolon ("52,2297; 21,0122"). Null when the text is not such a pair:
 * "52,2297" alone is one number with a decimal comma, never a pair.
 */
export function splitPair(typed: string): [string, string] | null {
  const s = typed.trim().replace(/\u2212/g, '-');
  const dotted = /^([+-]?\d{1,3}\.\d+)\s*,\s*([+-]?\d{1,3}\.\d+)$/.exec(s);
  if (dotted) return [dotted[1]!, dotted[2]!];
  const semicolon = /^([+-]?\d{1,3}(?:[.,]\d+)?)\s*;\s*([+-]?\d{1,3}(?:[.,]\d+)?)$/.exec(s);
  return semicolon ? [semicolon[1]!, semicolon[2]!] : null;
}
