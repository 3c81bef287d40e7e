import type { Tx } from './db/tx.js';
import { AppError } from './http/errors.js';
import type { RequestActor } from './tenancy/actor.js';
import type { Role } from './tenancy/tenancy.table.js';

/**
 * One shape for "who may do what" in every module. A module declares its actions once, with the roles that open the
 * door and, where the answer depends on the record too, a named resource rule ("follows the match", "on the case").
 * Routes take their role lists from it (`config.access`), views ask `allowed` (roles only, for links and buttons),
 * services call `assertAllowed` or `authorize` once at their start. The tenant check comes first everywhere (RLS and
 * every query): a policy never lets anyone into another organisation.
 */

/** A resource rule: whether this actor may act on this record (always within their own organisation). */
export type ResourceRule = (tx: Tx, actor: RequestActor, resourceId: string) => Promise<boolean>;

export type ActionSpec<R extends string = string> = {
  /** The roles that may take the action at all. */
  roles: readonly Role[];
  /** A rule the record must also pass (declared in the same policy)… */
  rule?: R;
  /** …except for these roles, who may act on every record of their organisation (administrators, usually). */
  everyRecord?: readonly Role[];
};

export type Policy<A extends string = string, R extends string = string> = {
  readonly actions: { readonly [K in A]: ActionSpec<R> };
  readonly rules: { readonly [K in R]: ResourceRule };
  /** The roles of an action, for a route's `config: { access: { roles } }` and for lists of staff who may act. */
  roles(action: A): readonly Role[];
};

/**
 * Declares a module's policy. `rules` holds the resource rules its actions name; a rule named by an action but not
 * given is a type error.
 */
export function definePolicy<A extends string, R extends string = never>(actions: { [K in A]: ActionSpec<R> }, rules?: { [K in R]: ResourceRule }): Policy<A, R> {
  return {
    actions,
    rules: rules ?? ({} as { [K in R]: ResourceRule }),
    roles: (action) => actions[action].roles,
  };
}

/** Whether someone holding `held` holds any of `wanted`: the one role test, for role lists taken from policies. */
export const holdsAny = (held: readonly Role[], wanted: readonly Role[]) => wanted.some((r) => held.includes(r));

/** Whether someone with these roles may take the action, on the roles alone (a resource rule is not run): for views. */
export function allowed<A extends string, R extends string>(who: { roles: readonly Role[] } | null | undefined, policy: Policy<A, R>, action: A): boolean {
  return !!who && holdsAny(who.roles, policy.actions[action].roles);
}

/** FORBIDDEN unless the actor's roles allow the action. For actions without a resource rule. */
export function assertAllowed<A extends string, R extends string>(actor: { roles: readonly Role[] }, policy: Policy<A, R>, action: A): void {
  if (policy.actions[action].rule) throw new Error(`policy action "${action}" has a resource rule: use authorize()`);
  if (!allowed(actor, policy, action)) throw new AppError('FORBIDDEN');
}

/**
 * Whether the actor may take the action on this record: the roles first, then the action's resource rule (skipped
 * for its `everyRecord` roles). For a page that shows or hides a control per record.
 */
export async function permits<A extends string, R extends string>(tx: Tx, actor: RequestActor, policy: Policy<A, R>, action: A, resourceId?: string): Promise<boolean> {
  const spec = policy.actions[action];
  if (!allowed(actor, policy, action)) return false;
  if (!spec.rule || holdsAny(actor.roles, spec.everyRecord ?? [])) return true;
  if (resourceId === undefined) throw new Error(`policy action "${action}" needs the record's id`);
  const rule = policy.rules[spec.rule];
  if (!rule) throw new Error(`policy rule "${spec.rule}" is not declared`);
  return rule(tx, actor, resourceId);
}

/** FORBIDDEN unless `permits`: the one call at the start of a service that acts on a record. */
export async function authorize<A extends string, R extends string>(tx: Tx, actor: RequestActor, policy: Policy<A, R>, action: A, resourceId?: string): Promise<void> {
  if (!(await permits(tx, actor, policy, action, resourceId))) throw new AppError('FORBIDDEN');
}
