/**
 * ecommpay Gate (the JSON API): the requests a merchant backend sends, as `zod/mini` schemas.
 * SPEC §5, §6, §9 "Gate".
 *
 *   gateRequestSchema(method, 'sale' | 'payout')   a full request (`general` + body)
 *   gateBodySchema(method, 'sale' | 'payout')      the same without `general` (a payout form's request + the backend's customer fields)
 *   bankListRequestSchema(), statusRequestSchema() `/v2/info/banks/…/list`, `/v2/payment/status`
 *
 * Each method's file (`./methods`) declares its bodies (`gate.bodies`): which objects and fields,
 * each with its rule; this file turns them into schemas, once per method and operation. `payment`
 * (amount within the method's limits, a currency it accepts) and `return_url` are the same for every
 * method. DOM-free: the merchant backend, the local sandbox and the payout form validate with the
 * same schemas. Unknown fields pass through (ecommpay accepts "every parameter of the
 * specification"); the signature is checked elsewhere (`verifySignature`).
 */
import * as z from 'zod/mini';
import type { FieldIssue } from './errors.ts';
import { METHOD_CODES, effectiveLimits, methodRules, type BodyShape, type FieldRule, type MethodCode, type MethodRules } from './methods/index.ts';
import {
  COUNTRY,
  CURRENCY,
  DESCRIPTION_MAX,
  isEmail,
  PHONE,
  charLength,
  isPositiveInteger,
  matching,
  report,
  rule,
  validate,
  webUrl,
  zodIssues,
  type Checked,
} from './rules.ts';

export { FINAL_STATUSES, isFinalStatus } from './rules.ts';

/** The two Gate operations a method supports. */
export type GateOperation = 'sale' | 'payout';

export const GATE_OPERATIONS: readonly GateOperation[] = ['sale', 'payout'];

/** `POST /v2/payment/status`: the payment's current state, by payment ID. */
export const STATUS_PATH = '/v2/payment/status';

// ── paths, from the method rules ───────────────────────────────────────────

/** The Gate path of a method's sale or payout request. */
export const gatePath = (method: MethodCode, operation: GateOperation): string => methodRules(method).gate[operation];

/** `/v2/info/banks/{method}/{operation}/list`, or `null` when ecommpay publishes no such list. */
export function bankListPath(method: MethodCode, operation: GateOperation): string | null {
  const gate = methodRules(method).gate;
  return gate.banksListOperations.includes(operation) ? `/v2/info/banks/${gate.banksListMethod}/${operation}/list` : null;
}

/** Which method and operation a Gate path belongs to (sale, payout or bank list), or `null`. */
export function routeOfGatePath(
  path: string,
): { kind: 'payment' | 'bank-list'; method: MethodCode; operation: GateOperation } | null {
  for (const method of METHOD_CODES) {
    for (const operation of GATE_OPERATIONS) {
      if (gatePath(method, operation) === path) return { kind: 'payment', method, operation };
      if (bankListPath(method, operation) === path) return { kind: 'bank-list', method, operation };
    }
  }
  return null;
}

// ── field rules ────────────────────────────────────────────────────────────

// Written as searches for one character, not `^[…]+$` patterns: with the `u` flag, JavaScriptCore
// (Safari) matches those in time quadratic in the length (a 100 kB street took 50 s in WebKitGTK).
const HAN = /\p{Script=Han}/u;
const NOT_NAME = /[^\p{Script=Han}·・]/u;
const LATIN_OR_SEMICOLON = /[A-Za-z;]/;
/** A name in Chinese characters (the middle dot of transliterated names allowed). */
const isChineseName = (v: string) => v !== '' && !NOT_NAME.test(v);
/** An address line in Chinese: Chinese characters, digits, spaces and punctuation; no Latin letters, no `;`. */
const isChineseText = (v: string) => HAN.test(v) && !LATIN_OR_SEMICOLON.test(v);
const PAN = /^\d{12,30}$/;
const ACCOUNT_NUMBER = /^\d{6,30}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]{2,45}$/;

