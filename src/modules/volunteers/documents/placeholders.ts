/**
 * The fixed list of placeholders a document template may use, written `{name}` in the title or body.
 * Anything else in braces that looks like a placeholder (`{letters}`) is refused when a template is saved;
 * other braces are kept as text.
 *
 * | placeholder          | value                                                                 |
 * | -------------------- | --------------------------------------------------------------------- |
 * | `{volunteerName}`    | given and family name of the volunteer                                |
 * | `{organisationName}` | name of the organisation                                              |
 * | `{scope}`            | scope of the service, as entered when issuing                         |
 * | `{place}`            | place where the service is performed (agreement)                      |
 * | `{periodFrom}`       | first day of the period, as a long date in the document's language    |
 * | `{periodTo}`         | last day of the period, likewise                                      |
 * | `{termination}`      | terms of termination (agreement)                                      |
 * | `{hours}`            | hours of service with the unit, in the document's language ("40 godzin") |
 * | `{assessment}`       | the coordinator's assessment (reference)                              |
 * | `{issueDate}`        | the day the document is issued, as a long date                        |
 *
 * A paragraph that uses a placeholder without a value (e.g. `{hours}` when no hours were given) is left out.
 */
export const PLACEHOLDERS = ['volunteerName', 'organisationName', 'scope', 'place', 'periodFrom', 'periodTo', 'termination', 'hours', 'assessment', 'issueDate'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PATTERN = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
const known = new Set<string>(PLACEHOLDERS);

/** Names used in `text` that are not in PLACEHOLDERS, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(PATTERN)) if (!known.has(m[1]!)) found.add(m[1]!);
  return [...found];
}

/**
 * Replaces placeholders in one pass (a value that itself contains `{scope}` is not expanded again). A value
 * ending in a full stop before the template's own full stop ("31 жовтня 2025 р." + ".") gives one, not two.
 */
export function fillLine(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string, offset: number) => {
    if (!known.has(name)) return whole;
    const value = values[name as Placeholder] ?? '';
    return value.endsWith('.') && text[offset + whole.length] === '.' ? value.slice(0, -1) : value;
  });
}

/**
 * Fills a template body: paragraphs are separated by a blank line; a paragraph using a placeholder with an
 * empty value is dropped. Returns the text as stored and shown (paragraphs joined by a blank line).
 */
export function fillBody(body: string, values: PlaceholderValues): string {
  return splitParagraphs(body)
    .filter((p) => [...p.matchAll(PATTERN)].every((m) => !known.has(m[1]!) || (values[m[1] as Placeholder] ?? '').trim() !== ''))
    .map((p) => fillLine(p, values))
    .join('\n\n');
}

export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A block of a stored document body: a line starting with "# " is a heading, the rest are paragraphs. */
export type Block = { heading: boolean; text: string };

export function blocksOf(body: string): Block[] {
  return splitParagraphs(body).map((p) => (p.startsWith('# ') ? { heading: true, text: p.slice(2).trim() } : { heading: false, text: p }));
}
