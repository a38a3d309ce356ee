/**
 * From a checkout's configuration to the exact, unsigned Payment Page parameters.
 *
 *   attributes ─► parseCheckoutConfig ─► { params, limits, signing, Payment Page base }
 *                 (the schema: each attribute's syntax and the element's own settings;
 *                  paramIssues: the method's rules over the finished parameters, the same rules
 *                  the backend's answer, the signing handler and the sandbox are held to)
 *
 * Pure and DOM-free. The schema is built once; `memoiseCheckout` parses once per change of input.
 * Every issue names the attribute and the rule, in English, for the merchant's developer.
 */
import * as z from 'zod/mini';
import type { FieldIssue } from './errors.ts';
import { METHOD_CODES, bankOptionMethods, effectiveLimits, isMethodCode, methodRules, type AmountRange, type MethodCode, type MethodRules } from './methods/index.ts';
import { DEFAULT_FRAME_TIMEOUT, DEFAULT_PAYMENT_PAGE_URL, DISPLAYS, launchUrl, paymentPageBase, wireValue, type Display } from './payment-page.ts';
import {
  BEST_BEFORE,
  CURRENCY,
  DESCRIPTION_MAX,
  DIGITS,
  INTEGER_LIST,
  LANGUAGE,
  LONE_SURROGATE,
  MAX_URL_LENGTH,
  PHONE,
  POSITIVE_INTEGER,
  charLength,
  isBlank,
  isEmail,
  isPlainObject,
  isPositiveInteger,
  isScalar,
  issue,
  matching,
  report,
  rule,
  timerIssue,
  validate,
  type Checked,
} from './rules.ts';

/** Payment Page parameters: flat, scalar values. */
export type LaunchParams = Record<string, string | number | boolean>;

/** What the checkout element reads from its attributes and properties (attribute names as keys). */
export interface CheckoutInput {
  method?: string | null;
  'project-id'?: string | null;
  'payment-id'?: string | null;
  amount?: string | null;
  currency?: string | null;
  'customer-id'?: string | null;
  description?: string | null;
  language?: string | null;
  'customer-email'?: string | null;
  'customer-first-name'?: string | null;
  'customer-last-name'?: string | null;
  preselect?: boolean;
  'split-banks'?: boolean;
  'banks-id'?: string | null;
  'min-amount'?: string | null;
  'max-amount'?: string | null;
  extraParams?: Record<string, unknown> | null;
  /** The merchant backend's signing endpoint; required unless `sign` (a signing function is set). */
  'sign-url'?: string | null;
  sign?: boolean;
  'sign-timeout'?: string | null;
  'payment-page-url'?: string | null;
  /** The buyer picks the bank first (Philippine variant 5); `bank` is their choice, `null` until made. */
  'bank-picker'?: boolean;
  bank?: number | null;
  /** `redirect` (default), `modal` or `iframe`: how the Payment Page is shown. */
  display?: string | null;
  /** Milliseconds a framed Payment Page has to say it loaded. */
  'frame-timeout'?: string | null;
}

/** A valid configuration: the method, its limits, the parameters to sign, and how to sign and launch. */
export interface CheckoutConfig {
  method: MethodCode;
  rules: MethodRules;
  /** `min-amount` / `max-amount`, when set: they apply again to the parameters the backend signs. */
  overrides: { min?: number; max?: number };
  /** Limits that apply, or `undefined` when none do (a Philippine purchase in another currency). */
  limits: AmountRange | undefined;
  params: LaunchParams;
  /** `sign-url`, or `null` when a signing function is used. */
  signUrl: string | null;
  /** Milliseconds to wait for the signature. */
  timeout: number;
  /** The Payment Page's base URL, normalised. */
  base: string;
  /** How the Payment Page is shown (a frame display may still fall back to `redirect` on a mobile device). */
  display: Display;
  /** Milliseconds a framed Payment Page has to say `epframe.loaded` after its frame's `load`. */
  frameTimeout: number;
}

export const DEFAULT_SIGN_TIMEOUT = 15_000;

