/**
 * From a checkout's configuration to the exact, unsigned Payment Page parameters.
 *
 *   attributes ─► parseCheckoutConfig (zod: syntax, per-method options) ─► launchParams
 *              ─► paramIssues (the method's rules, shared with the backend's answer)
 *
 * Pure and DOM-free: the element, the server helpers and the sandbox use the same rules.
 */
import * as z from 'zod/mini';
import type { FieldIssue } from './errors.ts';
import { formatAmount } from './amount.ts';
import { METHOD_CODES, isMethodCode, methodRules, type AmountRange, type MethodCode, type MethodRules } from './methods/index.ts';
import { ruleMessages, type Lang, type RuleMessages } from '../i18n/index.ts';

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
}

/** A valid configuration: the method, its effective limits, and the parameters to sign. */
export interface CheckoutConfig {
  method: MethodCode;
  rules: MethodRules;
  /** Limits that apply, or `undefined` when none do (a Philippine purchase in another currency). */
  limits: AmountRange | undefined;
  params: LaunchParams;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Maximum length of `payment_description` (SPEC §9). */
export const DESCRIPTION_MAX = 255;

/** Parameters the element sets from attributes; extraParams may not set them. */
const ATTRIBUTE_OF_PARAM: Record<string, string> = {
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
};

const DIGITS = /^\d+$/;
const INTEGER_LIST = /^\s*\d+(\s*,\s*\d+)*\s*$/;
const CURRENCY = /^[A-Z]{3}$/;
const LANGUAGE = /^[a-z]{2}$/;
const EMAIL = /^[^\s@;]+@[^\s@;]+\.[^\s@;]+$/;
const PHONE = /^\d{4,24}$/;
const BEST_BEFORE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function issuesOf(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'config', message: i.message }));
}

/** The attribute-level schema: syntax of each attribute, and which options belong to which method. */
function inputSchema(t: RuleMessages) {
  const text = () => z.nullish(z.string());
  const requiredText = (field: string) =>
    z.string({ error: t.required(field) }).check(z.refine((v) => v.trim() !== '', t.required(field)));
  const digits = (field: string, required: boolean) => {
    const s = z.string({ error: t.required(field) }).check(z.regex(DIGITS, t.integer(field)));
    return required ? s : z.nullish(s);
  };
  return z.object({
    method: z.enum(METHOD_CODES as [MethodCode, ...MethodCode[]], {
      error: (iss) => (iss.input == null ? t.required('method') : t.oneOf('method', METHOD_CODES)),
    }),
    'project-id': z.string({ error: t.required('project-id') }).check(
      z.regex(/^[1-9]\d*$/, t.positiveInteger('project-id')),
    ),
    'payment-id': requiredText('payment-id'),
    amount: digits('amount', true),
    currency: z.nullish(z.string().check(z.regex(CURRENCY, t.format('currency', 'CNY, PHP, USD')))),
    'customer-id': requiredText('customer-id'),
    description: text(),
    language: z.nullish(z.string().check(z.regex(LANGUAGE, t.format('language', 'zh, en')))),
    'customer-email': z.nullish(z.string().check(z.regex(EMAIL, t.email('customer-email')))),
    'customer-first-name': text(),
    'customer-last-name': text(),
    preselect: z.optional(z.boolean()),
    'split-banks': z.optional(z.boolean()),
    'banks-id': z.nullish(z.string().check(z.regex(INTEGER_LIST, t.integerList('banks-id')))),
    'min-amount': digits('min-amount', false),
    'max-amount': digits('max-amount', false),
    extraParams: z.nullish(
      z.record(z.string(), z.unknown()).check(
        z.superRefine((extra, ctx) => {
          for (const [key, value] of Object.entries(extra)) {
            const field = `extraParams.${key}`;
            if (Object.hasOwn(ATTRIBUTE_OF_PARAM, key)) {
              ctx.issues.push({ code: 'custom', input: value, path: [key], message: t.reserved(field, ATTRIBUTE_OF_PARAM[key]!) });
            } else if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'number' && !Number.isFinite(value))) {
              ctx.issues.push({ code: 'custom', input: value, path: [key], message: t.scalar(field) });
            }
          }
        }),
      ),
    ),
  });
}

type Input = z.infer<ReturnType<typeof inputSchema>>;

