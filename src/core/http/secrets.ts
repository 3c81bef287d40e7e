import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { appSecrets } from './http.table.js';

/** Returns the named secret, creating it once (the first instance to start wins; the others read it). */
export async function appSecret(db: Db, name: string): Promise<string> {
  return withSystem(db, async (tx) => {
    await tx.insert(appSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
    const [row] = await tx.select().from(appSecrets).where(eq(appSecrets.name, name));
    return row!.value;
  });
}
