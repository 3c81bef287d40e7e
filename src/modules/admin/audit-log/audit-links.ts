import { holdsAny } from '../../../core/policy.js';
import type { Role } from '../../../core/tenancy/tenancy.table.js';
import { matchingPolicy, settingsPolicy } from '../../matching/index.js';
import { menteesPolicy } from '../../mentees/index.js';
import { concernsPolicy, meetingsPolicy, pairsPolicy } from '../../pairs/index.js';
import { peoplePolicy } from '../../people/index.js';
import { volunteersPolicy } from '../../volunteers/index.js';
import { adminPolicy } from '../admin.policy.js';
import type { OpenKind } from './audit-targets.repository.js';

/**
 * Where each kind of record is opened, and who may open it: the same role lists the pages' routes declare (their
 * policies), so the audit log links a record only for a viewer the page would let in.
 */
const PAGES: Record<OpenKind, { roles: readonly Role[]; href: (id: string) => string }> = {
  person: { roles: peoplePolicy.roles('read'), href: (id) => `/people/${id}` },
  volunteer: { roles: volunteersPolicy.roles('read'), href: (id) => `/volunteers/${id}` },
  mentee: { roles: menteesPolicy.roles('read'), href: (id) => `/mentees/${id}` },
  pair: { roles: meetingsPolicy.roles('follow'), href: (id) => `/pairs/${id}` },
  concern: { roles: concernsPolicy.roles('staff'), href: (id) => `/concerns/${id}` },
  venue: { roles: settingsPolicy.roles('configure'), href: (id) => `/matching/settings/venues/${id}/edit` },
  programme: { roles: adminPolicy.roles('programmes'), href: (id) => `/admin/programmes/${id}/edit` },
  batch: { roles: matchingPolicy.roles('read'), href: (id) => `/matching/batch/${id}` },
  mail: { roles: adminPolicy.roles('outbox'), href: (id) => `/admin/outbox/${id}` },
  supervision: { roles: pairsPolicy.roles('supervise'), href: (id) => `/supervision/${id}` },
};

/** The link to a record for a viewer with these roles, or null when the viewer may not open that page. */
export function linkFor(open: { kind: OpenKind; id: string } | null, viewerRoles: readonly Role[]): string | null {
  if (!open) return null;
  const page = PAGES[open.kind];
  return holdsAny(viewerRoles, page.roles) ? page.href(open.id) : null;
}
