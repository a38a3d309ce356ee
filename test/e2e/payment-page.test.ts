/**
 * Payment Page purchases, end to end: the shop's page, `<ecommpay-checkout>`, the backend's
 * signature, the sandbox's Payment Page with Success/Decline, the signed callback, the return to
 * the shop, and the order as `GET /api/orders/{payment_id}` reports it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchUrl } from '../../src/core/payment-page.ts';
import { methodRules } from '../../src/core/methods/index.ts';
import { PH_TEST_BANKS, callbacksOf, newTab, post, readOrder, startWorld, stopWorld, waitForStatus, type World } from './helpers.ts';

let world: World;
before(async () => {
  world = await startWorld();
});
after(() => stopWorld(world));

const ph = methodRules('online-philippines-banks');
const [bank1, bank2] = PH_TEST_BANKS;

/** Clicks the checkout's pay button and waits for the sandbox's Payment Page. */
async function pay(page: Page, scope = 'body'): Promise<string> {
  const checkout = page.locator(`${scope} ecommpay-checkout`).first();
  const paymentId = (await checkout.getAttribute('payment-id'))!;
  await checkout.getByRole('button').click();
  await page.waitForURL((url) => url.origin === world.demo.sandboxUrl && url.pathname === '/payment');
  return paymentId;
}

/** Presses Success or Decline and waits for the shop's result page. */
async function finish(page: Page, button: 'Success' | 'Decline'): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL((url) => url.origin === world.demo.url && url.pathname === '/demo/pages/result.html');
  const status = page.locator('#result [data-status="success"], #result [data-status="decline"]');
  await status.waitFor();
  return status.innerText();
}

test('home page: a CUP and a Philippine checkout signed by the backend; CUP purchase succeeds', async () => {
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/`);
  await page.locator('#checkout-ph ecommpay-checkout button').waitFor();
  assert.equal(await page.locator('#checkout-ph ecommpay-checkout [part="amount"]').innerText(), '₱2,450.00');
  assert.equal(await page.locator('#checkout-cup ecommpay-checkout [part="amount"]').innerText(), '¥388.00');

  const paymentId = await pay(page, '#checkout-cup');
  // CUP preselected: straight to the emulator, in Chinese, with the amount the backend decided.
  assert.equal(await page.getByTestId('method').innerText(), methodRules('cup-bank').name.zh);
  assert.equal(await page.getByTestId('amount').innerText(), '¥388.00');
  assert.match(await finish(page, 'Success'), /Payment successful/);

  const order = await readOrder(world, paymentId);
  assert.equal(order.status, 'success');
  assert.equal(order.code, '0');
  assert.equal(order.message, 'Success');
  assert.equal(order.callbacks.length, 1);
  assert.equal(order.callbacks[0]!.applied, true);
  const [callback] = await callbacksOf(world, paymentId);
  assert.equal(callback!.fields.payment.method, methodRules('cup-bank').callbackMethodName);
  assert.deepEqual(callback!.fields.payment.sum, { amount: 38_800, currency: 'CNY' });
  assert.match(callback!.fields.account.number, /^\d{6}\*+\d{4}$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('CUP: a test decline amount (40000) declines even on Success', async () => {
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/checkout.html?method=cup-bank&variant=choose`);
  await page.getByRole('radio', { name: /silk scarf/i }).check();
  await page.locator('ecommpay-checkout[amount="40000"] button').waitFor();
  const paymentId = await pay(page);
  // Not preselected: the buyer picks CUP Banks among the methods first.
  await page.getByRole('link', { name: methodRules('cup-bank').name.zh }).click();
  assert.match(await finish(page, 'Success'), /Payment declined.*20105/s);

  const order = await readOrder(world, paymentId);
  assert.deepEqual([order.status, order.code, order.amount], ['decline', '20105', 40_000]);
  assert.equal(order.message, 'Insufficient funds on customer account');
  await page.close();
});

/** The five display variants of the Philippine banks (SPEC §3) and how the buyer reaches the bank. */
const variants: { id: string; reach: (page: Page) => Promise<string> }[] = [
  {
    id: 'grouped',
    async reach(page) {
      // One button for the method, then the bank list.
      await page.getByRole('link', { name: ph.name.en }).click();
      await page.getByRole('link', { name: bank1!.name }).click();
      return bank1!.code!;
    },
  },
  {
    id: 'split',
    async reach(page) {
      // Every bank a button among the methods; banks a test project cannot use are shown disabled.
      assert.ok((await page.getByTestId('methods').locator('li').count()) > 2);
      await page.getByRole('link', { name: bank2!.name }).click();
      return bank2!.code!;
    },
  },
  {
    id: 'banks',
    async reach(page) {
      // Only the banks of banks_id.
      const offered = await page.getByTestId('methods').locator('a').allInnerTexts();
      assert.deepEqual(offered.map((text) => text.replace('›', '').trim()), [bank1!.name, bank2!.name]);
      await page.getByRole('link', { name: bank1!.name }).click();
      return bank1!.code!;
    },
  },
  {
    id: 'preselect',
    async reach(page) {
      // Straight to the bank list.
      await page.getByTestId('banks').waitFor();
      await page.getByRole('link', { name: bank2!.name }).click();
      return bank2!.code!;
    },
  },
  {
    id: 'bank',
    async reach(page) {
      // Straight to the one bank.
      assert.equal(await page.getByTestId('bank').innerText(), bank2!.name);
      return bank2!.code!;
    },
  },
];

