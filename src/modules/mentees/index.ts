import type { ModuleContext } from '../../app.js';

/** People who need support (SPEC §3.2): intake by staff, the public request form, review, waiting list, case notes. */
export function menteesModule(_ctx: ModuleContext) {}
