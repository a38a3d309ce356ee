/**
 * Payouts through Gate, end to end: the shop's payout form, the backend's signed Gate request,
 * the sandbox's synchronous answer and result callback, and the order read back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { banksFor } from '../../src/data/index.ts';
import { callbacksOf, newTab, post, readOrder, signInSeller, startWorld, stopWorld, type World } from './helpers.ts';

let world: World;
/** The demo seller's session: payouts need one. */
let seller: string;
before(async () => {
  world = await startWorld();
  seller = await signInSeller(world);
});
after(() => stopWorld(world));

/**
 * Opens the payout page, where `<ecommpay-payout-form>` comes prefilled with what the shop knows;
 * sets the amount (major units) and, for the Philippines, chooses the bank in its
 * `<ecommpay-bank-select>`; submits; returns the final order.
 */
async function payout(method: MethodCode, amount: string, bankId?: number) {
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/payout.html?method=${method}`);
  // A new tab has no session: the page asks the seller to sign in (the demo account is prefilled).
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel(/^Amount/).fill(amount);
  if (bankId !== undefined) {
    const bank = banksFor(method, 'payout').find((b) => b.id === bankId)!;
    await page.getByRole('combobox', { name: 'Bank', exact: true }).click();
    await page.getByRole('option', { name: bank.name }).click();
  }
  await page.getByRole('button', { name: 'Request payout' }).click();
  const status = page.locator('#progress [data-status="success"], #progress [data-status="decline"]');
  await status.waitFor();
  const text = await status.innerText();
  const paymentId = /(PO-[0-9A-F]+)/.exec(text)![1]!;
  assert.deepEqual(page.errors, []);
  await page.close();
  return { text, order: await readOrder(world, paymentId), callbacks: await callbacksOf(world, paymentId) };
}

const [phBank1, phBank2] = methodRules('online-philippines-banks').testBankIds!;

test('CUP payout succeeds', async () => {
  const { text, order, callbacks } = await payout('cup-bank', '1000.00');
  assert.match(text, /Payout successful/);
  assert.deepEqual([order.flow, order.status, order.code, order.amount, order.currency], ['payout', 'success', '0', 100_000, 'CNY']);
  assert.equal(order.callbacks.length, 1);
  const body = callbacks[0]!.fields;
  assert.equal(body.signature, undefined, 'the log never serves a signed body');
  assert.equal(body.payment.type, 'payout');
  assert.equal(body.operation.type, 'payout');
  assert.match(body.account.number, /^621700\*+6530$/);
});

test('CUP payout of a test decline amount declines (20106)', async () => {
  const amount = methodRules('cup-bank').testDeclineAmounts[0]!;
  const { text, order } = await payout('cup-bank', (amount / 100).toFixed(2));
  assert.match(text, /Payout declined/);
  assert.deepEqual([order.status, order.code, order.message], ['decline', '20106', 'Customer account is no longer available']);
});

test('Philippine payout succeeds and names the bank by its code', async () => {
  const bank = banksFor('online-philippines-banks', 'payout').find((b) => b.id === phBank2)!;
  const { order, callbacks } = await payout('online-philippines-banks', '1500.00', bank.id);
  assert.deepEqual([order.status, order.amount, order.currency], ['success', 150_000, 'PHP']);
  assert.equal(callbacks[0]!.fields.operation.provider.endpoint_id, bank.code);
  assert.equal(callbacks[0]!.fields.account.number, '1670033323');
});

test('Philippine payout of the other test decline amount declines (20101)', async () => {
  const amount = methodRules('online-philippines-banks').testDeclineAmounts[1]!;
  const { order } = await payout('online-philippines-banks', (amount / 100).toFixed(2), phBank1);
  assert.deepEqual([order.status, order.code, order.message], ['decline', '20101', 'Decline due to amount or frequency limit']);
});

test('the payout form checks the request before sending: errors per field, nothing sent', async () => {
  const page = await newTab(world);
  const sent: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/gate/payout') && sent.push(r.url()));
  await page.goto(`${world.demo.url}/demo/pages/payout.html?method=cup-bank`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const lastName = page.getByLabel(/^Last name/);
  await lastName.fill('Wang');
  await page.getByLabel(/^Amount/).fill('1.00');
  await page.getByRole('button', { name: 'Request payout' }).click();
  const errors = page.locator('ecommpay-payout-form [part="field-error"]');
  await errors.first().waitFor();
  const texts = await errors.allInnerTexts();
  assert.ok(texts.some((t) => /Last name \(in Chinese\) must be written in Chinese characters/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => /Amount \(CNY\) must be at least CN¥100\.00/.test(t)), texts.join('\n'));
  assert.equal(await lastName.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(sent, []);
  assert.equal(await page.locator('#progress').innerText(), 'No payout requested yet.');
  await page.close();
});

test('the backend refuses what the method rules refuse, and the sandbox what a test project refuses', async () => {
  const request = {
    customer: {},
    payment: { amount: 150_000, currency: 'PHP', description: 'x' },
    account: { bank_id: 488, customer_name: 'Juan Dela Cruz', number: '1670033323', branch: 'b', city: 'Manila', region_id: 297 },
  };
  // Bank 488 is a payout bank, but a test project takes the test banks only: the sandbox says so.
  const refused = await post(world, '/api/gate/payout', { method: 'online-philippines-banks', request }, { cookie: seller });
  assert.equal(refused.status, 422);
  assert.match(refused.body.error, /test projects accept banks 486, 487 only/);
  // A USD payout breaks the method's rules: the backend refuses before calling Gate.
  const usd = await post(world, '/api/gate/payout', { method: 'online-philippines-banks', request: { ...request, payment: { ...request.payment, currency: 'USD' } } }, { cookie: seller });
  assert.equal(usd.status, 422);
  assert.match(usd.body.error, /payment\.currency must be PHP/);
});

test('payouts are withdrawals from what the shop owes: the backend checks and counts them, the page shows it', async () => {
  const balance = async () => {
    const response = await fetch(`${world.demo.url}/api/balance/cup-bank`, { headers: { Cookie: seller } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { available: number; currency: string }).available;
  };
  const start = await balance();
  assert.ok(start > 0);
  const ok = await payout('cup-bank', '200.00');
  assert.equal(ok.order.status, 'success');
  assert.equal(await balance(), start - 20_000, 'a successful payout is counted');
  const declined = await payout('cup-bank', (methodRules('cup-bank').testDeclineAmounts[0]! / 100).toFixed(2));
  assert.equal(declined.order.status, 'decline');
  assert.equal(await balance(), start - 20_000, 'a declined payout gives the money back');

  const cny = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(minor / 100);
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/payout.html?method=cup-bank`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#balance', { hasText: cny(start - 20_000) }).waitFor();
  await page.close();

  // More than is owed, though within the method's payout limits: refused before any order exists.
  const ordersBefore = ((await (await fetch(`${world.demo.url}/api/orders`)).json()) as unknown[]).length;
  const tooMuch = await post(world, '/api/gate/payout', {
    method: 'cup-bank',
    request: { customer: {}, payment: { amount: start - 20_000 + 100, currency: 'CNY', description: 'x' }, account: {} },
  }, { cookie: seller });
  assert.equal(tooMuch.status, 422);
  assert.equal(tooMuch.body.error, `payment.amount: ${cny(start - 20_000 + 100)} is more than the ${cny(start - 20_000)} the shop owes this seller`);
  assert.equal(((await (await fetch(`${world.demo.url}/api/orders`)).json()) as unknown[]).length, ordersBefore, 'no order was created');
});
