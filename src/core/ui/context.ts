import type { Locale, Translate } from '../i18n/index.js';
import type { Role } from '../tenancy/tenancy.table.js';

/** What every page needs to render: language, the signed-in person, the CSRF token, a flash message. */
export interface PageContext {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** The request path without the query, for the language switcher and the current-page marker. */
  path: string;
  csrfToken: string;
  user?: {
    displayName: string;
    roles: readonly Role[];
    organisationName?: string;
    organisations: { id: string; name: string }[];
    currentOrganisationId?: string;
    networkManager: boolean;
    /** An administrator in any of their organisations (two-factor stays on). */
    administrator: boolean;
  };
  flash?: { kind: 'success' | 'error' | 'info'; text: string };
}
