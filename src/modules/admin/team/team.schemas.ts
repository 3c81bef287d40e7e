import { z } from 'zod';
import { LOCALES } from '../../../core/i18n/index.js';
import { email, personName } from '../../../core/http/validation.js';
import { ROLES } from '../../../core/tenancy/tenancy.table.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An invitation into the organisation with one role; `locale` is the language of the invitation mail. */
export const InviteInput = z
  .object({
    email: z.preprocess(blankToUndefined, email()),
    givenName: personName(100),
    familyName: personName(100),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
  })
  .strict();
export type InviteInput = z.infer<typeof InviteInput>;

/** Adds or removes one role of a member. */
export const RoleChange = z
  .object({
    role: z.enum(ROLES),
    change: z.enum(['add', 'remove']),
  })
  .strict();
export type RoleChange = z.infer<typeof RoleChange>;

/**
 * Whether the member uses their account here: `active` once they have accepted the invitation, `pending` while an
 * invitation is open, `expired` when it ran out before being accepted, `declined` when the person said no,
 * `disabled` when the account is off.
 */
export const AccountState = z.enum(['active', 'pending', 'expired', 'declined', 'disabled']);
export type AccountState = z.infer<typeof AccountState>;

export const MemberOutput = z.object({
  personId: z.string().uuid(),
  /** Null until an invitation is accepted. */
  userId: z.string().uuid().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  account: AccountState,
});
export type MemberOutput = z.infer<typeof MemberOutput>;
