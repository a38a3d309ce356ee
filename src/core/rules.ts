/**
 * One place per rule: the patterns and predicates every layer checks with (elements, server
 * helpers, sandbox), the English message of each rule, and the one converter from zod's issues
 * to `FieldIssue`s. DOM-free.
 *
 * Schemas carry only rule codes (`z.refine(ok, rule('min', { limit }))`); the message is written
 * here, once, from the rule, the field and its params. UIs translate the rule code for buyers.
 */
import * as z from 'zod/mini';
import { formatAmount } from './amount.ts';
import type { FieldIssue, IssueParams, IssueRule } from './errors.ts';

export const DIGITS = /^\d+$/;
export const POSITIVE_INTEGER = /^[1-9]\d*$/;
export const INTEGER_LIST = /^\s*\d+(\s*,\s*\d+)*\s*$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const COUNTRY = /^[A-Z]{2}$/;
export const LANGUAGE = /^[a-z]{2}$/;
/** Dots only between the domain's labels: each character has one place to go, so no backtracking. */
export const EMAIL = /^[^\s@;]+@[^\s@;.]+(?:\.[^\s@;.]+)+$/;
/** An e-mail address: at most 254 characters (RFC 5321), local part, `@`, a domain with a dot. */
export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);
/** An unpaired UTF-16 surrogate: no text can be encoded with one (`encodeURIComponent` throws). */
export const LONE_SURROGATE = /[\ud800-\udfff]/u;
export const PHONE = /^\d{4,24}$/;
export const BEST_BEFORE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
/** Base64 as a signature is sent: no whitespace, standard alphabet. */
export const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER = 2_147_483_647;

/**
 * The longest URL every engine we test navigates to: Firefox refuses more than 1 MiB (a
 * SyntaxError), Chromium more than 2 MiB (silently, to `about:blank#blocked`).
 */
export const MAX_URL_LENGTH = 1_048_576;

/** Maximum length of `payment_description` (SPEC §9). */
export const DESCRIPTION_MAX = 255;

/** `undefined`, `null` or only white space. */
export const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A plain object from any realm (`JSON.parse`, an object literal), not an array, a Map or a Date. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => Object.prototype.toString.call(v) === '[object Object]';

/** A string, a boolean or a finite number. */
export const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** A whole number above zero that JavaScript holds exactly. */
export const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** The URL when it is absolute and its scheme is `https:` or `http:`, else `null`. */
export function webUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Characters, not UTF-16 units: `payment_description` counts what the buyer reads. */
export const charLength = (s: string): number => [...s].length;

/** Milliseconds a timer waits (an attribute's text): a positive whole number, at most `MAX_TIMER`. */
export const timerIssue = (field: string, text: string): FieldIssue | null =>
  !POSITIVE_INTEGER.test(text) ? issue(field, 'positive-integer') : Number(text) > MAX_TIMER ? issue(field, 'max', { limit: MAX_TIMER }) : null;

// ── messages ───────────────────────────────────────────────────────────────

/** `10000` with `currency: 'CNY'` → `10000 (CN¥100.00)`; anything else as it is. */
const limit = (p: IssueParams) =>
  typeof p.limit === 'number' && typeof p.currency === 'string' ? `${p.limit} (${formatAmount(p.limit, p.currency, 'en')})` : String(p.limit);

