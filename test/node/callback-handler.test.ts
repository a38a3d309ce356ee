/**
 * `createCallbackHandler`: ecommpay's callbacks, verified, cross-checked with the merchant's order
 * and handed to `record` with an idempotency key (DESIGN §1.4, SPEC §6, §9, §11).
 *
 * The merchant's side (`findPayment`, `record`) is a small in-memory shop written here: a Map of
 * orders and a Set of stored keys, `'duplicate'` for a key seen before. Callbacks are signed with
 * `signParams` (checked once against the official SDK), or by hand with node:crypto where our
 * signer rightly refuses (ambiguous payloads).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  callbackKey,
  createCallbackHandler,
  signParams,
  signatureString,
  type CallbackAnswer,
  type CallbackEvent,
  type CallbackHandlerOptions,
  type ExpectedPayment,
  type RecordResult,
} from '../../src/server/index.ts';

const require = createRequire(import.meta.url);
const sdkSign = require('ecommpay/src/signer.js') as (obj: object, salt: string) => string;

const SECRET = 'callback-secret';
const PROJECT = 4242;
const URL_ = 'https://shop.example/api/ecommpay/callback';

// ── the merchant's side: an in-memory store ─────────────────────────────────

const ORDERS: Record<string, ExpectedPayment> = {
  'order-cny': { type: 'purchase', amount: 25000, currency: 'CNY', status: null },
  'order-ph-usd': { type: 'purchase', amount: 1000, currency: 'USD', status: null },
  'order-gate': { type: 'purchase', amount: 150000, currency: 'PHP', status: null },
};

class Shop {
  readonly orders = new Map<string, ExpectedPayment>(Object.entries(ORDERS).map(([id, o]) => [id, { ...o }]));
  readonly keys = new Set<string>();
  /** Every event `record` received, in order, whatever it answered. */
  readonly events: CallbackEvent[] = [];
  readonly lookups: string[] = [];
  failFind = false;
  failRecord = false;

  findPayment = async (paymentId: string): Promise<ExpectedPayment | null> => {
    this.lookups.push(paymentId);
    if (this.failFind) throw new Error('orders table unavailable');
    const order = this.orders.get(paymentId);
    return order ? { ...order } : null;
  };

  record = async (event: CallbackEvent): Promise<RecordResult> => {
    this.events.push(event);
    if (this.failRecord) throw new Error('disk full');
    // One synchronous step from check to insert: the store's unique constraint.
    if (this.keys.has(event.key)) return 'duplicate';
    this.keys.add(event.key);
    const order = event.paymentId === null ? undefined : this.orders.get(event.paymentId);
    if (event.action === 'apply' && order && order.status !== 'success' && order.status !== 'decline') order.status = event.status;
    return 'recorded';
  };
}

const handlerFor = (shop: Shop, options: Partial<CallbackHandlerOptions> = {}) =>
  createCallbackHandler({ projectId: PROJECT, secretKey: SECRET, findPayment: shop.findPayment, record: shop.record, ...options });

// ── callbacks ───────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

/** A CUP purchase's success callback in the standard format (SPEC §6). */
const success = (): Json => ({
  project_id: PROJECT,
  payment: {
    id: 'order-cny',
    type: 'purchase',
    status: 'success',
    date: '2026-11-23T10:00:00+0000',
    method: 'cup-bank',
    sum: { amount: 25000, currency: 'CNY' },
    description: '订单 1',
  },
  customer: { id: 'c1', phone: '8613800000000' },
  operation: {
    id: 17001,
    type: 'sale',
    status: 'success',
    date: '2026-11-23T10:00:00+0000',
    created_date: '2026-11-23T09:58:00+0000',
    request_id: 'req-17001',
    sum_initial: { amount: 25000, currency: 'CNY' },
    sum_converted: { amount: 25000, currency: 'CNY' },
    provider: { id: 1, payment_id: 'prov-1', auth_code: '' },
    code: '0',
    message: 'Success',
  },
});

/** A deep copy with changes applied by `edit`. */
const edited = (base: Json, edit: (c: Json & { payment: Json; operation: Json }) => void): Json => {
  const copy = structuredClone(base) as Json & { payment: Json; operation: Json };
  edit(copy);
  return copy;
};

