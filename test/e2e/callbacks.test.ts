/**
 * Callbacks: signed by the sandbox, verified by the backend, applied once however often they
 * arrive, retried until acknowledged, and shown live on the demo's log page.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatePath } from '../../src/core/gate.ts';
import { signParams } from '../../src/server/index.ts';
import { DEMO_PROJECT_ID, DEMO_SECRET_KEY } from '../../demo/config.ts';
import { newTab, post, readOrder, signInSeller, startWorld, stopWorld, waitForStatus, type World } from './helpers.ts';

let world: World;
let seller: string;
before(async () => {
  world = await startWorld();
  seller = await signInSeller(world);
});
after(() => stopWorld(world));

const payoutRequest = {
  customer: {},
  payment: { amount: 150_000, currency: 'PHP', description: 'Seller withdrawal' },
  account: { bank_id: 486, customer_name: 'Juan Dela Cruz', number: '1670033323', branch: 'Makati Avenue', city: 'Manila', region_id: 297 },
};

async function settledPayout(): Promise<string> {
  const started = await post(world, '/api/gate/payout', { method: 'online-philippines-banks', request: payoutRequest }, { cookie: seller });
  assert.equal(started.status, 202);
  const paymentId = started.body.payment_id as string;
  await waitForStatus(world, paymentId, 'success');
  return paymentId;
}

test('a duplicated callback is acknowledged but applied once', async () => {
  const paymentId = await settledPayout();
  const deliveries = (await (await fetch(`${world.demo.sandboxUrl}/sandbox/deliveries`)).json()) as { id: number; paymentId: string }[];
  const delivery = deliveries.find((d) => d.paymentId === paymentId)!;

  // The sandbox sends the very same callback again (as a retry would).
  const again = await fetch(`${world.demo.sandboxUrl}/sandbox/deliveries/${delivery.id}/resend`, { method: 'POST', headers: { Accept: 'application/json' } });
  const copy = (await again.json()) as { acknowledged: boolean; attempts: { status: number }[] };
  assert.equal(copy.acknowledged, true);
  assert.deepEqual(copy.attempts.map((a) => a.status), [200]);

  const order = await readOrder(world, paymentId);
  assert.equal(order.status, 'success');
  assert.deepEqual(
    order.callbacks.map((c) => [c.action, c.applied, c.deliveries]),
    [['apply', true, 2]],
  );

  // The log page shows it once, with its effect and both deliveries, and no signature.
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/callbacks.html`);
  const row = page.locator('#log tr', { hasText: paymentId });
  await row.waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /verified[\s\S]*applied · delivered 2×, applied once/);
  assert.doesNotMatch(await page.locator('#log').innerText(), /signature/);
  await page.close();
});

test('a callback with a bad signature is refused, changes nothing and is not kept', async () => {
  const paymentId = await settledPayout();
  const [original] = (await readOrder(world, paymentId)).callbacks;
  const forged = structuredClone(original!.fields);
  forged.payment.status = 'decline';
  forged.operation.status = 'decline';
  forged.signature = await signParams(forged, 'not-the-key');
  const response = await post(world, '/api/ecommpay/callback', forged);
  assert.equal(response.status, 403);
  const order = await readOrder(world, paymentId);
  assert.equal(order.status, 'success');
  assert.equal(order.callbacks.length, 1, 'an unverified callback is never stored');
});

test('a callback is retried until the merchant answers HTTP 200', async () => {
  // A merchant endpoint that fails twice, then acknowledges.
  const seen: string[] = [];
  const merchant = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push(body);
      res.writeHead(seen.length < 3 ? 500 : 200).end();
    });
  });
  await new Promise<void>((r) => merchant.listen(0, '127.0.0.1', r));
  const callbackUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/callback`;
  try {
    const request = {
      general: { project_id: DEMO_PROJECT_ID, payment_id: `retry-${Date.now()}`, merchant_callback_url: callbackUrl },
      ...payoutRequest,
      customer: { id: 'c1', ip_address: '127.0.0.1' },
    };
    const signed = { ...request, general: { ...request.general, signature: await signParams(request, DEMO_SECRET_KEY) } };
    const answer = await fetch(`${world.demo.sandboxUrl}${gatePath('online-philippines-banks', 'payout')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(signed),
    });
    assert.equal(answer.status, 200);
    assert.equal(((await answer.json()) as { status: string }).status, 'success');
    const until = Date.now() + 5000;
    while (seen.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen).size, 1, 'every retry carries the same signed callback');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(seen.length, 3, 'no retry after HTTP 200');
  } finally {
    await new Promise((r) => merchant.close(r));
  }
});
