import { translator, type Locale } from '../../../core/i18n/index.js';

/** The consent wording of the public form, in the language the visitor saw it (stored exactly as shown). */
export const requestConsentText = (locale: Locale, purpose: 'support' | 'contact_email' | 'contact_phone', organisation: string) =>
  translator(locale)(`mentees.request.consent.${purpose}`, { organisation });
