import { formatDate, formatDateTime, formatList, LANGUAGE_NAME } from '../../../core/i18n/index.js';
import { DefinitionList, RecordHead, type Definition, type PageContext } from '../../../core/ui/index.js';
import type { PersonOutput } from '../people.schemas.js';

export function PersonView({ ctx, person, canWrite }: { ctx: PageContext; person: PersonOutput; canWrite: boolean }) {
  const { t } = ctx;
  const rows: Definition[] = [
    [t('field.givenName'), person.givenName],
    [t('field.familyName'), person.familyName],
    // Left to right on an Arabic page too (as on the volunteer's and the case page): else the groups of a phone number
    // come out in reverse order.
    [t('field.email'), person.email ? <span dir="ltr">{person.email}</span> : '—'],
    [t('field.phone'), person.phone ? <span dir="ltr">{person.phone}</span> : '—'],
    [t('field.birthDate'), person.birthDate ? formatDate(person.birthDate, ctx.locale) : '—'],
    [t('field.locale'), LANGUAGE_NAME[person.locale]],
    [t('people.roles'), person.roles.length ? formatList(person.roles.map((r) => t(`role.${r}`)), ctx.locale) : '—'],
    [t('people.updatedAt'), formatDateTime(new Date(person.updatedAt), ctx.locale)],
  ];
  return (
    <>
      <RecordHead back={{ href: '/people', label: t('people.back') }} name={`${person.givenName} ${person.familyName}`} edit={canWrite && { href: `/people/${person.id}/edit`, label: t('people.edit') }} />
      <DefinitionList items={rows} />
    </>
  );
}
