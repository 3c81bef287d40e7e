import { formatDateTime, isLocale, LANGUAGE_NAME } from '../../../../core/i18n/index.js';
import { DefinitionList, type PageContext } from '../../../../core/ui/index.js';
import type { MailOutput } from '../outbox.schemas.js';

/** One mail: its headers and its plain-text body in a <pre>, escaped like every text (the HTML body is never shown). */
export function MailView({ ctx, mail }: { ctx: PageContext; mail: MailOutput }) {
  const { t } = ctx;
  const rows: [string, string][] = [
    [t('admin.outbox.to'), mail.to],
    [t('admin.outbox.status'), t(`admin.outbox.state.${mail.status}`)],
    [t('admin.outbox.created'), formatDateTime(new Date(mail.createdAt), ctx.locale)],
    [t('admin.outbox.sent'), mail.sentAt ? formatDateTime(new Date(mail.sentAt), ctx.locale) : '—'],
    [t('admin.outbox.language'), isLocale(mail.locale) ? LANGUAGE_NAME[mail.locale] : mail.locale],
  ];
  if (mail.lastError) rows.push([t('admin.outbox.lastError'), mail.lastError]);
  return (
    <>
      <p>
        <a href="/admin/outbox">{t('admin.outbox.back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <DefinitionList items={rows} />
      <h2>{t('admin.outbox.body')}</h2>
      <pre class="mail-body" lang={mail.locale} dir={mail.locale === 'ar' ? 'rtl' : 'ltr'}>
        {mail.textBody}
      </pre>
    </>
  );
}
