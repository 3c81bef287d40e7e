import type { ModuleContext } from '../../app.js';
export function networkModule(_ctx: ModuleContext) {}
