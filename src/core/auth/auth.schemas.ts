import { z } from 'zod';
import { email, requiredText } from '../http/validation.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.string().min(1)),
  password: z.string().max(PASSWORD_MAX).pipe(z.string().min(1)),
  next: z.string().max(500).optional(),
});

export const TotpInput = z.object({ code: z.string().trim().max(20).pipe(z.string().min(1)) });

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

/** Only local paths are followed after sign-in (no open redirect to another site). */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
