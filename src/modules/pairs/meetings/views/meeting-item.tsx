import { formatDate, formatDateTime } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
import { formatHours } from '../format-hours.js';
import type { CommentRow, MeetingRow } from '../meetings.repository.js';
import type { ComponentChildren } from 'preact';

/**
 * One logged meeting: the day, with whom (`who`), how long, what, where, the note, a mark when a worry was raised,
 * and the staff comments under it (so the volunteer knows someone read it). `children` go at the end (a form).
 */
export function MeetingItem(props: { ctx: PageContext; meeting: MeetingRow & { comments: CommentRow[] }; who: string; timeZone: string; children?: ComponentChildren }) {
  const { ctx, meeting: m } = props;
  const { t, locale } = ctx;
  const facts = [t('pairs.meetings.hoursValue', { hours: formatHours(m.minutes, locale) }), t(`pairs.meetings.activity.${m.activity}`), m.place].filter(Boolean).join(' · ');
  return (
    <li class="card meeting" id={`meeting-${m.id}`}>
      <h3>{t('pairs.meetings.item.title', { date: formatDate(m.meetingDate, locale, props.timeZone), name: props.who })}</h3>
      <p>{facts}</p>
      {m.note && <p class="note-body" dir="auto">{m.note}</p>}
      {m.worry && <p class="notice notice-warning">{t('pairs.meetings.item.worry')}</p>}
      {m.comments.length > 0 && (
        <ul class="notes comments" aria-label={t('pairs.meetings.item.comments')}>
          {m.comments.map((c) => (
            <li>
              <p class="muted">{t('pairs.meetings.item.commentBy', { name: c.authorName ?? t('pairs.meetings.someone'), when: formatDateTime(c.createdAt, locale, props.timeZone) })}</p>
              <p class="note-body" dir="auto">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </li>
  );
}