/** The limits that apply: the overrides, else the documented ones when the currency is the method's. */
export function effectiveLimits(rules: MethodRules, currency: string, min?: number, max?: number): AmountRange | undefined {
  if (min === undefined && max === undefined && currency !== rules.currency) return undefined;
  return { min: min ?? rules.purchaseLimits.min, max: max ?? rules.purchaseLimits.max };
}

/** `payment_methods_options` for the Philippine display variants (SPEC §3), as the JSON string ecommpay expects. */
export function bankDisplayOptions(rules: MethodRules, splitBanks: boolean, banksId: readonly number[]): string | undefined {
  if (!rules.optionsKey || (!splitBanks && banksId.length === 0)) return undefined;
  const options: { split_banks?: true; banks_id?: number[] } = {};
  if (splitBanks) options.split_banks = true;
  if (banksId.length > 0) options.banks_id = [...banksId];
  return JSON.stringify({ [rules.optionsKey]: options });
}

/**
 * `bank-picker`: the bank the buyer chose, preselected (Philippine variant 5):
 * `force_payment_method` plus `payment_methods_options` with `banks_id: [chosen]` only. The
 * choice takes the place of `preselect`, `split-banks` and `banks-id`.
 */
export function withPickedBank(input: CheckoutInput, bankId: number): CheckoutInput {
  return { ...input, preselect: true, 'split-banks': false, 'banks-id': String(bankId) };
}

const parseIntegerList = (s: string | null | undefined): number[] =>
  s ? s.split(',').map((p) => Number(p.trim())) : [];

function toParams(input: Input, rules: MethodRules): LaunchParams {
  const params: LaunchParams = {
    project_id: Number(input['project-id']),
    payment_id: input['payment-id'],
    payment_amount: Number(input.amount),
    payment_currency: input.currency ?? rules.currency,
    customer_id: input['customer-id'],
  };
  if (!isBlank(input.description)) params.payment_description = input.description!;
  const language = input.language ?? rules.languageCode;
  if (language) params.language_code = language;
  if (input.preselect) params.force_payment_method = rules.code;
  const options = bankDisplayOptions(rules, !!input['split-banks'], parseIntegerList(input['banks-id']));
  if (options) params.payment_methods_options = options;
  if (!isBlank(input['customer-email'])) params.customer_email = input['customer-email']!;
  if (!isBlank(input['customer-first-name'])) params.customer_first_name = input['customer-first-name']!;
  if (!isBlank(input['customer-last-name'])) params.customer_last_name = input['customer-last-name']!;
  for (const [key, value] of Object.entries(input.extraParams ?? {})) params[key] = value as string | number | boolean;
  return params;
}

/**
 * The method's rules over finished parameters. Used on the element's own parameters and
 * again on the parameters a backend answers with. `fieldOf` names a parameter for the buyer.
 */
export function paramIssues(
  rules: MethodRules,
  params: LaunchParams,
  limits: AmountRange | undefined,
  lang: Lang,
  fieldOf: (param: string) => string = (p) => p,
): FieldIssue[] {
  const t = ruleMessages[lang];
  const issues: FieldIssue[] = [];
  const add = (param: string, message: (field: string) => string) => {
    const field = fieldOf(param);
    issues.push({ field, message: message(field) });
  };
  const method = rules.name[lang];

  for (const key of ['project_id', 'payment_id', 'payment_amount', 'customer_id'] as const) {
    if (isBlank(params[key])) add(key, t.required);
  }
  const projectId = params.project_id;
  if (!isBlank(projectId) && !/^[1-9]\d*$/.test(String(projectId))) add('project_id', t.positiveInteger);

  const currency = String(params.payment_currency ?? '');
  if (!CURRENCY.test(currency)) add('payment_currency', (f) => t.format(f, 'CNY, PHP, USD'));
  else if (rules.purchaseCurrencies && !rules.purchaseCurrencies.includes(currency)) {
    add('payment_currency', (f) => t.onlyValue(f, rules.purchaseCurrencies!.join(', '), method));
  }

  const amount = params.payment_amount;
  if (!isBlank(amount)) {
    if (!DIGITS.test(String(amount)) || !Number.isSafeInteger(Number(amount))) add('payment_amount', t.integer);
    else if (limits) {
      const n = Number(amount);
      const show = (v: number) => `${v} (${formatAmount(v, currency || rules.currency, lang)})`;
      if (n < limits.min) add('payment_amount', (f) => t.atLeast(f, show(limits.min)));
      if (n > limits.max) add('payment_amount', (f) => t.atMost(f, show(limits.max)));
    }
  }

  const description = params.payment_description;
  if (rules.descriptionRequired && isBlank(description)) add('payment_description', t.required);
  if (typeof description === 'string' && [...description].length > DESCRIPTION_MAX) {
    add('payment_description', (f) => t.maxLength(f, DESCRIPTION_MAX));
  }

  if (rules.languageCode && params.language_code !== rules.languageCode) {
    add('language_code', (f) => t.onlyValue(f, rules.languageCode!, method));
  }
  if (params.force_payment_method !== undefined && params.force_payment_method !== rules.code) {
    add('force_payment_method', (f) => t.onlyValue(f, rules.code, method));
  }
  if (params.customer_email !== undefined && !EMAIL.test(String(params.customer_email))) add('customer_email', t.email);
  if (params.customer_phone !== undefined && !PHONE.test(String(params.customer_phone))) {
    add('customer_phone', (f) => t.digits(f, 4, 24));
  }
  if (params.best_before !== undefined && !BEST_BEFORE.test(String(params.best_before))) {
    add('best_before', (f) => t.format(f, '2026-12-31T23:59:59+08:00'));
  }

  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && value.includes(';')) add(key, t.noSemicolon);
  }
  return issues;
}

