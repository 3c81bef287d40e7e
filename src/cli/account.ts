/**
 * `tandem account reset-2fa <e-mail>` — for the server operator, when someone has lost both their phone and their
 * recovery codes: switches two-factor sign-in off for that account and ends its sessions (see resetSecondFactor).
 * Returns the exit code (0 done, 1 unknown address, 2 usage).
 */
import { loadConfig } from '../config.js';
import { resetSecondFactor } from '../core/auth/account.service.js';
import { openDatabase } from '../core/db/database.js';

export async function runAccountCli(argv: string[], out = (t: string) => process.stdout.write(t), err = (t: string) => process.stderr.write(t)): Promise<number> {
  const [command, email, ...rest] = argv;
  if (command !== 'reset-2fa' || !email || rest.length > 0) {
    err('Usage: tandem account reset-2fa <e-mail>\n');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    if (!(await resetSecondFactor(database.db, email))) {
      err(`No account with the address ${email}.\n`);
      return 1;
    }
    out(`Two-factor sign-in is off for ${email}, its recovery codes are gone and its sessions have ended. An administrator will be asked to set it up again at the next sign-in.\n`);
    return 0;
  } finally {
    await database.close();
  }
}
