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
import { FINAL_STATUSES, LONE_SURROGATE, MAX_URL_LENGTH, isPlainObject, isScalar, issue, matching, report, rule, timerIssue, validate, webUrl, type Checked } from './rules.ts';

/** Where `<ecommpay-redirect>` sends the buyer: this frame (the default) or the top window. */
export const TARGETS = ['_self', '_top'] as const;

export type RedirectTarget = (typeof TARGETS)[number];

export { webUrl } from './rules.ts';

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
}

/**
 * `allowed-hosts` (space-separated) → lower-case host names. A value that is no text (a script
 * set an object) allows no host at all: refused, never read as "any host".
 */
export const parseHosts = (value: unknown): string[] =>
  value === null || value === undefined ? [] : typeof value === 'string' ? value.toLowerCase().split(/\s+/).filter(Boolean) : [' '];

let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  return z.object({
    method: matching((v) => /^(get|post)$/i.test(v), 'one-of', { values: 'GET, POST' }),
    url: z.string().check(
      z.refine((v) => webUrl(v) !== null, rule('url')),
      z.refine((v) => !LONE_SURROGATE.test(v), rule('type', { expected: 'text without unpaired surrogates' })),
    ),
    body: z.optional(
      z.unknown().check(
        z.superRefine((body, ctx) => {
          if (Array.isArray(body) ? body.length > 0 : !isPlainObject(body)) {
            return void report(ctx, [], 'type', { expected: 'an object of fields (or an empty array)' });
          }
          for (const [key, value] of Object.entries(body as object)) {
            if (value !== null && !isScalar(value)) report(ctx, [key], 'scalar', { types: 'a string, a number, a boolean or null' });
            // A browser would send U+FFFD instead: the bank would get other data than ecommpay sent.
            else if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) {
              report(ctx, [key], 'type', { expected: 'text without unpaired surrogates' });
            }
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
  const query = [...kept, new URLSearchParams(fields).toString()].join('&');
  // Joined as text: Firefox ignores a `search` that makes the URL longer than it navigates to,
  // which would send the buyer on without the body (the length is checked after).
  const hash = merged.hash;
  merged.search = merged.hash = '';
  return `${merged.href}?${query}${hash}`;
}

/** `redirect_data` → a navigation plan, or every broken rule (`method`, `url`, `body`, `body.<key>`, `redirect-data`). */
export function parseRedirectData(data: unknown, options: RedirectOptions = {}): Checked<RedirectPlan> {
  if (!isPlainObject(data)) return { ok: false, issues: [issue('redirect-data', 'type', { expected: 'a JSON object' })] };
  const checked = validate((schema ??= buildSchema()), data, 'redirect-data');
  const issues: FieldIssue[] = checked.ok ? [] : checked.issues;
  const url = checked.ok ? webUrl(checked.value.url)! : null;
  const hosts = options.allowedHosts ?? [];
  if (url && hosts.length > 0 && !hosts.includes(url.hostname) && !hosts.includes(url.host)) issues.push(issue('url', 'host', { host: url.host }));
  if (!checked.ok || issues.length > 0) return { ok: false, issues };
  const method = checked.value.method.toUpperCase() as RedirectMethod;
  const fields = bodyFields(data.body);
  const target = method === 'GET' ? mergeQuery(url!.href, fields) : url!.href;
  // Longer, Firefox throws and Chromium silently goes to about:blank#blocked (GET: with the body).
  if (target.length > MAX_URL_LENGTH) return { ok: false, issues: [issue('url', 'max-length', { max: MAX_URL_LENGTH })] };
  return { ok: true, value: { method, url: target, fields } };
}

/** `<ecommpay-redirect>`'s timing attributes, in milliseconds. */
export interface RedirectTimers {
  /** Before the first re-poll of `src`; each next wait is 1.5 times longer, up to 10 s (or this, if longer). */
  pollInterval: number;
  /** For `src` to give `redirect_data`, in all. */
  pollTimeout: number;
  /** Before the fallback link or button appears while redirecting. */
  fallbackDelay: number;
}

export const REDIRECT_TIMERS: RedirectTimers = { pollInterval: 1000, pollTimeout: 300_000, fallbackDelay: 3000 };

/**
 * The timing attributes (their text; absent or blank: the default): positive whole numbers a timer
 * can wait (at most 2^31 − 1 ms), so `0` never polls in a tight loop and a huge timeout never fires
 * at once; `fallback-delay` may also be `0`.
 */
export function parseRedirectTimers(input: Record<'poll-interval' | 'poll-timeout' | 'fallback-delay', string | null>): Checked<RedirectTimers> {
  const issues: FieldIssue[] = [];
  const read = (field: keyof typeof input, fallback: number, zero = false) => {
    const text = input[field]?.trim();
    if (!text) return fallback;
    if (zero && text === '0') return 0;
    const found = timerIssue(field, text);
    if (found) issues.push(found);
    return found ? fallback : Number(text);
  };
  const value = {
    pollInterval: read('poll-interval', REDIRECT_TIMERS.pollInterval),
    pollTimeout: read('poll-timeout', REDIRECT_TIMERS.pollTimeout),
    // 0: the fallback shows at once (a tight loop is only a polling risk).
    fallbackDelay: read('fallback-delay', REDIRECT_TIMERS.fallbackDelay, true),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** What a merchant backend's `src` endpoint answered. */
export type PollAnswer =
  | { kind: 'ready'; data: unknown }
  | { kind: 'status'; status: string; final: boolean; code?: string; message?: string }
  | { kind: 'unknown' };

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
