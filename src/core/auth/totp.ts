import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

function totp(secret: string, label = '') {
  return new TOTP({ issuer: 'Tandem', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, accountEmail: string): string {
  return totp(secret, accountEmail).toString();
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Returns the accepted time step,
 * or null. A step at or before `lastStep` is refused so that an observed code cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, lastStep: number, now = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secret).validate({ token: clean, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return step > lastStep ? step : null;
}

/** The current code for a secret (tests, and the demo seed's documentation). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}
