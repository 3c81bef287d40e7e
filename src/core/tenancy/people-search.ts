import { or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { isCurrentSearchKey, nameSearchKey, sameNamePatterns, searchWordPatterns } from '../i18n/index.js';
import { people } from './tenancy.table.js';

/** The value of `people.search_text` for a person; every write of a name or e-mail sets it in the same statement. */
export function personSearchText(p: { givenName: string; familyName: string; email?: string | null }): string {
  return nameSearchKey(p.givenName, p.familyName, p.email);
}

/**
 * One condition per query word (at most five) on one or more `search_text` columns: a row matches when every word
 * matches one of the columns through one of its patterns (folded text, transliteration, cross-script skeleton; see
 * `searchWordPatterns`). "Kowalenko" finds "Коваленко", "Mohammed" finds "محمد", "Коваленко" finds "Kovalenko".
 */
export function personSearchConditions(columns: AnyColumn[], q: string | undefined): SQL[] {
  const conditions: SQL[] = [];
  for (const word of (q ?? '').trim().split(/\s+/u).filter(Boolean).slice(0, 5)) {
    const patterns = searchWordPatterns(word);
    if (patterns.length === 0) continue;
    const any = columns.flatMap((c) => patterns.map((p) => sql`${c} like ${p}`));
    conditions.push(sql`(${sql.join(any, sql` or `)})`);
  }
  return conditions;
}

/**
 * Rewrites the search keys written before names were transliterated (rows whose key lacks the " | " of
 * `nameSearchKey`), in batches, as system work. Run after the migrations; a no-op once every key is current.
 * Returns the number of rows rewritten.
 */
export async function refreshPersonSearchText(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await withSystem(db, async (tx) => {
      const rows = rowsOf<{ id: string; given_name: string; family_name: string; email: string | null; search_text: string }>(
        await tx.execute(sql`select id, given_name, family_name, email, search_text from people where search_text not like '% |%' limit 500`),
      );
      let changed = 0;
      for (const r of rows) {
        const key = personSearchText({ givenName: r.given_name, familyName: r.family_name, email: r.email });
        if (isCurrentSearchKey(r.search_text) || !isCurrentSearchKey(key)) continue;
        await tx.update(people).set({ searchText: key }).where(sql`${people.id} = ${r.id}`);
        changed++;
      }
      return changed;
    });
    total += n;
    if (n === 0) return total;
  }
}

/**
 * The condition on `people` for "possibly the same person" as someone applying or being recorded now: the same
 * e-mail address (case aside), or the same name in any script or spelling (every word's skeleton, see
 * `sameNamePatterns`: "Olena Kovalenko" is "Олена Коваленко", in any word order) together with the same birth date
 * or the same phone number (its last nine digits: the number without the country code, however it was written).
 * A name alone is not enough: names repeat. Undefined when there is nothing to compare.
 */
export function possibleDuplicateOf(a: { email?: string | null; givenName: string; familyName: string; birthDate?: string | null; phone?: string | null }): SQL | undefined {
  const sameEmail = a.email ? sql`lower(${people.email}) = ${a.email.toLowerCase()}` : undefined;
  const groups = sameNamePatterns(a.givenName, a.familyName);
  const phoneDigits = (a.phone ?? '').replace(/\D/g, '');
  const alsoSame = [
    ...(a.birthDate ? [sql`${people.birthDate} = ${a.birthDate}`] : []),
    ...(phoneDigits.length >= 9 ? [sql`right(regexp_replace(coalesce(${people.phone}, ''), '[^0-9]', '', 'g'), 9) = ${phoneDigits.slice(-9)}`] : []),
  ];
  const sameName =
    groups.length > 0 && alsoSame.length > 0
      ? sql`(${sql.join(groups.map((g) => sql`(${sql.join(g.map((p) => sql`${people.searchText} like ${p}`), sql` or `)})`), sql` and `)} and (${sql.join(alsoSame, sql` or `)}))`
      : undefined;
  return sameEmail && sameName ? or(sameEmail, sameName) : (sameEmail ?? sameName);
}
