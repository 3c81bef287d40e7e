import type { Auth } from '../auth/session.js';
import type { Locale, Translate } from '../i18n/index.js';
import type { Role } from '../tenancy/tenancy.table.js';

/**
 * Who may call a route; every route must declare one (the app refuses to start otherwise).
 * - `public`: anyone;
 * - `mfa-pending`: signed in with a password, second factor still to give;
 * - `signed-in`: any signed-in account (second factor given where enabled);
 * - `{ roles }`: one of these roles in the current organisation;
 * - `network`: managers of a network (aggregates only).
 */
export type Access = 'public' | 'mfa-pending' | 'signed-in' | 'network' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
    locale: Locale;
    t: Translate;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable by an administrator who has not set up two-factor yet (the set-up pages themselves). */
    beforeMfaSetup?: boolean;
    /** Accepts `multipart/form-data` (file uploads, see multipart.ts); other routes refuse it. */
    upload?: boolean;
  }
}
