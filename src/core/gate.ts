/**
 * ecommpay Gate (the JSON API): the requests a merchant backend sends, and the callbacks it
 * receives, as `zod/mini` schemas. SPEC §5, §6, §9 "Gate".
 *
 *   gateRequestSchema(method, 'sale' | 'payout')   a full request (`general` + body)
 *   gateBodySchema(method, 'sale' | 'payout')      the same without `general` (what a payout form produces)
 *   bankListRequestSchema, statusRequestSchema     `/v2/info/banks/…/list`, `/v2/payment/status`
 *
 * Limits, currencies and paths come from the method's rules (`./methods`); this file only knows
 * the shape of each method's requests. DOM-free: the merchant backend, the local sandbox and the
 * payout form validate with the same schemas. Unknown fields pass through (ecommpay accepts
 * "every parameter of the specification"); the signature is checked elsewhere (`verifySignature`).
 */
import * as z from 'zod/mini';
import type { FieldIssue } from './errors.ts';
import { effectiveLimits, DESCRIPTION_MAX } from './launch.ts';
import { METHOD_CODES, methodRules, type AmountRange, type MethodCode, type MethodRules } from './methods/index.ts';
import { ruleMessages, type Lang, type RuleMessages } from '../i18n/index.ts';

/** The two Gate operations a method supports. */
export type GateOperation = 'sale' | 'payout';

export const GATE_OPERATIONS: readonly GateOperation[] = ['sale', 'payout'];

/** `POST /v2/payment/status`: the payment's current state, by payment ID. */
export const STATUS_PATH = '/v2/payment/status';

/** Statuses after which nothing changes any more (SPEC §9). */
export const FINAL_STATUSES: readonly string[] = ['success', 'decline'];

export const isFinalStatus = (status: unknown): boolean => typeof status === 'string' && FINAL_STATUSES.includes(status);

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

// ── building blocks ────────────────────────────────────────────────────────

const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@;]+@[^\s@;]+\.[^\s@;]+$/;
const PHONE = /^\d{4,24}$/;
/** A name in Chinese characters (the middle dot of transliterated names allowed). */
const CHINESE_NAME = /^[\p{Script=Han}·・]+$/u;
/** An address line in Chinese: Chinese characters, digits, spaces and punctuation; no Latin letters. */
const CHINESE_TEXT = /^(?=.*\p{Script=Han})[^A-Za-z;]+$/u;
const PAN = /^\d{12,30}$/;
const ACCOUNT_NUMBER = /^\d{6,30}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]{2,45}$/;

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** An object the request must carry, its absence reported by name. */
const obj = <S extends z.core.$ZodLooseShape>(t: RuleMessages, field: string, shape: S) =>
  z.looseObject(shape, { error: t.required(field) });

/** Field helpers, their messages naming the field by its dotted path. */
function fields(t: RuleMessages) {
  // No `;` in any text that is signed: it would make the signature ambiguous (SPEC §11).
  const text = (field: string) =>
    z.string({ error: t.required(field) }).check(
      z.refine((v) => v.trim() !== '', t.required(field)),
      z.refine((v) => !v.includes(';'), t.noSemicolon(field)),
    );
  const pattern = (field: string, re: RegExp, message: string) =>
    z.string({ error: t.required(field) }).check(z.regex(re, message));
  const positiveInt = (field: string) =>
    z.number({ error: t.positiveInteger(field) }).check(
      z.refine((v) => Number.isSafeInteger(v) && v > 0, t.positiveInteger(field)),
    );
  return {
    text,
    positiveInt,
    id: (field: string) => text(field),
    email: (field: string) => pattern(field, EMAIL, t.email(field)),
    phone: (field: string) => pattern(field, PHONE, t.digits(field, 4, 24)),
    ip: (field: string) =>
      z.string({ error: t.required(field) }).check(
        z.refine((v) => IPV4.test(v) || (v.includes(':') && IPV6.test(v)), t.format(field, '203.0.113.10')),
      ),
    country: (field: string) => pattern(field, COUNTRY, t.format(field, 'CN, PH')),
    chineseName: (field: string) => pattern(field, CHINESE_NAME, t.chinese(field)),
    chineseText: (field: string) => pattern(field, CHINESE_TEXT, t.chinese(field)),
    url: (field: string) =>
      z.string({ error: t.required(field) }).check(z.refine(isHttpUrl, t.format(field, 'https://shop.example/result'))),
    description: (field: string, required: boolean) => {
      const s = text(field).check(z.refine((v) => [...v].length <= DESCRIPTION_MAX, t.maxLength(field, DESCRIPTION_MAX)));
      return required
        ? s
        : z.optional(
            z.string().check(
              z.refine((v) => [...v].length <= DESCRIPTION_MAX, t.maxLength(field, DESCRIPTION_MAX)),
              z.refine((v) => !v.includes(';'), t.noSemicolon(field)),
            ),
          );
    },
  };
}

