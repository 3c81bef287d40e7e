import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authFromAccessToken } from '../auth/access-tokens.js';
import { authFromSession, SESSION_COOKIE } from '../auth/session.js';
import type { Db } from '../db/database.js';
import { isApiRequest } from './access.js';
import { isLocale, negotiateLocale, translator, type Locale } from '../i18n/index.js';

export const LANG_COOKIE = 'tandem_lang';

/** Resolves who is calling (session cookie for pages, bearer token for the API) and in which language. */
export function registerRequestContext(app: FastifyInstance, db: Db, fallbackLocale: Locale) {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', fallbackLocale);
  app.decorateRequest('t', null as never);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.t = translator(fallbackLocale);
    const isApi = isApiRequest(req);
    if (isApi) {
      const header = req.headers.authorization;
      if (header?.startsWith('Bearer ')) req.auth = await authFromAccessToken(db, header.slice(7).trim());
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token && token.length < 100) req.auth = await authFromSession(db, token);
    }
    const query = (req.query as Record<string, unknown> | undefined)?.lang;
    req.locale = negotiateLocale({
      query,
      userSetting: req.auth?.userLocale,
      cookie: req.cookies[LANG_COOKIE],
      acceptLanguage: req.headers['accept-language'],
      organisationDefault: req.auth?.organisation?.defaultLocale,
      fallback: fallbackLocale,
    });
    req.t = translator(req.locale);
    // Choosing a language by link sticks for the next pages (and works without JavaScript).
    if (!isApi && isLocale(query) && req.cookies[LANG_COOKIE] !== query) {
      reply.setCookie(LANG_COOKIE, query, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: req.protocol === 'https' });
    }
  });
}
