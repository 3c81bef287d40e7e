/**
 * A node:test reporter for scripts/test.ts, next to the usual spec reporter: one JSON line per test file with the
 * file's whole time (its process, from start to exit: imports and database set-up included), and one per skipped test
 * with the reason. scripts/test.ts prints the slowest files of each phase and every skip at the end of the run.
 * Node reports a file's time as a `test:complete` event at nesting 0 whose name is the file's path; in a batch of
 * files (scripts/test-batches.ts) each file is a suite at nesting 0 named after its path in the repository, and the
 * batch's own event is left out.
 */
interface Event {
  type: string;
  data?: { name?: string; file?: string; nesting?: number; skip?: string | boolean; details?: { duration_ms?: number; passed?: boolean } };
}

export interface FileTiming {
  kind: 'file';
  file: string;
  ms: number;
  passed: boolean;
}
export interface SkippedTest {
  kind: 'skip';
  file: string;
  name: string;
  reason: string;
}

const BATCHED_FILE = /^(src|e2e)\/.*\.test\.tsx?$/;
const BATCH = /\/batches\/[^/]+\.test\.js$/;

export default async function* timingReporter(source: AsyncIterable<Event>): AsyncGenerator<string> {
  for await (const event of source) {
    const data = event.data;
    if (!data?.file) continue;
    const fileSuite = data.nesting === 0 && data.name !== undefined && (BATCHED_FILE.test(data.name) || (data.name === data.file && !BATCH.test(data.file)));
    if (event.type === 'test:complete' && fileSuite) {
      const line: FileTiming = { kind: 'file', file: data.name!, ms: data.details?.duration_ms ?? 0, passed: data.details?.passed ?? false };
      yield `${JSON.stringify(line)}\n`;
    } else if (event.type === 'test:pass' && data.skip !== undefined && data.skip !== false) {
      const line: SkippedTest = { kind: 'skip', file: data.file, name: data.name ?? '', reason: data.skip === true ? '' : data.skip };
      yield `${JSON.stringify(line)}\n`;
    }
  }
}
