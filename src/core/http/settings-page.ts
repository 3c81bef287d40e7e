import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { z, ZodTypeAny } from 'zod';
import type { MessageKey } from '../i18n/index.js';
import { emptyForm, sendPage, type FormState, type PageContext } from '../ui/index.js';
import { submitForm } from './form.js';
import type { Access } from './types.js';

/** What a settings page declares: who may use it, what it shows and how it saves. */
export interface SettingsPage<S extends ZodTypeAny, T extends object> {
  access: Access;
  title: MessageKey;
  /** What is saved now: the form's first values (`values`, all of it when left out) and what else the view needs. */
  load: (req: FastifyRequest) => Promise<T>;
  values?: (saved: T) => Record<string, unknown>;
  view: (ctx: PageContext, form: FormState, saved: T) => ComponentChildren;
  schema: S;
  /** Saves the input; answers the names of the fields it changed (none: "unchanged" instead of `saved`). */
  save: (req: FastifyRequest, input: z.infer<S>) => Promise<readonly string[]>;
  saved: MessageKey;
  unchanged: MessageKey;
}

/**
 * The two routes at `path` of a page of an organisation's settings: GET shows the form filled in with what is saved;
 * POST saves and comes back to the page saying "saved" (or "unchanged", as info), or shows the form again with the errors.
 */
export function settingsPage<S extends ZodTypeAny, T extends object>(app: FastifyInstance, path: string, page: SettingsPage<S, T>) {
  const config = { access: page.access };
  const show = async (req: FastifyRequest, reply: Parameters<typeof sendPage>[1], form: FormState | null, status = 200) => {
    const saved = await page.load(req);
    const shown = form ?? emptyForm(page.values ? page.values(saved) : { ...(saved as Record<string, unknown>) });
    return sendPage(req, reply, (c) => c.t(page.title), (ctx) => page.view(ctx, shown, saved), status);
  };

  app.get(path, { config }, async (req, reply) => show(req, reply, null));

  app.post(path, { config }, async (req, reply) =>
    submitForm(req, reply, {
      schema: page.schema,
      view: (form, status) => show(req, reply, form, status),
      action: (input) => page.save(req, input),
      success: (fields) => ({ flash: fields.length ? page.saved : { kind: 'info', key: page.unchanged }, redirect: path }),
    }),
  );
}
