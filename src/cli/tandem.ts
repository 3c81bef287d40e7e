/**
 * The command line: `npx tandem <command>`.
 *   migrate      apply pending migrations (DATABASE_URL or DATA_DIR)
 *   seed-demo    load the demo data into an empty database
 *   match solve <file.json>   the matching engine on an instance file (see src/modules/matching/engine)
 *   account reset-2fa <e-mail>  two-factor sign-in off for someone who lost their phone and recovery codes
 */
const commands: Record<string, () => Promise<unknown>> = {
  migrate: () => import('./migrate.js'),
  'seed-demo': () => import('./seed-demo.js'),
  account: async () => {
    const { runAccountCli } = await import('./account.js');
    process.exitCode = await runAccountCli(process.argv.slice(3));
  },
  match: async () => {
    const { runMatchCli } = await import('./match.js');
    process.exitCode = await runMatchCli(process.argv.slice(3));
  },
};

const [name] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`Usage: tandem <command>\nCommands: ${Object.keys(commands).join(', ')}`);
  process.exit(name ? 2 : 0);
}
await command();
