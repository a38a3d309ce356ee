/**
 * Payout details, per method (SPEC §5): which fields a payout form asks for, how their values
 * become the Gate payout body without `general` (DESIGN §1.3), and the rules that body must meet.
 *
 *   values (field → text) ─► buildPayoutRequest ─► checkPayout = gateBodySchema(method, 'payout')
 *                                                    + the rules below, layered on top
 *
 * `gateBodySchema` is the schema the reference backend and the sandbox validate with; this file
 * adds what a form can check before sending and the schema does not: required-field messages,
 * card numbers (16–19 digits, Luhn), amounts with formatted limits. Fields the backend fills in
 * (`customer.id`, `customer.ip_address`) are left out of both the request and its issues.
 * DOM-free.
 */
import { formatAmount, minorDigits } from './amount.ts';
import type { FieldIssue } from './errors.ts';
import { checkGate, gateBodySchema, type GateBody } from './gate.ts';
import { methodRules, type MethodCode } from './methods/index.ts';
import { ruleMessages, type Lang } from '../i18n/index.ts';

/** What kind of control a field needs. */
export type PayoutFieldKind = 'text' | 'email' | 'tel' | 'digits' | 'bank' | 'region';

/** One field of a payout form: its dotted path in the Gate request. */
export interface PayoutField {
  name: string;
  kind: PayoutFieldKind;
  /** Written in Chinese (CUP names and address). */
  chinese?: boolean;
  optional?: boolean;
  autocomplete?: string;
}

/** Filled in by the merchant's backend (who the customer is, where they connect from), never by the form. */
export const SERVER_FIELDS: readonly string[] = ['customer.id', 'customer.ip_address'];

/** The fields of each method's Gate payout, in the order a form shows them. */
export const PAYOUT_FIELDS: Record<MethodCode, readonly PayoutField[]> = {
  'cup-bank': [
    { name: 'customer.last_name', kind: 'text', chinese: true, autocomplete: 'family-name' },
    { name: 'customer.first_name', kind: 'text', chinese: true, autocomplete: 'given-name' },
    { name: 'customer.identify.doc_number', kind: 'text', optional: true },
    { name: 'customer.phone', kind: 'tel', autocomplete: 'tel' },
    { name: 'customer.email', kind: 'email', autocomplete: 'email' },
    { name: 'customer.state', kind: 'text', chinese: true, autocomplete: 'address-level1' },
    { name: 'customer.city', kind: 'text', chinese: true, autocomplete: 'address-level2' },
    { name: 'customer.street', kind: 'text', chinese: true, autocomplete: 'street-address' },
    { name: 'customer.zip', kind: 'digits', autocomplete: 'postal-code' },
    { name: 'card.pan', kind: 'digits', autocomplete: 'off' },
    { name: 'account.bank_id', kind: 'bank' },
    { name: 'account.region_id', kind: 'region' },
    { name: 'account.city', kind: 'text' },
    { name: 'account.branch', kind: 'text' },
  ],
  'online-philippines-banks': [
    { name: 'account.customer_name', kind: 'text', autocomplete: 'name' },
    { name: 'account.number', kind: 'digits', autocomplete: 'off' },
    { name: 'account.bank_id', kind: 'bank' },
    { name: 'account.region_id', kind: 'region' },
    { name: 'account.city', kind: 'text' },
    { name: 'account.branch', kind: 'text' },
  ],
};

/** CUP: `card.pan` holds a card number or, with some providers, a bank account number. */
export type PanType = 'card' | 'account';

/** What the form knows besides its fields. */
export interface PayoutOptions {
  /** Minor units; `null` when missing or unreadable. */
  amount: number | null;
  currency: string;
  description: string;
  /** CUP only (default `card`). */
  panType?: PanType;
}

const NUMERIC = new Set(['account.bank_id', 'account.region_id']);
const DIGITS = /^\d+$/;