/** The same callback after `success`: ecommpay's late redirect notice. */
const awaitingRedirect = () =>
  edited(success(), (c) => {
    c.payment.status = 'awaiting redirect result';
    c.operation.status = 'awaiting redirect result';
    c.operation.code = '19999';
    c.redirect_data = { method: 'GET', body: [], encrypted: [], url: 'https://test.ph/Pay.aspx?tokenid=3f511c2d&procid=BITC' };
  });

const signed = async (callback: Json): Promise<Json> => ({ ...callback, signature: await signParams(callback, SECRET) });
/** What ecommpay's signer does: sign anything, ambiguous or not. */
const handSigned = (callback: Json, key = SECRET): Json => ({
  ...callback,
  signature: createHmac('sha512', key).update(signatureString(callback)).digest('base64'),
});

/** Keys in reverse order at every level: another serialisation of the same callback. */
const reordered = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reordered)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]))
      : value;

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const postJson = (payload: unknown) => post(JSON.stringify(payload));

/** A body that never ends, counting what was pulled from it. */
function endless(chunk = 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, counter };
}

// ── the table ────────────────────────────────────────────────────────────────

interface Case {
  name: string;
  /** Deliveries made first (each must answer 200); their answers are passed to `check`. */
  before?: (() => Promise<Request>)[];
  request: () => Promise<Request>;
  options?: Partial<CallbackHandlerOptions>;
  setup?: (shop: Shop) => void | Promise<void>;
  status: number;
  answer?: { result: CallbackAnswer['result']; reason?: CallbackAnswer['reason'] };
  /** What `record` received last: `null` when it must not have been called for this request. */
  recorded: Partial<CallbackEvent> | null;
  check?: (context: { shop: Shop; answer: CallbackAnswer | null; before: CallbackAnswer[]; response: Response; event: CallbackEvent | null }) => void;
}

const KEY = /^cb_[0-9a-f]{40}$/;

