import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db } from './db/database.js';
import type { JobHandler } from './jobs/queue.js';
import type { Worker } from './jobs/worker.js';
import type { Mailer } from './mail/sender.js';

/** What building the app needs: its configuration, its database and its mail sender. */
export interface AppDeps {
  config: Config;
  database: Database;
  mailer: Mailer;
}

/** The built app: the HTTP server and the job worker. */
export interface App {
  app: FastifyInstance;
  worker: Worker;
}

/** Builds the app (src/app.ts's buildApp): main.ts calls it, and the test harness is handed it (src/test-app.ts). */
export type AppBuilder = (deps: AppDeps) => Promise<App>;

/** What the app hands every module while it is built (src/app.ts): one per app, no hidden singletons. */
export type ModuleContext = {
  app: FastifyInstance;
  config: Config;
  db: Database['db'];
  engine: Database['engine'];
  mailer: Mailer;
  /** Contributions of later modules to earlier modules' pages (see Slot). */
  slots: Slots;
};

/** Registers routes: a feature module's, or one of core's own pages (sign-in, account, API docs). */
export type Module = (ctx: ModuleContext) => Promise<void> | void;

/** Route sets registered one after another, in list order, as one: `register: routes(listPages, casePages)`. */
export const routes =
  (...sets: Module[]): Module =>
  async (ctx) => {
    for (const register of sets) await register(ctx);
  };

/**
 * What a feature module declares to the app. src/modules/index.ts lists them in the module order; src/app.ts
 * registers the routes, hands the job handlers to the worker and gives the hourly kinds to core/jobs/scheduled.ts.
 */
export interface ModuleDefinition {
  name: string;
  /** Its routes, registered in list order. */
  register: Module;
  /** Its background job handlers, by job kind. */
  jobs?: (db: Db, config: Config) => Record<string, JobHandler>;
  /**
   * Job kinds enqueued every hour (one job per kind and hour across instances). The handler decides what is due in
   * each organisation's own time zone and enqueues that work under its own unique keys.
   */
  hourlyJobs?: readonly string[];
}

/**
 * A place on an earlier module's page where later modules add their part, so that the dependency points the module
 * order's way (e.g. matching declares the match page's sections; pairs, later in the order, adds the meeting log).
 * Declare one as a constant in the owning module's index.ts.
 */
export class Slot<T> {
  constructor(readonly name: string) {}
}

/** The contributions to slots of one app, filled while the modules register (read them when a request comes). */
export class Slots {
  readonly #items = new Map<Slot<unknown>, unknown[]>();

  add<T>(slot: Slot<T>, item: T): void {
    const items = this.#items.get(slot as Slot<unknown>) ?? [];
    items.push(item);
    this.#items.set(slot as Slot<unknown>, items);
  }

  /** What was added to the slot, in registration order (empty when no module adds to it). */
  get<T>(slot: Slot<T>): readonly T[] {
    return (this.#items.get(slot as Slot<unknown>) ?? []) as T[];
  }
}
