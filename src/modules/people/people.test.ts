import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useWorld } from '../../core/testing/world.js';
import { createPerson, createUser } from '../../core/testing/fixtures.js';
import { TestClient } from '../../core/testing/client.js';
import { createAccessToken } from '../../core/auth/access-tokens.js';

const w = useWorld({ org: { slug: 'people-org', name: 'Org people-org' } });
let coordinator: Awaited<ReturnType<typeof createUser>>;
before(async () => {
  coordinator = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
  for (const [g, f] of [['Łucja', 'Żółkiewska'], ['Lucyna', 'Zalewska'], ['Олена', 'Коваленко'], ['ليلى', 'حداد'], ['Jürgen', 'Weiß']] as const) {
    await createPerson(w.db, w.org.id, g, f, ['volunteer']);
  }
});

describe('people pages', () => {
  it('lists people sorted by the viewer’s language and finds names without diacritics', async () => {
    const c = new TestClient(w.t.app);
    await c.signIn(coordinator.email);
    const list = await c.get('/people?lang=pl');
    assert.ok(list.body.indexOf('Zalewska') < list.body.indexOf('Żółkiewska'), 'Z before Ż in Polish');
    const found = await c.get('/people?q=zolkiewska&lang=en');
    assert.match(found.body, /Żółkiewska/);
    assert.match(found.body, /<td[^>]*>volunteer<\/td>/, 'roles are shown');
    assert.doesNotMatch(found.body, /Zalewska/);
    assert.match((await c.get('/people?q=WEISS')).body, /Weiß/);
    assert.match((await c.get('/people?q=xyz-nobody')).status.toString(), /200/);
  });

  it('adds a person, shows them, and corrects them', async () => {
    const c = new TestClient(w.t.app);
    await c.signIn(coordinator.email);
    await c.get('/people/new');
    const created = await c.post('/people/new', { givenName: 'Андрій', familyName: 'Шевчук', email: 'Andrij@Example.org', phone: '+380 44 123 4567', birthDate: '1990-04-01', locale: 'uk' });
    assert.equal(created.status, 303);
    const page = await c.get(created.location!);
    assert.match(page.body, /Андрій Шевчук/);
    assert.match(page.body, /andrij@example\.org/, 'e-mail stored in lower case');
    // On an Arabic page a phone number and an e-mail address keep their left-to-right order ("4567 123 44 380+" otherwise).
    const arabic = await c.get(`${created.location}?lang=ar`);
    assert.match(arabic.body, /<dd><span dir="ltr">\+380 44 123 4567<\/span><\/dd>/);
    assert.match(arabic.body, /<dd><span dir="ltr">andrij@example\.org<\/span><\/dd>/);
    await c.get(`${created.location}/edit`);
    const edited = await c.post(`${created.location}/edit`, { givenName: 'Андрій', familyName: 'Шевчук', email: '', locale: 'uk' });
    assert.equal(edited.status, 303);
    assert.doesNotMatch((await c.get(created.location!)).body, /andrij@example\.org/, 'an emptied field is cleared');
  });

  it('security: no session → sign-in; a volunteer → 403; an unknown id → 404', async () => {
    assert.equal((await new TestClient(w.t.app).get('/people')).location, '/sign-in?next=%2Fpeople');
    const volunteer = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'] });
    const v = new TestClient(w.t.app);
    await v.signIn(volunteer.email);
    assert.equal((await v.get('/people')).status, 403);
    assert.equal((await v.get('/people/new')).status, 403);
    const c = new TestClient(w.t.app);
    await c.signIn(coordinator.email);
    assert.equal((await c.get('/people/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await c.get('/people/not-a-uuid')).status, 404);
  });
});

describe('people API', () => {
  it('creates, reads, patches and lists with a personal access token', async () => {
    const { token } = await createAccessToken(w.db, { userId: coordinator.userId, organisationId: w.org.id, name: 'api' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await w.t.app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: JSON.stringify({ givenName: 'Omar', familyName: 'Al-Khatib', locale: 'ar' }) });
    assert.equal(created.statusCode, 201);
    const person = created.json();
    assert.equal(person.givenName, 'Omar');
    assert.deepEqual(Object.keys(person).sort(), ['birthDate', 'createdAt', 'email', 'familyName', 'givenName', 'id', 'locale', 'phone', 'roles', 'updatedAt']);
    const patched = await w.t.app.inject({ method: 'PATCH', url: `/api/v1/people/${person.id}`, headers, payload: JSON.stringify({ phone: '+48 600 100 200' }) });
    assert.equal(patched.json().phone, '+48 600 100 200');
    assert.equal(patched.json().givenName, 'Omar', 'omitted fields keep their value');
    const list = await w.t.app.inject({ method: 'GET', url: '/api/v1/people?q=khatib', headers });
    assert.equal(list.json().total, 1);
  });

  it('a volunteer token cannot read people', async () => {
    const volunteer = await createUser(w.db, { organisationId: w.org.id, roles: ['volunteer'] });
    const { token } = await createAccessToken(w.db, { userId: volunteer.userId, organisationId: w.org.id, name: 'v' });
    const res = await w.t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'FORBIDDEN');
  });

  it('the OpenAPI document describes the people routes from the zod schemas', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(spec.openapi, '3.1.0');
    const post = spec.paths['/api/v1/people'].post;
    assert.deepEqual(post.requestBody.content['application/json'].schema.required.sort(), ['familyName', 'givenName', 'locale']);
    assert.ok(post.responses['422']);
    assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode, 200);
  });
});