const cases: Case[] = [
  {
    name: 'valid success → applied',
    request: async () => postJson(await signed(success())),
    status: 200,
    answer: { result: 'applied' },
    recorded: {
      action: 'apply',
      reason: null,
      paymentId: 'order-cny',
      type: 'purchase',
      status: 'success',
      final: true,
      operationId: '17001',
      operationType: 'sale',
      operationStatus: 'success',
      code: '0',
      message: 'Success',
      sum: { amount: 25000, currency: 'CNY' },
      converted: { amount: 25000, currency: 'CNY' },
      redirectData: null,
    },
    check: ({ shop, answer, event }) => {
      assert.match(answer!.key, KEY);
      assert.equal(event!.key, answer!.key);
      assert.match(String(event!.body.signature), /^[A-Za-z0-9+/]{86}==$/, 'the body as received, signature included');
      assert.ok(event!.receivedAt instanceof Date);
      assert.equal(event!.callback?.payment.id, 'order-cny');
      assert.deepEqual(shop.lookups, ['order-cny']);
      assert.equal(shop.orders.get('order-cny')!.status, 'success');
    },
  },
  {
    name: 'the same callback again → duplicate, same key',
    before: [async () => postJson(await signed(success()))],
    request: async () => postJson(await signed(success())),
    status: 200,
    answer: { result: 'duplicate' },
    recorded: { action: 'apply', status: 'success' },
    check: ({ answer, before, shop }) => {
      assert.equal(before[0]!.result, 'applied');
      assert.equal(answer!.key, before[0]!.key);
      assert.equal(shop.events.length, 2);
      assert.equal(shop.keys.size, 1);
    },
  },
  {
    name: 'a redelivery with another JSON key order → duplicate, same key',
    before: [async () => postJson(await signed(success()))],
    request: async () => {
      const text = JSON.stringify(reordered(await signed(success())));
      assert.ok(text.startsWith('{"signature":'), 'really another order');
      return post(text);
    },
    status: 200,
    answer: { result: 'duplicate' },
    recorded: { action: 'apply', status: 'success' },
    check: ({ answer, before }) => assert.equal(answer!.key, before[0]!.key),
  },
  {
    name: 'out of order: awaiting redirect result after success → ignored, already-final',
    before: [async () => postJson(await signed(success()))],
    request: async () => postJson(await signed(awaitingRedirect())),
    status: 200,
    answer: { result: 'ignored', reason: 'already-final' },
    recorded: { action: 'ignore', reason: 'already-final', status: 'awaiting redirect result', final: false },
    check: ({ answer, before, shop }) => {
      assert.notEqual(answer!.key, before[0]!.key, 'another status, another key');
      assert.equal(shop.orders.get('order-cny')!.status, 'success', 'a final status is never overwritten');
    },
  },
  {
    name: 'another project_id → held, project-mismatch',
    request: async () => postJson(await signed(edited(success(), (c) => (c.project_id = 9999)))),
    status: 200,
    answer: { result: 'held', reason: 'project-mismatch' },
    recorded: { action: 'hold', reason: 'project-mismatch', paymentId: 'order-cny' },
    check: ({ shop }) => assert.equal(shop.orders.get('order-cny')!.status, null),
  },
  {
    name: 'another amount → held, amount-mismatch',
    request: async () =>
      postJson(
        await signed(
          edited(success(), (c) => {
            c.payment.sum = { amount: 2500, currency: 'CNY' };
            c.operation.sum_initial = { amount: 2500, currency: 'CNY' };
          }),
        ),
      ),
    status: 200,
    answer: { result: 'held', reason: 'amount-mismatch' },
    recorded: { action: 'hold', reason: 'amount-mismatch', sum: { amount: 2500, currency: 'CNY' } },
    check: ({ shop }) => assert.equal(shop.orders.get('order-cny')!.status, null),
  },
  {
    name: 'only operation.sum_initial differs → held, amount-mismatch',
    request: async () => postJson(await signed(edited(success(), (c) => (c.operation.sum_initial = { amount: 1, currency: 'CNY' })))),
    status: 200,
    answer: { result: 'held', reason: 'amount-mismatch' },
    recorded: { action: 'hold', reason: 'amount-mismatch' },
  },
  {
    name: 'another currency → held, currency-mismatch',
    request: async () =>
      postJson(
        await signed(
          edited(success(), (c) => {
            c.payment.sum = { amount: 25000, currency: 'USD' };
            c.operation.sum_initial = { amount: 25000, currency: 'USD' };
          }),
        ),
      ),
    status: 200,
    answer: { result: 'held', reason: 'currency-mismatch' },
    recorded: { action: 'hold', reason: 'currency-mismatch' },
  },
  {
    name: 'type payout for a purchase → held, type-mismatch',
    request: async () =>
      postJson(
        await signed(
          edited(success(), (c) => {
            c.payment.type = 'payout';
            c.operation.type = 'payout';
          }),
        ),
      ),
    status: 200,
    answer: { result: 'held', reason: 'type-mismatch' },
    recorded: { action: 'hold', reason: 'type-mismatch', type: 'payout' },
  },
  {
    name: 'no operation → held, no-operation',
    request: async () => postJson(await signed(edited(success(), (c) => delete (c as Json).operation))),
    status: 200,
    answer: { result: 'held', reason: 'no-operation' },
    recorded: { action: 'hold', reason: 'no-operation', operationId: null },
  },
  {
    name: 'unknown payment → held, unknown-payment',
    request: async () => postJson(await signed(edited(success(), (c) => (c.payment.id = 'order-nobody-made')))),
    status: 200,
    answer: { result: 'held', reason: 'unknown-payment' },
    recorded: { action: 'hold', reason: 'unknown-payment', paymentId: 'order-nobody-made' },
    check: ({ shop }) => assert.deepEqual(shop.lookups, ['order-nobody-made']),
  },
  {
    name: 'lenient: code 0 as a number, operation.id as text, project_id "4242", redirect_data.body [] → applied, code "0"',
    request: async () =>
      postJson(
        await signed(
          edited(awaitingRedirect(), (c) => {
            c.payment.id = 'order-gate';
            c.payment.sum = { amount: 150000, currency: 'PHP' };
            c.operation.sum_initial = { amount: 150000, currency: 'PHP' };
            c.operation.sum_converted = { amount: 150000, currency: 'PHP' };
            c.operation.code = 0;
            c.operation.id = '17001';
            c.project_id = '4242';
          }),
        ),
      ),
    status: 200,
    answer: { result: 'applied' },
    recorded: {
      action: 'apply',
      code: '0',
      operationId: '17001',
      status: 'awaiting redirect result',
      final: false,
      redirectData: { method: 'GET', body: [], encrypted: [], url: 'https://test.ph/Pay.aspx?tokenid=3f511c2d&procid=BITC' },
    },
    check: ({ event }) => assert.equal(event!.callback!.project_id, PROJECT),
  },
  {
    name: 'lenient forms key alike: operation.id 17001 then "17001", project_id 4242 then "4242" → duplicate',
    before: [async () => postJson(await signed(success()))],
    request: async () =>
      postJson(
        await signed(
          edited(success(), (c) => {
            c.operation.id = '17001';
            c.operation.code = 0;
            c.project_id = '4242';
          }),
        ),
      ),
    status: 200,
    answer: { result: 'duplicate' },
    recorded: { action: 'apply', code: '0' },
    check: ({ answer, before }) => assert.equal(answer!.key, before[0]!.key),
  },
  {
    name: 'a Philippine purchase in USD converted to PHP → applied, converted set',
    request: async () =>
      postJson(
        await signed(
          edited(success(), (c) => {
            c.payment.id = 'order-ph-usd';
            c.payment.method = 'Philippines banks';
            c.payment.sum = { amount: 1000, currency: 'USD' };
            c.operation.sum_initial = { amount: 1000, currency: 'USD' };
            c.operation.sum_converted = { amount: 56150, currency: 'PHP' };
          }),
        ),
      ),
    status: 200,
    answer: { result: 'applied' },
    recorded: { action: 'apply', sum: { amount: 1000, currency: 'USD' }, converted: { amount: 56150, currency: 'PHP' } },
  },
  {
    name: 'ambiguous: a phone with ";" (signed by hand, as ecommpay would) → held, ambiguous',
    request: async () => postJson(handSigned(edited(success(), (c) => ((c.customer as Json).phone = '1;payment:status:success')))),
    status: 200,
    answer: { result: 'held', reason: 'ambiguous' },
    recorded: { action: 'hold', reason: 'ambiguous', paymentId: 'order-cny', callback: null, status: null },
    check: ({ shop, event }) => {
      assert.match(event!.detail!, /customer\.phone/);
      assert.equal(shop.orders.get('order-cny')!.status, null);
      assert.deepEqual(shop.lookups, [], 'an ambiguous callback is not even looked up');
    },
  },
  {
    name: 'ambiguous: the SPEC §11 pair, original → held, ambiguous',
    request: async () => postJson(handSigned({ customer: { phone: '1;payment:status:success' } })),
    status: 200,
    answer: { result: 'held', reason: 'ambiguous' },
    recorded: { action: 'hold', reason: 'ambiguous' },
  },
  {
    // The twin has no ";" and verifies (see server-signer.test.ts): it is held because it is not
    // a callback the shop can match, never applied.
    name: 'ambiguous: the SPEC §11 pair, the reshaped twin under the same signature → held, never applied',
    request: async () => {
      const { signature } = handSigned({ customer: { phone: '1;payment:status:success' } });
      return postJson({ customer: { phone: '1' }, payment: { status: 'success' }, signature });
    },
    status: 200,
    answer: { result: 'held', reason: 'malformed' },
    recorded: { action: 'hold', reason: 'malformed', callback: null },
  },
  {
    name: 'ambiguous: original then twin → the twin lands on the held original (same key) → duplicate',
    before: [async () => postJson(handSigned({ customer: { phone: '1;payment:status:success' } }))],
    request: async () => {
      const { signature } = handSigned({ customer: { phone: '1;payment:status:success' } });
      return postJson({ customer: { phone: '1' }, payment: { status: 'success' }, signature });
    },
    status: 200,
    answer: { result: 'duplicate', reason: 'malformed' },
    recorded: { action: 'hold' },
    check: ({ answer, before, shop }) => {
      assert.equal(before[0]!.result, 'held');
      assert.equal(answer!.key, before[0]!.key);
      assert.ok(shop.events.every((e) => e.action !== 'apply'));
    },
  },
  {
    name: 'unsigned → 403, nothing recorded',
    request: async () => postJson(success()),
    status: 403,
    recorded: null,
  },
  {
    name: 'signed with another key → 403',
    request: async () => postJson(handSigned(success(), 'not-the-secret')),
    status: 403,
    recorded: null,
  },
  {
    name: 'a changed field under a valid signature → 403',
    request: async () => {
      const body = await signed(success());
      return postJson(edited(body, (c) => (c.payment.status = 'decline')));
    },
    status: 403,
    recorded: null,
  },
  {
    name: 'non-canonical Base64 (non-zero padding bits) → 403',
    request: async () => {
      const body = await signed(success());
      const signature = body.signature as string;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      const sibling = alphabet[alphabet.indexOf(signature[85]!) ^ 1]!;
      const variant = signature.slice(0, 85) + sibling + '==';
      assert.deepEqual(Buffer.from(variant, 'base64'), Buffer.from(signature, 'base64'));
      return postJson({ ...body, signature: variant });
    },
    status: 403,
    recorded: null,
  },
  {
    name: 'non-canonical Base64 (no padding) → 403',
    request: async () => {
      const body = await signed(success());
      return postJson({ ...body, signature: (body.signature as string).replace(/=+$/, '') });
    },
    status: 403,
    recorded: null,
  },
  {
    name: 'control: a validly signed 5 KB callback within maxBodyBytes 8192 → applied',
    options: { maxBodyBytes: 8192 },
    request: async () => postJson(await signed(edited(success(), (c) => (c.payment.description = 'x'.repeat(5000))))),
    status: 200,
    answer: { result: 'applied' },
    recorded: { action: 'apply' },
  },
  {
    name: 'over maxBodyBytes, with Content-Length → 413, nothing recorded',
    options: { maxBodyBytes: 4096 },
    request: async () => {
      const text = JSON.stringify(await signed(edited(success(), (c) => (c.payment.description = 'x'.repeat(5000)))));
      return post(text, { 'content-length': String(Buffer.byteLength(text)) });
    },
    status: 413,
    recorded: null,
  },
  {
    name: 'over maxBodyBytes, streamed without Content-Length → 413, nothing recorded',
    options: { maxBodyBytes: 4096 },
    request: async () => {
      const bytes = new TextEncoder().encode(JSON.stringify(await signed(edited(success(), (c) => (c.payment.description = 'x'.repeat(5000))))));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1000) controller.enqueue(bytes.slice(at, at + 1000));
          controller.close();
        },
      });
      const request = new Request(URL_, { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
      assert.equal(request.headers.get('content-length'), null);
      return request;
    },
    status: 413,
    recorded: null,
  },
  {
    name: 'not JSON → 400',
    request: async () => post('payment=success'),
    status: 400,
    recorded: null,
  },
  {
    name: 'a JSON array → 400',
    request: async () => post('[1,2]'),
    status: 400,
    recorded: null,
  },
  {
    name: 'GET → 405 (Allow: POST)',
    request: async () => new Request(URL_),
    status: 405,
    recorded: null,
    check: ({ response }) => assert.equal(response.headers.get('allow'), 'POST'),
  },
  {
    name: 'findPayment throws → 503, nothing recorded, ecommpay retries',
    setup: (shop) => void (shop.failFind = true),
    request: async () => postJson(await signed(success())),
    status: 503,
    recorded: null,
    check: ({ response, shop }) => {
      assert.ok(response.headers.get('retry-after'));
      assert.deepEqual(shop.lookups, ['order-cny']);
    },
  },
  {
    name: 'record throws → 503',
    setup: (shop) => void (shop.failRecord = true),
    request: async () => postJson(await signed(success())),
    status: 503,
    recorded: { action: 'apply', status: 'success' },
    check: ({ shop }) => assert.equal(shop.keys.size, 0),
  },
  {
    name: "record answers 'duplicate' (stored before) → duplicate, the order untouched",
    setup: async (shop) => {
      shop.keys.add(await callbackKey({ projectId: PROJECT, paymentId: 'order-cny', operationId: '17001', status: 'success', operationStatus: 'success' }));
    },
    request: async () => postJson(await signed(success())),
    status: 200,
    answer: { result: 'duplicate' },
    recorded: { action: 'apply' },
    check: ({ shop }) => assert.equal(shop.orders.get('order-cny')!.status, null),
  },
];