/** `payment` of a sale or payout: amount within the method's limits, currency it accepts. */
function paymentSchema(rules: MethodRules, operation: GateOperation, t: RuleMessages, lang: Lang) {
  const f = fields(t);
  const method = rules.name[lang];
  const requireDescription = operation === 'payout' || rules.descriptionRequired;
  return z
    .looseObject(
      {
      amount: f.positiveInt('payment.amount'),
      currency: z.string({ error: t.required('payment.currency') }).check(
        z.regex(CURRENCY, t.format('payment.currency', rules.currency)),
      ),
      description: f.description('payment.description', requireDescription),
      },
      { error: t.required('payment') },
    )
    .check(
      z.superRefine((payment, ctx) => {
        const issue = (path: string, message: string) =>
          ctx.issues.push({ code: 'custom', input: payment, path: [path], message });
        let limits: AmountRange | undefined;
        if (operation === 'payout') {
          if (payment.currency !== rules.payoutCurrency) {
            issue('currency', t.onlyValue('payment.currency', rules.payoutCurrency, method));
          }
          limits = rules.payoutLimits;
        } else {
          const allowed = rules.purchaseCurrencies;
          if (allowed && !allowed.includes(payment.currency)) {
            issue('currency', t.onlyValue('payment.currency', allowed.join(', '), method));
          }
          limits = effectiveLimits(rules, payment.currency);
        }
        if (limits && payment.currency === (operation === 'payout' ? rules.payoutCurrency : rules.currency)) {
          if (payment.amount < limits.min) issue('amount', t.atLeast('payment.amount', String(limits.min)));
          if (payment.amount > limits.max) issue('amount', t.atMost('payment.amount', String(limits.max)));
        }
      }),
    );
}

function generalSchema(t: RuleMessages) {
  const f = fields(t);
  return obj(t, 'general', {
    project_id: f.positiveInt('general.project_id'),
    payment_id: f.text('general.payment_id'),
    signature: z.optional(z.string()),
  });
}

function returnUrlSchema(t: RuleMessages) {
  const f = fields(t);
  return obj(t, 'return_url', {
    success: f.url('return_url.success'),
    decline: z.optional(f.url('return_url.decline')),
    return: z.optional(f.url('return_url.return')),
  });
}

// ── per-method request bodies (SPEC §5) ────────────────────────────────────

type BodyBuilder = (rules: MethodRules, t: RuleMessages, lang: Lang) => z.ZodMiniType<Record<string, unknown>>;

/**
 * The body of each method's sale and payout requests (everything but `general`).
 * Adding a method: one entry here, its rules in `./methods`.
 */
const BODIES: Record<MethodCode, Record<GateOperation, BodyBuilder>> = {
  'cup-bank': {
    // POST /v2/payment/cup/bank/sale: names in Chinese only, phone without "+".
    sale: (rules, t, lang) => {
      const f = fields(t);
      return z.looseObject({
        customer: obj(t, 'customer', {
          id: f.id('customer.id'),
          ip_address: f.ip('customer.ip_address'),
          first_name: f.chineseName('customer.first_name'),
          last_name: f.chineseName('customer.last_name'),
          street: f.text('customer.street'),
          city: f.text('customer.city'),
          zip: f.text('customer.zip'),
          country: f.country('customer.country'),
          phone: f.phone('customer.phone'),
          email: f.email('customer.email'),
        }),
        payment: paymentSchema(rules, 'sale', t, lang),
        return_url: returnUrlSchema(t),
      });
    },
    // POST /v2/payment/chinaunionpay/payout: address and names in Chinese, country always CN.
    payout: (rules, t, lang) => {
      const f = fields(t);
      return z.looseObject({
        customer: obj(t, 'customer', {
          id: f.id('customer.id'),
          ip_address: f.ip('customer.ip_address'),
          email: f.email('customer.email'),
          phone: f.phone('customer.phone'),
          state: f.chineseText('customer.state'),
          city: f.chineseText('customer.city'),
          street: f.chineseText('customer.street'),
          country: z.literal('CN', { error: t.onlyValue('customer.country', 'CN', rules.name[lang]) }),
          zip: f.text('customer.zip'),
          first_name: f.chineseName('customer.first_name'),
          last_name: f.chineseName('customer.last_name'),
          identify: z.optional(z.looseObject({ doc_number: z.optional(f.text('customer.identify.doc_number')) })),
        }),
        payment: paymentSchema(rules, 'payout', t, lang),
        card: obj(t, 'card', { pan: z.string({ error: t.required('card.pan') }).check(z.regex(PAN, t.digits('card.pan', 12, 30))) }),
        account: obj(t, 'account', {
          bank_id: f.positiveInt('account.bank_id'),
          region_id: f.positiveInt('account.region_id'),
          city: f.text('account.city'),
          branch: f.text('account.branch'),
        }),
      });
    },
  },
  'online-philippines-banks': {
    // POST /v2/payment/banks/philippines/sale: the bank chosen up front; names may be required.
    sale: (rules, t, lang) => {
      const f = fields(t);
      return z.looseObject({
        customer: obj(t, 'customer', {
          id: f.id('customer.id'),
          email: f.email('customer.email'),
          ip_address: f.ip('customer.ip_address'),
          first_name: z.optional(f.text('customer.first_name')),
          last_name: z.optional(f.text('customer.last_name')),
        }),
        payment: paymentSchema(rules, 'sale', t, lang),
        account: obj(t, 'account', { bank_id: f.positiveInt('account.bank_id') }),
        return_url: returnUrlSchema(t),
      });
    },
    // POST /v2/payment/banks/philippines/payout: the account the money goes to.
    payout: (rules, t, lang) => {
      const f = fields(t);
      return z.looseObject({
        customer: obj(t, 'customer', { id: f.id('customer.id'), ip_address: f.ip('customer.ip_address') }),
        payment: paymentSchema(rules, 'payout', t, lang),
        account: obj(t, 'account', {
          bank_id: f.positiveInt('account.bank_id'),
          customer_name: f.text('account.customer_name'),
          number: z.string({ error: t.required('account.number') }).check(z.regex(ACCOUNT_NUMBER, t.digits('account.number', 6, 30))),
          branch: f.text('account.branch'),
          city: f.text('account.city'),
          region_id: f.positiveInt('account.region_id'),
        }),
      });
    },
  },
};