/** Parameters the element sets from attributes (and the attribute of each); extraParams may not set them. */
export const ATTRIBUTE_OF_PARAM: Record<string, string> = {
  project_id: 'project-id',
  payment_id: 'payment-id',
  payment_amount: 'amount',
  payment_currency: 'currency',
  customer_id: 'customer-id',
  payment_description: 'description',
  language_code: 'language',
  customer_email: 'customer-email',
  customer_first_name: 'customer-first-name',
  customer_last_name: 'customer-last-name',
  force_payment_method: 'preselect',
  payment_methods_options: 'split-banks',
  signature: 'sign-url',
  // Added to the URL after signing, never signed (SPEC §10).
  frame_mode: 'display',
};

/** The field a merchant knows a parameter by: its attribute, or `extraParams.<key>`. */
// Own keys only: an extra parameter named `constructor` or `toString` is no attribute.
export const attributeOf = (param: string): string => (Object.hasOwn(ATTRIBUTE_OF_PARAM, param) ? ATTRIBUTE_OF_PARAM[param]! : `extraParams.${param}`);

const DAY = 86_400_000;

/**
 * How far the buyer's clock may be off: the browser refuses only a `best_before` wrong on any
 * plausible clock; the signing side (`createSignHandler`, the sandbox) checks it exactly, on its own.
 */
const CLOCK_SKEW = DAY;

/** How far ahead `best_before` may be (SPEC §9: at most 30 days). */
export const BEST_BEFORE_MAX_DAYS = 30;

/**
 * `best_before` (`YYYY-MM-DDThh:mm:ss±hh:mm`, SPEC §9) against the clock `now`: its shape and a
 * real date and time (no 30 February, no hour 24), then a moment after `now` and at most 30 days
 * after it. The offset in the value fixes the moment, whatever the checker's time zone.
 */
export function bestBeforeIssue(field: string, value: unknown, now: number, skew = 0): FieldIssue | null {
  const example = { example: '2026-12-31T23:59:59+08:00' };
  const text = String(value);
  if (!BEST_BEFORE.test(text)) return issue(field, 'pattern', example);
  const [y, mo, d, h, mi, se, oh, om] = text.match(/\d+/g)!.map(Number) as [number, number, number, number, number, number, number, number];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || se > 59 || oh > 14 || om > 59) return issue(field, 'pattern', example);
  const moment = Date.UTC(y, mo - 1, d, h, mi, se) - (text.includes('+', 19) ? 1 : -1) * (oh * 60 + om) * 60_000;
  if (moment <= now - skew) return issue(field, 'min', { limit: new Date(now - skew).toISOString() });
  const latest = now + BEST_BEFORE_MAX_DAYS * DAY + skew;
  if (moment > latest) return issue(field, 'max', { limit: new Date(latest).toISOString() });
  return null;
}

/** Characters of a launch URL kept for the signature (88 in base64, more once encoded) and `&frame_mode=…`. */
const URL_ROOM = 256;

/**
 * The launch URL at `base` must stay within what every engine navigates to (`MAX_URL_LENGTH`):
 * else the longest parameter is named, with the URL's length.
 */
function urlLengthIssues(base: string, params: LaunchParams, fieldOf: (param: string) => string): FieldIssue[] {
  // Lone surrogates are refused on their own; counted here as what they would be replaced by.
  const whole = (text: string) => text.replace(/[\ud800-\udfff]/gu, '\ufffd');
  const entries = Object.entries(params).map(([key, value]) => [whole(key), whole(wireValue(value))] as const);
  const length = launchUrl(base, Object.fromEntries(entries), '').length + URL_ROOM;
  if (length <= MAX_URL_LENGTH) return [];
  const [longest] = entries.reduce((a, b) => (encodeURIComponent(b[1]).length > encodeURIComponent(a[1]).length ? b : a));
  return [issue(fieldOf(longest), 'url-length', { length, max: MAX_URL_LENGTH })];
}

// ── the schema: each attribute's syntax, built once ────────────────────────

