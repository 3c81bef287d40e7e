import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the tables (`npx drizzle-kit generate`) and committed;
// roles, grants and triggers live in hand-written migrations made with `--custom`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/core/db/schema.ts',
  out: './migrations',
  casing: 'snake_case',
  entities: { roles: { provider: '' } },
});
