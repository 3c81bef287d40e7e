import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token of 32 bytes (256 bits). */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a leaked table does not leak live tokens. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
