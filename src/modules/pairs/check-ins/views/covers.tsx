import { formatDate } from '../../../../core/i18n/index.js';
import { DataTable, ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { CoverRow } from '../covers.repository.js';

interface Props {
  ctx: PageContext;
  form: FormState;
  staff: { userId: string; name: string }[];
  current: CoverRow[];
  past: CoverRow[];
  today: string;
}

function CoverTable({ ctx, rows, caption, today }: { ctx: PageContext; rows: CoverRow[]; caption: string; today: string }) {
  const { t, locale } = ctx;
  return (
    <DataTable
      cards
      caption={caption}
      rows={rows}
      columns={[
        { header: t('pairs.covers.field.absent'), rowHeader: true, cell: (c) => c.absentName ?? '—' },
        { header: t('pairs.covers.field.cover'), cell: (c) => c.coverName ?? '—' },
        {
          header: t('pairs.covers.period'),
          cell: (c) => (
            <>
              {t('pairs.covers.range', { from: formatDate(c.startsOn, locale), to: formatDate(c.endsOn, locale) })}
              {c.startsOn <= today && c.endsOn >= today && (
                <>
                  <br />
                  <strong>{t('pairs.covers.runningNow')}</strong>
                </>
              )}
            </>
          ),
        },
        { header: t('pairs.covers.field.note'), dir: 'auto', cell: (c) => c.note ?? '' },
      ]}
    />
  );
}

/** /pairs/covers: who covers for whom and when, and the form to hand an absent colleague's pairs to a cover. */
export function CoversView({ ctx, form, staff, current, past, today }: Props) {
  const { t } = ctx;
  const labels = {
    absentUserId: t('pairs.covers.field.absent'),
    coverUserId: t('pairs.covers.field.cover'),
    startsOn: t('pairs.covers.field.startsOn'),
    endsOn: t('pairs.covers.field.endsOn'),
    note: t('pairs.covers.field.note'),
  };
  const options = staff.map((s) => ({ value: s.userId, label: s.name }));
  return (
    <>
      <h1>{t('pairs.covers.title')}</h1>
      <p class="lead">{t('pairs.covers.intro')}</p>
      <h2>{t('pairs.covers.currentTitle')}</h2>
      {current.length === 0 ? <p class="empty">{t('pairs.covers.noneCurrent')}</p> : <CoverTable ctx={ctx} rows={current} caption={t('pairs.covers.currentTitle')} today={today} />}
      <h2 id="new-cover">{t('pairs.covers.newTitle')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/pairs/covers">
        <SelectField ctx={ctx} form={form} name="absentUserId" label={labels.absentUserId} options={options} required />
        <SelectField ctx={ctx} form={form} name="coverUserId" label={labels.coverUserId} hint={t('pairs.covers.hint.cover')} options={options} required />
        <TextField ctx={ctx} form={form} name="startsOn" type="date" label={labels.startsOn} required />
        <TextField ctx={ctx} form={form} name="endsOn" type="date" label={labels.endsOn} hint={t('pairs.covers.hint.endsOn')} required />
        <TextArea ctx={ctx} form={form} name="note" label={labels.note} hint={t('pairs.covers.hint.note')} maxLength={500} rows={2} />
        <SubmitButton>{t('pairs.covers.submit')}</SubmitButton>
      </Form>
      {past.length > 0 && (
        <>
          <h2>{t('pairs.covers.pastTitle')}</h2>
          <CoverTable ctx={ctx} rows={past} caption={t('pairs.covers.pastTitle')} today={today} />
        </>
      )}
    </>
  );
}
