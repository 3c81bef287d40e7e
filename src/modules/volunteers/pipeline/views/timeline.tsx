import { hasMessage, type Translate } from '../../../../core/i18n/index.js';
import { Timeline as EventList, type PageContext, type TimelineEvent } from '../../../../core/ui/index.js';
import type { EventRow } from '../pipeline.repository.js';
import { stageName } from './labels.js';

/**
 * One event as the timeline shows it: the most specific label there is (kind and action, e.g.
 * "agreement.accepted_electronically", then kind), the reason given (as text, escaped by JSX), when and who.
 */
function timelineEvent(t: Translate, e: EventRow): TimelineEvent {
  const action = typeof e.detail.action === 'string' ? e.detail.action : '';
  const key = [`volunteers.pipeline.event.${e.kind}.${action}`, `volunteers.pipeline.event.${e.kind}`].find((k) => hasMessage(k)) ?? 'volunteers.pipeline.event.other';
  const what = e.kind === 'stage' && e.fromStage && e.toStage ? t('volunteers.pipeline.event.moved', { from: stageName(t, e.fromStage), to: stageName(t, e.toStage) }) : t(key);
  return { what, note: e.reason ? t('volunteers.pipeline.event.reason', { reason: e.reason }) : undefined, at: e.at, actorName: e.actorName };
}

/** A volunteer's timeline, newest first. */
export function Timeline({ ctx, events }: { ctx: PageContext; events: EventRow[] }) {
  return <EventList ctx={ctx} labelledBy="timeline-heading" empty={ctx.t('volunteers.pipeline.noEvents')} events={events.map((e) => timelineEvent(ctx.t, e))} />;
}
