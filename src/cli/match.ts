/**
 * `tandem match solve <file.json>` — the batch-matching engine on a file, for benchmarks and checks.
 * Prints {"pairs": [[i, j], ...], "matched": n, "total": sum} on one line; invalid input → message on stderr, exit 2.
 * Runnable directly (`node --import tsx src/cli/match.ts solve f.json`) or through runMatchCli from tandem.ts.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { solveAssignment, validateInstance, InstanceError } from '../modules/matching/engine/assignment.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const USAGE = 'Usage: tandem match solve <file.json>\n';

/** Returns the exit code (0 ok, 2 usage or invalid input); the caller decides how to exit. */
export async function runMatchCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command !== 'solve' || !file || rest.length > 0) {
    io.stderr(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.stderr(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    io.stderr(`${file} is not valid JSON: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const { pairs, matched, total } = solveAssignment(validateInstance(json));
    io.stdout(JSON.stringify({ pairs, matched, total }) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof InstanceError) {
      io.stderr(`invalid instance in ${file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runMatchCli(process.argv.slice(2));
}
