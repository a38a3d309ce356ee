/**
 * `createCallbackHandler`: ecommpay's callbacks, taken safely and exactly once (DESIGN §1.4,
 * SPEC §6, §9, §11), as a Fetch-standard handler `(request) => Promise<Response>`.
 *
 *   body (size-capped) ─► signature (canonical, constant time) ─► ambiguity ─► lenient parse
 *        ─► cross-check with your order ─► event {key, action} ─► your record(event) ─► 200
 *
 * ecommpay retries a callback until it gets HTTP 200 (every 10 s six times, then for up to 11
 * days), and may send one twice. So the answer is 200 only once `record` has stored the event
 * durably (applied, a duplicate, or held for review), 403 for a bad signature, 413 for an
 * oversized body, and 503 when the lookup or the store fails, so that ecommpay tries again.
 * Bodies that fail verification are never handed on.
 */
import { checkGate, isFinalStatus } from '../core/gate.ts';
import { callbackSchema, type Callback } from './callback-schema.ts';
import { jsonResponse, readBodyText } from './http.ts';
import { AmbiguousPayloadError, checkSignature } from './signer.ts';

/** Your own record of a payment: what the callback must agree with. */
export interface ExpectedPayment {
  /** `purchase` (Payment Page or Gate sale) or `payout`. */
  type: 'purchase' | 'payout';
  /** Minor units, in `currency`: what you asked ecommpay for. */
  amount: number;
  /** ISO 4217 alpha-3: the currency you asked for (before any conversion by ecommpay). */
  currency: string;
  /** The payment's current status in your store, when it has one: a final one is never overwritten. */
  status?: string | null;
}

/** What the handler decided about a verified callback. */
export type CallbackAction =
  /** Change the order: the callback is signed, unambiguous, well-formed and matches it. */
  | 'apply'
  /** Keep it for a person to review; change nothing (see `reason`). */
  | 'hold'
  /** Keep it as history; change nothing: the order already reached a final status. */
  | 'ignore';

/** Why a callback is held or ignored. */
export type CallbackReason =
  | 'ambiguous'
  | 'malformed'
  | 'project-mismatch'
  | 'unknown-payment'
  | 'no-operation'
  | 'type-mismatch'
  | 'amount-mismatch'
  | 'currency-mismatch'
  | 'already-final';

/** One verified callback, handed to `record` with what to do about it. */
export interface CallbackEvent {
  /**
   * The idempotency key: the same for every delivery of one (payment, operation, status), different
   * otherwise. Store it under a unique constraint: a second insert means a duplicate.
   */
  key: string;
  action: CallbackAction;
  /** Why, when `action` is not `apply`. */
  reason: CallbackReason | null;
  /** An English sentence for your log, when `action` is not `apply`. */
  detail: string | null;
  /** `payment.id`: your `payment_id`. `null` when the callback could not be read. */
  paymentId: string | null;
  /** `payment.type`: `purchase` or `payout`. */
  type: string | null;
  /** `payment.status`: what to set the order to (`success`, `decline`, `awaiting redirect result`, …). */
  status: string | null;
  /** `true` for `success` and `decline`: nothing changes after them. */
  final: boolean;
  /** `operation.id`, as text. */
  operationId: string | null;
  /** `operation.type` (`sale`, `payout`, `refund`, …) and `operation.status`. */
  operationType: string | null;
  operationStatus: string | null;
  /** `operation.code` as text (`'0'` success, `20105` …; ecommpay sends numbers or strings) and `operation.message`. */
  code: string | null;
  message: string | null;
  /** `payment.sum`, else `operation.sum_initial`: in the currency you asked for. */
  sum: { amount: number; currency: string } | null;
  /** `operation.sum_converted`: what was charged after ecommpay's conversion (a Philippine purchase in USD: PHP). */
  converted: { amount: number; currency: string } | null;
  /** `redirect_data` (or `redirectData`) of a Gate sale, untouched: the `redirect-data` of `<ecommpay-redirect>`. */
  redirectData: Record<string, unknown> | null;
  /** The callback, read leniently (`null` when `malformed` or `ambiguous`). */
  callback: Callback | null;
  /** The verified body: what the signature covers, and the `signature`. Keep it private (it can be replayed). */
  body: Record<string, unknown>;
  receivedAt: Date;
}

