import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../core/db/database.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { toCsv, toXlsx } from './export.js';
import type { VolunteerQuery, VolunteerSummary } from './pipeline.schemas.js';
import { exportVolunteers } from './pipeline.service.js';
import { codeLabel, languageLabel, listName, stageName } from './views/labels.js';

/** The current view as a CSV or XLSX download (columns in the viewer's language). Audited by the service. */
export async function exportFile(db: Db, req: FastifyRequest, reply: FastifyReply, format: 'csv' | 'xlsx', query: VolunteerQuery) {
  const { t, locale } = req;
  const { items, clock } = await exportVolunteers(db, actorOf(req), query, locale);
  const header = [t('field.name'), t('field.email'), t('field.phone'), t('volunteers.pipeline.stage'), t('volunteers.pipeline.applied'), t('volunteers.pipeline.daysWaiting'), t('volunteers.pipeline.languages'), t('volunteers.pipeline.district'), t('volunteers.pipeline.activities')];
  const rows = items.map((v: VolunteerSummary) => [
    listName(v),
    v.email ?? '',
    v.phone ?? '',
    stageName(t, v.stage),
    utcToZoned(new Date(v.appliedAt), clock.timeZone).date,
    String(v.daysWaiting),
    v.languages.map((l) => languageLabel(t, locale, l)).join(', '),
    v.district ?? '',
    v.activities.map((a) => codeLabel(t, 'activity', a)).join(', '),
  ]);
  const name = `volunteers-${clock.today}.${format}`;
  reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(header, rows));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(t('volunteers.pipeline.title'), header, rows));
}
