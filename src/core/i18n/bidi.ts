/** A letter of a left-to-right script (Latin, Cyrillic, Greek…), i.e. a name or word that is not Arabic. */
export const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u052F]/;
/** A letter of a right-to-left script (Hebrew, Arabic and their presentation forms). */
export const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Text as a unit of its own direction inside the surrounding line (FSI…PDI, plain-text <bdi>). */
export const isolate = (text: string) => `\u2068${text}\u2069`;
/** Whether text is already one isolated unit, so that isolating it again is not needed. */
export const isIsolated = (text: string) => text.startsWith('\u2068') && text.endsWith('\u2069');