/** The Luhn checksum of a digit string (card numbers). */
export function luhn(digits: string): boolean {
  if (!DIGITS.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** `"1,500.50"` → `150050` for a 2-digit currency; `null` when it is not an amount. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const s = text.replace(/[,\s\u00a0]/g, '');
  const match = new RegExp(`^(\\d+)(?:\\.(\\d{0,${digits}}))?$`).exec(s);
  if (!match) return null;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) ? minor : null;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/**
 * The Gate payout body without `general`: `customer`, `payment`, `account`, and `card` for CUP.
 * Empty optional fields are left out; `bank_id` and `region_id` are numbers.
 */
export function buildPayoutRequest(method: MethodCode, values: Readonly<Record<string, string>>, options: PayoutOptions): GateBody {
  const request: Record<string, unknown> = { customer: {} };
  for (const field of PAYOUT_FIELDS[method]) {
    const text = (values[field.name] ?? '').trim();
    if (text === '' && field.optional) continue;
    const group = field.name.split('.')[0]!;
    request[group] ??= {};
    if (text === '') continue;
    setPath(request, field.name, NUMERIC.has(field.name) && DIGITS.test(text) ? Number(text) : text);
  }
  if (method === 'cup-bank') (request.customer as Record<string, unknown>).country = 'CN';
  const payment: Record<string, unknown> = { currency: options.currency };
  if (options.amount !== null) payment.amount = options.amount;
  if (options.description.trim()) payment.description = options.description.trim();
  request.payment = payment;
  // Gate's order: customer, payment, account, card.
  const { customer, account, card } = request;
  return { customer, payment, ...(account ? { account } : {}), ...(card ? { card } : {}) } as GateBody;
}

/** The rules a form checks before sending that `gateBodySchema` does not spell out. */
function formIssues(method: MethodCode, values: Readonly<Record<string, string>>, options: PayoutOptions, lang: Lang): FieldIssue[] {
  const t = ruleMessages[lang];
  const rules = methodRules(method);
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  for (const field of PAYOUT_FIELDS[method]) {
    if (!field.optional && !(values[field.name] ?? '').trim()) add(field.name, t.required(field.name));
  }
  const pan = (values['card.pan'] ?? '').trim();
  if (method === 'cup-bank' && pan && (options.panType ?? 'card') === 'card') {
    if (!/^\d{16,19}$/.test(pan)) add('card.pan', t.digits('card.pan', 16, 19));
    else if (!luhn(pan)) add('card.pan', t.luhn('card.pan'));
  }
  if (options.amount === null) add('payment.amount', t.required('payment.amount'));
  else if (options.currency === rules.payoutCurrency) {
    const { min, max } = rules.payoutLimits;
    const show = (v: number) => formatAmount(v, options.currency, lang);
    if (options.amount < min) add('payment.amount', t.atLeast('payment.amount', show(min)));
    if (options.amount > max) add('payment.amount', t.atMost('payment.amount', show(max)));
  }
  return issues;
}

const schemas = new Map<string, ReturnType<typeof gateBodySchema>>();
/** `gateBodySchema(method, 'payout', lang)`, built once per method and language. */
function payoutSchema(method: MethodCode, lang: Lang): ReturnType<typeof gateBodySchema> {
  const key = `${method}|${lang}`;
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = gateBodySchema(method, 'payout', lang)));
  return schema;
}

export type PayoutCheck = { ok: true; request: GateBody } | { ok: false; request: GateBody; issues: FieldIssue[] };

/**
 * Builds the request and checks it: the form's own rules first, then `gateBodySchema(method,
 * 'payout')`. One issue per field (the first); fields the backend fills in are not reported.
 * Messages name fields by their dotted path (`customer.first_name`).
 */
export function checkPayout(method: MethodCode, values: Readonly<Record<string, string>>, options: PayoutOptions, lang: Lang = 'en'): PayoutCheck {
  const request = buildPayoutRequest(method, values, options);
  const gate = checkGate(payoutSchema(method, lang), request);
  const seen = new Set<string>(SERVER_FIELDS);
  const issues: FieldIssue[] = [];
  for (const issue of [...formIssues(method, values, options, lang), ...(gate.ok ? [] : gate.issues)]) {
    if (seen.has(issue.field)) continue;
    seen.add(issue.field);
    issues.push(issue);
  }
  return issues.length === 0 ? { ok: true, request } : { ok: false, request, issues };
}
