/**
 * Walks the OpenAPI document as a client would: every operation it lists is called once, in the order of `calls`,
 * with the documented example body (ids of this test's records filled in where the operation needs them), and must
 * answer its documented success status with a body the documented response schema accepts. An operation of the
 * document without an entry here fails the test, and so does an entry the document does not list: a new route comes
 * with its call, and its example is known to work.
 * Beside each call, the same body with a field the schema does not document must be refused 422 (mass assignment);
 * after the walk, another organisation's staff and volunteer call every operation again with our ids: 404 or 403,
 * none of our records in what they see, and not one row of ours changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sql } from 'drizzle-orm';
import formats from 'ajv-formats';
import { apiCall } from './core/testing/api.js';
import { apiUser, tokenFor, world, type World } from './core/testing/world.js';
import { withSystem } from './core/db/tx.js';
import { networkManagers, networkOrganisations, networks, type Role } from './core/tenancy/tenancy.table.js';
import { addDays, todayIn } from './core/i18n/time-zone.js';
import { createMentee, createProgramme, createVolunteer, matchedMentee } from './modules/matching/testing.js';
import { createMatch, volunteerWithToken } from './modules/pairs/testing.js';
import { query } from './core/testing/rows.js';

type Method = 'GET' | 'POST' | 'PATCH';
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: object; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
type Document = { paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>> };

/** What the walk has made so far: the fixture's records, and the body of each operation's answer. */
interface Walk {
  ids: Record<'volunteer' | 'mentee' | 'programme' | 'pair' | 'pairVolunteerPerson' | 'myAgreement' | 'agreement' | 'invitee', string>;
  answers: Map<string, { id?: string; version?: number; proposals?: { id: string }[]; staff?: { userId: string }[]; interviews?: { id: string }[] }>;
}

interface Call {
  /** Who calls: roles of a token of our organisation ('network': a manager of a network we belong to). */
  as: Role[] | 'network';
  /** The path's parameters, from the walk. */
  params?: (walk: Walk) => Record<string, string>;
  /** Fields laid over the documented example, from the walk (ids the example cannot know). */
  body?: (walk: Walk) => Record<string, unknown>;
  /** The success status expected, when not the lowest documented 2xx. */
  status?: number;
}

const STAFF: Role[] = ['administrator', 'coordinator', 'social_worker'];
/** Today in the test organisations' zone: the day meetings, check-ins and closing conversations are dated (an example cannot know it). */
const today = () => todayIn('Europe/Warsaw');
const pair = (w: Walk) => ({ id: w.ids.pair });
const answer = (walk: Walk, key: string) => {
  const a = walk.answers.get(key);
  if (!a) throw new Error(`${key} has not answered yet: order the calls so that it comes first`);
  return a;
};

