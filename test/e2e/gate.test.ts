/**
 * Purchases through Gate, end to end: the shop's form, the backend's signed Gate request, the
 * sandbox's callback with `redirect_data`, `<ecommpay-redirect src=…>` polling the backend and
 * taking the buyer to the bank's page (DESIGN §1.2), Success/Decline there, the final callback,
 * the return to the shop, and the order read back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { methodRules } from '../../src/core/methods/index.ts';
import { banksFor } from '../../src/data/index.ts';
import { callbacksOf, newTab, post, readOrder, startWorld, stopWorld, type World } from './helpers.ts';

let world: World;
before(async () => {
  world = await startWorld();
});
after(() => stopWorld(world));

interface RedirectDetail {
  method: string;
  url: string;
  fields: [string, string][] | Record<string, string>;
}

/** Opens the Gate page, records `ecommpay-redirect` events, submits the form, and waits for the bank's page. */
async function startPurchase(page: Page, method: string, bankPath: string, bankName?: string): Promise<{ paymentId: string; redirects: RedirectDetail[] }> {
  const redirects: RedirectDetail[] = [];
  await page.exposeFunction('__recordRedirect', (detail: RedirectDetail) => redirects.push(detail));
  await page.addInitScript(() => {
    document.addEventListener('ecommpay-redirect', (event) => {
      (window as unknown as { __recordRedirect: (d: unknown) => void }).__recordRedirect((event as CustomEvent).detail);
    });
  });
  await page.goto(`${world.demo.url}/demo/pages/gate.html?method=${method}`);
  if (bankName) {
    // <ecommpay-bank-select>: type to search, pick the option.
    const combobox = page.getByRole('combobox', { name: 'Your bank' });
    await combobox.fill(bankName.slice(0, 6));
    await page.getByRole('option', { name: bankName }).click();
    assert.equal(await combobox.inputValue(), bankName);
  }
  await page.getByRole('button', { name: /at my bank/ }).click();
  const status = page.locator('#progress [data-order]');
  await status.waitFor();
  const paymentId = /(ORD-[0-9A-F]+)/.exec(await status.innerText())![1]!;
  await page.waitForURL((url) => url.origin === world.demo.sandboxUrl && url.pathname === bankPath);
  return { paymentId, redirects };
}

async function finish(page: Page, button: 'Success' | 'Decline'): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL((url) => url.origin === world.demo.url && url.pathname === '/demo/pages/result.html');
  const status = page.locator('#result [data-status="success"], #result [data-status="decline"]');
  await status.waitFor();
  return status.innerText();
}

test('CUP Gate purchase: redirect_data with a body of fields (GET), the gateway, Success', async () => {
  const page = await newTab(world);
  const { paymentId, redirects } = await startPurchase(page, 'cup-bank', '/bank/gateway');

  // GET: the body's fields were merged into the URL's query, Chinese text intact, signature valid.
  const query = new URL(page.url()).searchParams;
  assert.equal(query.get('amountFee'), '38800');
  assert.match(query.get('goodsTitle')!, /^宜兴紫砂茶具/);
  assert.ok(query.get('sign'));
  assert.equal(await page.getByTestId('amount').innerText(), '¥388.00');
  assert.equal(redirects.length, 1);
  assert.equal(redirects[0]!.method, 'GET');

  assert.match(await finish(page, 'Success'), /Payment successful/);
  const order = await readOrder(world, paymentId);
  assert.deepEqual([order.flow, order.status, order.code], ['gate', 'success', '0']);
  assert.deepEqual(order.callbacks.map((c) => c.status), ['awaiting redirect result', 'success']);
  const [first] = await callbacksOf(world, paymentId);
  assert.equal(first!.fields.redirect_data.method, 'GET');
  assert.equal(first!.fields.redirect_data.body.currency, 'CNY');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Philippine Gate purchase: redirect_data with body [] (GET), the bank page, Decline', async () => {
  const page = await newTab(world);
  const bank = banksFor('online-philippines-banks', 'sale').find((b) => b.id === methodRules('online-philippines-banks').testBankIds![0])!;
  const { paymentId, redirects } = await startPurchase(page, 'online-philippines-banks', '/bank/Pay.aspx', bank.name);

  const query = new URL(page.url()).searchParams;
  assert.equal(query.get('procid'), bank.code);
  assert.ok(query.get('tokenid'));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), bank.name);
  assert.equal(redirects.length, 1);

  assert.match(await finish(page, 'Decline'), /Payment declined.*20105/s);
  const order = await readOrder(world, paymentId);
  assert.deepEqual([order.status, order.code], ['decline', '20105']);
  const callbacks = await callbacksOf(world, paymentId);
  assert.deepEqual(callbacks[0]!.fields.redirect_data.body, []);
  assert.equal(callbacks[1]!.fields.operation.provider.endpoint_id, bank.code);
  await page.close();
});

