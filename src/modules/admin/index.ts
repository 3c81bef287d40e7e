import type { ModuleContext } from '../../app.js';
export function adminModule(_ctx: ModuleContext) {}
