import type { FastifyInstance } from 'fastify';
import { currentTotp } from '../auth/totp.js';
import { PASSWORD } from './fixtures.js';

export interface Response {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  location?: string;
  json<T = unknown>(): T;
}

/** A form's fields as a page posts them. */
export type Form = Record<string, string | string[]>;

/** A form as a page posts it: `base` with `overrides` on top, where an `undefined` override leaves the field out. */
export function formWith(base: Form, overrides: Record<string, string | string[] | undefined> = {}): Form {
  return Object.fromEntries(Object.entries({ ...base, ...overrides }).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

/**
 * A browser-like client over `app.inject`: keeps cookies, reads the CSRF token from the last page's form
 * and sends it with every POST, like a person filling in forms.
 */
export class TestClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookie: string | string[] | number | undefined) {
    for (const c of [setCookie ?? []].flat()) {
      const [pair = ''] = String(c).split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(String(c))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>, extra: Record<string, string> = {}): Promise<Response> {
    let payload: string | undefined;
    if (form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) params.append(k, item);
      payload = params.toString();
    }
    const res = await this.app.inject({
      method,
      url,
      payload,
      headers: {
        ...this.headers,
        ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...extra,
      },
    });
    this.remember(res.headers['set-cookie']);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token) this.csrf = token[1]!;
    return {
      status: res.statusCode,
      body: res.body,
      headers: res.headers,
      location: res.headers.location as string | undefined,
      json: () => JSON.parse(res.body),
    };
  }

  get(url: string, extra?: Record<string, string>) {
    return this.request('GET', url, undefined, extra);
  }

  /** Posts a form with the CSRF token of the last page seen (load the form's page first, as a browser would). */
  post(url: string, form: Record<string, string | string[]> = {}, extra?: Record<string, string>) {
    return this.request('POST', url, { _csrf: this.csrf, ...form }, extra);
  }

  /** Signs in through the real pages (and the TOTP step when a secret is given). */
  async signIn(email: string, opts: { password?: string; totpSecret?: string | null } = {}) {
    await this.get('/sign-in');
    const res = await this.post('/sign-in', { email, password: opts.password ?? PASSWORD });
    if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
    if (opts.totpSecret) {
      await this.get('/sign-in/two-factor');
      const r2 = await this.post('/sign-in/two-factor', { code: currentTotp(opts.totpSecret) });
      if (r2.status !== 303) throw new Error(`two-factor failed with ${r2.status}`);
    }
    await this.get('/');
    return res;
  }
}
