/**
 * From Gate's `redirect_data` to a navigation plan the browser can follow safely.
 *
 *   redirect_data ─► parseRedirectData (zod: method, absolute http(s) URL, allowed hosts, flat body)
 *                 ─► { method, url, fields } (GET: body merged into the URL's own query)
 *
 * Pure and DOM-free. `body` entries are read with `Object.entries` from the data as given, so a
 * key named `__proto__` (JSON-parsed) survives; nested values are refused, never sent as
 * `[object Object]`. `encrypted` is a service field and is ignored.
 */
import * as z from 'zod/mini';
import type { FieldIssue } from './errors.ts';
import type { Parsed } from './launch.ts';
import { redirectMessages, type RedirectRuleMessages } from '../i18n/redirect.ts';
import type { Lang } from '../i18n/index.ts';

export type RedirectMethod = 'GET' | 'POST';

/** One form field or query parameter: `[name, value]`, both strings. */
export type RedirectField = [name: string, value: string];

/** Where to go and what to send. For `GET`, `url` already carries the fields in its query. */
export interface RedirectPlan {
  method: RedirectMethod;
  url: string;
  fields: RedirectField[];
}

/** `redirect_data` as ecommpay sends it. */
export interface RedirectData {
  method: string;
  url: string;
  body?: Record<string, string | number | boolean | null> | [];
  encrypted?: unknown;
}

export interface RedirectOptions {
  /** Host names the URL may point to (lower case); empty or absent: any host. */
  allowedHosts?: readonly string[] | null;
  lang?: Lang;
}

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** A plain object from any realm (`JSON.parse`, an object literal), not an array, a Map or a Date. */
const isPlainObject = (v: unknown): v is Record<string, unknown> => Object.prototype.toString.call(v) === '[object Object]';

/** The URL when it is absolute and its scheme is `https:` or `http:`, else `null`. */
export function webUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** `allowed-hosts` (space-separated) → lower-case host names. */
export const parseHosts = (value: string | null | undefined): string[] =>
  (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);

function schema(t: RedirectRuleMessages, hosts: readonly string[]) {
  const text = (field: string, rule: (f: string) => string) =>
    z.string({ error: (iss) => (iss.input === undefined || iss.input === null ? t.required(field) : rule(field)) });
  return z.object({
    method: text('method', t.method).check(z.regex(/^(get|post)$/i, t.method('method'))),
    url: text('url', t.url).check(
      z.superRefine((value, ctx) => {
        const url = webUrl(value);
        if (!url) ctx.issues.push({ code: 'custom', input: value, message: t.url('url') });
        else if (hosts.length > 0 && !hosts.includes(url.hostname) && !hosts.includes(url.host)) {
          ctx.issues.push({ code: 'custom', input: value, message: t.host('url', url.host) });
        }
      }),
    ),
    body: z.optional(
      z.unknown().check(
        z.superRefine((body, ctx) => {
          if (Array.isArray(body) ? body.length > 0 : !isPlainObject(body)) {
            ctx.issues.push({ code: 'custom', input: body, message: t.body('body') });
            return;
          }
          for (const [key, value] of Object.entries(body as object)) {
            if (!isScalar(value)) ctx.issues.push({ code: 'custom', input: value, path: [key], message: t.value(`body.${key}`) });
          }
        }),
      ),
    ),
  });
}

/** Body entries as strings: numbers and booleans as text, `null` as an empty string. */
export const bodyFields = (body: unknown): RedirectField[] =>
  isPlainObject(body) ? Object.entries(body).map(([k, v]) => [k, v === null ? '' : String(v)]) : [];

/**
 * Adds `fields` to the URL's query. Parameters already in the URL stay as they are, byte for
 * byte, unless the body names them too (then the body's value wins).
 */
export function mergeQuery(url: string, fields: RedirectField[]): string {
  const merged = new URL(url);
  if (fields.length === 0) return merged.href;
  const names = new Set(fields.map(([name]) => name));
  const kept = merged.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !names.has([...new URLSearchParams(pair).keys()][0] ?? ''));
  merged.search = [...kept, new URLSearchParams(fields).toString()].join('&');
  return merged.href;
}

/** `redirect_data` → a navigation plan, or every broken rule as `{ field, message }`. */
export function parseRedirectData(data: unknown, options: RedirectOptions = {}): Parsed<RedirectPlan> {
  const t = redirectMessages[options.lang ?? 'en'].rules;
  if (!isPlainObject(data)) return { ok: false, issues: [{ field: 'redirect-data', message: t.json('redirect-data') }] };
  const result = z.safeParse(schema(t, options.allowedHosts ?? []), data);
  if (!result.success) {
    const issues: FieldIssue[] = result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
    return { ok: false, issues };
  }
  const method = result.data.method.toUpperCase() as RedirectMethod;
  const fields = bodyFields(data.body);
  const url = method === 'GET' ? mergeQuery(result.data.url, fields) : webUrl(result.data.url)!.href;
  return { ok: true, value: { method, url, fields } };
}

/** What a merchant backend's `src` endpoint answered. */
export type PollAnswer =
  | { kind: 'ready'; data: unknown }
  | { kind: 'status'; status: string; final: boolean; code?: string; message?: string }
  | { kind: 'unknown' };

/** Final Gate statuses: polling stops on them. */
export const FINAL_STATUSES = ['decline', 'success'];

/** `{ "redirect_data": {...} }` (or `redirectData`) when ready, `{ "status", "code"?, "message"? }` while not. */
export function readPollAnswer(answer: unknown): PollAnswer {
  if (!isPlainObject(answer)) return { kind: 'unknown' };
  const data = answer.redirect_data ?? answer.redirectData;
  if (data !== undefined && data !== null) return { kind: 'ready', data };
  if (typeof answer.status !== 'string') return { kind: 'unknown' };
  const status = answer.status.toLowerCase();
  const read: PollAnswer = { kind: 'status', status, final: FINAL_STATUSES.includes(status) };
  if (answer.code !== undefined && answer.code !== null && isScalar(answer.code)) read.code = String(answer.code);
  if (typeof answer.message === 'string' && answer.message) read.message = answer.message;
  return read;
}
