/**
 * What the sandbox remembers about a payment, the documented test behaviour (SPEC §7, §9), and
 * the standard callback built from it (SPEC §6). Everything method-specific is read from the
 * method rules (`src/core/methods`) and the bank catalogues (`src/data`).
 */
import type { Bank } from '../../src/data/index.ts';
import { methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { ecommpayDate, randomId } from '../http.ts';
import type { FieldIssue } from '../../src/core/errors.ts';
import { AmbiguousPayloadError, type UnsignableReason } from '../../src/server/index.ts';
import type { CallbackSender, Delivery } from './callbacks.ts';

export type PaymentType = 'purchase' | 'payout';

export interface RedirectData {
  method: 'GET' | 'POST';
  url: string;
  body: Record<string, string> | [];
  encrypted: [];
}

export interface SandboxPayment {
  projectId: number;
  /** The merchant's `payment_id`. */
  id: string;
  type: PaymentType;
  method: MethodCode;
  via: 'payment-page' | 'gate';
  amount: number;
  currency: string;
  description: string;
  customer: Record<string, unknown> & { id: string };
  bank?: Bank;
  /** The buyer's account or card number, masked in callbacks. */
  accountNumber?: string;
  status: string;
  code: string;
  message: string;
  operationId: number;
  requestId: string;
  created: Date;
  updated: Date;
  providerPaymentId: string;
  returnUrls: { success?: string | undefined; decline?: string | undefined; return?: string | undefined };
  callbackUrl: string;
  redirectData?: RedirectData;
  /** The sandbox's own handle for bank pages. */
  token: string;
  /** Why the last change could not be made (its callback could not be signed), for the dashboard. */
  problem?: string;
}

/** Decline codes and messages, as the sources show them (SPEC §6). */
export const DECLINE_MESSAGES: Readonly<Record<string, string>> = {
  '20101': 'Decline due to amount or frequency limit',
  '20105': 'Insufficient funds on customer account',
  '20106': 'Customer account is no longer available',
};

/** Awaiting the buyer at their bank (SPEC §9: `19999` means awaiting processing). */
export const AWAITING = { status: 'awaiting redirect result', code: '19999', message: 'Awaiting redirect result' };

export interface Outcome {
  status: 'success' | 'decline';
  code: string;
  message: string;
}

/**
 * The test behaviour: the method's test decline amounts decline whatever the buyer presses;
 * otherwise the buyer's button decides. The first test amount declines as the sources' examples
 * do (purchase: insufficient funds; payout: account no longer available), the others on the
 * amount limit; the Decline button declines for insufficient funds.
 */
export function testOutcome(method: MethodCode, type: PaymentType, amount: number, pressed: 'success' | 'decline'): Outcome {
  const decline = (code: string): Outcome => ({ status: 'decline', code, message: DECLINE_MESSAGES[code]! });
  const index = methodRules(method).testDeclineAmounts.indexOf(amount);
  if (index === 0) return decline(type === 'payout' ? '20106' : '20105');
  if (index > 0) return decline('20101');
  if (pressed === 'decline') return decline(type === 'payout' ? '20106' : '20105');
  return { status: 'success', code: '0', message: 'Success' };
}

let operationCounter = 0;

/** A new payment record with fresh operation and provider identifiers. */
export function newPayment(
  fields: Omit<SandboxPayment, 'operationId' | 'requestId' | 'created' | 'updated' | 'providerPaymentId' | 'token' | 'status' | 'code' | 'message'>,
): SandboxPayment {
  const now = new Date();
  operationCounter += 1;
  return {
    ...fields,
    status: 'processing',
    code: '',
    message: '',
    operationId: 42_420_000_000_000 + Date.now() % 1_000_000_000 * 10 + (operationCounter % 10),
    requestId: randomId('', 20),
    created: now,
    updated: now,
    providerPaymentId: randomId('', 12).toUpperCase().slice(0, 16),
    token: randomId('t', 12),
  };
}

/** A stable made-up provider ID per method (the real ones differ by provider and project). */
const providerId = (method: MethodCode) => 1100 + ([...method].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % 300);

/** `6217003760136456530` → `621700******6530`. */
export const mask = (number: string): string =>
  number.length > 10 ? `${number.slice(0, 6)}${'*'.repeat(Math.min(6, number.length - 10))}${number.slice(-4)}` : number;

/** The standard callback for the payment's current state (unsigned; the sender signs it). */
export function callbackOf(payment: SandboxPayment): Record<string, unknown> {
  const rules = methodRules(payment.method);
  const sum = { amount: payment.amount, currency: payment.currency };
  const provider: Record<string, unknown> = {
    id: providerId(payment.method),
    payment_id: payment.status === 'decline' ? '' : payment.providerPaymentId,
    auth_code: '',
    date: ecommpayDate(payment.updated),
  };
  // The bank's letter code names the bank (SPEC §5: Philippine payouts; the sources show it on sales too).
  if (payment.bank?.code) provider.endpoint_id = payment.bank.code;
  const customer: Record<string, unknown> = { id: payment.customer.id };
  if (typeof payment.customer.phone === 'string') customer.phone = payment.customer.phone;
  const callback: Record<string, unknown> = {
    project_id: payment.projectId,
    payment: {
      id: payment.id,
      type: payment.type,
      status: payment.status,
      date: ecommpayDate(payment.updated),
      method: rules.callbackMethodName,
      sum,
      description: payment.description,
    },
    ...(payment.accountNumber ? { account: { number: mask(payment.accountNumber) } } : {}),
    customer,
    operation: {
      id: payment.operationId,
      type: payment.type === 'payout' ? 'payout' : 'sale',
      status: payment.status,
      date: ecommpayDate(payment.updated),
      created_date: ecommpayDate(payment.created),
      request_id: payment.requestId,
      sum_initial: sum,
      sum_converted: sum,
      provider,
      code: payment.code,
      message: payment.message,
    },
  };
  if (payment.status === AWAITING.status && payment.redirectData) callback.redirect_data = payment.redirectData;
  return callback;
}

/** Applies an outcome (or the awaiting state) to a payment. */
export function settle(payment: SandboxPayment, outcome: { status: string; code: string; message: string }): void {
  payment.status = outcome.status;
  payment.code = outcome.code;
  payment.message = outcome.message;
  payment.updated = new Date();
}

/**
 * The first half of {@link settleAndNotify}: builds the payment's new state on a copy and signs its
 * callback, changing nothing. Throws (an `AmbiguousPayloadError`, SPEC §11) when the callback cannot
 * be signed, noting it on the payment (`problem`). The function it returns applies the new state
 * and sends the callback; it does not throw.
 */
export async function prepareSettlement(
  sender: CallbackSender,
  payment: SandboxPayment,
  outcome: { status: string; code: string; message: string },
  changes: Partial<Pick<SandboxPayment, 'redirectData'>> = {},
): Promise<() => Promise<Delivery>> {
  const next: SandboxPayment = { ...payment, ...changes };
  settle(next, outcome);
  let body: Record<string, unknown>;
  try {
    body = await sender.sign(callbackOf(next));
  } catch (error) {
    payment.problem = `Callback not sent: ${error instanceof Error ? error.message : String(error)}`;
    throw error;
  }
  return () => {
    Object.assign(payment, next);
    delete payment.problem;
    return sender.deliver(payment.callbackUrl, body);
  };
}

/**
 * Moves a payment to a new state and sends its callback, all or nothing: a callback that cannot be
 * signed leaves the payment as it was and no delivery half-made (see {@link prepareSettlement}).
 * Resolves after the first attempt (or at once while callbacks are held).
 */
export async function settleAndNotify(
  sender: CallbackSender,
  payment: SandboxPayment,
  outcome: { status: string; code: string; message: string },
  changes: Partial<Pick<SandboxPayment, 'redirectData'>> = {},
): Promise<Delivery> {
  const commit = await prepareSettlement(sender, payment, outcome, changes);
  return commit();
}

/** The 400 issue for an ambiguous request (SPEC §11): the field's path and the rule, in `AmbiguousPayloadError`'s words. */
export const ambiguityIssue = (path: string, rule: UnsignableReason): FieldIssue => ({
  field: path,
  rule: rule === 'ambiguous-value' ? 'no-semicolon' : rule === 'ambiguous-key' ? 'pattern' : 'max',
  message: new AmbiguousPayloadError(path, rule).message,
});