/** The field a buyer or merchant knows a parameter by: its attribute, or `extraParams.<key>`. */
export const attributeOf = (param: string): string => ATTRIBUTE_OF_PARAM[param] ?? `extraParams.${param}`;

/**
 * When some attributes are malformed, the method's rules still speak for the well-formed rest,
 * so the merchant sees every problem at once rather than one round at a time.
 */
function withRuleIssues(input: CheckoutInput, issues: FieldIssue[], lang: Lang): FieldIssue[] {
  if (!isMethodCode(input.method)) return issues;
  const flagged = new Set(issues.map((i) => i.field));
  const rules = methodRules(input.method);
  const wellFormed = {
    ...input,
    'project-id': input['project-id'] ?? '',
    'payment-id': input['payment-id'] ?? '',
    amount: input.amount ?? '',
    'customer-id': input['customer-id'] ?? '',
    extraParams: flagged.has('extraParams') || [...flagged].some((f) => f.startsWith('extraParams.')) ? null : input.extraParams,
  } as Input;
  const params = toParams(wellFormed, rules);
  const digits = (v: string | null | undefined) => (v && DIGITS.test(v) ? Number(v) : undefined);
  const limits = effectiveLimits(rules, String(params.payment_currency), digits(input['min-amount']), digits(input['max-amount']));
  const more = paramIssues(rules, params, limits, lang, attributeOf).filter((i) => !flagged.has(i.field));
  return [...issues, ...more];
}

/**
 * Checks a checkout's configuration and builds its launch parameters.
 * Every issue names the attribute and the rule.
 */
export function parseCheckoutConfig(input: CheckoutInput, lang: Lang): Parsed<CheckoutConfig> {
  const t = ruleMessages[lang];
  const parsed = z.safeParse(inputSchema(t), input);
  if (!parsed.success) return { ok: false, issues: withRuleIssues(input, issuesOf(parsed.error), lang) };
  const value = parsed.data;
  const rules = methodRules(value.method);
  const issues: FieldIssue[] = [];
  if (!rules.bankDisplayOptions) {
    const philippines = methodRules('online-philippines-banks').name[lang];
    if (value['split-banks']) issues.push({ field: 'split-banks', message: t.onlyForMethod('split-banks', philippines) });
    if (!isBlank(value['banks-id'])) issues.push({ field: 'banks-id', message: t.onlyForMethod('banks-id', philippines) });
  }
  const min = isBlank(value['min-amount']) ? undefined : Number(value['min-amount']);
  const max = isBlank(value['max-amount']) ? undefined : Number(value['max-amount']);
  if (min !== undefined && max !== undefined && min > max) {
    issues.push({ field: 'min-amount', message: t.atMost('min-amount', `max-amount (${max})`) });
  }

  const params = toParams(value, rules);
  const limits = effectiveLimits(rules, String(params.payment_currency), min, max);
  issues.push(...paramIssues(rules, params, limits, lang, attributeOf));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { method: value.method, rules, limits, params } };
}
