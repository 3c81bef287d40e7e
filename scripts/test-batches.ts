/**
 * Groups the src/ test files into a few processes instead of one process per file. Each process imports the app's
 * module graph once (~2.5 s of CPU for the ~500 compiled modules and their packages, measured per file before) and
 * then runs its files one after another. A file stays its own suite: the batch entry imports it inside a `describe`
 * named after its path, so its top-level `before`/`after` hooks belong to that suite and its app and database are
 * closed before the next file starts, and the timing reporter reports each file's time from that suite.
 * On PGlite a closed test database is emptied and kept for the next file's app (harness.ts, keepClosedDatabases);
 * the batch's last hook closes the one kept at the end, so the process can exit.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TestFile {
  /** The path in the repository, as the suite is named (src/…/x.test.ts). */
  source: string;
  /** Its compiled twin, which the batch imports. */
  compiled: string;
}

/** The files per process aimed at: enough processes that two workers finish close together, few enough to share imports. */
const FILES_PER_BATCH = 10;

/**
 * Writes the batch entries into `dir` and returns their paths, the heaviest first (`harness`: the compiled
 * src/core/testing/harness.js). Files are spread by size (a fair proxy of their running time) with the
 * longest-processing-time rule, so the batches take about as long each.
 */
export function writeBatches(files: TestFile[], dir: string, label: string, harness: string): string[] {
  const count = Math.max(1, Math.ceil(files.length / FILES_PER_BATCH));
  const batches = Array.from({ length: count }, () => ({ weight: 0, files: [] as TestFile[] }));
  const weighed = files.map((f) => ({ file: f, weight: statSync(f.compiled).size })).sort((a, b) => b.weight - a.weight);
  for (const { file, weight } of weighed) {
    const lightest = batches.reduce((min, b) => (b.weight < min.weight ? b : min));
    lightest.files.push(file);
    lightest.weight += weight;
  }
  mkdirSync(dir, { recursive: true });
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return batches
    .filter((b) => b.files.length > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((batch, i) => {
      const path = join(dir, `${slug}-${i + 1}.test.js`);
      const lines = batch.files
        .sort((a, b) => a.source.localeCompare(b.source))
        .map((f) => `describe(${JSON.stringify(f.source)}, () => import(${JSON.stringify(pathToFileURL(f.compiled).href)}));`);
      const keep = `import { keepClosedDatabases } from ${JSON.stringify(pathToFileURL(harness).href)};\nafter(keepClosedDatabases());`;
      writeFileSync(path, `import { after, describe } from 'node:test';\n${keep}\n${lines.join('\n')}\n`);
      return path;
    });
}
