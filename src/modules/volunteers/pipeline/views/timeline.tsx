import { hasMessage } from '../../../../core/i18n/index.js';
import { Timeline as EventList, type PageContext } from '../../../../core/ui/index.js';
import type { EventRow } from '../pipeline.repository.js';
import { stageName } from './labels.js';

/** A volunteer's timeline, newest first. Reasons are shown as text (escaped by JSX). */
export function Timeline({ ctx, events }: { ctx: PageContext; events: EventRow[] }) {
  const { t } = ctx;
  return (
    <EventList
      ctx={ctx}
      labelledBy="timeline-heading"
      empty={t('volunteers.pipeline.noEvents')}
      events={events.map((e) => {
        // The most specific label there is: kind and action ("agreement.accepted_electronically"), then kind.
        const action = typeof e.detail.action === 'string' ? e.detail.action : '';
        const key = [`volunteers.pipeline.event.${e.kind}.${action}`, `volunteers.pipeline.event.${e.kind}`].find((k) => hasMessage(k)) ?? 'volunteers.pipeline.event.other';
        const what =
          e.kind === 'stage' && e.fromStage && e.toStage
            ? t('volunteers.pipeline.event.moved', { from: stageName(t, e.fromStage), to: stageName(t, e.toStage) })
            : t(key);
        return { what, note: e.reason ? t('volunteers.pipeline.event.reason', { reason: e.reason }) : undefined, at: e.at, actorName: e.actorName };
      })}
    />
  );
}
