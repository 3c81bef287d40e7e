import type { Config } from '../config.js';
import type { Db } from '../core/db/database.js';
/** Loads the demo data when the database has no organisation yet. Returns whether it loaded. */
export async function seedIfEmpty(_db: Db, _config: Config): Promise<boolean> {
  return false;
}
