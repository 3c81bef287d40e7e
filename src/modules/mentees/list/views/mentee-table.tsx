import { DataTable, MutedLine, PersonName, type PageContext } from '../../../../core/ui/index.js';
import { daysLabel, languageList, listName, needList, statusName } from '../../views/labels.js';
import type { ListView } from '../list.service.js';

/**
 * The rows of the waiting list, longest waiting first; on a phone each person is a card (app.css `.table-cards`).
 * Flags (minor, possible duplicate, vulnerable adult) stand under the name.
 */
export function MenteeTable({ ctx, items, caption, empty }: { ctx: PageContext; items: ListView['items']; caption: string; empty: string }) {
  const { t, locale } = ctx;
  return (
    <DataTable
      cards
      caption={caption}
      rows={items}
      empty={empty}
      columns={[
        {
          header: t('field.name'),
          rowHeader: true,
          cell: (m) => (
            <>
              <PersonName href={`/mentees/${m.id}`} name={listName(m)} />
              {m.minor && <MutedLine>{t('mentees.flag.minorShort')}</MutedLine>}
              {m.duplicateOf && (
                <>
                  <br />
                  <a class="muted" href={`/mentees/${m.duplicateOf}`}>
                    {t('mentees.flag.possibleDuplicate')}
                  </a>
                </>
              )}
              {m.vulnerableAdult && <MutedLine>{t('mentees.flag.vulnerableAdultShort')}</MutedLine>}
            </>
          ),
        },
        { header: t('mentees.field.needs'), cell: (m) => needList(t, locale, m.needs) },
        { header: t('mentees.list.languages'), cell: (m) => languageList(t, locale, m.languages) },
        { header: t('mentees.field.district'), cell: (m) => m.district ?? '' },
        { header: t('mentees.list.daysWaiting'), sort: 'descending', cellClass: 'numeric', cell: (m) => daysLabel(t, m.daysWaiting) },
        { header: t('mentees.field.socialWorker'), cell: (m) => m.socialWorker ?? '—' },
        { header: t('mentees.list.status'), cell: (m) => statusName(t, m.status) },
      ]}
    />
  );
}
