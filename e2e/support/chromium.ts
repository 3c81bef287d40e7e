/**
 * Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's headless shell (the package
 * `chromium-headless-shell`, which CI installs), else Debian's /usr/bin/chromium, else the headless Chromium of the
 * `@sparticuz/chromium` npm package (a devDependency). CHROMIUM_PATH=npm goes straight to the npm one.
 *
 * The headless shell is the same Chromium (same version, same Blink) built for automation, without the browser's
 * user interface: measured on the accessibility checks, the machine's CPU per page state is about a quarter lower
 * than with the full browser in its headless mode (41-44 s against 49-56 s for the same 21 states and their seed).
 *
 * The npm package ships its browser brotli-compressed (no install script, so `npm ci --ignore-scripts` is enough);
 * it is unpacked at first use into a cache directory per package version under the system temp dir, by one process:
 * scripts/test.ts resolves the path once and hands it to the test files as CHROMIUM_PATH. The unpacking goes to a
 * private directory that is then renamed into place, so two runs at once never see a half-written binary.
 * Fonts come from the system (fontconfig): the package's own fonts are Open Sans only, without Arabic.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const DEBIAN_SHELL = '/usr/bin/chromium-headless-shell';
const DEBIAN = '/usr/bin/chromium';

export interface ChromiumChoice {
  executablePath: string;
  /** For the test log: where the binary came from. */
  source: string;
}

/** The npm package's version, which names its cache directory (a newer package unpacks anew). */
function npmVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@sparticuz/chromium');
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Unpacks `@sparticuz/chromium` (once per version and user) and returns the binary's path. */
export async function npmChromium(): Promise<string> {
  let version: string;
  try {
    version = npmVersion();
  } catch {
    throw new Error(`Chromium not found at ${DEBIAN} and the @sparticuz/chromium package is not installed: run npm install, install Debian's chromium, or set CHROMIUM_PATH.`);
  }
  const cache = join(tmpdir(), `tandem-chromium-${version}-${process.getuid?.() ?? 0}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(dirname(cache), { recursive: true });
  const scratch = mkdtempSync(`${cache}.part-`);
  // The package unpacks into os.tmpdir(), which follows TMPDIR at each call: point it at the private directory.
  const before = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    await Chromium.executablePath();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
  try {
    renameSync(scratch, cache);
  } catch {
    // Another run renamed its copy first: use that one.
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(binary)) throw new Error(`@sparticuz/chromium did not unpack a browser into ${cache}`);
  return binary;
}

/** The Chromium to launch, following the order above. */
export async function findChromium(): Promise<ChromiumChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fromEnv !== 'npm') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return { executablePath: fromEnv, source: fromEnv };
  }
  if (fromEnv !== 'npm') {
    for (const path of [DEBIAN_SHELL, DEBIAN]) if (existsSync(path)) return { executablePath: path, source: path };
  }
  return { executablePath: await npmChromium(), source: `npm package @sparticuz/chromium ${npmVersion()}` };
}