// ── public schemas ─────────────────────────────────────────────────────────

/** The common part of every Gate request. */
export interface GateGeneral {
  project_id: number;
  payment_id: string;
  signature?: string;
  [key: string]: unknown;
}

/** A Gate sale or payout request (the shape depends on the method; see SPEC §5). */
export interface GateRequest {
  general: GateGeneral;
  customer: Record<string, unknown> & { id: string };
  payment: { amount: number; currency: string; description?: string; [key: string]: unknown };
  account?: Record<string, unknown>;
  card?: Record<string, unknown>;
  return_url?: { success: string; decline?: string; return?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** The request without `general`: what a payout form produces (DESIGN §1.3). */
export type GateBody = Omit<GateRequest, 'general'>;

/** The body of a method's sale or payout request, without `general`. */
export function gateBodySchema(method: MethodCode, operation: GateOperation, lang: Lang = 'en'): z.ZodMiniType<GateBody> {
  return BODIES[method][operation](methodRules(method), ruleMessages[lang], lang) as unknown as z.ZodMiniType<GateBody>;
}

/** A method's full sale or payout request: `general` plus the body. */
export function gateRequestSchema(method: MethodCode, operation: GateOperation, lang: Lang = 'en'): z.ZodMiniType<GateRequest> {
  const t = ruleMessages[lang];
  const body = BODIES[method][operation](methodRules(method), t, lang);
  return z.intersection(z.looseObject({ general: generalSchema(t) }), body) as unknown as z.ZodMiniType<GateRequest>;
}

/** `/v2/info/banks/{method}/{operation}/list`: a random `payment_id` is allowed before the payment exists. */
export const bankListRequestSchema = z.looseObject({
  general: generalSchema(ruleMessages.en),
  payment: z.looseObject({
    amount: fields(ruleMessages.en).positiveInt('payment.amount'),
    currency: z.string({ error: ruleMessages.en.required('payment.currency') }).check(
      z.regex(CURRENCY, ruleMessages.en.format('payment.currency', 'PHP')),
    ),
  }),
});
export type BankListRequest = z.infer<typeof bankListRequestSchema>;

/** `POST /v2/payment/status`. */
export const statusRequestSchema = z.looseObject({ general: generalSchema(ruleMessages.en) });
export type StatusRequest = z.infer<typeof statusRequestSchema>;



/** A zod error as field issues (`customer.first_name: … must be written in Chinese characters`). */
export function gateIssues(error: z.core.$ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'request';
    const message = issue.message === 'Invalid input' ? `${field}: invalid value` : issue.message;
    const key = `${field}|${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ field, message });
    }
  }
  return out;
}

/** Validates a value against a schema: the data, or every issue. */
export function checkGate<T>(schema: z.ZodMiniType<T>, value: unknown): { ok: true; value: T } | { ok: false; issues: FieldIssue[] } {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: gateIssues(parsed.error) };
}
