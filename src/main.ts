import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './core/db/database.js';
import { createMailer } from './core/mail/sender.js';
import { seedIfEmpty } from './seed/demo.js';

/** Process entry: config → database → migrations → demo data → app → listen; graceful shutdown. */
const started = performance.now();
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
await database.migrate();
if (config.demo) await seedIfEmpty(database.db, config);
const mailer = createMailer(config.smtpUrl, config.mailFrom);
const { app, worker } = await buildApp({ config, database, mailer });
await app.listen({ port: config.port, host: config.host });
if (config.worker) worker.start();
app.log.info({ engine: database.engine, startupMs: Math.round(performance.now() - started), url: config.baseUrl }, 'Tandem is ready');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await app.close(); // stops accepting, lets requests in flight finish
    await worker.stop();
    mailer.close();
    await database.close();
  } finally {
    clearTimeout(force);
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
