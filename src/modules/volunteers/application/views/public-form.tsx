import type { ComponentChildren } from 'preact';
import { FormPage, refusedAsWhole, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { PublicOrganisation } from '../application.repository.js';

/** The link from a public page back to the organisation's public page. */
function BackToOrganisation({ ctx, org }: { ctx: PageContext; org: PublicOrganisation }) {
  return (
    <p>
      <a href={`/o/${org.slug}`}>{ctx.t('volunteers.application.backTo', { organisation: org.name })}</a>
    </p>
  );
}

/** The page at the end of a public step (sent, confirmed): heading, lead, what else to say, and the way back. */
export function PublicDonePage({ ctx, org, title, lead, children }: { ctx: PageContext; org: PublicOrganisation; title: string; lead: string; children?: ComponentChildren }) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <p class="lead">{lead}</p>
      {children}
      <BackToOrganisation ctx={ctx} org={org} />
    </section>
  );
}

/**
 * The frame of a public form (the application, a mentee's request): back to the organisation's page, heading, lead,
 * the note on required fields, the error summary (saying "not sent" when the form was refused as a whole: a rate limit,
 * a used form token), then inside the form the one-time form token, an invisible first submit button, because Enter in
 * a text field presses the form's first button and that must send the form, not "add a language", and the honeypot
 * field people never see (a bot that fills it in is refused); then the fields (`children`).
 */
export function PublicFormPage(props: {
  ctx: PageContext;
  org: PublicOrganisation;
  form: FormState;
  labels: Record<string, string>;
  title: string;
  lead: string;
  action: string;
  formToken: string;
  submit: string;
  children: ComponentChildren;
}) {
  const { ctx, org, form } = props;
  const { t } = ctx;
  const back = { href: `/o/${org.slug}`, label: t('volunteers.application.backTo', { organisation: org.name }) };
  const intro = (
    <>
      <p class="lead">{props.lead}</p>
      <p class="muted">{t('volunteers.application.requiredNote')}</p>
    </>
  );
  return (
    <FormPage ctx={ctx} form={form} labels={props.labels} back={back} title={props.title} intro={intro} summaryTitle={refusedAsWhole(form) ? t('form.notSent') : undefined} action={props.action}>
      <input type="hidden" name="_form" value={props.formToken} />
      <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
        {props.submit}
      </button>
      <div class="visually-hidden">
        <label for="f-website">{t('volunteers.application.honeypot')}</label>
        <input type="text" id="f-website" name="website" value="" tabIndex={-1} autocomplete="off" />
      </div>
      {props.children}
    </FormPage>
  );
}
