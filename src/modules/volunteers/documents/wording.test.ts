/**
 * The built-in document templates follow the translators' guide (docs/translating.md): no gender brackets such as
 * "wykonywał(a)" or "здійснював(ла)" on an official document, and no name placeholder after a word that governs a
 * case ("pomiędzy {organisationName}"), since a name is filled in as written.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { genderBrackets, nameAfterCaseWord } from '../../../core/i18n/index.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

describe('default document templates: wording', () => {
  test('Polish and Ukrainian templates have no gender brackets and no name after a case-governing word', () => {
    const problems: string[] = [];
    for (const [kind, byLocale] of Object.entries(DEFAULT_TEMPLATES)) {
      for (const locale of ['pl', 'uk'] as const) {
        const template = byLocale[locale as keyof typeof byLocale];
        if (!template) continue;
        const text = `${template.title}\n${template.body}`;
        const bracket = genderBrackets(locale, text, true);
        if (bracket) problems.push(`${kind} ${locale}: gender bracket "${bracket}"`);
        const caseWord = nameAfterCaseWord(locale, text, 'volunteerName|organisationName');
        if (caseWord) problems.push(`${kind} ${locale}: "${caseWord}"`);
      }
    }
    assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
  });

  test('the check would catch the old wording', () => {
    assert.ok(genderBrackets('pl', '{volunteerName} wykonywał(a) świadczenia jako wolontariusz(ka)', true));
    assert.ok(genderBrackets('uk', '{volunteerName} здійснював(ла) волонтерську діяльність', true));
    assert.ok(nameAfterCaseWord('pl', 'na rzecz Organizacji pomiędzy {organisationName} a …', 'volunteerName|organisationName'));
  });
});
