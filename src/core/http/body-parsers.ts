import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';
import { MULTIPART_BODY_LIMIT, parseMultipart } from './multipart.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses `application/x-www-form-urlencoded`. Written here rather than with @fastify/formbody because
 * invalid UTF-8 (raw or percent-encoded) must be refused with 400, not silently turned into U+FFFD.
 * Repeated names (checkbox groups) become arrays.
 */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  if (!body) return out;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function registerBodyParsers(app: FastifyInstance) {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      const text = strictUtf8.decode(body as Buffer);
      done(null, text.trim() === '' ? undefined : JSON.parse(text));
    } catch {
      done(new AppError('BAD_REQUEST', 'error.malformedBody'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseForm(strictUtf8.decode(body as Buffer)));
    } catch {
      done(new AppError('BAD_REQUEST', 'error.malformedBody'), undefined);
    }
  });
  // File uploads (e.g. a signed agreement): a larger limit than the app's 512 KiB for this content type only, and
  // only on routes that declare `config: { upload: true }` (any other route refuses a multipart body).
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT }, (req, body, done) => {
    try {
      if (!req.routeOptions.config?.upload) throw new AppError('BAD_REQUEST', 'error.malformedBody');
      done(null, parseMultipart(body as Buffer, String(req.headers['content-type'] ?? '')));
    } catch (err) {
      done(err instanceof AppError ? err : new AppError('BAD_REQUEST', 'error.malformedBody'), undefined);
    }
  });
}