type Schema = z.ZodMiniType<unknown>;

/** Text that is signed: not blank (unless `blankOk`), and no `;`, which would make the signature ambiguous (SPEC §11). */
const text = (maxLength?: number, blankOk = false) =>
  z.string().check(
    z.refine((v) => blankOk || v.trim() !== '', rule('required')),
    z.refine((v) => !v.includes(';'), rule('no-semicolon')),
    z.refine((v) => maxLength === undefined || charLength(v) <= maxLength, rule('max-length', { max: maxLength ?? 0 })),
  );
const positiveInteger = () => z.number('positive-integer').check(z.refine(isPositiveInteger, rule('positive-integer')));

const FIELD_RULES: Record<Exclude<FieldRule, `=${string}`>, () => Schema> = {
  text: () => text(),
  id: () => text(),
  ip: () => matching((v) => IPV4.test(v) || (v.includes(':') && IPV6.test(v)), 'pattern', { example: '203.0.113.10' }),
  email: () => matching(isEmail, 'email'),
  phone: () => matching((v) => PHONE.test(v), 'digits', { min: 4, max: 24 }),
  country: () => matching((v) => COUNTRY.test(v), 'pattern', { example: 'CN, PH' }),
  'chinese-name': () => matching(isChineseName, 'chinese'),
  'chinese-text': () => matching(isChineseText, 'chinese'),
  'positive-integer': positiveInteger,
  url: () => matching((v) => webUrl(v) !== null, 'url'),
  pan: () => matching((v) => PAN.test(v), 'digits', { min: 12, max: 30 }),
  'account-number': () => matching((v) => ACCOUNT_NUMBER.test(v), 'digits', { min: 6, max: 30 }),
};

/** A field's schema from its rule (`=CN`: exactly that value). */
function fieldSchema(spec: FieldRule | BodyShape, method: string): Schema {
  if (typeof spec !== 'string') return shapeSchema(spec, method);
  if (spec.startsWith('=')) {
    const value = spec.slice(1);
    return z.string().check(z.refine((v) => v === value, rule('only-value', { value, method })));
  }
  return FIELD_RULES[spec as keyof typeof FIELD_RULES]();
}

/** An object of fields; keys ending in `?` are optional. Unknown fields pass through. */
function shapeSchema(shape: BodyShape, method: string): Schema {
  const fields: Record<string, Schema> = {};
  for (const [key, spec] of Object.entries(shape)) {
    const optional = key.endsWith('?');
    const schema = fieldSchema(spec, method);
    fields[optional ? key.slice(0, -1) : key] = optional ? z.optional(schema) : schema;
  }
  return z.looseObject(fields);
}

/** `payment` of a sale or payout: amount within the method's limits, a currency it accepts. */
function paymentSchema(rules: MethodRules, operation: GateOperation): Schema {
  const method = rules.name.en;
  const payout = operation === 'payout';
  return z
    .looseObject({
      amount: positiveInteger(),
      currency: matching((v) => CURRENCY.test(v), 'currency'),
      description: payout || rules.descriptionRequired ? text(DESCRIPTION_MAX) : z.optional(text(DESCRIPTION_MAX, true)),
    })
    .check(
      z.superRefine((payment, ctx) => {
        const allowed = payout ? [rules.payoutCurrency] : rules.purchaseCurrencies;
        if (allowed && !allowed.includes(payment.currency)) report(ctx, ['currency'], 'currency', { values: allowed.join(', '), method });
        const limits = payout ? rules.payoutLimits : effectiveLimits(rules, payment.currency);
        if (limits && payment.currency === (payout ? rules.payoutCurrency : rules.currency)) {
          if (payment.amount < limits.min) report(ctx, ['amount'], 'min', { limit: limits.min, currency: payment.currency });
          if (payment.amount > limits.max) report(ctx, ['amount'], 'max', { limit: limits.max, currency: payment.currency });
        }
      }),
    ) as Schema;
}

const returnUrlSchema = () => shapeSchema({ success: 'url', 'decline?': 'url', 'return?': 'url' }, '');