let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  const text = z.nullish(z.string());
  const flag = z.optional(z.boolean());
  // Milliseconds: timers wait at most 2^31 − 1 ms; a longer delay fires at once.
  const wait = z.nullish(
    z.string().check(
      z.superRefine((text, ctx) => {
        const found = timerIssue('', text);
        if (found) report(ctx, [], found.rule, found.params);
      }),
    ),
  );
  // Whole numbers JavaScript holds exactly: `99999999999999999999` would be rounded, never refused.
  const exact = (pattern: RegExp, code: 'integer' | 'positive-integer') => z.nullish(matching((v) => isExactInteger(v, pattern), code));
  return z.object({
    method: matching(isMethodCode, 'one-of', { values: METHOD_CODES.join(', ') }),
    'project-id': text,
    'payment-id': text,
    amount: text,
    currency: text,
    'customer-id': text,
    description: text,
    language: z.nullish(matching((v) => LANGUAGE.test(v), 'pattern', { example: 'zh, en' })),
    'customer-email': text,
    'customer-first-name': text,
    'customer-last-name': text,
    preselect: flag,
    'split-banks': flag,
    'banks-id': z.nullish(matching((v) => INTEGER_LIST.test(v) && v.split(',').every((id) => isExactInteger(id.trim(), POSITIVE_INTEGER)), 'integer-list')),
    'min-amount': exact(DIGITS, 'integer'),
    'max-amount': exact(DIGITS, 'integer'),
    extraParams: z.nullish(
      z.unknown().check(
        z.superRefine((extra, ctx) => {
          if (!isPlainObject(extra)) return void report(ctx, [], 'type', { expected: 'an object of Payment Page parameters' });
          for (const [key, value] of Object.entries(extra)) {
            if (Object.hasOwn(ATTRIBUTE_OF_PARAM, key)) report(ctx, [key], 'reserved', { attribute: ATTRIBUTE_OF_PARAM[key]! });
            else if (!isScalar(value)) report(ctx, [key], 'scalar');
          }
        }),
      ),
    ),
    'sign-url': text,
    sign: flag,
    'sign-timeout': wait,
    'payment-page-url': text,
    'bank-picker': flag,
    bank: z.nullish(z.unknown().check(z.refine(isPositiveInteger, rule('positive-integer')))),
    display: z.nullish(matching((v) => (DISPLAYS as readonly string[]).includes(v), 'one-of', { values: DISPLAYS.join(', ') })),
    'frame-timeout': wait,
  });
}

// ── the method's rules over finished parameters ────────────────────────────

/** `payment_methods_options` for the Philippine display variants (SPEC §3), as the JSON string ecommpay expects. */
export function bankDisplayOptions(rules: MethodRules, splitBanks: boolean, banksId: readonly number[]): string | undefined {
  if (!rules.optionsKey || (!splitBanks && banksId.length === 0)) return undefined;
  const options: { split_banks?: true; banks_id?: number[] } = {};
  if (splitBanks) options.split_banks = true;
  if (banksId.length > 0) options.banks_id = [...banksId];
  return JSON.stringify({ [rules.optionsKey]: options });
}

/** A whole number written in `text` that JavaScript holds exactly (`pattern`: DIGITS or POSITIVE_INTEGER). */
const isExactInteger = (text: unknown, pattern: RegExp): boolean => pattern.test(String(text)) && Number.isSafeInteger(Number(text));

/** A whole number as a number when JavaScript holds it exactly; anything else as it was given. */
const exactNumber = (text: string | null | undefined, pattern: RegExp): string | number =>
  text && isExactInteger(text, pattern) ? Number(text) : (text ?? '');

/**
 * The method's rules over finished parameters. Used on the element's own parameters and again
 * on the parameters a backend answers with, by the signing handler and by the sandbox.
 * `fieldOf` names a parameter (the checkout: by its attribute).
 */
