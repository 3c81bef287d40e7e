/**
 * Writes src/core/i18n/message-keys.ts, the `MessageKey` union, from the English catalogues. Run after adding,
 * renaming or removing a message: `npm run i18n:keys` (message-keys.test.ts fails until you do).
 */
import { writeFileSync } from 'node:fs';
import { MESSAGE_KEYS_FILE, renderMessageKeys } from '../src/core/i18n/message-keys-source.js';

writeFileSync(MESSAGE_KEYS_FILE, renderMessageKeys());
console.log(`Wrote ${MESSAGE_KEYS_FILE}`);