test('the test callbacks are signed as the official SDK signs them', async () => {
  assert.equal((await signed(success())).signature, sdkSign(success(), SECRET));
  assert.equal((await signed(awaitingRedirect())).signature, sdkSign(awaitingRedirect(), SECRET));
});

for (const c of cases) {
  test(`callback: ${c.name}`, async () => {
    const shop = new Shop();
    await c.setup?.(shop);
    const handler = handlerFor(shop, c.options);
    const before: CallbackAnswer[] = [];
    for (const make of c.before ?? []) {
      const res = await handler(await make());
      assert.equal(res.status, 200, 'an earlier delivery');
      before.push((await res.json()) as CallbackAnswer);
    }
    const recordedBefore = shop.events.length;
    const response = await handler(await c.request());
    assert.equal(response.status, c.status);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const answer = response.status === 200 ? ((await response.json()) as CallbackAnswer) : null;
    if (c.answer) {
      assert.ok(answer);
      assert.equal(answer.result, c.answer.result);
      assert.equal(answer.reason, c.answer.reason);
      assert.match(answer.key, KEY);
    } else if (response.status !== 200) {
      assert.equal(typeof ((await response.json()) as { error: unknown }).error, 'string');
    }
    const event = shop.events.length > recordedBefore ? shop.events.at(-1)! : null;
    if (c.recorded === null) {
      assert.equal(shop.events.length, recordedBefore, 'record must not be called');
    } else {
      assert.equal(shop.events.length, recordedBefore + 1, 'record called once');
      const seen = Object.fromEntries(Object.keys(c.recorded).map((k) => [k, event![k as keyof CallbackEvent]]));
      assert.deepEqual(seen, c.recorded);
      if (answer) assert.equal(event!.key, answer.key);
    }
    c.check?.({ shop, answer, before, response, event });
  });
}

