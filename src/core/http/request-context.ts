import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authFromAccessToken } from '../auth/access-tokens.js';
import { authFromSession, SESSION_COOKIE } from '../auth/session.js';
import type { Db } from '../db/database.js';
import { isApiRequest } from './access.js';
import { isLocale, negotiateLocale, translator, type Locale } from '../i18n/index.js';

export const LANG_COOKIE = 'tandem_lang';
/**
 * Set beside LANG_COOKIE when a signed-in person chooses a language by link: a short prefix of their session's hash
 * (never the token). While it matches the current session, the chosen language wins over the account's setting, so
 * the choice sticks for the next pages; a new sign-in starts in the account's language again.
 */
export const LANG_SESSION_COOKIE = 'tandem_lang_session';
const sessionMark = (sessionHash: string) => sessionHash.slice(0, 16);

/** Resolves who is calling (session cookie for pages, bearer token for the API) and in which language. */
export function registerRequestContext(app: FastifyInstance, db: Db, fallbackLocale: Locale) {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', fallbackLocale);
  app.decorateRequest('t', null as never);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.t = translator(fallbackLocale);
    const isApi = isApiRequest(req);
    if (isApi) {
      // The scheme is case-insensitive (RFC 9110 §11.1): `bearer tdm_…` from a client library is the same credential.
      const bearer = /^bearer +(.+)$/i.exec(req.headers.authorization ?? '');
      if (bearer) req.auth = await authFromAccessToken(db, bearer[1]!.trim());
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token && token.length < 100) req.auth = await authFromSession(db, token);
    }
    const query = (req.query as Record<string, unknown> | undefined)?.lang;
    const sessionHash = isApi ? undefined : req.auth?.sessionHash;
    const choseThisSession = Boolean(sessionHash) && req.cookies[LANG_SESSION_COOKIE] === sessionMark(sessionHash!);
    req.locale = negotiateLocale({
      query,
      sessionChoice: choseThisSession ? req.cookies[LANG_COOKIE] : undefined,
      userSetting: req.auth?.userLocale,
      cookie: req.cookies[LANG_COOKIE],
      acceptLanguage: req.headers['accept-language'],
      organisationDefault: req.auth?.organisation?.locale,
      fallback: fallbackLocale,
    });
    req.t = translator(req.locale);
    // Choosing a language by link sticks for the next pages (and works without JavaScript).
    if (!isApi && isLocale(query) && req.cookies[LANG_COOKIE] !== query) {
      reply.setCookie(LANG_COOKIE, query, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: req.protocol === 'https' });
    }
    // Signed in, the account's language would otherwise win on the next page: mark the choice as this session's.
    if (isLocale(query) && sessionHash && !choseThisSession) {
      reply.setCookie(LANG_SESSION_COOKIE, sessionMark(sessionHash), { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
    }
  });
}