for (const variant of variants) {
  test(`Philippines, variant "${variant.id}": purchase succeeds at the chosen bank`, async () => {
    const page = await newTab(world);
    await page.goto(`${world.demo.url}/demo/pages/checkout.html?method=online-philippines-banks&variant=${variant.id}`);
    await page.locator('ecommpay-checkout button').waitFor();
    const paymentId = await pay(page);
    const code = await variant.reach(page);
    assert.equal(await page.getByTestId('amount').innerText(), '₱2,450.00');
    assert.match(await finish(page, 'Success'), /Payment successful/);

    const order = await readOrder(world, paymentId);
    assert.deepEqual([order.status, order.code, order.callbacks.length], ['success', '0', 1]);
    const [callback] = await callbacksOf(world, paymentId);
    assert.equal(callback!.fields.operation.provider.endpoint_id, code);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('Philippines, bank-picker: the buyer chooses the bank on the shop page (keyboard), the Payment Page opens on it', async () => {
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/checkout.html?method=online-philippines-banks&variant=picker`);
  const checkout = page.locator('ecommpay-checkout');
  // The bank choice loads lazily (its chunk, then the list): wait until the list is in.
  await checkout.locator('[role="combobox"]:not([aria-busy])').waitFor();
  const paymentId = (await checkout.getAttribute('payment-id'))!;
  const launches: string[] = [];
  page.on('request', (r) => r.isNavigationRequest() && r.url().startsWith(world.demo.sandboxUrl!) && launches.push(r.url()));

  // Pay without a bank: the button says it cannot pay yet (aria-disabled, still focusable and
  // clickable), and a click asks for the bank and stays on the page.
  assert.equal(await checkout.getByRole('button').getAttribute('aria-disabled'), 'true');
  await checkout.getByRole('button').click({ force: true });
  const combobox = checkout.getByRole('combobox');
  await checkout.getByText('Choose your bank', { exact: true }).waitFor();
  assert.equal(await combobox.getAttribute('aria-invalid'), 'true');
  assert.equal(new URL(page.url()).origin, world.demo.url);

  // The focus went to the bank choice. A test project offers the test banks only; choose the
  // second by keyboard.
  assert.ok(await combobox.evaluate((input) => input.getRootNode() instanceof ShadowRoot && (input.getRootNode() as ShadowRoot).activeElement === input));
  await page.keyboard.press('ArrowDown');
  const options = await checkout.getByRole('option').allInnerTexts();
  assert.deepEqual(options.map((o) => o.replace(/\s+/g, ' ').trim()), [bank1!, bank2!].map((b) => `${b.name} ${b.code}`));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await combobox.inputValue(), bank2!.name);

  await checkout.getByRole('button').click();
  await page.waitForURL((url) => url.origin === world.demo.sandboxUrl && url.pathname === '/payment');
  // Variant 5's parameters: the method forced, the one bank in payment_methods_options.
  const params = new URL(launches[0]!).searchParams;
  assert.equal(params.get('force_payment_method'), 'online-philippines-banks');
  assert.deepEqual(JSON.parse(params.get('payment_methods_options')!), { online_philippines_banks: { banks_id: [bank2!.id] } });
  assert.equal(await page.getByTestId('bank').innerText(), bank2!.name);
  assert.match(await finish(page, 'Success'), /Payment successful/);

  const [callback] = await callbacksOf(world, paymentId);
  assert.equal(callback!.fields.operation.provider.endpoint_id, bank2!.code);
  assert.equal((await readOrder(world, paymentId)).status, 'success');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Philippines: Decline declines, the order says so, and the buyer can try again with a new order', async () => {
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/checkout.html?method=online-philippines-banks&variant=bank`);
  await page.locator('ecommpay-checkout button').waitFor();
  const declined = await readOrder(world, await page.locator('ecommpay-checkout').getAttribute('payment-id').then(String));
  const paymentId = await pay(page);
  assert.match(await finish(page, 'Decline'), /Payment declined/);
  assert.equal((await waitForStatus(world, paymentId, 'decline')).code, '20105');

  // A declined payment_id can't be paid again: "Try again" starts a new order for the same product.
  await page.getByRole('link', { name: 'Try again' }).click();
  await page.waitForURL((url) => url.pathname === '/demo/pages/checkout.html');
  const checkout = page.locator('ecommpay-checkout');
  await checkout.getByRole('button').waitFor();
  const retried = await readOrder(world, String(await checkout.getAttribute('payment-id')));
  assert.notEqual(retried.payment_id, paymentId);
  assert.deepEqual([retried.sku, retried.amount, retried.status], [declined.sku, declined.amount, 'created']);
  await pay(page);
  // The shop's default display: the method, then the bank.
  await variants.find((v) => v.id === 'grouped')!.reach(page);
  assert.match(await finish(page, 'Success'), /Payment successful/);
  // The declined order can't be signed again either: the buyer would be told to start a new order.
  const again = await post(world, '/api/ecommpay/sign', { params: { payment_id: paymentId, customer_id: declined.customer_id } });
  assert.deepEqual([again.status, (again.body as { code: string }).code], [410, 'expired']);
  await page.close();
});

test('an order paid in another tab: the buyer reads that it is paid, not "try again"; an unknown order says so', async () => {
  const page = await newTab(world);
  await page.goto(`${world.demo.url}/demo/pages/checkout.html?method=cup-bank`);
  const checkout = page.locator('ecommpay-checkout');
  await checkout.getByRole('button').waitFor();
  const paymentId = String(await checkout.getAttribute('payment-id'));
  const order = await readOrder(world, paymentId);

  // Paid meanwhile, in another tab.
  const other = await newTab(world);
  const signed = await post(world, '/api/ecommpay/sign', {
    params: { payment_id: paymentId, customer_id: order.customer_id, language_code: 'zh', force_payment_method: 'cup-bank' },
  });
  const { signature, params } = signed.body as { signature: string; params: Record<string, string | number> };
  await other.goto(launchUrl(world.demo.sandboxUrl!, params, signature));
  await finish(other, 'Success');
  await waitForStatus(world, paymentId, 'success');

  await checkout.getByRole('button').click();
  const alert = checkout.getByRole('alert');
  await alert.filter({ hasText: /\S/ }).waitFor();
  assert.equal(await alert.innerText(), '此订单已支付，无需再次付款。');
  assert.equal(page.url().startsWith(world.demo.url), true, 'the buyer stays on the shop');

  const unknown = await post(world, '/api/ecommpay/sign', { params: { payment_id: 'NO-SUCH-ORDER', customer_id: 'c' } });
  assert.deepEqual([unknown.status, (unknown.body as { code: string }).code], [404, 'unknown-payment']);
  await other.close();
  await page.close();
});

test('the sandbox refuses a tampered or missing signature, and a reused payment ID', async () => {
  const page = await newTab(world);
  const order = (await post(world, '/api/orders', { sku: 'yixing-tea-set' })).body as { payment_id: string; customer_id: string };
  const signed = await post(world, '/api/ecommpay/sign', {
    params: { payment_id: order.payment_id, customer_id: order.customer_id, language_code: 'zh', force_payment_method: 'cup-bank' },
  });
  assert.equal(signed.status, 200);
  const { signature, params } = signed.body as { signature: string; params: Record<string, string | number> };

  // The amount lowered after signing.
  const tampered = launchUrl(world.demo.sandboxUrl!, { ...params, payment_amount: 10_000 }, signature);
  const refused = await page.goto(tampered);
  assert.equal(refused!.status(), 403);
  assert.match(await page.getByTestId('sandbox-error').innerText(), /Invalid signature/);

  const unsigned = await page.goto(launchUrl(world.demo.sandboxUrl!, params, '').replace(/&signature=$/, ''));
  assert.equal(unsigned!.status(), 400);
  assert.match(await page.getByTestId('sandbox-error').innerText(), /Signature is missing/);

  // The genuine URL opens, and once paid, the same payment ID cannot be paid again.
  const genuine = launchUrl(world.demo.sandboxUrl!, params, signature);
  assert.equal((await page.goto(genuine))!.status(), 200);
  await finish(page, 'Success');
  assert.equal((await page.goto(genuine))!.status(), 409);
  assert.equal((await readOrder(world, order.payment_id)).callbacks.length, 1);
  await page.close();
});

test('the sandbox enforces the method rules: a CUP purchase below the minimum is refused', async () => {
  const page = await newTab(world);
  const { signParams } = await import('../../src/server/index.ts');
  const { DEMO_PROJECT_ID, DEMO_SECRET_KEY } = await import('../../demo/config.ts');
  const params = {
    project_id: DEMO_PROJECT_ID,
    payment_id: 'too-cheap-1',
    payment_amount: methodRules('cup-bank').purchaseLimits.min - 1,
    payment_currency: 'CNY',
    customer_id: 'c1',
    payment_description: '测试',
    language_code: 'zh',
    force_payment_method: 'cup-bank',
  };
  const response = await page.goto(launchUrl(world.demo.sandboxUrl!, params, await signParams(params, DEMO_SECRET_KEY)));
  assert.equal(response!.status(), 400);
  assert.match(await page.getByTestId('sandbox-error').innerText(), /payment_amount must be at least 10000/);
  await page.close();
});