/** Every operation of the document, in the order they are called (creations before what reads them). */
const calls: Record<string, Call> = {
  'GET /api/v1/me': { as: ['volunteer'] },
  'GET /api/v1/people': { as: STAFF },
  'POST /api/v1/people': { as: STAFF },
  'GET /api/v1/people/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/people').id! }) },
  'PATCH /api/v1/people/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/people').id! }) },
  'POST /api/v1/volunteers/applications': { as: STAFF },
  'GET /api/v1/volunteers': { as: STAFF },
  'POST /api/v1/volunteers/{id}/stage': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  // Screening of the applicant just moved to `contacted`: two slots offered, one cancelled, the other picked, moved and held.
  'GET /api/v1/volunteers/{id}/screening': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/{id}/interviews': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/interviews/{id}/cancel': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/{id}/interviews').interviews![1]!.id }) },
  'POST /api/v1/volunteers/interviews/{id}/pick': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/{id}/interviews').interviews![0]!.id }) },
  'POST /api/v1/volunteers/interviews/{id}/reschedule': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/{id}/interviews').interviews![0]!.id }) },
  'POST /api/v1/volunteers/interviews/{id}/record': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/{id}/interviews').interviews![0]!.id }) },
  'GET /api/v1/volunteers/{id}/interviews': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/{id}/safeguarding-checks': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/{id}/insurance': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/{id}/lived-abroad': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/{id}/legal': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'GET /api/v1/volunteers/{id}/legal': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/applications').id! }) },
  'POST /api/v1/volunteers/{id}/documents': { as: STAFF, params: (w) => ({ id: w.ids.volunteer }) },
  'GET /api/v1/volunteers/{id}/documents': { as: STAFF, params: (w) => ({ id: w.ids.volunteer }) },
  // The certificate just issued is read and revoked; the volunteer who signs in reads and accepts their agreement, which
  // is then also signed on paper; the other agreement takes the qualified signature, and its volunteer the invitation.
  'GET /api/v1/volunteers/documents/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/{id}/documents').id! }) },
  'POST /api/v1/volunteers/documents/{id}/revoke': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/volunteers/{id}/documents').id! }) },
  'GET /api/v1/me/volunteer/documents/{id}': { as: ['volunteer'], params: (w) => ({ id: w.ids.myAgreement }) },
  'POST /api/v1/me/volunteer/documents/{id}/accept': { as: ['volunteer'], params: (w) => ({ id: w.ids.myAgreement }) },
  'POST /api/v1/volunteers/documents/{id}/paper-signed': { as: STAFF, params: (w) => ({ id: w.ids.myAgreement }) },
  'POST /api/v1/volunteers/documents/{id}/qualified': { as: STAFF, params: (w) => ({ id: w.ids.agreement }) },
  'POST /api/v1/volunteers/{id}/invitation': { as: STAFF, params: (w) => ({ id: w.ids.invitee }) },
  'POST /api/v1/mentees': { as: STAFF },
  'GET /api/v1/mentees': { as: STAFF },
  'GET /api/v1/mentees/{id}': { as: STAFF, params: (w) => ({ id: w.ids.mentee }) },
  'GET /api/v1/matching/mentees/{id}/suggestions': { as: STAFF, params: (w) => ({ id: w.ids.mentee }) },
  'POST /api/v1/matches': { as: STAFF, body: (w) => ({ menteeId: w.ids.mentee, volunteerId: w.ids.volunteer }) },
  'GET /api/v1/matches': { as: STAFF },
  'GET /api/v1/matches/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/matches').id! }) },
  'POST /api/v1/matching/runs': { as: STAFF, body: (w) => ({ programmeId: w.ids.programme }) },
  'GET /api/v1/matching/runs/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/matching/runs').id! }) },
  'POST /api/v1/matching/proposals/{id}/accept': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/matching/runs').proposals![0]!.id }) },
  'POST /api/v1/matching/proposals/{id}/reject': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/matching/runs').proposals![1]!.id }) },
  'POST /api/v1/matching/districts': { as: STAFF },
  'GET /api/v1/matching/districts': { as: STAFF },
  'POST /api/v1/matching/venues': { as: STAFF },
  'GET /api/v1/matching/venues': { as: STAFF },
  'POST /api/v1/programmes': { as: STAFF },
  'GET /api/v1/programmes': { as: STAFF },
  'GET /api/v1/network/aggregates': { as: 'network' },
  'GET /api/v1/concerns/pairs': { as: STAFF },
  'POST /api/v1/concerns': { as: STAFF, body: (w) => ({ matchId: w.ids.pair }) },
  'GET /api/v1/concerns': { as: STAFF },
  'GET /api/v1/concerns/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/concerns').id! }) },
  'POST /api/v1/concerns/{id}/acknowledge': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/concerns').id! }) },
  'POST /api/v1/concerns/{id}/actions': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/concerns').id! }) },
  'POST /api/v1/concerns/{id}/assign': {
    as: STAFF,
    params: (w) => ({ id: answer(w, 'POST /api/v1/concerns').id! }),
    body: (w) => ({ assigneeUserId: answer(w, 'GET /api/v1/concerns/{id}').staff![0]!.userId }),
  },
  'POST /api/v1/concerns/{id}/escalate': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/concerns').id! }), body: (w) => ({ version: answer(w, 'POST /api/v1/concerns/{id}/assign').version }) },
  'POST /api/v1/concerns/{id}/status': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/concerns').id! }), body: (w) => ({ version: answer(w, 'POST /api/v1/concerns/{id}/escalate').version }) },
  'GET /api/v1/me/concerns': { as: ['volunteer'] },
  'POST /api/v1/me/concerns': { as: ['volunteer'], body: (w) => ({ matchId: w.ids.pair }) },
  // Planned for yesterday, so that its attendance may be recorded.
  'POST /api/v1/supervision': { as: STAFF, body: () => ({ date: addDays(todayIn('Europe/Warsaw'), -1) }) },
  'GET /api/v1/supervision': { as: STAFF },
  'GET /api/v1/supervision/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/supervision').id! }) },
  'PATCH /api/v1/supervision/{id}': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/supervision').id! }) },
  'POST /api/v1/supervision/{id}/attendance': { as: STAFF, params: (w) => ({ id: answer(w, 'POST /api/v1/supervision').id! }), body: (w) => ({ attendees: [w.ids.pairVolunteerPerson] }) },
  'POST /api/v1/me/meetings': { as: ['volunteer'], body: (w) => ({ matchId: w.ids.pair, meetingDate: today() }) },
  'GET /api/v1/me/meetings': { as: ['volunteer'] },
  'GET /api/v1/pairs': { as: STAFF },
  'GET /api/v1/pairs/{id}': { as: STAFF, params: pair },
  'POST /api/v1/pairs/{id}/meetings/{meetingId}/comments': { as: STAFF, params: (w) => ({ id: w.ids.pair, meetingId: answer(w, 'POST /api/v1/me/meetings').id! }) },
  'GET /api/v1/pairs/hours': { as: STAFF },
  'POST /api/v1/pairs/{id}/check-ins': { as: STAFF, params: pair, body: () => ({ heldOn: today() }) },
  'GET /api/v1/pairs/{id}/check-ins': { as: STAFF, params: pair },
  'GET /api/v1/pairs/overdue': { as: STAFF },
  'GET /api/v1/pairs/{id}/close': { as: STAFF, params: pair },
  'POST /api/v1/pairs/{id}/close': { as: STAFF, params: pair, body: (w) => ({ version: answer(w, 'GET /api/v1/pairs/{id}/close').version, volunteerHeldOn: today() }) },
};

