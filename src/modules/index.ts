import type { ModuleDefinition } from '../core/module.js';
import { accountPages } from '../core/auth/account.pages.js';
import { authPages } from '../core/auth/auth.pages.js';
import { invitationPages } from '../core/auth/invitation.pages.js';
import { setupPages } from '../core/auth/setup.pages.js';
import { apiDocs } from '../core/http/api-docs.pages.js';
import { adminModule } from './admin/index.js';
import { homeModule } from './home/index.js';
import { matchingModule } from './matching/index.js';
import { menteesModule } from './mentees/index.js';
import { networkModule } from './network/index.js';
import { pairsModule } from './pairs/index.js';
import { peopleModule } from './people/index.js';
import { volunteersModule } from './volunteers/index.js';

/**
 * Every feature and core's own pages, registered in this order. A new module adds one line here (and its place in
 * the module order of .dependency-cruiser.cjs, which says which modules it may import).
 */
export const modules: ModuleDefinition[] = [
  { name: 'auth', register: authPages },
  { name: 'invitation', register: invitationPages },
  { name: 'setup', register: setupPages },
  { name: 'account', register: accountPages },
  homeModule,
  peopleModule,
  volunteersModule,
  menteesModule,
  matchingModule,
  pairsModule,
  adminModule,
  networkModule,
  { name: 'api-docs', register: apiDocs },
];