export function paramIssues(
  rules: MethodRules,
  params: LaunchParams,
  limits: AmountRange | undefined,
  fieldOf: (param: string) => string = (p) => p,
  now = Date.now(),
  skew = 0,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (param: string, ...[code, params]: Parameters<typeof rule>) => issues.push(issue(fieldOf(param), code, params));
  const method = rules.name.en;
  const has = (key: string) => !isBlank(params[key]);

  for (const key of ['project_id', 'payment_id', 'payment_amount', 'customer_id']) if (!has(key)) add(key, 'required');
  if (has('project_id') && !isExactInteger(params.project_id, POSITIVE_INTEGER)) add('project_id', 'positive-integer');

  const currency = String(params.payment_currency ?? '');
  if (!CURRENCY.test(currency)) add('payment_currency', 'currency');
  else if (rules.purchaseCurrencies && !rules.purchaseCurrencies.includes(currency)) {
    add('payment_currency', 'currency', { values: rules.purchaseCurrencies.join(', '), method });
  }

  if (has('payment_amount')) {
    const amount = Number(params.payment_amount);
    if (!isExactInteger(params.payment_amount, DIGITS)) add('payment_amount', 'integer');
    else if (amount <= 0) add('payment_amount', 'positive-integer');
    else if (limits && amount < limits.min) add('payment_amount', 'min', { limit: limits.min, currency });
    else if (limits && amount > limits.max) add('payment_amount', 'max', { limit: limits.max, currency });
  }

  const description = params.payment_description;
  if (rules.descriptionRequired && isBlank(description)) add('payment_description', 'required');
  if (typeof description === 'string' && charLength(description) > DESCRIPTION_MAX) add('payment_description', 'max-length', { max: DESCRIPTION_MAX });

  if (rules.languageCode && params.language_code !== rules.languageCode) add('language_code', 'only-value', { value: rules.languageCode, method });
  if (params.force_payment_method !== undefined && params.force_payment_method !== rules.code) {
    add('force_payment_method', 'only-value', { value: rules.code, method });
  }
  if (params.customer_email !== undefined && !isEmail(String(params.customer_email))) add('customer_email', 'email');
  if (params.customer_phone !== undefined && !PHONE.test(String(params.customer_phone))) add('customer_phone', 'digits', { min: 4, max: 24 });
  const late = params.best_before === undefined ? null : bestBeforeIssue(fieldOf('best_before'), params.best_before, now, skew);
  if (late) issues.push(late);
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') {
      if (LONE_SURROGATE.test(key)) add(key, 'type', { expected: 'text without unpaired surrogates' });
      continue;
    }
    if (value.includes(';')) add(key, 'no-semicolon');
    if (LONE_SURROGATE.test(value) || LONE_SURROGATE.test(key)) add(key, 'type', { expected: 'text without unpaired surrogates' });
  }
  return issues;
}

// ── the whole configuration ────────────────────────────────────────────────

const integerList = (s: string | null | undefined): number[] => (s ? s.split(',').map((p) => Number(p.trim())) : []);
const optional = (s: string | null | undefined): string | undefined => (isBlank(s) ? undefined : s!);

function toParams(input: CheckoutInput, rules: MethodRules, picked: number | null): LaunchParams {
  const params: LaunchParams = {
    project_id: exactNumber(input['project-id'], POSITIVE_INTEGER),
    payment_id: input['payment-id'] ?? '',
    payment_amount: exactNumber(input.amount, DIGITS),
    payment_currency: input.currency ?? rules.currency,
    customer_id: input['customer-id'] ?? '',
  };
  const add = (key: string, value: string | undefined) => value !== undefined && (params[key] = value);
  add('payment_description', optional(input.description));
  // `language` is the UI language; a method with a fixed Payment Page language (CUP: zh) sends that whatever it is.
  add('language_code', rules.languageCode ?? input.language ?? undefined);
  // `bank-picker`: the bank the buyer chose, preselected (variant 5), in place of preselect/split-banks/banks-id.
  if (picked !== null || input.preselect) params.force_payment_method = rules.code;
  const options =
    picked !== null
      ? bankDisplayOptions(rules, false, [picked])
      : bankDisplayOptions(rules, !!input['split-banks'], integerList(input['banks-id']));
  add('payment_methods_options', options);
  add('customer_email', optional(input['customer-email']));
  add('customer_first_name', optional(input['customer-first-name']));
  add('customer_last_name', optional(input['customer-last-name']));
  for (const [key, value] of Object.entries(input.extraParams ?? {})) params[key] = value as string | number | boolean;
  return params;
}

/**
 * Checks a checkout's configuration and builds its launch parameters: every broken rule at once,
 * each naming the attribute. Input that is not well-formed is left out of the method's rules, so
 * one mistake is reported once.
 */
