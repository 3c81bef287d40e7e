import { loadConfig } from '../config.js';
import { openDatabase } from '../core/db/database.js';
import { seedIfEmpty } from '../seed/demo.js';

/** npm run seed:demo — loads the demo data into an empty database. */
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
const loaded = await seedIfEmpty(database.db, config);
console.log(loaded ? 'Demo data loaded.' : 'The database is not empty: demo data not loaded.');
await database.close();
