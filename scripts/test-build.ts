/**
 * Compiles src/ and e2e/ to JavaScript once per test run, so that each test file's process loads plain ES modules
 * instead of sending ~500 TypeScript files through tsx's loader thread (measured: importing the app took 3.1 s per
 * file through tsx, about 0.3 s compiled; with ~90 test files per engine that was most of the suite's time).
 * The same esbuild transform tsx uses, file by file (no bundling), so the module graph and every import.meta.url path
 * stay as in the repository: the output mirrors the tree, with node_modules, migrations and public linked in.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

function files(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, keep));
    else if (keep(e.name)) out.push(p);
  }
  return out;
}

const isTs = (name: string) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/** Writes the compiled tree into `outDir` and returns it. */
export async function compileForTests(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const sources = ['src', 'e2e'].flatMap((d) => files(join(ROOT, d), isTs));
  await build({
    entryPoints: sources,
    outdir: outDir,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  // Everything else under src/ (message catalogues, notes) is read from beside the code.
  for (const asset of files(join(ROOT, 'src'), (n) => !isTs(n))) cpSync(asset, join(outDir, asset.slice(ROOT.length)));
  for (const link of ['node_modules', 'migrations', 'public']) symlinkSync(join(ROOT, link), join(outDir, link));
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  return outDir;
}
