/**
 * Payout details, per method (SPEC §5): which fields a payout form asks for, how their values
 * become the Gate payout body without `general` (DESIGN §1.3), and the rules that body must meet.
 *
 *   values (field → text) ─► buildPayoutRequest ─► checkPayout = gateBodySchema(method, 'payout')
 *                                                    + the rules below, layered on top
 *
 * The fields come from the method's file (`payoutForm`); `gateBodySchema` is the schema the
 * reference backend and the sandbox validate with; this file adds what a form can check before
 * sending and the schema does not: required fields, card numbers (16–19 digits, Luhn), amounts.
 * Fields the backend fills in (`customer.id`, `customer.ip_address`) are left out of both the
 * request and its issues; a method whose form has no customer fields (the Philippines) sends no
 * `customer` at all, and the backend adds it. DOM-free.
 */
import { minorDigits } from './amount.ts';
import type { FieldIssue } from './errors.ts';
import { checkGate, gateBodySchema, type GateBody } from './gate.ts';
import { methodRules, type MethodCode, type PayoutField } from './methods/index.ts';
import { DIGITS, issue } from './rules.ts';

export type { PayoutField, PayoutFieldKind } from './methods/index.ts';

/** Filled in by the merchant's backend (who the customer is, where they connect from), never by the form. */
export const SERVER_FIELDS: readonly string[] = ['customer.id', 'customer.ip_address'];

/** The fields of a method's payout form, in the order it shows them. */
export const payoutFields = (method: MethodCode): readonly PayoutField[] => methodRules(method).payoutForm.fields;

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

/** Fields whose value is an ID the Gate takes as a number (`bank_id`, `region_id`). */
const NUMERIC_KINDS = new Set(['bank', 'region']);

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
 * The Gate payout body without `general` and the backend's fields: `customer` (only when the form
 * has customer fields: CUP, not the Philippines), `payment`, `account`, and `card` for CUP.
 * Empty optional fields are left out; `bank_id` and `region_id` are numbers.
 */
export function buildPayoutRequest(method: MethodCode, values: Readonly<Record<string, string>>, options: PayoutOptions): GateBody {
  const form = methodRules(method).payoutForm;
  const request: Record<string, unknown> = {};
  for (const field of form.fields) {
    const text = (values[field.name] ?? '').trim();
    if (text === '' && field.optional) continue;
    const group = field.name.split('.')[0]!;
    request[group] ??= {};
    if (text === '') continue;
    setPath(request, field.name, NUMERIC_KINDS.has(field.kind) && DIGITS.test(text) ? Number(text) : text);
  }
  for (const [name, value] of Object.entries(form.fixed ?? {})) setPath(request, name, value);
  const payment: Record<string, unknown> = { currency: options.currency };
  if (options.amount !== null) payment.amount = options.amount;
  if (options.description.trim()) payment.description = options.description.trim();
  request.payment = payment;
  // Gate's order: customer, payment, account, card.
  const { customer, account, card } = request;
  return { ...(customer ? { customer } : {}), payment, ...(account ? { account } : {}), ...(card ? { card } : {}) } as GateBody;
}

/** The rules a form checks before sending that `gateBodySchema` does not spell out. */
function formIssues(method: MethodCode, values: Readonly<Record<string, string>>, options: PayoutOptions): FieldIssue[] {
  const rules = methodRules(method);
  const issues: FieldIssue[] = [];
  for (const field of rules.payoutForm.fields) {
    const value = (values[field.name] ?? '').trim();
    if (!field.optional && !value) issues.push(issue(field.name, 'required'));
    else if (field.kind === 'pan' && value && (options.panType ?? 'card') === 'card') {
      if (!/^\d{16,19}$/.test(value)) issues.push(issue(field.name, 'digits', { min: 16, max: 19 }));
      else if (!luhn(value)) issues.push(issue(field.name, 'luhn'));
    }
  }
  const { amount, currency } = options;
  const { min, max } = rules.payoutLimits;
  if (amount === null) issues.push(issue('payment.amount', 'required'));
  else if (currency === rules.payoutCurrency && amount < min) issues.push(issue('payment.amount', 'min', { limit: min, currency }));
  else if (currency === rules.payoutCurrency && amount > max) issues.push(issue('payment.amount', 'max', { limit: max, currency }));
  return issues;
}

export type PayoutCheck = { ok: true; request: GateBody } | { ok: false; request: GateBody; issues: FieldIssue[] };

/**
 * Builds the request and checks it: the form's own rules first, then `gateBodySchema(method,
 * 'payout')`. One issue per field (the first); fields the backend fills in are not reported (nor
 * a missing `customer`: the backend adds it). Fields are named by their dotted path (`customer.first_name`).
 */
export function checkPayout(method: MethodCode, values: Readonly<Record<string, string>>, options: PayoutOptions): PayoutCheck {
  const request = buildPayoutRequest(method, values, options);
  const gate = checkGate(gateBodySchema(method, 'payout'), { ...request, customer: { ...request.customer } });
  const seen = new Set<string>(SERVER_FIELDS);
  const issues: FieldIssue[] = [];
  for (const found of [...formIssues(method, values, options), ...(gate.ok ? [] : gate.issues)]) {
    if (seen.has(found.field)) continue;
    seen.add(found.field);
    issues.push(found);
  }
  return issues.length === 0 ? { ok: true, request } : { ok: false, request, issues };
}
