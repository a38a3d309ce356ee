/**
 * The money path, tried as an attacker would, through the real demo (backend on its database,
 * sandbox, Chromium): forged callbacks, cross-site payouts, oversized and deeply nested bodies,
 * validly signed callbacks that don't match their order, and ecommpay's own variations.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signParams, signatureString } from '../../src/server/index.ts';
import { DEMO_PROJECT_ID, DEMO_SECRET_KEY } from '../../demo/config.ts';
import { newTab, post, readOrder, signInSeller, startWorld, stopWorld, type Json, type World } from './helpers.ts';

let world: World;
before(async () => {
  world = await startWorld();
});
after(() => stopWorld(world));

/** A new order of the shop, as its pages create them. */
async function newOrder(sku: string, flow: 'checkout' | 'gate' = 'checkout'): Promise<{ payment_id: string; amount: number; currency: string; customer_id: string }> {
  const created = await post(world, '/api/orders', { sku, flow });
  assert.equal(created.status, 201);
  return created.body;
}

/** A standard callback for `order` (SPEC §6), unsigned. */
function callbackFor(order: { payment_id: string; amount: number; currency: string; customer_id: string }, status = 'success', extra: Json = {}): Json {
  const sum = { amount: order.amount, currency: order.currency };
  return {
    project_id: DEMO_PROJECT_ID,
    payment: { id: order.payment_id, type: 'purchase', status, date: '2026-11-23T10:00:00+0000', method: 'cup-bank', sum, description: 'x' },
    customer: { id: order.customer_id },
    operation: {
      id: 4242000001,
      type: 'sale',
      status,
      date: '2026-11-23T10:00:00+0000',
      created_date: '2026-11-23T09:59:00+0000',
      request_id: 'r1',
      sum_initial: sum,
      sum_converted: sum,
      provider: { id: 1105, payment_id: 'P1', auth_code: '' },
      code: status === 'success' ? '0' : '19999',
      message: status === 'success' ? 'Success' : 'Awaiting redirect result',
    },
    ...extra,
  };
}

/** Signs like ecommpay: HMAC over the signed string, whatever the payload holds (ecommpay signs what it echoes). */
const signLikeEcommpay = (payload: Json): Json => ({
  ...payload,
  signature: createHmac('sha512', DEMO_SECRET_KEY).update(signatureString(payload)).digest('base64'),
});

const sendCallback = (body: unknown) => post(world, '/api/ecommpay/callback', body, { origin: 'https://ecommpay.example' });

test('a forged "success" re-shaped from a signed echo of buyer text is refused at every step', async () => {
  const order = await newOrder('yixing-tea-set', 'gate');
  const injected = `1;payment:id:${order.payment_id};payment:status:success;payment:type:purchase;payment:zz:`;

  // 1. The buyer's phone number with ";" never reaches a Gate request.
  const sale = await post(world, '/api/gate/sale', {
    payment_id: order.payment_id,
    customer: { first_name: '伟', last_name: '王', street: '人民路 100 号', city: '杭州', zip: '310000', country: 'CN', phone: injected, email: 'w@example.cn' },
  });
  assert.equal(sale.status, 422);
  assert.match(sale.body.error, /customer\.phone must not contain ";"/);
  assert.equal(world.demo.sandbox!.payments.has(order.payment_id), false, 'the sandbox never saw it');

  // 2. Had ecommpay echoed it in a signed callback, the re-shaped twin would carry the same signature…
  const echo = signLikeEcommpay(callbackFor(order, 'awaiting redirect result', { customer: { id: order.customer_id, phone: injected } }));
  const { signature, ...echoed } = echo;
  const whole = signatureString(echoed);
  const head = signatureString({ customer: { id: order.customer_id, phone: '1' }, payment: { id: order.payment_id, status: 'success', type: 'purchase', zz: '' } });
  const tail = `;project_id:${DEMO_PROJECT_ID}`;
  assert.ok(whole.startsWith(head) && whole.endsWith(tail));
  const twin = {
    customer: { id: order.customer_id, phone: '1' },
    payment: { id: order.payment_id, status: 'success', type: 'purchase', zz: whole.slice(head.length, -tail.length) },
    project_id: DEMO_PROJECT_ID,
    signature,
  };
  const { signature: _same, ...twinSigned } = twin;
  assert.equal(signatureString(twinSigned), whole, 'the twin signs as the same string');

  // 3. …and the backend holds the twin for review; ecommpay's own delivery of the echo then lands on
  // the same record (one signature, one key). Neither changes the order.
  const results = [];
  for (const body of [twin, echo]) {
    const answer = await sendCallback(body);
    assert.equal(answer.status, 200, 'recorded, so ecommpay stops retrying');
    results.push([answer.body.result, answer.body.reason]);
  }
  assert.deepEqual(results, [
    ['held', 'ambiguous'],
    ['duplicate', 'ambiguous'],
  ]);
  const after = await readOrder(world, order.payment_id);
  assert.equal(after.status, 'created');
  assert.deepEqual(after.callbacks.map((c) => [c.action, c.reason, c.applied, c.deliveries]), [['hold', 'ambiguous', false, 2]]);
});