/** What `record` says: stored now, or stored before under the same key. */
export type RecordResult = 'recorded' | 'duplicate';

export interface CallbackHandlerOptions {
  projectId: number;
  secretKey: string;
  /**
   * Your order for a callback's `payment.id`, or `null` when you don't know it (the callback is
   * then held). Throw when the store can't answer: the handler answers 503 and ecommpay retries.
   */
  findPayment: (paymentId: string, callback: Callback) => Promise<ExpectedPayment | null | undefined>;
  /**
   * Stores the event durably under `event.key` (unique) and, when `event.action` is `apply`,
   * changes the order, all in one transaction. Resolve `'duplicate'` when the key was stored
   * already (change nothing then). Guard the change so a final status is never overwritten
   * (`… WHERE status NOT IN ('success', 'decline')`): two callbacks may race. Throw when the
   * store fails: the handler answers 503 and ecommpay retries.
   */
  record: (event: CallbackEvent) => Promise<RecordResult | void>;
  /** The largest body accepted, in bytes. Default 256 KiB (ecommpay's callbacks are a few KiB). */
  maxBodyBytes?: number;
}

/** The handler's answer to ecommpay (`200`), also useful in logs and tests. */
export interface CallbackAnswer {
  result: 'applied' | 'held' | 'ignored' | 'duplicate';
  key: string;
  reason?: CallbackReason;
}

const DEFAULT_MAX_BODY = 256 * 1024;

/** Operation types that belong to each payment type (refunds of a purchase change its status too). */
const OPERATIONS: Record<ExpectedPayment['type'], readonly string[]> = {
  purchase: ['sale', 'refund', 'reversal'],
  payout: ['payout'],
};

