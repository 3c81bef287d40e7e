import { definePolicy } from '../../core/policy.js';
import { ROLES, type Role } from '../../core/tenancy/tenancy.table.js';

/**
 * Who may use each administration area, in their own organisation (the tenant check comes first, in RLS
 * and in every query). The navigation in core/ui/layout.tsx shows the same roles.
 */
export const adminPolicy = definePolicy({
  /** See the team and invite people. */
  team: { roles: ['administrator', 'coordinator'] },
  /** Add and remove roles of members. */
  roles: { roles: ['administrator'] },
  programmes: { roles: ['administrator', 'programme_manager'] },
  organisation: { roles: ['administrator'] },
  audit: { roles: ['administrator'] },
  outbox: { roles: ['administrator'] },
});

export type AdminArea = keyof typeof adminPolicy;


/** The roles a coordinator may hand out: never administrator, social worker or programme manager. */
export const COORDINATOR_INVITES: readonly Role[] = ['volunteer', 'mentee', 'migrant_assistant', 'institution_staff', 'coordinator'];

/** The roles someone holding `roles` may invite into their organisation (an administrator: any). */
export function invitableRoles(roles: readonly Role[]): readonly Role[] {
  if (roles.includes('administrator')) return ROLES;
  if (roles.includes('coordinator')) return COORDINATOR_INVITES;
  return [];
}

export const canInvite = (roles: readonly Role[], role: Role) => invitableRoles(roles).includes(role);
