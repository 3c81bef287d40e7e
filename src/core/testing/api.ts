/** Calling the JSON API in tests, as a client with a bearer token would. */
import type { World } from './world.js';

/** The API's error body: `{ error: { code, message, fields? } }`. */
export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** A JSON API request with `token` (none: anonymous), in `language` (English unless told). */
export const apiCall = (w: Pick<World, 't'>, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string | null, payload?: unknown, language = 'en') =>
  w.t.app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': language },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
