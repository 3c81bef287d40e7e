import type { Module } from '../app.js';
import type { Config } from '../config.js';
import type { Db } from '../core/db/database.js';
import type { JobHandler } from '../core/jobs/queue.js';
import { accountPages } from '../core/auth/account.pages.js';
import { authPages } from '../core/auth/auth.pages.js';
import { invitationPages } from '../core/auth/invitation.pages.js';
import { setupPages } from '../core/auth/setup.pages.js';
import { apiDocs } from '../core/http/api-docs.pages.js';
import { adminModule } from './admin/index.js';
import { homePages } from './home/home.pages.js';
import { matchingModule } from './matching/index.js';
import { menteesModule } from './mentees/index.js';
import { networkModule } from './network/index.js';
import { pairsJobs, pairsModule } from './pairs/index.js';
import { peopleModule } from './people/index.js';
import { volunteersJobs, volunteersModule } from './volunteers/index.js';

/** Every feature, registered in this order. A new module adds one line here. */
export const modules: Module[] = [authPages, invitationPages, setupPages, accountPages, homePages, peopleModule, volunteersModule, menteesModule, matchingModule, pairsModule, adminModule, networkModule, apiDocs];

/** Background job handlers of the modules, by job kind. */
export const moduleJobs = (db: Db, config: Config): Record<string, JobHandler> => ({
  ...volunteersJobs(db, config),
  ...pairsJobs(db, config),
});