test('validly signed callbacks that do not match their order are held, never applied', async () => {
  const cases: [string, (c: Json) => void, string][] = [
    ['another project', (c) => (c.project_id = DEMO_PROJECT_ID + 1), 'project-mismatch'],
    ['another amount', (c) => (c.payment.sum.amount = c.operation.sum_initial.amount = 100), 'amount-mismatch'],
    ['another currency', (c) => (c.payment.sum = c.operation.sum_initial = { amount: c.payment.sum.amount, currency: 'USD' }), 'currency-mismatch'],
    ['a payout for a purchase', (c) => ((c.payment.type = 'payout'), (c.operation.type = 'payout')), 'type-mismatch'],
    ['no operation at all', (c) => delete c.operation, 'no-operation'],
    ['an unknown payment', (c) => (c.payment.id = 'ORD-NOT-OURS'), 'unknown-payment'],
  ];
  for (const [name, change, reason] of cases) {
    const order = await newOrder('yixing-tea-set');
    const callback = callbackFor(order);
    change(callback);
    const answer = await sendCallback({ ...callback, signature: await signParams(callback, DEMO_SECRET_KEY) });
    assert.equal(answer.status, 200, name);
    assert.deepEqual([answer.body.result, answer.body.reason], ['held', reason], name);
    assert.equal((await readOrder(world, order.payment_id)).status, 'created', name);
  }
});

test("ecommpay's variations are applied: operation.code 0 as a number, ids as strings, redirect_data.body []", async () => {
  const order = await newOrder('yixing-tea-set');
  const callback = callbackFor(order);
  callback.operation.code = 0;
  callback.operation.id = String(callback.operation.id);
  callback.project_id = String(DEMO_PROJECT_ID);
  const answer = await sendCallback({ ...callback, signature: await signParams(callback, DEMO_SECRET_KEY) });
  assert.deepEqual([answer.status, answer.body.result], [200, 'applied']);
  const after = await readOrder(world, order.payment_id);
  assert.deepEqual([after.status, after.code], ['success', '0']);
});

test('the same callback 50 times at once is applied once; later ones change nothing', async () => {
  const order = await newOrder('yixing-tea-set');
  const callback = callbackFor(order);
  const body = { ...callback, signature: await signParams(callback, DEMO_SECRET_KEY) };
  const answers = await Promise.all(Array.from({ length: 50 }, () => sendCallback(body)));
  assert.deepEqual(answers.map((a) => a.status), Array(50).fill(200));
  const results = answers.map((a) => a.body.result as string).sort();
  assert.deepEqual(results, ['applied', ...Array(49).fill('duplicate')]);
  const after = await readOrder(world, order.payment_id);
  assert.equal(after.status, 'success');
  assert.deepEqual(after.callbacks.map((c) => [c.applied, c.deliveries]), [[true, 50]]);

  // A late intermediate callback (another status, another key) never overwrites a final one.
  const late = callbackFor(order, 'awaiting redirect result');
  const answer = await sendCallback({ ...late, signature: await signParams(late, DEMO_SECRET_KEY) });
  assert.deepEqual([answer.body.result, answer.body.reason], ['ignored', 'already-final']);
  assert.equal((await readOrder(world, order.payment_id)).status, 'success');
});

