/**
 * The Payment Page in a frame, end to end: the demo's checkout with `display="modal"` and
 * `display="iframe"`, the sandbox's Payment Page framed on the shop's page and speaking ecommpay's
 * frame protocol, a Philippine bank reached from inside the frame (`epframe.redirect` takes the
 * whole page there), and the order as the backend learned it from the signed callback.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { methodRules } from '../../src/core/methods/index.ts';
import { PH_TEST_BANKS, newTab, readOrder, startWorld, stopWorld, type World } from './helpers.ts';

let world: World;
before(async () => {
  world = await startWorld();
});
after(() => stopWorld(world));

const ph = methodRules('online-philippines-banks');
const [bank1, bank2] = PH_TEST_BANKS;

/** Opens the demo's checkout in a display, clicks pay, and gives the framed Payment Page. */
async function openFramed(page: Page, query: string, display: 'modal' | 'iframe'): Promise<{ paymentId: string; frame: FrameLocator }> {
  await page.goto(`${world.demo.url}/demo/pages/checkout.html?${query}&display=${display}`);
  const checkout = page.locator('ecommpay-checkout');
  await checkout.getByRole('button').waitFor();
  const paymentId = (await checkout.getAttribute('payment-id'))!;
  assert.equal(await checkout.getAttribute('display'), display);
  const launched = page.evaluate(
    () => new Promise<{ url: string; display: string }>((resolve) => document.addEventListener('ecommpay-launch', (e) => resolve((e as CustomEvent).detail), { once: true })),
  );
  await checkout.getByRole('button').click();
  const launch = await launched;
  assert.equal(launch.display, display);
  assert.equal(new URL(launch.url).searchParams.get('frame_mode'), display === 'modal' ? 'popup' : 'iframe');
  if (display === 'modal') await checkout.getByRole('dialog', { name: /^(Secure payment|安全支付)$/ }).waitFor();
  else assert.equal(await checkout.locator('dialog').count(), 0);
  const frame = checkout.frameLocator('iframe');
  await frame.getByTestId('payment-id').waitFor();
  // The shop's page stayed: the Payment Page is inside it.
  assert.equal(new URL(page.url()).origin, world.demo.url);
  assert.equal(await frame.getByTestId('payment-id').innerText(), paymentId);
  // Shown once the Payment Page said epframe.loaded, sized by its epframe.resize.
  await page.waitForFunction(() => document.querySelector('ecommpay-checkout')?.shadowRoot?.querySelector('iframe.shown') !== null);
  return { paymentId, frame };
}

/** Waits for the shop's result page and gives what it shows (read from the backend, not from the frame). */
async function result(page: Page): Promise<string> {
  await page.waitForURL((url) => url.origin === world.demo.url && url.pathname === '/demo/pages/result.html');
  const status = page.locator('#result [data-status="success"], #result [data-status="decline"]');
  await status.waitFor();
  return status.innerText();
}

for (const display of ['modal', 'iframe'] as const) {
  test(`CUP in ${display}: Success in the frame; the result page shows the order the callback settled`, async () => {
    const page = await newTab(world);
    const { paymentId, frame } = await openFramed(page, 'method=cup-bank&variant=preselect', display);
    assert.equal(await frame.getByTestId('method').innerText(), methodRules('cup-bank').name.zh);
    await frame.getByRole('button', { name: 'Success', exact: true }).click();
    assert.match(await result(page), /Payment successful/);
    const order = await readOrder(world, paymentId);
    assert.deepEqual([order.status, order.code, order.callbacks.length, order.callbacks[0]!.applied], ['success', '0', 1, true]);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`Banks of the Philippines in ${display}: the bank is reached from inside the frame, the whole page goes there`, async () => {
    const page = await newTab(world);
    const variant = display === 'modal' ? 'bank' : 'grouped';
    const { paymentId, frame } = await openFramed(page, `method=online-philippines-banks&variant=${variant}`, display);
    if (variant === 'grouped') {
      await frame.getByRole('link', { name: ph.name.en }).click();
      await frame.getByRole('link', { name: bank1!.name }).click();
    }
    const bank = variant === 'grouped' ? bank1! : bank2!;
    await frame.getByTestId('continue-to-bank').click();
    // epframe.redirect: the top window (not the frame) is now at the bank, which may not be framed.
    await page.waitForURL((url) => url.origin === world.demo.sandboxUrl && url.pathname === '/bank/Pay.aspx');
    assert.equal(new URL(page.url()).searchParams.get('procid'), bank.code ?? String(bank.id));
    assert.equal(await page.getByTestId('payment-id').innerText(), paymentId);
    const pressed = display === 'modal' ? 'Success' : 'Decline';
    await page.getByRole('button', { name: pressed, exact: true }).click();
    assert.match(await result(page), pressed === 'Success' ? /Payment successful/ : /Payment declined.*20105/s);
    const order = await readOrder(world, paymentId);
    assert.equal(order.status, pressed === 'Success' ? 'success' : 'decline');
    assert.equal(order.callbacks.at(-1)!.fields.operation.provider.endpoint_id, bank.code);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('closing the dialog keeps the order open and the page usable: a second click opens a new frame', async () => {
  const page = await newTab(world);
  const { paymentId } = await openFramed(page, 'method=cup-bank&variant=preselect', 'modal');
  await page.keyboard.press('Escape');
  await page.locator('ecommpay-checkout dialog').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.documentElement.style.overflow), '');
  const checkout = page.locator('ecommpay-checkout');
  await checkout.getByRole('button').click();
  await checkout.frameLocator('iframe').getByTestId('payment-id').waitFor();
  assert.equal((await readOrder(world, paymentId)).status, 'created');
  assert.deepEqual(page.errors, []);
  await page.close();
});
