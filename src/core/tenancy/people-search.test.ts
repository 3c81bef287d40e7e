/**
 * The search keys written before names were transliterated are rewritten after migrating (Database.migrate() calls
 * refreshPersonSearchText), so existing people are found across scripts too; a second run changes nothing.
 *   npm test -- src/core/tenancy/people-search.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../db/tx.js';
import { foldForSearch } from '../i18n/index.js';
import { createOrganisation } from '../testing/fixtures.js';
import { useApp } from '../testing/world.js';
import { refreshPersonSearchText } from './people-search.js';
import { people } from './tenancy.table.js';

const t = useApp();

describe('refreshPersonSearchText', () => {
  it('rewrites old keys (folded text only) with the transliteration and skeletons, once', async () => {
    const db = t.database.db;
    const org = await createOrganisation(db, 'alpha', 'Ośrodek Alfa');
    const [p] = await withSystem(db, (tx) =>
      tx.insert(people).values({ organisationId: org.id, givenName: 'Олена', familyName: 'Коваленко', email: 'o@example.org', searchText: foldForSearch('Олена Коваленко o@example.org') }).returning({ id: people.id }),
    );
    assert.ok((await refreshPersonSearchText(db)) >= 1);
    const key = async () => rowsOf<{ search_text: string }>(await withSystem(db, (tx) => tx.execute(sql`select search_text from people where id = ${p!.id}`)))[0]!.search_text;
    assert.equal(await key(), 'олена коваленко o@example.org | olena kovalenko ~ln~ ~kvlnk~');
    assert.equal(await refreshPersonSearchText(db), 0, 'nothing left to rewrite');
  });
});