test('unsigned, oversized and deeply nested callbacks are refused without being kept, and the server goes on', async () => {
  const order = await newOrder('yixing-tea-set');
  const log = async (after = 0) => (await (await fetch(`${world.demo.url}/api/callbacks?after=${after}`)).json()) as { n: number }[];
  const last = Math.max(0, ...(await log()).map((r) => r.n));

  const unsigned = await sendCallback(callbackFor(order));
  assert.equal(unsigned.status, 403);
  const big = await sendCallback({ ...callbackFor(order), padding: 'x'.repeat(1024 * 1024) });
  assert.equal(big.status, 413);
  const deep = await sendCallback('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
  assert.equal(deep.status, 413);
  const notJson = await sendCallback('not json');
  assert.equal(notJson.status, 400);

  assert.deepEqual(await log(last), [], 'nothing unverified was stored');
  assert.equal((await readOrder(world, order.payment_id)).status, 'created');
  const bigSign = await post(world, '/api/ecommpay/sign', { params: { payment_id: order.payment_id, padding: 'x'.repeat(1024 * 1024) } });
  assert.equal(bigSign.status, 413);
});

test('malformed IDs get 400 or 404, never 500', async () => {
  for (const [path, status] of [
    ['/api/orders/%E0%A4%A', 400],
    ['/api/orders/%E0%A4%A/redirect', 400],
    ['/api/orders/..%2F..%2Fetc', 404],
    ['/api/balance/%ZZ', 400],
    ['/api/banks/nope/sale', 404],
  ] as const) {
    const response = await fetch(`${world.demo.url}${path}`);
    assert.equal(response.status, status, path);
  }
});

test('a payout needs a signed-in seller, and no other site can ask for one', async () => {
  const seller = await signInSeller(world);
  const balance = async () =>
    ((await (await fetch(`${world.demo.url}/api/balance/online-philippines-banks`, { headers: { Cookie: seller } })).json()) as { available: number }).available;
  const ordersCount = async () => ((await (await fetch(`${world.demo.url}/api/orders`)).json()) as unknown[]).length;
  const request = {
    method: 'online-philippines-banks',
    request: {
      customer: {},
      payment: { amount: 150_000, currency: 'PHP', description: 'withdrawal' },
      account: { bank_id: 486, customer_name: 'Juan Dela Cruz', number: '1670033323', branch: 'Makati Avenue', city: 'Manila', region_id: 297 },
    },
  };
  const start = await balance();
  const orders = await ordersCount();

  assert.equal((await post(world, '/api/gate/payout', request)).status, 401, 'no session');
  const asForm = JSON.stringify(request);
  assert.equal((await post(world, '/api/gate/payout', asForm, { cookie: seller, contentType: 'text/plain' })).status, 415, 'a text/plain form body');
  assert.equal((await post(world, '/api/gate/payout', request, { cookie: seller, origin: 'http://evil.example' })).status, 403, 'another origin');
  assert.equal((await fetch(`${world.demo.url}/api/gate/payout`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: seller }, body: asForm })).status, 403, 'no Origin');

  // A real browser: the seller is signed in to the shop, then opens another site whose form posts to it.
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/payout.html?method=online-philippines-banks`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#balance strong').waitFor();
  const field = `${asForm.slice(0, -1)},"x":"`;
  const evil: Server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(
      `<form method="post" enctype="text/plain" action="${world.demo.url}/api/gate/payout"><input name='${field.replace(/'/g, '&#39;')}' value='"}'></form><script>document.forms[0].submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/gate/payout'));
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const response = await answer;
    assert.equal(response.status(), 403, 'refused: another Origin');
    assert.equal((await response.request().allHeaders()).cookie, undefined, 'SameSite=Strict: the browser did not even send the session');
  } finally {
    await new Promise((resolve) => evil.close(resolve));
    await page.close();
  }
  assert.equal(await balance(), start, 'no money moved');
  assert.equal(await ordersCount(), orders, 'no payout order exists');
});
