/**
 * Completeness of the audit log's words: every action written anywhere in src/ is registered (actions.ts) and has a
 * sentence in the five languages; every kind of record and area has a name; every field name an audit entry can carry
 * has a label. A new `audit(tx, actor, { action: 'x.y' … })` fails here until its sentence exists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogues, LOCALES } from '../i18n/index.js';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITIES, AUDIT_GROUPS, isAuditAction } from './actions.js';

/** The TypeScript sources (tests may run from a compiled copy of the tree: read the repository's own files). */
const SRC = join(process.cwd(), 'src/');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });

/** The second argument's object of every `audit(tx, who, { … })` call in src/ (test files excepted). */
function auditCalls(): { file: string; body: string }[] {
  const calls: { file: string; body: string }[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baudit\(tx,[^;]*?\{\s*(action:[^;]*?)\}\);/gs)) calls.push({ file, body: m[1]! });
  }
  return calls;
}

/** Actions built from a template (`concern.${input.kind}`): the values the template can take. */
const TEMPLATED: Record<string, string[]> = { 'concern.${input.kind}': ['concern.note', 'concern.action'] };

function actionsInSource(): { found: Set<string>; unregistered: string[] } {
  const found = new Set<string>();
  const unregistered: string[] = [];
  for (const { file, body } of auditCalls()) {
    const actionPart = body.split(/\bentity:|\.\.\.entry/)[0]!;
    for (const m of actionPart.matchAll(/['`]([a-z_]+(?:\.[a-z_${}.]+)+)['`]/g)) {
      for (const action of TEMPLATED[m[1]!] ?? [m[1]!]) {
        found.add(action);
        if (!isAuditAction(action)) unregistered.push(`${action} (${file.slice(SRC.length)})`);
      }
    }
  }
  return { found, unregistered };
}

/** Field names written literally in audit calls and in the `fields` lists the services build for them. */
function fieldsInSource(): Set<string> {
  const names = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!/\baudit\(tx,/.test(text)) continue;
    const parts = [...[...text.matchAll(/\baudit\(tx,[^;]*?fields:\s*([^;]*?)\}\);/gs)].map((m) => m[1]!), ...[...text.matchAll(/\bfields(?:\.push\(([^)]*)\)|: string\[\] = \[([^\]]*)\]| = \[([^;]*?);)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')];
    for (const part of parts) for (const m of part.matchAll(/'([A-Za-z_]+(?:\.[A-Za-z_]+)?)'/g)) if (!['cli', 'closed', 'scheduled', 'held'].includes(m[1]!)) names.add(m[1]!);
  }
  return names;
}

/** Messages a list of keys lacks, per language. */
const missing = (keys: string[]) => LOCALES.flatMap((l) => keys.filter((k) => !(k in catalogues[l])).map((k) => `${l} ${k}`));

describe('audit log vocabulary', () => {
  const { found, unregistered } = actionsInSource();

  it('finds the actions of the source (the scan works)', () => {
    assert.ok(found.size >= 130, `only ${found.size} actions found`);
    for (const a of ['concern.escalate', 'concern.escalate.auto', 'concern.acknowledge', 'volunteer_settings.agreement_form', 'volunteer_document.qualified_upload', 'volunteer_document.file_download']) assert.ok(found.has(a), a);
  });

  it('every action written in src/ is registered, and every registered action is written somewhere', () => {
    assert.deepEqual(unregistered, []);
    assert.deepEqual(AUDIT_ACTION_NAMES.filter((a) => !found.has(a)), [], 'registered but never written: remove it, or it is built in a way the scan misses');
  });

  it('every action has a sentence in all five languages, with the actor in it', () => {
    assert.deepEqual(missing(AUDIT_ACTION_NAMES.map((a) => `audit.action.${a}`)), []);
    for (const l of LOCALES) for (const a of AUDIT_ACTION_NAMES) assert.match(catalogues[l][`audit.action.${a}`]!, /\{actor\}/, `${l} ${a}`);
  });

  it('a new action without a sentence is reported', () => {
    assert.deepEqual(missing(['audit.action.venue.introduction_override']).length, LOCALES.length);
  });

  it('every kind of record and every area has a name in all five languages', () => {
    assert.deepEqual(missing(AUDIT_ENTITIES.map((e) => `audit.entity.${e}`)), []);
    assert.deepEqual(missing(AUDIT_GROUPS.map((g) => `audit.group.${g}`)), []);
  });

  it('every field name an audit entry carries has a label in all five languages', () => {
    const fields = fieldsInSource();
    assert.ok(fields.size >= 80, `only ${fields.size} field names found`);
    // Field names built at run time from these lists (the follow-up settings, the volunteer export, profiles).
    for (const f of ['followUp.firstCheckInDays', 'followUp.everyDays', 'followUp.quietAfterDays', 'phone', 'familyName', 'birthDate', 'availability', 'interests', 'hoursPerMonth', 'city', 'country', 'defaultLocale', 'displayName', 'locale', 'gender', 'capacity'])
      fields.add(f);
    assert.deepEqual(missing([...fields].map((f) => `audit.field.${f}`)), []);
  });
});
