import { dynamicKey, formatDate } from '../../../../core/i18n/index.js';
import { DataTable, type PageContext } from '../../../../core/ui/index.js';
import type { CheckInRow, PairRow } from '../check-ins.repository.js';
import { SIDES, type Side } from '../check-ins.schemas.js';
import { daysBetween } from '../../../../core/i18n/time-zone.js';
import { fullName } from './check-in-form.js';

interface Props {
  ctx: PageContext;
  pair: PairRow;
  items: (CheckInRow & { recordedBy: string | null })[];
  due: Record<Side, string | null>;
  today: string;
  timeZone: string;
}

/** When the next check-in with one side is due, in words: on a day, today, or overdue by n days. */
function DueLine({ ctx, side, due, today, names }: { ctx: PageContext; side: Side; due: string | null; today: string; names: Record<string, string> }) {
  const { t, locale } = ctx;
  const who = t(`pairs.checkIns.sideWith.${side}`, names);
  if (due === null) return <li>{t('pairs.checkIns.dueNone', { who })}</li>;
  const days = daysBetween(due, today);
  return (
    <li>
      {days > 0 ? <strong>{t('pairs.checkIns.dueOverdue', { who, date: formatDate(due, locale), days })}</strong> : t('pairs.checkIns.dueOn', { who, date: formatDate(due, locale) })}
    </li>
  );
}

/** A pair's check-ins, newest first, with what is due next and links to record one with each side. */
export function CheckInsListView({ ctx, pair, items, due, today, timeZone }: Props) {
  const { t, locale } = ctx;
  const names = { volunteer: fullName(pair.volunteer), mentee: fullName(pair.mentee) };
  return (
    <>
      <p>
        <a href={`/pairs/${pair.id}`}>{t('pairs.checkIns.backToPair')}</a>
      </p>
      <h1>{t('pairs.checkIns.listTitle', names)}</h1>
      <p class="muted">{t('pairs.checkIns.since', { date: formatDate(pair.startedAt, locale, timeZone), status: t(`pairs.checkIns.status.${pair.status}`) })}</p>
      <h2>{t('pairs.checkIns.nextTitle')}</h2>
      <ul>
        {SIDES.map((side) => (
          <DueLine ctx={ctx} side={side} due={due[side]} today={today} names={names} />
        ))}
      </ul>
      {pair.status !== 'closed' && (
        <div class="actions-row">
          {SIDES.map((side) => (
            <a class="button" href={`/pairs/${pair.id}/check-ins/new?side=${side}`}>
              {t(`pairs.checkIns.record.${side}`)}
            </a>
          ))}
        </div>
      )}
      <h2>{t('pairs.checkIns.historyTitle')}</h2>
      {/* On a phone each check-in is a card, each cell under its column's name (app.css .table-cards). */}
      <DataTable
        cards
        caption={t('pairs.checkIns.caption', names)}
        rows={items}
        empty={t('pairs.checkIns.empty')}
        columns={[
          { header: t('pairs.checkIns.field.heldOn'), rowHeader: true, cell: (c) => formatDate(c.heldOn, locale) },
          {
            header: t('pairs.checkIns.field.side'),
            cell: (c) => (
              <>
                {t(`pairs.checkIns.side.${c.side}`)}
                {c.kind === 'closing' && (
                  <>
                    <br />
                    <span class="muted">{t('pairs.checkIns.closing')}</span>
                  </>
                )}
              </>
            ),
          },
          { header: t('pairs.checkIns.field.rating'), cell: (c) => /* dynamicKey: an integer column, 1–5 by its check constraint. */ (c.rating ? t(dynamicKey(`pairs.checkIns.rating.${c.rating}`)) : '—') },
          {
            header: t('pairs.checkIns.field.howItGoes'),
            cell: (c) => (
              <>
                {/* What was said keeps its own direction; the label, the notes line and "recorded by" keep the page's. */}
                {c.howItGoes ? <bdi>{c.howItGoes}</bdi> : ''}
                {c.notes && (
                  <>
                    <br />
                    <span class="muted">{t('pairs.checkIns.notesLabel', { notes: c.notes })}</span>
                  </>
                )}
                {c.recordedBy && (
                  <>
                    <br />
                    <span class="muted">{t('pairs.checkIns.recordedBy', { name: c.recordedBy })}</span>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
