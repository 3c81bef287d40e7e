import { orgSlug } from '../../core/http/validation.js';
import { z } from 'zod';
import type { ModuleContext } from '../../core/module.js';
import { setSessionOrganisation } from '../../core/auth/session.js';
import { withSystem, rowsOf } from '../../core/db/tx.js';
import { needsMfaSetup } from '../../core/http/access.js';
import { AppError } from '../../core/http/errors.js';
import { routeParams } from '../../core/http/route-helpers.js';
import { compareNames, isLocale, translator } from '../../core/i18n/index.js';
import { actorOf } from '../../core/tenancy/actor.js';
import { sendPage, setFlash, type PageContext } from '../../core/ui/index.js';
import { loadDashboard } from './dashboards/dashboard.service.js';
import { Dashboard } from './dashboards/views/dashboard.js';
import { publicOrganisation, publicOrganisations } from './home.repository.js';
import { sql } from 'drizzle-orm';

/** The home page (a dashboard when signed in, the public landing page otherwise) and public organisation pages. */
export function homePages({ app, db }: ModuleContext) {
  app.get('/', { config: { access: 'public' } }, async (req, reply) => {
    const auth = req.auth;
    if (auth && !auth.mfaPassed) return reply.redirect('/sign-in/two-factor', 303);
    if (auth && needsMfaSetup(auth)) return reply.redirect('/account/security', 303);
    if (!auth) {
      const noUsers = await withSystem(db, async (tx) => rowsOf<{ none: boolean }>(await tx.execute(sql`select not exists (select 1 from users) as none`))[0]!.none);
      if (noUsers) return reply.redirect('/setup', 303);
      const orgs = await withSystem(db, publicOrganisations);
      return sendPage(req, reply, 'Tandem', (ctx) => <Landing ctx={ctx} orgs={orgs} />);
    }
    const data = auth.organisation ? await loadDashboard(db, actorOf(req)) : null;
    return sendPage(req, reply, (c) => c.t('home.title'), (ctx) => <Dashboard ctx={ctx} data={data} />);
  });

  app.post('/organisation/switch', { config: { access: 'signed-in', beforeMfaSetup: true } }, async (req, reply) => {
    const { organisationId } = z.object({ organisationId: z.string().uuid() }).parse(req.body);
    const auth = req.auth!;
    if (auth.via !== 'session' || !auth.organisations.some((o) => o.id === organisationId)) throw new AppError('FORBIDDEN');
    await setSessionOrganisation(db, auth.sessionHash!, organisationId);
    setFlash(reply, 'success', 'home.switched');
    return reply.redirect('/', 303);
  });

  app.get('/o/:slug', { config: { access: 'public' } }, async (req, reply) => {
    const { slug } = routeParams(req, z.object({ slug: orgSlug() }));
    const org = await withSystem(db, (tx) => publicOrganisation(tx, slug));
    if (!org) throw new AppError('NOT_FOUND');
    // A visitor with no language preference of their own sees the organisation's language.
    const chosen = (req.query as { lang?: string }).lang ?? req.cookies.tandem_lang;
    if (!isLocale(chosen) && !req.headers['accept-language'] && isLocale(org.default_locale)) {
      req.locale = org.default_locale;
      req.t = translator(org.default_locale);
    }
    return sendPage(req, reply, org.name, (ctx) => <PublicOrganisation ctx={ctx} org={org} />);
  });
}

function Landing({ ctx, orgs }: { ctx: PageContext; orgs: { slug: string; name: string; city: string | null }[] }) {
  const { t } = ctx;
  const sorted = [...orgs].sort((a, b) => compareNames(ctx.locale)(a.name, b.name));
  return (
    <>
      <section class="hero">
        <h1>{t('landing.title')}</h1>
        <p class="lead">{t('landing.lead')}</p>
        <p>
          <a class="button" href="/sign-in">
            {t('nav.signIn')}
          </a>
        </p>
      </section>
      <section>
        <h2>{t('landing.organisations')}</h2>
        {sorted.length === 0 ? (
          <p>{t('landing.noOrganisations')}</p>
        ) : (
          <ul class="cards">
            {sorted.map((o) => (
              <li class="card">
                <a href={`/o/${o.slug}`}>{o.name}</a>
                {o.city && <span class="muted"> · {o.city}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The kinds of volunteering offered (SPEC §3.1); their names are the application form's. */
const VOLUNTEERING_KINDS = ['mentoring', 'language_help', 'school_help', 'errands', 'leisure', 'institution_assistance', 'events'] as const;

function PublicOrganisation({ ctx, org }: { ctx: PageContext; org: NonNullable<Awaited<ReturnType<typeof publicOrganisation>>> }) {
  const { t } = ctx;
  return (
    <>
      <h1>{org.name}</h1>
      {org.city && <p class="muted">{org.city}</p>}
      <section class="hero" aria-labelledby="volunteer-title">
        <h2 id="volunteer-title">{t('public.volunteer.title')}</h2>
        <p class="lead">{t('public.volunteer.lead', { organisation: org.name })}</p>
        <h3>{t('public.volunteer.kinds')}</h3>
        <ul>
          {VOLUNTEERING_KINDS.map((k) => (
            <li>{t(`volunteers.application.activity.${k}`)}</li>
          ))}
        </ul>
        <p>
          <a class="button" href={`/o/${org.slug}/apply?lang=${ctx.locale}`}>
            {t('public.volunteer.apply')}
          </a>
        </p>
        <p class="muted">{t('public.volunteer.noAccount')}</p>
      </section>
      <p>
        <a href={`/o/${org.slug}/request?lang=${ctx.locale}`}>{t('mentees.request.publicLink')}</a>
      </p>
      <h2>{t('public.programmes')}</h2>
      {org.programmes.length === 0 ? (
        <p>{t('public.noProgrammes')}</p>
      ) : (
        <ul class="cards">
          {/* Names and descriptions are in whatever language the staff wrote them: dir="auto" keeps a Polish one
              reading left to right (its full stop at its end) on an Arabic page. */}
          {org.programmes.map((p) => (
            <li class="card">
              <h3 dir="auto">{p.name}</h3>
              {p.description && <p dir="auto">{p.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
