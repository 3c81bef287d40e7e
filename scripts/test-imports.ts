/**
 * Which src/ test files open a database: those that reach the test harness or the database module through their
 * relative imports. The others (the solver, scoring, PDF layout, translations…) give the same result on either engine,
 * so the PostgreSQL phase leaves them out. A plain scan of import statements: the source's own imports are all
 * relative, and a file whose imports cannot be read counts as using the database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const DATABASE = [resolve('src/core/testing/harness.ts'), resolve('src/core/db/database.ts')];
const IMPORT = /\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)|\bimport\s*['"](\.[^'"]+)['"]/g;

/** The TypeScript file an import specifier names (`./x.js` is ./x.ts or ./x.tsx), or undefined. */
function sourceOf(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.js$/, '');
  return [`${stem}.ts`, `${stem}.tsx`, base].find((p) => existsSync(p));
}

export function usesDatabase(file: string, seen = new Map<string, boolean>()): boolean {
  const path = resolve(file);
  if (DATABASE.includes(path)) return true;
  const known = seen.get(path);
  if (known !== undefined) return known;
  seen.set(path, false); // a cycle adds nothing
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    seen.set(path, true);
    return true;
  }
  for (const m of text.matchAll(IMPORT)) {
    const next = sourceOf(path, (m[1] ?? m[2] ?? m[3])!);
    if (next === undefined || usesDatabase(next, seen)) {
      seen.set(path, true);
      return true;
    }
  }
  return false;
}