const generalSchema = () =>
  z.looseObject({ project_id: positiveInteger(), payment_id: text(), signature: z.optional(z.string()) });

// ── public schemas ─────────────────────────────────────────────────────────

/** The common part of every Gate request. */
export interface GateGeneral {
  project_id: number;
  payment_id: string;
  signature?: string;
  [key: string]: unknown;
}

/**
 * A Gate sale or payout request, as the merchant's backend sends it (the shape depends on the
 * method; see SPEC §5): every method's `customer` has `id` and `ip_address`, which the backend fills in.
 */
export interface GateRequest {
  general: GateGeneral;
  customer: Record<string, unknown> & { id: string; ip_address: string };
  payment: { amount: number; currency: string; description?: string; [key: string]: unknown };
  account?: Record<string, unknown>;
  card?: Record<string, unknown>;
  return_url?: { success: string; decline?: string; return?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * What a payout form produces (DESIGN §1.3): the request without `general`, and without the fields
 * the backend fills in (`customer.id`, `customer.ip_address`). So `customer` is optional: the
 * Philippine form has no customer fields and sends none; the backend adds it.
 */
export type GateBody = Omit<GateRequest, 'general' | 'customer'> & { customer?: Record<string, unknown> };

const built = new Map<string, Schema>();
const once = (key: string, build: () => Schema): Schema => {
  let schema = built.get(key);
  if (!schema) built.set(key, (schema = build()));
  return schema;
};

/**
 * The body of a method's sale or payout request, without `general` (built once per method and
 * operation). It requires `customer` with `id` and `ip_address`, as Gate does.
 */
export function gateBodySchema(method: MethodCode, operation: GateOperation): z.ZodMiniType<Omit<GateRequest, 'general'>> {
  return once(`${method} ${operation}`, () => {
    const rules = methodRules(method);
    const { customer, account, card, return_url } = rules.gate.bodies[operation];
    const shape: Record<string, Schema> = { customer: shapeSchema(customer, rules.name.en), payment: paymentSchema(rules, operation) };
    if (account) shape.account = shapeSchema(account, rules.name.en);
    if (card) shape.card = shapeSchema(card, rules.name.en);
    if (return_url) shape.return_url = returnUrlSchema();
    return z.looseObject(shape);
  }) as z.ZodMiniType<Omit<GateRequest, 'general'>>;
}

/** A method's full sale or payout request: `general` plus the body. */
export function gateRequestSchema(method: MethodCode, operation: GateOperation): z.ZodMiniType<GateRequest> {
  return once(`${method} ${operation} request`, () =>
    z.extend(gateBodySchema(method, operation) as unknown as z.ZodMiniObject, { general: generalSchema() }),
  ) as z.ZodMiniType<GateRequest>;
}

export interface BankListRequest {
  general: GateGeneral;
  payment: { amount: number; currency: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** `/v2/info/banks/{method}/{operation}/list`: a random `payment_id` is allowed before the payment exists. */
export const bankListRequestSchema = (): z.ZodMiniType<BankListRequest> =>
  once('bank-list', () =>
    z.looseObject({
      general: generalSchema(),
      payment: z.looseObject({ amount: positiveInteger(), currency: matching((v) => CURRENCY.test(v), 'currency') }),
    }),
  ) as z.ZodMiniType<BankListRequest>;

export interface StatusRequest {
  general: GateGeneral;
  [key: string]: unknown;
}

/** `POST /v2/payment/status`. */
export const statusRequestSchema = (): z.ZodMiniType<StatusRequest> =>
  once('status', () => z.looseObject({ general: generalSchema() })) as z.ZodMiniType<StatusRequest>;

/** A zod error as field issues (`customer.first_name must be written in Chinese characters`). */
export const gateIssues = (error: z.core.$ZodError): FieldIssue[] => zodIssues(error, 'request');

/** Validates a value against a schema: the data, or every issue. */
export const checkGate = <T>(schema: z.ZodMiniType<T>, value: unknown): Checked<T> => validate(schema, value, 'request');
