import { formatDate, formatList } from '../../../../core/i18n/index.js';
import { DataTable, MutedLine, PersonName, type Column, type PageContext } from '../../../../core/ui/index.js';
import type { Sort, VolunteerQuery, VolunteerSummary } from '../pipeline.schemas.js';
import { codeLabel, languageLabel, listName, stageName } from './labels.js';

interface Props {
  ctx: PageContext;
  query: VolunteerQuery;
  items: VolunteerSummary[];
  /** Coordinators get a checkbox per row for the bulk move (the form around the table is the list's). */
  canManage: boolean;
  /** The rows ticked before a refused bulk move, as "id:version". */
  selected: Set<string>;
  /** The list's address sorted by a column in a direction, back on page 1. */
  sortLink: (sort: Sort, dir: 'asc' | 'desc') => string;
}

/**
 * A sortable column: the header is a link that sorts by it (the other way round when it already does), with
 * `aria-sort` on the current one. Cards label its cells with the plain label.
 */
function sortColumn(ctx: PageContext, query: VolunteerQuery, sortLink: Props['sortLink'], sort: Sort, label: string): Pick<Column<VolunteerSummary>, 'header' | 'sort' | 'cardLabel'> {
  const current = query.sort === sort;
  const defaultDir = sort === 'waiting' || sort === 'applied' ? 'desc' : 'asc';
  const dir = query.dir ?? defaultDir;
  const nextDir = current ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  return {
    header: (
      <a href={sortLink(sort, nextDir)}>
        {label}
        {current && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span class="visually-hidden"> ({ctx.t(nextDir === 'asc' ? 'volunteers.pipeline.sortAscending' : 'volunteers.pipeline.sortDescending')})</span>
      </a>
    ),
    sort: current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined,
    cardLabel: label,
  };
}

/** The volunteers of one page of the list; on a phone each is a card (app.css `.table-cards`). */
export function VolunteerTable({ ctx, query, items, canManage, selected, sortLink }: Props) {
  const { t, locale } = ctx;
  const sorted = (sort: Sort, label: string) => sortColumn(ctx, query, sortLink, sort, label);
  return (
    <DataTable
      cards
      caption={t('volunteers.pipeline.tableCaption')}
      rows={items}
      columns={[
        canManage && {
          header: <span class="visually-hidden">{t('volunteers.pipeline.selectColumn')}</span>,
          cell: (v) => (
            <input
              type="checkbox"
              id={`select-${v.id}`}
              name="ids"
              value={`${v.id}:${v.version}`}
              checked={selected.has(`${v.id}:${v.version}`)}
              aria-label={t('volunteers.pipeline.selectOne', { name: listName(v) })}
            />
          ),
        },
        {
          ...sorted('name', t('field.name')),
          rowHeader: true,
          cell: (v) => (
            <>
              <PersonName href={`/volunteers/${v.id}`} name={listName(v)} />
              {v.duplicateOf && <MutedLine>{t('volunteers.pipeline.possibleDuplicate')}</MutedLine>}
              {v.awaitingGuardian && <MutedLine>{t('volunteers.pipeline.awaitingGuardian')}</MutedLine>}
            </>
          ),
        },
        { ...sorted('stage', t('volunteers.pipeline.stage')), cell: (v) => stageName(t, v.stage) },
        { header: t('volunteers.pipeline.languages'), cell: (v) => formatList(v.languages.map((l) => languageLabel(t, locale, l)), locale) },
        { header: t('volunteers.pipeline.district'), cell: (v) => v.district ?? '' },
        { header: t('volunteers.pipeline.activities'), cell: (v) => formatList(v.activities.map((a) => codeLabel(t, 'activity', a)), locale) },
        { ...sorted('waiting', t('volunteers.pipeline.daysWaiting')), cellClass: 'numeric', cell: (v) => t('volunteers.pipeline.days', { count: v.daysWaiting }) },
        { ...sorted('applied', t('volunteers.pipeline.applied')), cell: (v) => formatDate(new Date(v.appliedAt), locale) },
      ]}
    />
  );
}
