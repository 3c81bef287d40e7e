import { z } from 'zod';
import type { ModuleContext } from '../module.js';
import { apiDoc } from './api.js';
import { sendPage, TableHead, type PageContext } from '../ui/index.js';

const Me = z.object({
  userId: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: z.string().uuid(), name: z.string(), slug: z.string() }),
  roles: z.array(z.string()),
});

type Operation = { method: string; path: string; summary: string; tag: string };

/** GET /api/v1/me, the OpenAPI 3.1 document and a server-rendered page listing the operations. */
export function apiDocs({ app }: ModuleContext) {
  app.get('/api/v1/me', { config: { access: 'signed-in' }, schema: apiDoc({ summary: 'The token owner and organisation', tag: 'account', response: { 200: Me } }) }, async (req) => {
    const auth = req.auth!;
    const org = auth.organisation!;
    return { userId: auth.userId, email: auth.email, displayName: auth.displayName, organisation: { id: org.id, name: org.name, slug: org.slug }, roles: auth.roles };
  });

  app.get('/api/openapi.json', { config: { access: 'public' } }, async (_req, reply) => reply.type('application/json').send(JSON.stringify(app.swagger())));

  app.get('/api/docs', { config: { access: 'public' } }, async (req, reply) => {
    const spec = app.swagger() as { paths?: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
    const ops: Operation[] = [];
    for (const [path, methods] of Object.entries(spec.paths ?? {})) {
      for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, summary: op.summary ?? '', tag: op.tags?.[0] ?? '' });
    }
    return sendPage(req, reply, (c) => c.t('apiDocs.title'), (ctx) => <ApiDocsView ctx={ctx} ops={ops} />);
  });
}

function ApiDocsView({ ctx, ops }: { ctx: PageContext; ops: Operation[] }) {
  const { t } = ctx;
  return (
    <section>
      <h1 id="api-docs-title">{t('apiDocs.title')}</h1>
      <p>{t('apiDocs.intro')}</p>
      <p>
        <a href="/api/openapi.json">{t('apiDocs.download')}</a>
      </p>
      {/* Focusable so keyboard users can scroll the table sideways on a narrow screen. */}
      <div class="table-wrap" dir="ltr" tabIndex={0} role="region" aria-labelledby="api-docs-title">
        <table>
          <TableHead headers={[t('apiDocs.method'), t('apiDocs.path'), t('apiDocs.summary')]} />
          <tbody>
            {ops.map((o) => (
              <tr>
                <td>
                  <code>{o.method}</code>
                </td>
                <td>
                  <code>{o.path}</code>
                </td>
                <td>{o.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
