import { z } from 'zod';
import { email, requiredText } from '../http/validation.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';

/** Where to go after signing in: any value is accepted and made safe (see safeNext), never an error. */
const next = () => z.unknown().transform(safeNext);

export const SignInInput = z.object({
  // Not email(): an address typed the way it was at sign-up must still reach its throttle and answer (a wrong
  // format is just a wrong address), but control characters never reach the database.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.string().min(1))
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), { params: { key: 'validation.controlChars' } }),
  password: z.string().max(PASSWORD_MAX).pipe(z.string().min(1)),
  remember: z.literal('true').optional(),
  next: next(),
});

/** A 6-digit code from the authenticator app, or a recovery code (`k7m2q-x9rtw`). */
export const CODE = z.string().trim().max(20).pipe(z.string().min(1));
export const TotpInput = z.object({ code: CODE, next: next() });

export const newPassword = () =>
  z
    .string()
    .max(PASSWORD_MAX)
    .pipe(z.string().min(PASSWORD_MIN))
    .refine((p) => new Set(p).size >= 4, { params: { key: 'validation.passwordWeak' } });

export const SetPasswordInput = z
  .object({ password: newPassword(), confirm: z.string().max(PASSWORD_MAX) })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], params: { key: 'validation.passwordMismatch' } });
  });

export const ForgotInput = z.object({ email: email() });

export const SetupInput = z
  .object({
    organisationName: requiredText(200),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .refine((s) => /^[a-z0-9][a-z0-9-]{1,62}$/.test(s), { params: { key: 'validation.slug' } }),
    displayName: requiredText(120),
    email: email(),
    password: newPassword(),
    confirm: z.string().max(PASSWORD_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], params: { key: 'validation.passwordMismatch' } });
  });

const ORIGIN = 'http://tandem.invalid';

/**
 * Only a path on this site is followed after sign-in (no open redirect). The value is read the way a browser reads
 * a Location header — the WHATWG URL parser drops tabs and line breaks and takes backslashes for slashes, so
 * `/%09/evil.example/` is `//evil.example/` — and what comes back is the parser's own serialisation (percent-encoded,
 * never a control character), so it is safe to put in a header. Anything else is `/`.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next === '' || next.length > 1000) return '/';
  let url: URL;
  try {
    url = new URL(next, `${ORIGIN}/`);
  } catch {
    return '/';
  }
  if (url.origin !== ORIGIN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
