import { z } from 'zod';
import { optionalEmail, optionalPersonName, optionalPhone, optionalText, personName } from '../../../core/http/validation.js';
import { LOCALES } from '../../../core/i18n/index.js';
import { fromForm } from '../../volunteers/index.js';
import { availabilityField, birthDate, languagesField, needsField, optionalInt, PREFERRED_GENDERS } from '../mentees.schemas.js';

/**
 * A request for support from the public form `/o/:slug/request`, in plain words: who, how to reach them, what help,
 * languages, free time, district, age, whether someone fills it in for their child or a person they care for, and
 * the consents as worded on the form.
 */
export const RequestInput = z
  .object({
    givenName: personName(100),
    familyName: personName(100),
    email: optionalEmail(),
    phone: optionalPhone(),
    /** The language of messages to the person. */
    locale: z.enum(LOCALES),
    needs: needsField(),
    languages: languagesField(),
    availability: availabilityField(),
    district: optionalText(100),
    /** Who the person would like as a volunteer: hard constraints for matching when stated (blank: no preference). */
    preferredVolunteerGender: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PREFERRED_GENDERS).optional()),
    preferredVolunteerAgeMin: optionalInt(16, 120),
    preferredVolunteerAgeMax: optionalInt(16, 120),
    /** The place typed when "another place" was chosen (only where the organisation allows it). */
    districtOther: optionalText(100),
    age: optionalInt(0, 120),
    birthDate: birthDate(),
    forSomeoneElse: z.boolean().default(false),
    carerName: optionalPersonName(200),
    consents: z
      .object({
        support: z.boolean().refine((v) => v, { params: { key: 'mentees.request.consentRequired' } }),
        contactEmail: z.boolean().default(false),
        contactPhone: z.boolean().default(false),
      })
      .strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], params: { key: 'mentees.request.contactRequired' } });
    if (v.age === undefined && !v.birthDate) ctx.addIssue({ code: 'custom', path: ['age'], params: { key: 'mentees.request.ageRequired' } });
    if (v.forSomeoneElse && !v.carerName) ctx.addIssue({ code: 'custom', path: ['carerName'], params: { key: 'mentees.request.carerRequired' } });
    if (v.preferredVolunteerAgeMin !== undefined && v.preferredVolunteerAgeMax !== undefined && v.preferredVolunteerAgeMin > v.preferredVolunteerAgeMax) {
      ctx.addIssue({ code: 'custom', path: ['preferredVolunteerAgeMax'], params: { key: 'mentees.validation.ageRange' } });
    }
  });
export type RequestInput = z.infer<typeof RequestInput>;

/** The posted form in the shape of RequestInput, and the values to show again (language rows as the volunteer form reads them). */
export function requestFromForm(body: Record<string, unknown>): { input: Record<string, unknown>; values: Record<string, unknown> } {
  const { input: shared, values } = fromForm(body);
  const str = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
  const ticked = (name: string) => str(body[name]) === 'yes';
  const input = {
    givenName: str(body.givenName) ?? '',
    familyName: str(body.familyName) ?? '',
    email: str(body.email),
    phone: str(body.phone),
    locale: str(body.locale),
    needs: body.needs === undefined ? [] : [body.needs].flat().map(String),
    languages: shared.languages,
    availability: shared.availability,
    district: str(body.district),
    preferredVolunteerGender: str(body.preferredVolunteerGender),
    preferredVolunteerAgeMin: str(body.preferredVolunteerAgeMin),
    preferredVolunteerAgeMax: str(body.preferredVolunteerAgeMax),
    districtOther: str(body.districtOther),
    age: str(body.age),
    birthDate: str(body.birthDate),
    forSomeoneElse: ticked('forSomeoneElse'),
    carerName: str(body.carerName),
    consents: { support: ticked('consents.support'), contactEmail: ticked('consents.contactEmail'), contactPhone: ticked('consents.contactPhone') },
  };
  return { input, values };
}
