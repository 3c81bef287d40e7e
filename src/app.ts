import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type preHandlerHookHandler } from 'fastify';
import { checkAccess } from './core/http/access.js';
import { registerBodyParsers } from './core/http/body-parsers.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandlers } from './core/http/error-handler.js';
import { pgRateLimitStore } from './core/http/rate-limit-store.js';
import { appSecret } from './core/http/secrets.js';
import { registerRequestContext } from './core/http/request-context.js';
import './core/http/types.js';
import { createWorker } from './core/jobs/worker.js';
import { mailJob } from './core/mail/sender.js';
import { passwordResetJob } from './core/auth/email-links.service.js';
import { clientKey } from './core/auth/throttle.js';
import { scheduledTasks } from './core/jobs/scheduled.js';
import { Slots, type App, type AppDeps, type ModuleContext } from './core/module.js';
import { modules } from './modules/index.js';

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));
const isStateChanging = (method: string | string[]) => ![method].flat().every((m) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS');

/** The one composition root: main.ts and every test build the app through here. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: no bodies, no cookies, no tokens, no query strings.
            redact: ['req.headers.cookie', 'req.headers.authorization'],
            serializers: {
              req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], requestId: req.id }),
            },
          },
    genReqId: () => randomUUID(),
    // A number of hops as proxy-addr counts them: the first n addresses from our side of X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? ((_address: string, hop: number) => hop < (config.trustProxy as number)) : config.trustProxy,
    bodyLimit: 512 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Requests refused before any hook runs (by the router or by Node's HTTP parser) get the error page or JSON error too.
    frameworkErrors: frameworkErrorHandler(config.defaultLocale),
    clientErrorHandler: clientErrorHandler(config.defaultLocale),
  });

  registerBodyParsers(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // HSTS whenever Tandem is reached over TLS: behind a TLS-terminating proxy (TRUST_PROXY=1) or at an https address.
    strictTransportSecurity: config.trustProxy !== false || config.baseUrl.startsWith('https:') ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'tandem_csrf',
    // Secure whenever the request came over TLS (directly or through a trusted proxy), like the session cookie.
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: false, secure: 'auto' },
    getUserInfo: (req) => req.auth?.sessionHash ?? 'anonymous',
    csrfOpts: { hmacKey: await appSecret(database.db, 'csrf-hmac') },
  });
  // Limits per client: an IPv4 address or an IPv6 /64 network (see clientKey).
  await app.register(fastifyRateLimit, { global: false, store: pgRateLimitStore(database.db) as never, keyGenerator: (req) => clientKey(req.ip) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tandem API', version: '1.0.0', description: 'JSON API of Tandem. Authenticate with a personal access token: `Authorization: Bearer tdm_…`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    hideUntagged: true,
  });

  // Inputs are validated with zod in the handlers (one schema for validation, types, OpenAPI and form
  // errors); the JSON schemas on routes only document them.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  registerRequestContext(app, database.db, config.defaultLocale);
  // Pages and API answers carry personal data: no browser or proxy keeps a copy, unless a route says otherwise
  // (the static files, which are the same for everyone).
  app.addHook('onSend', async (req, reply) => {
    if (!reply.hasHeader('cache-control') && !req.url.startsWith('/static/')) reply.header('cache-control', 'no-store');
  });

  const csrf: preHandlerHookHandler = (req, reply, done) => app.csrfProtection(req, reply, done);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/static/')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} does not declare who may call it (config.access)`);
    const handlers = [route.preHandler ?? []].flat();
    // Forms carry CSRF tokens; the API uses bearer tokens (no cookies), so CSRF does not apply to it.
    const needsCsrf = isStateChanging(route.method) && !route.url.startsWith('/api/');
    route.preHandler = [...(needsCsrf ? [csrf] : []), checkAccess as preHandlerHookHandler, ...handlers];
  });

  registerErrorHandlers(app);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: config.env === 'production' ? '1d' : 0, index: false });

  const ctx: ModuleContext = { app, config, db: database.db, engine: database.engine, mailer: deps.mailer, slots: new Slots() };
  for (const module of modules) await module.register(ctx);

  const handlers = {
    'mail.send': mailJob(database.db, deps.mailer),
    'auth.password_reset': passwordResetJob(database.db, config),
    ...scheduledTasks.handlers(database.db),
    ...Object.assign({}, ...modules.map((module) => module.jobs?.(database.db, config) ?? {})),
  };
  const hourlyJobs = modules.flatMap((module) => module.hourlyJobs ?? []);
  const worker = createWorker(database.db, handlers, app.log, () => scheduledTasks.tick(database.db, hourlyJobs));
  return { app, worker };
}
