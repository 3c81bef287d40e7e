import { routes, type ModuleDefinition } from '../../core/module.js';
import { peopleApi } from './people.api.js';
import { peoplePages } from './people.pages.js';

export { presentPerson } from './people.service.js';
export type { PersonOutput } from './people.schemas.js';

/** People records of an organisation: the personal data every later module links to. */
export const peopleModule: ModuleDefinition = {
  name: 'people',
  register: routes(peoplePages, peopleApi),
};

// What other modules use: read functions, types, labels and views they show.
export { peoplePolicy } from './people.policy.js';