test('the redirect endpoint answers { status } while waiting and { redirect_data } when ready', async () => {
  const order = (await post(world, '/api/orders', { sku: 'barong', flow: 'gate' })).body as { payment_id: string };
  const src = `${world.demo.url}/api/orders/${order.payment_id}/redirect`;
  assert.deepEqual(await (await fetch(src)).json(), { status: 'created' });
  const started = await post(world, '/api/gate/sale', {
    payment_id: order.payment_id,
    customer: { email: 'juan.delacruz@example.ph', first_name: 'Juan', last_name: 'Dela Cruz' },
    account: { bank_id: methodRules('online-philippines-banks').testBankIds![1] },
  });
  assert.equal(started.status, 202);
  const until = Date.now() + 5000;
  let answer: { status?: string; redirect_data?: { method: string; url: string; body: unknown } } = {};
  while (!answer.redirect_data && Date.now() < until) {
    answer = (await (await fetch(src)).json()) as typeof answer;
    if (!answer.redirect_data) assert.ok(['created', 'processing'].includes(answer.status!), answer.status);
  }
  assert.equal(answer.redirect_data!.method, 'GET');
  assert.deepEqual(answer.redirect_data!.body, []);
  assert.match(answer.redirect_data!.url, /\/bank\/Pay\.aspx\?tokenid=\w+&procid=BPI$/);
});

test('Gate refuses what a test project refuses: a purchase bank other than the test banks', async () => {
  const order = (await post(world, '/api/orders', { sku: 'barong', flow: 'gate' })).body as { payment_id: string };
  const refused = await post(world, '/api/gate/sale', {
    payment_id: order.payment_id,
    customer: { email: 'juan.delacruz@example.ph' },
    account: { bank_id: 2241 },
  });
  assert.equal(refused.status, 422);
  assert.match(refused.body.error, /test projects accept banks 486, 487 only/);
  assert.equal((await readOrder(world, order.payment_id)).status, 'error');
});

test('CUP Gate purchase: names must be Chinese (the backend validates with the Gate schema)', async () => {
  const order = (await post(world, '/api/orders', { sku: 'yixing-tea-set', flow: 'gate' })).body as { payment_id: string };
  const refused = await post(world, '/api/gate/sale', {
    payment_id: order.payment_id,
    customer: { first_name: 'Wei', last_name: '王', email: 'w@example.cn', phone: '+8613800138000', street: '人民路', city: '杭州', zip: '310000', country: 'CN' },
  });
  assert.equal(refused.status, 422);
  const messages = (refused.body.issues as { message: string }[]).map((i) => i.message);
  assert.ok(messages.includes('customer.first_name must be written in Chinese characters'), messages.join('\n'));
  assert.ok(messages.includes('customer.phone must be 4–24 digits'), messages.join('\n'));
  // Refused before it was sent: the order stays open, so the buyer can correct their details.
  assert.equal((await readOrder(world, order.payment_id)).status, 'created');
});
