import { Checkbox, ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';

export function ProgrammeFormView({ ctx, form, id }: { ctx: PageContext; form: FormState; id: string | null }) {
  const { t } = ctx;
  const labels = { name: t('field.name'), description: t('admin.programmes.description'), active: t('admin.programmes.active') };
  return (
    <section class="narrow">
      <p>
        <a href="/admin/programmes">{t('form.cancel')}</a>
      </p>
      <h1>{t(id ? 'admin.programmes.edit' : 'admin.programmes.new')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={id ? `/admin/programmes/${id}/edit` : '/admin/programmes/new'}>
        <TextField ctx={ctx} form={form} name="name" label={labels.name} maxLength={120} required />
        <TextArea ctx={ctx} form={form} name="description" label={labels.description} maxLength={2000} rows={5} />
        <Checkbox ctx={ctx} form={form} name="active" label={labels.active} hint={t('admin.programmes.activeHint')} />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}