let w: World;
let doc: Document;
let tokens: Map<string, string>;
const walk: Walk = { ids: { volunteer: '', mentee: '', programme: '', pair: '', pairVolunteerPerson: '', myAgreement: '', agreement: '', invitee: '' }, answers: new Map() };

before(async () => {
  w = await world();
  doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>();
  const org = w.org.id;
  // The records the operations read and act on: a waiting mentee with a free volunteer for the direct match, and a
  // programme whose waiting list of two has two volunteers, so a batch run proposes two pairs (one accepted, one rejected).
  walk.ids.programme = (await createProgramme(w, 'Rodziny')).id;
  walk.ids.volunteer = await createVolunteer(w, org, { givenName: 'Dorota', familyName: 'Walk', capacity: 1, activities: ['leisure'] });
  walk.ids.mentee = await createMentee(w, org, { givenName: 'Ewa', familyName: 'Walk', needs: ['leisure'] });
  for (const [i, name] of ['Anna', 'Bogna'].entries()) {
    await createVolunteer(w, org, { givenName: name, familyName: `Run${i}`, capacity: 1, activities: ['leisure'] });
    await createMentee(w, org, { givenName: `${name}-M`, familyName: `Run${i}`, programmeId: walk.ids.programme, needs: ['leisure'] });
  }
  // The volunteer has a running pair of their own (started two years ago): their meeting log, the concerns raised
  // about it, the staff's pages of pairs; they attend supervision; closing the pair comes last.
  const volunteer = await volunteerWithToken(w, { givenName: 'Zofia', familyName: 'Walk' });
  walk.ids.pair = (await createMatch(w, (await matchedMentee(w, { givenName: 'Olena', familyName: 'Walk' })).id, volunteer.volunteer.id)).id;
  walk.ids.pairVolunteerPerson = volunteer.user.personId;
  tokens = new Map([['staff', await tokenFor(w, STAFF)], ['volunteer', volunteer.token]]);
  // That volunteer has an agreement of their own (to read and accept); an approved volunteer with an e-mail address has
  // another agreement (for the qualified signature) and gets the account invitation.
  const agreement = async (volunteerId: string) => {
    const body = { kind: 'agreement', locale: 'pl', scope: 'mentoring rodziny', place: 'Katowice', periodFrom: '2026-01-15', periodTo: '2026-07-15', termination: 'z zachowaniem 14-dniowego okresu wypowiedzenia.' };
    return (await apiCall(w, 'POST', `/api/v1/volunteers/${volunteerId}/documents`, tokens.get('staff')!, body)).json<{ id: string }>().id;
  };
  walk.ids.myAgreement = await agreement(volunteer.volunteer.id);
  walk.ids.invitee = await createVolunteer(w, org, { givenName: 'Iryna', familyName: 'Walk', email: 'iryna.walk@example.org' });
  walk.ids.agreement = await agreement(walk.ids.invitee);
  const manager = await apiUser(w, ['administrator']);
  await withSystem(w.db, async (tx) => {
    const [network] = await tx.insert(networks).values({ slug: 'walk', name: 'Sieć spaceru' }).returning();
    await tx.insert(networkOrganisations).values({ networkId: network!.id, organisationId: org });
    await tx.insert(networkManagers).values({ networkId: network!.id, userId: manager.user.userId });
  });
  tokens.set('network', manager.token);
});
after(() => w.t.close());