const encoder = new TextEncoder();

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest.subarray(0, 20), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The idempotency key of one (project, payment, operation, status). */
export const callbackKey = async (parts: { projectId: number; paymentId: string; operationId: string | null; status: string; operationStatus: string | null }): Promise<string> =>
  `cb_${await sha256(JSON.stringify([parts.projectId, parts.paymentId, parts.operationId, parts.status, parts.operationStatus]))}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the handler. See the README, "Callbacks". */
export function createCallbackHandler(options: CallbackHandlerOptions): (request: Request) => Promise<Response> {
  const { projectId, secretKey, findPayment, record } = options;
  if (!Number.isSafeInteger(projectId) || projectId <= 0) throw new TypeError('createCallbackHandler: projectId must be a positive integer');
  if (!secretKey) throw new TypeError('createCallbackHandler: secretKey is required');
  if (typeof findPayment !== 'function') throw new TypeError('createCallbackHandler: findPayment must be a function');
  if (typeof record !== 'function') throw new TypeError('createCallbackHandler: record must be a function');
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new TypeError('createCallbackHandler: maxBodyBytes must be a positive integer');

  /** Decides what to do with a callback whose signature is valid. */
  async function decide(body: Record<string, unknown>, ambiguity: AmbiguousPayloadError | null): Promise<CallbackEvent> {
    const receivedAt = new Date();
    const blank = {
      paymentId: null, type: null, status: null, final: false, operationId: null, operationType: null, operationStatus: null,
      code: null, message: null, sum: null, converted: null, redirectData: null, callback: null, body, receivedAt,
    };
    // Held callbacks have no trustworthy fields to key on: the signature itself tells deliveries apart.
    const heldKey = async () => `cb_${await sha256(`held|${String(body.signature)}`)}`;
    const claimed = isRecord(body.payment) && typeof body.payment.id === 'string' ? body.payment.id : null;
    if (ambiguity !== null) {
      return { ...blank, paymentId: claimed, key: await heldKey(), action: 'hold', reason: 'ambiguous', detail: ambiguity.message };
    }
    const parsed = checkGate(callbackSchema, body);
    if (!parsed.ok) {
      return {
        ...blank, paymentId: claimed, key: await heldKey(), action: 'hold', reason: 'malformed',
        detail: `not a callback in the standard format: ${parsed.issues.map((i) => i.message).join('; ')}`,
      };
    }
    const callback = parsed.value;
    const operation = callback.operation;
    const sum = callback.payment.sum ?? operation?.sum_initial ?? null;
    const event: Omit<CallbackEvent, 'action' | 'reason' | 'detail'> = {
      ...blank,
      key: await callbackKey({
        projectId: callback.project_id,
        paymentId: callback.payment.id,
        operationId: operation?.id ?? null,
        status: callback.payment.status,
        operationStatus: operation?.status ?? null,
      }),
      paymentId: callback.payment.id,
      type: callback.payment.type,
      status: callback.payment.status,
      final: isFinalStatus(callback.payment.status),
      operationId: operation?.id ?? null,
      operationType: operation?.type ?? null,
      operationStatus: operation?.status ?? null,
      code: operation?.code ?? null,
      message: operation?.message ?? null,
      sum: sum && { amount: sum.amount, currency: sum.currency },
      converted: operation?.sum_converted ? { amount: operation.sum_converted.amount, currency: operation.sum_converted.currency } : null,
      redirectData: (callback.redirect_data ?? callback.redirectData ?? null) as Record<string, unknown> | null,
      callback,
    };
    const hold = (reason: CallbackReason, detail: string): CallbackEvent => ({ ...event, action: 'hold', reason, detail });

    if (callback.project_id !== projectId) return hold('project-mismatch', `project_id ${callback.project_id} is not this project (${projectId})`);
    if (!operation) return hold('no-operation', 'the callback carries no operation: nothing says what happened');
    const expected = await findPayment(callback.payment.id, callback);
    if (!expected) return hold('unknown-payment', `no order with payment_id ${callback.payment.id}`);
    if (callback.payment.type !== expected.type || !OPERATIONS[expected.type].includes(operation.type)) {
      return hold('type-mismatch', `payment.type ${callback.payment.type} / operation.type ${operation.type} for a ${expected.type}`);
    }
    const sums = [callback.payment.sum, operation.sum_initial].filter((s) => s !== undefined);
    if (sums.length === 0) return hold('amount-mismatch', 'the callback carries no amount (payment.sum, operation.sum_initial)');
    for (const s of sums) {
      if (s.currency !== expected.currency) return hold('currency-mismatch', `${s.currency} where the order is in ${expected.currency}`);
      // A refund may be partial; everything else is for the order's whole amount.
      const wrong = operation.type === 'refund' || operation.type === 'reversal' ? s.amount > expected.amount || s.amount <= 0 : s.amount !== expected.amount;
      if (wrong) return hold('amount-mismatch', `amount ${s.amount} where the order is ${expected.amount} ${expected.currency}`);
    }
    if (isFinalStatus(expected.status) && expected.status !== callback.payment.status) {
      return { ...event, action: 'ignore', reason: 'already-final', detail: `the order is already ${expected.status}` };
    }
    return { ...event, action: 'apply', reason: null, detail: null };
  }

  return async (request) => {
    if (request.method !== 'POST') return jsonResponse(405, { error: 'POST only' }, { Allow: 'POST' });
    const read = await readBodyText(request, maxBytes);
    if (!read.ok) return jsonResponse(read.status, { error: read.error });
    const check = await checkSignature(read.text, secretKey);
    if (!check.signed) {
      if (check.reason === 'not-json' || check.reason === 'not-an-object') return jsonResponse(400, { error: 'the body must be a JSON object' });
      if (check.reason === 'too-large' || check.reason === 'too-deep') return jsonResponse(413, { error: 'the callback is too large or too deeply nested' });
      return jsonResponse(403, { error: 'invalid signature' });
    }
    let event: CallbackEvent;
    let stored: RecordResult | void;
    try {
      event = await decide({ ...check.payload, signature: check.signature }, check.valid ? null : new AmbiguousPayloadError(check.path, check.rule));
      stored = await record(event);
    } catch {
      // The order could not be read or the callback not stored: ecommpay must try again.
      return jsonResponse(503, { error: 'the callback could not be recorded; retry later' }, { 'Retry-After': '10' });
    }
    const result: CallbackAnswer['result'] =
      stored === 'duplicate' ? 'duplicate' : event.action === 'apply' ? 'applied' : event.action === 'hold' ? 'held' : 'ignored';
    const answer: CallbackAnswer = { result, key: event.key, ...(event.reason ? { reason: event.reason } : {}) };
    return jsonResponse(200, answer);
  };
}
