import { Form, SubmitButton, WarningNotice, type PageContext } from '../../../../core/ui/index.js';
import type { PublicOrganisation } from '../application.repository.js';
import { PublicDonePage } from './public-form.js';

/** After a successful application: what happens next (and, for an applicant under 18, the guardian's part). */
export function ThanksView({ ctx, org, minor }: { ctx: PageContext; org: PublicOrganisation; minor: boolean }) {
  const { t } = ctx;
  return (
    <PublicDonePage ctx={ctx} org={org} title={t('volunteers.application.thanks.title')} lead={t('volunteers.application.thanks.lead', { organisation: org.name })}>
      {minor && <WarningNotice>{t('volunteers.application.thanks.guardian')}</WarningNotice>}
      <h2>{t('volunteers.application.thanks.nextTitle')}</h2>
      <ol>
        <li>{t('volunteers.application.thanks.step1')}</li>
        <li>{t('volunteers.application.thanks.step2')}</li>
        <li>{t('volunteers.application.thanks.step3')}</li>
      </ol>
      <p>{t('volunteers.application.thanks.noMail')}</p>
    </PublicDonePage>
  );
}

/** The guardian's page behind the e-mailed link: a button confirms (a GET never changes anything). */
export function GuardianView({ ctx, org, givenName, token }: { ctx: PageContext; org: PublicOrganisation; givenName: string; token: string }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('volunteers.application.guardian.title')}</h1>
      <p>{t('volunteers.application.guardian.lead', { name: givenName, organisation: org.name })}</p>
      <p>{t('volunteers.application.guardian.consent', { name: givenName, organisation: org.name })}</p>
      <Form ctx={ctx} action={`/o/${org.slug}/apply/guardian/${token}?lang=${ctx.locale}`}>
        <SubmitButton>{t('volunteers.application.guardian.confirm')}</SubmitButton>
      </Form>
      <p class="hint">{t('volunteers.application.guardian.notAgree', { organisation: org.name })}</p>
    </section>
  );
}

export function GuardianDoneView({ ctx, org }: { ctx: PageContext; org: PublicOrganisation }) {
  const { t } = ctx;
  return <PublicDonePage ctx={ctx} org={org} title={t('volunteers.application.guardian.doneTitle')} lead={t('volunteers.application.guardian.done', { organisation: org.name })} />;
}
