import type { ModuleDefinition } from '../../core/module.js';
import { homePages } from './home.pages.js';

/** The home page (each role's dashboard, or the public landing page) and the public organisation pages. */
export const homeModule: ModuleDefinition = {
  name: 'home',
  register: homePages,
};