/**
 * Mass assignment: the call's body with one field its schema does not document (the organisation, an author, a
 * status, a version, an id) is refused 422 before anything is written. The real call comes next with the same
 * version and state, so a write that slipped through would also make it fail.
 */
async function refusesUnknownFields(key: string, method: Method, url: string, token: string, op: Operation, body: object) {
  const documented = Object.keys((op.requestBody?.content['application/json']?.schema as { properties?: object } | undefined)?.properties ?? {});
  const extras: Record<string, unknown> = { organisationId: w.other.id, createdBy: walk.ids.pairVolunteerPerson, status: 'closed', version: 7, id: walk.ids.pair };
  for (const [field, value] of Object.entries(extras)) {
    if (documented.includes(field)) continue;
    const res = await apiCall(w, method, url, token, { ...body, [field]: value });
    assert.equal(res.statusCode, 422, `${key} with ${field}: ${res.body.slice(0, 300)}`);
  }
}

/** A JSON Schema 2020-12 validator with the formats (uuid, email, date-time) the document uses. */
function validator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under ES modules its function is the default export's `default`.
  (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  return ajv;
}

const operationsOf = (d: Document) =>
  Object.entries(d.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method: method.toUpperCase() as Method, op: op! })));

describe('the OpenAPI document, walked', () => {
  it('has a call here for every operation it lists, and lists every call here', () => {
    const listed = operationsOf(doc).map((o) => o.key).sort();
    assert.deepEqual(listed, Object.keys(calls).sort());
  });

  it('documents an example for every request body, one its own request schema accepts', () => {
    const missing = operationsOf(doc).filter(({ op }) => op.requestBody && op.requestBody.content['application/json']?.example === undefined);
    assert.deepEqual(missing.map((o) => o.key), []);
    const ajv = validator();
    for (const { key, op } of operationsOf(doc)) {
      const body = op.requestBody?.content['application/json'];
      if (!body) continue;
      const validate = ajv.compile(body.schema);
      assert.ok(validate(body.example), `${key}: the documented request schema refuses its own example: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('answers every operation, called with its example, with its documented success and response schema', async () => {
    const ajv = validator();
    const byKey = new Map(operationsOf(doc).map((o) => [o.key, o]));
    for (const [key, call] of Object.entries(calls)) {
      const operation = byKey.get(key);
      assert.ok(operation, `${key} is not in the document`);
      const { path, method, op } = operation;
      const params = call.params?.(walk) ?? {};
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        assert.ok(params[name], `${key}: no value for {${name}}`);
        return encodeURIComponent(params[name]);
      });
      const example = op.requestBody?.content['application/json']?.example;
      const body = example === undefined && !call.body ? undefined : { ...(example as object), ...call.body?.(walk) };
      const token = call.as === 'network' ? tokens.get('network')! : call.as.includes('administrator') ? tokens.get('staff')! : tokens.get('volunteer')!;
      if (body) await refusesUnknownFields(key, method, url, token, op, body);
      const res = await apiCall(w, method, url, token, body);
      const documented = Object.keys(op.responses).filter((s) => s.startsWith('2')).sort();
      const expected = call.status ?? Number(documented[0]);
      assert.equal(res.statusCode, expected, `${key}: ${res.body.slice(0, 400)}`);
      const schema = op.responses[String(expected)]?.content?.['application/json']?.schema;
      assert.ok(schema, `${key}: the ${expected} answer has no documented schema`);
      const json = res.json();
      const validate = ajv.compile(schema);
      assert.ok(validate(json), `${key}: the answer does not match the documented schema: ${ajv.errorsText(validate.errors)}`);
      walk.answers.set(key, json as never);
    }
  });
});

/** Every table row of an organisation, one digest per table: what a refused request must leave as it was. */
async function digestOf(organisationId: string): Promise<Record<string, string>> {
  const tables = await query<{ table_name: string }>(w, sql`select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'organisation_id' order by table_name`);
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await query<{ n: number; digest: string | null }>(w, sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.identifier(table_name)} t where organisation_id = ${organisationId}`);
    out[table_name] = `${row!.n} ${row!.digest}`;
  }
  return out;
}

describe('the OpenAPI document, walked again by another organisation with our ids', () => {
  it('answers every operation aimed at our records 404 (or 403 for the role), shows none of them in lists, and writes nothing', async () => {
    // Our records: the fixture's ids and every id an operation answered with during the walk.
    const ours = new Set([...Object.values(walk.ids), ...[...walk.answers.values()].map((a) => a.id).filter((id): id is string => typeof id === 'string')]);
    assert.ok(ours.size > 10, 'the walk ran first and made our records');
    const callers = [
      ['administrator, coordinator and social worker', await tokenFor(w, STAFF, w.other.id)],
      ['volunteer', (await volunteerWithToken(w, { organisationId: w.other.id, givenName: 'Obca', familyName: 'Wolontariuszka' })).token],
    ] as const;
    const byKey = new Map(operationsOf(doc).map((o) => [o.key, o]));
    const before = await digestOf(w.org.id);
    for (const [key, call] of Object.entries(calls)) {
      const { path, method, op } = byKey.get(key)!;
      const params = call.params?.(walk) ?? {};
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
      const example = op.requestBody?.content['application/json']?.example;
      const body = example === undefined && !call.body ? undefined : { ...(example as object), ...call.body?.(walk) };
      const aimed = [...ours].some((id) => url.includes(id) || JSON.stringify(body ?? {}).includes(id));
      // An operation that names none of our records (a list, a creation) acts in the caller's own organisation: lists are read.
      if (!aimed && method !== 'GET') continue;
      for (const [who, token] of callers) {
        const res = await apiCall(w, method, url, token, body);
        if (aimed) assert.ok([403, 404].includes(res.statusCode), `${key} as another organisation's ${who}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        const shown = [...ours].filter((id) => !url.includes(id) && res.body.includes(id));
        assert.deepEqual(shown, [], `${key} as another organisation's ${who} shows our records`);
        assert.doesNotMatch(res.body, /Walk/, `${key} as another organisation's ${who} shows our people's names`);
      }
    }
    assert.deepEqual(await digestOf(w.org.id), before, 'nothing of our organisation changed');
  });
});
