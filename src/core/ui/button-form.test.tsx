import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import { ButtonForm } from './button-form.js';
import type { PageContext } from './context.js';
import { ControlFieldset } from './control-fieldset.js';
import { MutedLine } from './muted-line.js';

const ctx: PageContext = { locale: 'en', dir: 'ltr', t: translator('en'), path: '/', csrfToken: 'token' };

describe('ButtonForm', () => {
  it('posts one button with the CSRF token and the hidden fields, styled as asked', () => {
    assert.equal(
      render(
        <ButtonForm ctx={ctx} action="/x/1/revoke" look="link" hidden={{ volunteerId: 'v1' }}>
          Revoke<span class="visually-hidden"> Ann</span>
        </ButtonForm>,
      ),
      '<form method="post" action="/x/1/revoke" class="inline-form" novalidate><input type="hidden" name="_csrf" value="token"/><input type="hidden" name="volunteerId" value="v1"/>' +
        '<button type="submit" class="link-button">Revoke<span class="visually-hidden"> Ann</span></button></form>',
    );
    assert.match(render(<ButtonForm ctx={ctx} action="/a" look="main">Go</ButtonForm>), /<button type="submit" class="button">Go<\/button>/);
    assert.match(render(<ButtonForm ctx={ctx} action="/a" look="secondary">Go</ButtonForm>), /<button type="submit" class="button button-secondary">Go<\/button>/);
  });
});

describe('MutedLine', () => {
  it('is a line break and a muted span, in the language given', () => {
    assert.equal(render(<MutedLine>Paused</MutedLine>), '<br/><span class="muted">Paused</span>');
    assert.equal(render(<MutedLine lang="uk">Текст</MutedLine>), '<br/><span class="muted" lang="uk">Текст</span>');
  });
});

describe('ControlFieldset', () => {
  it('marks the fieldset invalid and shows the error under the hint, with the ids the summary links to', () => {
    const form = { values: {}, errors: { languages: { key: 'validation.required' as const } } };
    const html = render(
      <ControlFieldset ctx={ctx} form={form} name="languages" legend="Languages" hint="Hint">
        <table />
      </ControlFieldset>,
    );
    assert.match(html, /^<fieldset class="field field-invalid" id="f-languages"><legend>Languages<\/legend><p class="hint">Hint<\/p><p class="field-error" id="f-languages-error">/);
    assert.match(html, /<table><\/table><\/fieldset>$/);
    assert.doesNotMatch(render(<ControlFieldset ctx={ctx} form={{ values: {}, errors: {} }} name="a" legend="A" hint="H">x</ControlFieldset>), /field-invalid|field-error/);
  });
});
