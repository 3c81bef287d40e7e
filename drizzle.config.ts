import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the tables (`npx drizzle-kit generate`) and committed;
// roles, grants and triggers live in hand-written migrations made with `--custom`.
export default defineConfig({
  dialect: 'postgresql',
  // Every table file: core's and each module's (core/db/schema.ts names only core's, so core never imports a module).
  schema: ['./src/core/**/*.table.ts', './src/modules/**/*.table.ts'],
  out: './migrations',
  casing: 'snake_case',
  entities: { roles: { provider: '' } },
});
