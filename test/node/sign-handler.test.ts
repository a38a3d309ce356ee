/** `createSignHandler`: the backend decides the money; the browser only proposes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSignHandler, verifySignature, type ResolvedPayment } from '../../src/server/index.ts';

const SECRET = 'demo-secret';
const orders: Record<string, ResolvedPayment> = {
  'order-1': { amount: 25000, currency: 'CNY', description: '订单 1', method: 'cup-bank' },
  'order-2': { amount: 150000, currency: 'PHP', params: { merchant_success_url: 'https://shop.example/ok' } },
  'order-cheap': { amount: 500, currency: 'CNY', description: 'too cheap for CUP', method: 'cup-bank' },
  'order-big': { amount: 20_000_000, currency: 'CNY', description: '大额', method: 'cup-bank' },
  'order-big-contract': { amount: 20_000_000, currency: 'CNY', description: '大额', method: 'cup-bank', maxAmount: 50_000_000 },
  'order-contract-min': { amount: 20_000, currency: 'CNY', description: '订单', method: 'cup-bank', minAmount: 50_000 },
};

const handler = createSignHandler({
  projectId: 4242,
  secretKey: SECRET,
  resolvePayment: async ({ params }) => orders[String(params.payment_id)] ?? null,
});

const post = (body: unknown, init: RequestInit = {}) =>
  handler(new Request('http://shop.example/api/ecommpay/sign', { method: 'POST', body: JSON.stringify(body), ...init }));

test('signs with the amount, currency and project of the order, not of the request', async () => {
  const res = await post({
    params: { project_id: 1, payment_id: 'order-1', payment_amount: 1, payment_currency: 'USD', customer_id: 'c1', language_code: 'zh' },
  });
  assert.equal(res.status, 200);
  const { signature, params } = (await res.json()) as { signature: string; params: Record<string, unknown> };
  assert.deepEqual(params, {
    project_id: 4242,
    payment_id: 'order-1',
    customer_id: 'c1',
    language_code: 'zh',
    payment_amount: 25000,
    payment_currency: 'CNY',
    payment_description: '订单 1',
  });
  assert.equal(await verifySignature({ ...params, signature }, SECRET), true);
});

test('server-side parameters from resolvePayment are added and signed', async () => {
  const res = await post({ params: { payment_id: 'order-2', customer_id: 'c2', force_payment_method: 'online-philippines-banks' } });
  assert.equal(res.status, 200);
  const { params } = (await res.json()) as { params: Record<string, unknown> };
  assert.equal(params.merchant_success_url, 'https://shop.example/ok');
  assert.equal(params.payment_amount, 150000);
});

test('refuses parameters a browser must not choose (mode, callback URLs), naming them', async () => {
  for (const key of ['mode', 'merchant_callback_url', 'redirect_success_url', 'signature']) {
    const res = await post({ params: { payment_id: 'order-1', customer_id: 'c', [key]: 'x' } });
    assert.equal(res.status, 400, key);
    assert.match(((await res.json()) as { error: string }).error, new RegExp(key));
  }
});

test('unknown order → 404; bad body → 400; GET → 405; lookup failure → 500; rule break → 422', async () => {
  assert.equal((await post({ params: { payment_id: 'nope', customer_id: 'c' } })).status, 404);
  assert.equal((await post({ nothing: true })).status, 400);
  assert.equal((await post({ params: { payment_id: 'order-1', customer_id: { a: 1 } } })).status, 400);
  assert.equal((await handler(new Request('http://x/', { method: 'POST', body: '{' }))).status, 400);
  assert.equal((await handler(new Request('http://x/'))).status, 405);
  const failing = createSignHandler({ projectId: 1, secretKey: 's', resolvePayment: () => Promise.reject(new Error('db down')) });
  assert.equal((await failing(new Request('http://x/', { method: 'POST', body: '{"params":{"payment_id":"a"}}' }))).status, 500);
  const cheap = await post({ params: { payment_id: 'order-cheap', customer_id: 'c', language_code: 'zh' } });
  assert.equal(cheap.status, 422);
  assert.match(((await cheap.json()) as { error: string }).error, /payment_amount must be at least 10000/);
  const semicolon = await post({ params: { payment_id: 'order-2', customer_id: 'a;b' } });
  assert.equal(semicolon.status, 422);
});

test('configuration errors are thrown at once', () => {
  assert.throws(() => createSignHandler({ projectId: 0, secretKey: 's', resolvePayment: async () => null }), /projectId/);
  assert.throws(() => createSignHandler({ projectId: 1, secretKey: '', resolvePayment: async () => null }), /secretKey/);
});

test("the order's own limits (minAmount/maxAmount) replace the method's documented ones", async () => {
  const sign = (id: string) => post({ params: { payment_id: id, customer_id: 'c', language_code: 'zh' } });
  const big = await sign('order-big');
  assert.equal(big.status, 422, 'above the documented 100,000.00 CNY');
  assert.match(((await big.json()) as { error: string }).error, /payment_amount must be at most 10000000/);
  const contract = await sign('order-big-contract');
  assert.equal(contract.status, 200, 'within the contract limit');
  assert.equal(((await contract.json()) as { params: Record<string, unknown> }).params.payment_amount, 20_000_000);
  const min = await sign('order-contract-min');
  assert.equal(min.status, 422, 'below the contract minimum, though above the documented one');
  assert.match(((await min.json()) as { error: string }).error, /payment_amount must be at least 50000/);
});
