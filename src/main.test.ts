import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** The real entry point: starts on an empty PGlite directory, serves, logs JSON without personal data, and stops cleanly on SIGTERM. */
describe('npm start (src/main.ts)', { skip: process.env.TEST_DB === 'postgres' ? 'runs once, on PGlite' : false }, () => {
  it('starts, answers /healthz, and shuts down gracefully', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATA_DIR: join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', DEMO: '0', LOG_LEVEL: 'info', WORKER: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        // A generous bound, not a speed target (that lives in `npm run bench`): on a 2-core machine under load, tsx
        // compiling the app and PGlite's initdb took over 60 s before the first log line.
        const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), 240_000);
        child.stdout.on('data', () => {
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m && out.includes('Tandem is ready')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const health = await fetch(`${url}/healthz`);
      assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite' });
      const signIn = await fetch(`${url}/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=secret.person%40example.org&password=hunter2hunter2',
      });
      assert.equal(signIn.status, 403, 'no CSRF token');
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
      const lines = out.trim().split('\n');
      assert.ok(lines.every((l) => l.startsWith('{')), 'every log line is JSON');
      assert.match(out, /"msg":"shutting down"/);
      assert.doesNotMatch(out, /secret\.person|hunter2/, 'no personal data or secrets in logs');
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