test('a body over maxBodyBytes is not read to its end (Content-Length declared, or streamed without it)', async () => {
  const shop = new Shop();
  const handler = handlerFor(shop, { maxBodyBytes: 4096 });
  const declared = endless();
  const withLength = new Request(URL_, {
    method: 'POST',
    body: declared.stream,
    headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
    duplex: 'half',
  } as RequestInit);
  assert.equal((await handler(withLength)).status, 413);
  assert.ok(declared.counter.pulled <= 4096, `read ${declared.counter.pulled} bytes of a body declared too large`);

  const streamed = endless();
  const withoutLength = new Request(URL_, { method: 'POST', body: streamed.stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
  assert.equal((await handler(withoutLength)).status, 413);
  assert.ok(streamed.counter.pulled <= 4096 + 2 * 1024, `read ${streamed.counter.pulled} bytes past a 4096-byte cap`);
  assert.equal(shop.events.length, 0);
});

test('50 concurrent deliveries of one callback: record sees 50 events with one stable key; one applies', async () => {
  const shop = new Shop();
  const handler = handlerFor(shop);
  const body = await signed(success());
  const texts = Array.from({ length: 50 }, (_, i) => JSON.stringify(i % 2 === 0 ? body : reordered(body)));
  const responses = await Promise.all(texts.map((text) => handler(post(text))));
  const answers = (await Promise.all(responses.map((r) => r.json()))) as CallbackAnswer[];
  assert.ok(responses.every((r) => r.status === 200));
  assert.equal(shop.events.length, 50);
  const keys = new Set(shop.events.map((e) => e.key));
  assert.equal(keys.size, 1);
  const [key] = keys;
  assert.match(key!, KEY);
  assert.ok(answers.every((a) => a.key === key));
  assert.equal(answers.filter((a) => a.result === 'applied').length, 1);
  assert.equal(answers.filter((a) => a.result === 'duplicate').length, 49);
  // Stable across handlers and processes: the key is a function of the callback, not of the delivery.
  assert.equal(key, await callbackKey({ projectId: PROJECT, paymentId: 'order-cny', operationId: '17001', status: 'success', operationStatus: 'success' }));
  const again = await (await handlerFor(new Shop())(post(texts[1]!))).json() as CallbackAnswer;
  assert.equal(again.key, key);
});

test('configuration errors are thrown at once', () => {
  const shop = new Shop();
  const base = { projectId: PROJECT, secretKey: SECRET, findPayment: shop.findPayment, record: shop.record };
  assert.throws(() => createCallbackHandler({ ...base, projectId: 0 }), /projectId/);
  assert.throws(() => createCallbackHandler({ ...base, secretKey: '' }), /secretKey/);
  assert.throws(() => createCallbackHandler({ ...base, maxBodyBytes: -1 }), /maxBodyBytes/);
  assert.throws(() => createCallbackHandler({ ...base, record: undefined as unknown as CallbackHandlerOptions['record'] }), /record/);
});
