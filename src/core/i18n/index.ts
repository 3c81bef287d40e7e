export * from './locales.js';
export * from './negotiate.js';
export * from './catalogue.js';
export * from './format.js';
export * from './search.js';
export * from './translation-rules.js';
export * from './transliterate.js';
export type { MessageKey } from './message-keys.js';