const MESSAGES: Record<IssueRule, (f: string, p: IssueParams) => string> = {
  required: (f) => `${f} is required`,
  type: (f, p) => `${f} must be ${p.expected ?? 'of another type'}`,
  integer: (f) => `${f} must be a whole number (minor units, e.g. 1000 = 10.00)`,
  'positive-integer': (f) => `${f} must be a positive whole number`,
  min: (f, p) => `${f} must be at least ${limit(p)}`,
  max: (f, p) => `${f} must be at most ${limit(p)}`,
  'one-of': (f, p) => `${f} must be one of: ${p.values}`,
  'max-length': (f, p) => `${f} must be at most ${p.max} characters`,
  'no-semicolon': (f) => `${f} must not contain ";" (it would make the signature ambiguous)`,
  currency: (f, p) => (p.values ? `${f} must be ${p.values} for ${p.method}` : `${f} must be an ISO 4217 code such as CNY or PHP`),
  'only-value': (f, p) => `${f} must be ${p.value} for ${p.method}`,
  'only-for-method': (f, p) => `${f} applies to ${p.method} only`,
  email: (f) => `${f} must be an e-mail address`,
  url: (f, p) => `${f} must be an absolute ${p.schemes ?? 'https: or http:'} URL`,
  digits: (f, p) => `${f} must be ${p.min === p.max ? p.min : `${p.min}–${p.max}`} digits`,
  pattern: (f, p) => `${f} must look like ${p.example}`,
  chinese: (f) => `${f} must be written in Chinese characters`,
  luhn: (f) => `${f} is not a valid card number (checksum)`,
  'integer-list': (f) => `${f} must be a comma-separated list of whole numbers`,
  reserved: (f, p) => `${f} is set through the ${p.attribute} attribute, not extraParams`,
  scalar: (f, p) => `${f} must be ${p.types ?? 'a string, a number or a boolean'}`,
  'not-in-list': (f) => `${f} is not one of the listed choices`,
  host: (f, p) => `${f} host ${p.host} is not in allowed-hosts`,
  unreachable: (f, p) =>
    p.status ? `${f} answered HTTP ${p.status}` : p.seconds ? `${f} gave no redirect_data within ${p.seconds} s` : `${f} could not be reached`,
  answer: (f, p) => `${f} must answer ${p.expected}`,
  'url-length': (f, p) => `${f} makes the launch URL ${p.length} characters long, more than the ${p.max} every browser opens`,
};

/** A broken rule, with its English message. */
export function issue(field: string, rule: IssueRule, params?: IssueParams): FieldIssue {
  const message = MESSAGES[rule](field, params ?? {});
  return params ? { field, rule, message, params } : { field, rule, message };
}

/** The zod `error`/`params` of a check that breaks `rule`: `z.refine(ok, rule('min', { limit }))`. */
export const rule = (code: IssueRule, params?: IssueParams) => ({ error: code, params: { ...params, rule: code } });

/** Inside `z.superRefine`: reports `code` on `path` (relative to the value refined). */
export function report<T>(ctx: z.core.$RefinementCtx<T>, path: (string | number)[], code: IssueRule, params?: IssueParams): void {
  ctx.issues.push({ code: 'custom', input: ctx.value, path, message: code, params: { ...params, rule: code } });
}

/** A string that passes `test`, else the issue `code`: `matching(isEmail, 'email')`. */
export const matching = (test: (value: string) => boolean, ...[code, params]: Parameters<typeof rule>) =>
  z.string().check(z.refine(test, rule(code, params)));

const isRule = (s: string): s is IssueRule => Object.hasOwn(MESSAGES, s);

/**
 * zod's issues as `FieldIssue`s, the field named by its path (`customer.first_name`), once per
 * field and rule. A missing value is `required` (known only for errors parsed with `reportInput`,
 * as `validate` parses); the rule of anything else is the code the schema gave as its error (see
 * `rule`), else `type`.
 */
export function zodIssues(error: z.core.$ZodError, fallbackField = 'config'): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const i of error.issues) {
    const field = i.path.map(String).join('.') || fallbackField;
    const { rule: _rule, ...params } = (i.code === 'custom' ? i.params : undefined) ?? {};
    let code: IssueRule = isRule(i.message) ? i.message : 'type';
    // Only an error parsed with `reportInput` (as `validate` does) says what the value was.
    const missing = 'input' in i && (i.input === undefined || i.input === null);
    if (missing && (i.code === 'invalid_type' || i.code === 'invalid_value')) code = 'required';
    else if (i.code === 'invalid_value') {
      code = 'one-of';
      params.values = i.values.map(String).join(', ');
    }
    const key = `${field}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue(field, code, Object.keys(params).length > 0 ? (params as IssueParams) : undefined));
  }
  return out;
}

/** Parsed data, or every broken rule. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Validates `value` against `schema`: the data, or every issue (fields by their path). */
export function validate<T>(schema: z.ZodMiniType<T>, value: unknown, fallbackField?: string): Checked<T> {
  const parsed = z.safeParse(schema, value, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodIssues(parsed.error, fallbackField) };
}

/** Gate statuses after which nothing changes any more (SPEC §9): polling stops, callbacks are final. */
export const FINAL_STATUSES: readonly string[] = ['success', 'decline'];

export const isFinalStatus = (status: unknown): boolean => typeof status === 'string' && FINAL_STATUSES.includes(status);
