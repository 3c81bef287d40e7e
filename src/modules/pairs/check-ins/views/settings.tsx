import { DataTable, ErrorSummary, Form, MutedLine, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DEFAULT_FOLLOW_UP, FOLLOW_UP_KEYS } from '../follow-up.js';
import type { ProgrammeFollowUp } from '../settings.service.js';

/** /pairs/settings: each programme's check-in schedule and quiet threshold, with a link to change them. */
export function SettingsListView({ ctx, programmes }: { ctx: PageContext; programmes: ProgrammeFollowUp[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('pairs.followUp.title')}</h1>
      <p class="lead">{t('pairs.followUp.intro')}</p>
      <DataTable
        cards
        caption={t('pairs.followUp.title')}
        rows={programmes}
        empty={t('pairs.followUp.noProgrammes')}
        columns={[
          {
            header: t('pairs.followUp.programme'),
            rowHeader: true,
            cell: (p) => (
              <>
                <a href={`/pairs/settings/${p.programmeId}`}>{p.name}</a>
                <MutedLine>{p.custom ? t('pairs.followUp.custom') : t('pairs.followUp.defaults')}</MutedLine>
              </>
            ),
          },
          ...FOLLOW_UP_KEYS.map((k) => ({ header: t(`pairs.followUp.field.${k}`), headerClass: 'numeric', cellClass: 'numeric', cell: (p: ProgrammeFollowUp) => t('pairs.followUp.days', { days: p.settings[k] }) })),
        ]}
      />
    </>
  );
}

/** The form of one programme: three whole numbers of days, each explained with its default. */
export function SettingsFormView({ ctx, form, programme }: { ctx: PageContext; form: FormState; programme: ProgrammeFollowUp }) {
  const { t } = ctx;
  const labels = Object.fromEntries(FOLLOW_UP_KEYS.map((k) => [k, t(`pairs.followUp.field.${k}`)]));
  return (
    <section class="narrow">
      <p>
        <a href="/pairs/settings">{t('pairs.followUp.back')}</a>
      </p>
      <h1>{t('pairs.followUp.formTitle', { name: programme.name })}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/pairs/settings/${programme.programmeId}`}>
        {FOLLOW_UP_KEYS.map((k) => (
          <TextField ctx={ctx} form={form} name={k} inputMode="numeric" maxLength={3} label={labels[k]!} hint={t(`pairs.followUp.hint.${k}`, { days: DEFAULT_FOLLOW_UP[k] })} required />
        ))}
        <SubmitButton>{t('pairs.followUp.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
