/**
 * A node:test reporter for scripts/test.ts, next to the usual spec reporter: one JSON line per test file with the
 * file's whole time (its process, from start to exit: imports and database set-up included), and one per skipped test
 * with the reason. scripts/test.ts prints the slowest files of each phase and every skip at the end of the run.
 * Node reports a file's time as a `test:complete` event at nesting 0 whose name is the file's path.
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

export default async function* timingReporter(source: AsyncIterable<Event>): AsyncGenerator<string> {
  for await (const event of source) {
    const data = event.data;
    if (!data?.file) continue;
    if (event.type === 'test:complete' && data.nesting === 0 && data.name === data.file) {
      const line: FileTiming = { kind: 'file', file: data.file, ms: data.details?.duration_ms ?? 0, passed: data.details?.passed ?? false };
      yield `${JSON.stringify(line)}\n`;
    } else if (event.type === 'test:pass' && data.skip !== undefined && data.skip !== false) {
      const line: SkippedTest = { kind: 'skip', file: data.file, name: data.name ?? '', reason: data.skip === true ? '' : data.skip };
      yield `${JSON.stringify(line)}\n`;
    }
  }
}