export function parseCheckoutConfig(raw: CheckoutInput): Checked<CheckoutConfig> {
  const checked = validate((schema ??= buildSchema()), raw);
  const issues = checked.ok ? [] : checked.issues;
  const flagged = new Set(issues.map((i) => i.field.split('.')[0]));
  // What broke its syntax is reported once and read no further (a script may set an object).
  const input: CheckoutInput = { ...raw };
  for (const field of flagged) if (field && Object.hasOwn(input, field)) (input as Record<string, unknown>)[field] = null;
  const method = isMethodCode(input.method) ? input.method : null;

  if (!input.sign && isBlank(input['sign-url'])) issues.push(issue('sign-url', 'required'));
  const base = paymentPageBase(input['payment-page-url'] ?? DEFAULT_PAYMENT_PAGE_URL);
  if (!base) issues.push(issue('payment-page-url', 'url', { schemes: 'https: (http: only for localhost)' }));
  if (!method) return { ok: false, issues };

  const rules = methodRules(method);
  if (!rules.optionsKey) {
    for (const field of ['split-banks', 'banks-id', 'bank-picker'] as const) {
      if (!isBlank(input[field]) && input[field] !== false) issues.push(issue(field, 'only-for-method', { method: bankOptionMethods() }));
    }
  }
  const picker = !!input['bank-picker'] && !!rules.optionsKey;
  const picked = picker && typeof input.bank === 'number' ? input.bank : null;
  if (picker && picked === null && !flagged.has('bank')) issues.push(issue('bank', 'required'));

  const override = (field: 'min-amount' | 'max-amount') => (flagged.has(field) || isBlank(input[field]) ? undefined : Number(input[field]));
  const overrides = { min: override('min-amount'), max: override('max-amount') };
  if (overrides.min !== undefined && overrides.max !== undefined && overrides.min > overrides.max) {
    issues.push(issue('min-amount', 'max', { limit: `max-amount (${overrides.max})` }));
  }

  const params = toParams(input, rules, picked);
  const limits = effectiveLimits(rules, String(params.payment_currency), overrides.min, overrides.max);
  issues.push(...paramIssues(rules, params, limits, attributeOf, Date.now(), CLOCK_SKEW).filter((i) => !flagged.has(i.field.split('.')[0])));
  if (base) issues.push(...urlLengthIssues(base, params, attributeOf));

  if (issues.length > 0) return { ok: false, issues };
  const signUrl = input.sign ? null : input['sign-url']!.trim();
  const timeout = isBlank(input['sign-timeout']) ? DEFAULT_SIGN_TIMEOUT : Number(input['sign-timeout']);
  const display = (input.display ?? 'redirect') as Display;
  const frameTimeout = isBlank(input['frame-timeout']) ? DEFAULT_FRAME_TIMEOUT : Number(input['frame-timeout']);
  return { ok: true, value: { method, rules, overrides, limits, params, signUrl, timeout, base: base!, display, frameTimeout } };
}

/**
 * The parameters a backend signed, held to the same rules (its currency may differ, so the
 * limits are worked out again). An empty list when they may be used.
 */
export const signedParamIssues = (config: CheckoutConfig, params: LaunchParams): FieldIssue[] => [
  ...paramIssues(
    config.rules,
    params,
    effectiveLimits(config.rules, String(params.payment_currency ?? ''), config.overrides.min, config.overrides.max),
    undefined,
    Date.now(),
    CLOCK_SKEW,
  ),
  ...urlLengthIssues(config.base, params, (p) => p),
  // Added to the URL after signing, from `display`: a signed one would be sent twice.
  ...(Object.hasOwn(params, 'frame_mode') ? [issue('frame_mode', 'reserved', { attribute: 'display' })] : []),
];

const sameInput = (a: CheckoutInput, b: CheckoutInput): boolean => {
  for (const key of Object.keys(a) as (keyof CheckoutInput)[]) {
    if (key === 'extraParams') {
      const x = a.extraParams;
      const y = b.extraParams;
      if (x === y) continue;
      if (!isPlainObject(x) || !isPlainObject(y)) return false;
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length || keys.some((k) => !Object.hasOwn(y, k) || x[k] !== y[k])) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
};

/**
 * `parseCheckoutConfig`, once per change of input: the same input (`extraParams` compared entry by
 * entry, so one mutated in place still counts as a change) gives the same result without parsing.
 */
export function memoiseCheckout(): (input: CheckoutInput) => Checked<CheckoutConfig> {
  let last: { input: CheckoutInput; parsed: Checked<CheckoutConfig> } | undefined;
  return (input) => {
    if (last && sameInput(input, last.input)) return last.parsed;
    const snapshot = { ...input, extraParams: isPlainObject(input.extraParams) ? { ...input.extraParams } : input.extraParams };
    last = { input: snapshot, parsed: parseCheckoutConfig(input) };
    return last.parsed;
  };
}
