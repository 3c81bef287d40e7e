import { hasMessage, type Translate } from '../../../../core/i18n/index.js';
import { Timeline as EventList, type PageContext, type TimelineEvent } from '../../../../core/ui/index.js';
import { purposeName, statusName } from '../../views/labels.js';
import type { EventRow } from '../case.repository.js';

/** What one event says, in the viewer's language (the most specific message there is, then the kind, then "other"). */
export function eventText(t: Translate, e: EventRow): string {
  const d = e.detail;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (e.kind) {
    case 'created':
      return t(d.source === 'form' ? 'mentees.event.created.form' : 'mentees.event.created.staff');
    case 'reviewed':
      return t(d.decision === 'declined' ? 'mentees.event.reviewed.declined' : 'mentees.event.reviewed.accepted');
    case 'status':
      return t('mentees.event.status', { from: statusName(t, e.fromStatus ?? ''), to: statusName(t, e.toStatus ?? '') });
    case 'consent':
      return t(d.action === 'withdrawn' ? 'mentees.event.consent.withdrawn' : 'mentees.event.consent.recorded', { purpose: purposeName(t, str(d.purpose)) });
    case 'staff':
      return t(d.action === 'removed' ? 'mentees.event.staff.removed' : 'mentees.event.staff.added', { name: e.subjectName ?? t('mentees.case.unknownStaff') });
    default: {
      const key = [`mentees.event.${e.kind}.${str(d.action)}`, `mentees.event.${e.kind}`].find((k) => hasMessage(k));
      return t(key ?? 'mentees.event.other');
    }
  }
}

/** One event as the timeline shows it: its text, the reason given (as text, escaped by JSX), when and who. */
function timelineEvent(t: Translate, e: EventRow): TimelineEvent {
  const note = typeof e.detail.reason === 'string' ? <span dir="auto">{t('mentees.event.reason', { reason: e.detail.reason })}</span> : undefined;
  return { what: eventText(t, e), note, at: e.at, actorName: e.actorName };
}

/** The case's timeline, newest first. */
export function Timeline({ ctx, events }: { ctx: PageContext; events: EventRow[] }) {
  return <EventList ctx={ctx} labelledBy="timeline-heading" empty={ctx.t('mentees.case.noEvents')} events={events.map((e) => timelineEvent(ctx.t, e))} />;
}
