/**
 * The shop's orders, in memory, and how a callback changes them.
 *
 * A callback is applied at most once: ecommpay retries until it gets HTTP 200 and may deliver
 * the same callback twice, so each (operation, status) is remembered and a repeat changes nothing.
 * A final status (`success`, `decline`) is never overwritten by a late intermediate callback.
 */
import { isFinalStatus, type Callback, type MethodCode } from '../../src/server/index.ts';

export type Flow = 'checkout' | 'gate' | 'payout';

/** One callback as the backend received it, and what it did. */
export interface CallbackRecord {
  /** Sequence number in the backend's log. */
  n: number;
  received_at: string;
  /** The signature checked out with the project's secret key. */
  verified: boolean;
  /** It changed the order. */
  applied: boolean;
  /** The same callback had been applied before. */
  duplicate: boolean;
  payment_id: string | null;
  status: string | null;
  code: string | null;
  message: string | null;
  operation_id: number | null;
  /** Why it was not applied, when it was not. */
  note?: string;
  /** The callback as received. */
  body: unknown;
}

/** `redirect_data` as received: passed to `<ecommpay-redirect>` untouched. */
export type RedirectData = NonNullable<Callback['redirect_data']>;

export interface Order {
  payment_id: string;
  method: MethodCode;
  flow: Flow;
  amount: number;
  currency: string;
  description: string;
  customer_id: string;
  /** What was bought (for purchases). */
  sku?: string;
  /** `created` → (`processing` → `awaiting redirect result` →) `success` | `decline`; `error` when Gate refused the request. */
  status: string;
  code: string | null;
  message: string | null;
  redirect_data: RedirectData | null;
  callbacks: CallbackRecord[];
  created_at: string;
}

/** The payment ID a body claims, for the log, when it is not (yet) a trusted callback. */
const rawPaymentId = (body: unknown): string | null => {
  const id = (body as { payment?: { id?: unknown } } | null)?.payment?.id;
  return typeof id === 'string' ? id : null;
};

export class Orders {
  private readonly orders = new Map<string, Order>();
  private readonly applied = new Set<string>();
  /** Every callback received, in order (the demo's live log). */
  readonly log: CallbackRecord[] = [];

  create(fields: Omit<Order, 'status' | 'code' | 'message' | 'redirect_data' | 'callbacks' | 'created_at'>): Order {
    const order: Order = { ...fields, status: 'created', code: null, message: null, redirect_data: null, callbacks: [], created_at: new Date().toISOString() };
    this.orders.set(order.payment_id, order);
    return order;
  }

  get(paymentId: string): Order | undefined {
    return this.orders.get(paymentId);
  }

  list(): Order[] {
    return [...this.orders.values()].reverse();
  }

  /** Records a received callback; applies it when verified, known, new and not stale. */
  receive(body: unknown, verified: boolean, callback: Callback | null): CallbackRecord {
    const record: CallbackRecord = {
      n: this.log.length + 1,
      received_at: new Date().toISOString(),
      verified,
      applied: false,
      duplicate: false,
      payment_id: callback?.payment.id ?? rawPaymentId(body),
      status: callback?.payment.status ?? null,
      code: callback?.operation?.code ?? null,
      message: callback?.operation?.message ?? null,
      operation_id: callback?.operation?.id ?? null,
      body,
    };
    this.log.push(record);
    if (!verified) {
      record.note = 'signature does not match: ignored';
      return record;
    }
    if (!callback) {
      record.note = 'not a callback in the standard format: ignored';
      return record;
    }
    const order = this.orders.get(callback.payment.id);
    if (!order) {
      record.note = 'unknown payment: ignored';
      return record;
    }
    order.callbacks.push(record);
    const key = `${callback.payment.id}|${callback.operation?.id ?? ''}|${callback.payment.status}|${callback.operation?.status ?? ''}`;
    if (this.applied.has(key)) {
      record.duplicate = true;
      record.note = 'already applied: nothing changed';
      return record;
    }
    if (isFinalStatus(order.status)) {
      record.note = `order already ${order.status}: nothing changed`;
      return record;
    }
    this.applied.add(key);
    order.status = callback.payment.status;
    order.code = callback.operation?.code ?? null;
    order.message = callback.operation?.message ?? null;
    if (callback.redirect_data) order.redirect_data = callback.redirect_data;
    record.applied = true;
    return record;
  }
}
