/**
 * The CDN files under a strict Content-Security-Policy with Trusted Types: the elements render,
 * style themselves, validate, sign and launch with zero policy violations; the Payment Page in a
 * modal needs exactly one more directive, `frame-src` for its origin.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

const cdn = (name: string) => join('dist/cdn', name);

const page = (script: string, type: 'module' | 'classic') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP</title>
<script src="/watch.js"></script>
<script ${type === 'module' ? 'type="module" ' : ''}src="/${script}"></script>
</head><body>
<ecommpay-checkout id="cup" method="cup-bank" project-id="581" payment-id="csp-1" amount="10000"
  customer-id="c1" description="测试" sign-url="/sign"></ecommpay-checkout>
<ecommpay-checkout id="bad" method="cup-bank" project-id="581" payment-id="csp-2" amount="1"
  customer-id="c1" description="x" sign-url="/sign"></ecommpay-checkout>
<ecommpay-redirect id="redirect" manual
  redirect-data='{"method":"POST","url":"https://bank.example/pay","body":{"token":"t1"}}'></ecommpay-redirect>
<ecommpay-payout-form id="payout" method="online-philippines-banks" test-mode></ecommpay-payout-form>
</body></html>`;

// A checkout in a modal whose Payment Page is a stand-in on another origin (the other loopback name).
const framePage = (paymentPage: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP frame</title>
<script src="/watch.js"></script>
<script type="module" src="/ecommpay-elements.js"></script>
</head><body>
<ecommpay-checkout id="modal" method="online-philippines-banks" project-id="580" payment-id="csp-3" amount="150000"
  customer-id="c1" sign-url="/sign" display="modal" frame-timeout="1000" payment-page-url="${paymentPage}"></ecommpay-checkout>
</body></html>`;

// The stand-in Payment Page: says it loaded and how tall it is, as ecommpay's does.
const PAYMENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Payment Page</title>
<script src="/pp.js"></script></head><body><h1>Payment Page</h1></body></html>`;
const PAYMENT_PAGE_SCRIPT = `parent.postMessage(JSON.stringify({ message: 'epframe.loaded', data: {} }), '*');
parent.postMessage(JSON.stringify({ message: 'epframe.resize', data: { width: 480, height: 420 } }), '*');`;

// Collects violations from the very start, and keeps launches on the page.
const WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__launches = [];
// The page stays (a frame display opens on it).
document.addEventListener('ecommpay-launch', (e) => { if (e.detail.display === 'redirect') e.preventDefault(); window.__launches.push(e.detail.url); });`;

let server: Server;
let browser: Browser;
let origin = '';
const served: string[] = [];

before(async () => {
  if (!existsSync(cdn('ecommpay-elements.js')) || !existsSync(cdn('ecommpay-elements.iife.js'))) {
    execSync('npm run build', { stdio: 'inherit' });
  }
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    served.push(path);
    const send = (type: string, body: string | Buffer, policy = POLICY) => {
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': policy });
      res.end(body);
    };
    const paymentPageOrigin = `http://localhost:${(server.address() as AddressInfo).port}`;
    if (path === '/frame.html') return send('text/html; charset=utf-8', framePage(`${paymentPageOrigin}/pp`), `${POLICY}; frame-src ${paymentPageOrigin}`);
    if (path === '/frame-blocked.html') return send('text/html; charset=utf-8', framePage(`${paymentPageOrigin}/pp`));
    if (path === '/pp/payment') return send('text/html; charset=utf-8', PAYMENT_PAGE);
    if (path === '/pp.js') return send('text/javascript', PAYMENT_PAGE_SCRIPT);
    if (path === '/module.html') return send('text/html; charset=utf-8', page('ecommpay-elements.js', 'module'));
    if (path === '/classic.html') return send('text/html; charset=utf-8', page('ecommpay-elements.iife.js', 'classic'));
    if (path === '/watch.js') return send('text/javascript', WATCH);
    if (path === '/sign') return send('application/json', JSON.stringify({ signature: 'c2lnbmF0dXJl' }));
    const file = cdn(path.slice(1));
    if (path.endsWith('.js') && existsSync(file)) return send('text/javascript', readFileSync(file));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs, // Playwright gives every launch a fresh temporary profile
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

for (const variant of ['module', 'classic'] as const) {
  test(`the ${variant} CDN file works under a strict CSP with Trusted Types, with no violation`, async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${origin}/${variant}.html`);
    await tab.locator('#cup button').waitFor();

    // Styles applied through adopted stylesheets (style-src 'self' allows no <style> tags).
    const radius = await tab.locator('#cup [part="base"]').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    assert.equal(radius, '8px');
    // Validation works (zod without eval): the bad one has no launch parameters and tells the buyer so.
    assert.equal(await tab.locator('#bad').evaluate((el) => (el as unknown as { launchParams: unknown }).launchParams), null);
    assert.equal(await tab.locator('#bad [role="alert"]').innerText(), '无法发起此笔支付，请联系商户。');
    // Signing and launch work.
    await tab.locator('#cup button').click();
    await tab.waitForFunction(() => (window as unknown as { __launches: string[] }).__launches.length === 1);
    const [url] = await tab.evaluate(() => (window as unknown as { __launches: string[] }).__launches);
    assert.match(url!, /^https:\/\/paymentpage\.ecommpay\.com\/payment\?project_id=581&payment_id=csp-1&/);

    // <ecommpay-redirect> renders its manual button.
    assert.match(await tab.locator('#redirect [part="button"]').innerText(), /bank/i);
    // <ecommpay-payout-form> loads lazily (module: its chunks and the catalogue chunk) and lists the test banks.
    const banks = await tab.waitForFunction(() => {
      const select = document.querySelector('#payout')?.shadowRoot?.querySelector('ecommpay-bank-select') as { banks?: { id: number }[] } | null;
      return select?.banks?.length ? select.banks.map((b) => b.id) : null;
    });
    assert.deepEqual(await banks.jsonValue(), [486, 487]);
    if (variant === 'module') assert.ok(served.some((p) => /^\/chunks\/data-[\w-]+\.js$/.test(p)), served.join(' '));

    assert.deepEqual(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(errors, []);
    await tab.close();
  });
}

test('display="modal" under the same policy plus frame-src for the Payment Page: the frame opens, no violation', async () => {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`${origin}/frame.html`);
  await tab.locator('#modal button').click();
  // Shown once the Payment Page said it loaded, at the height it asked for.
  const frame = tab.locator('#modal iframe.shown');
  await frame.waitFor();
  assert.equal(await frame.evaluate((el) => el.getBoundingClientRect().height), 420);
  assert.equal(await tab.locator('#modal dialog').evaluate((el) => (el as HTMLDialogElement).open && getComputedStyle(el).borderTopLeftRadius), '8px');
  assert.match((await tab.evaluate(() => (window as unknown as { __launches: string[] }).__launches))[0]!, /&frame_mode=popup$/);
  assert.deepEqual(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('display="modal" without frame-src: the browser blocks the frame and the element says frame-load-failed', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/frame-blocked.html`);
  const failed = tab.evaluate(
    () => new Promise<string>((resolve) => document.addEventListener('ecommpay-error', (e) => resolve((e as CustomEvent).detail.code), { once: true })),
  );
  await tab.locator('#modal button').click();
  assert.equal(await failed, 'frame-load-failed');
  await tab.locator('#modal [part="retry"]').waitFor();
  const violations = await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  assert.ok(violations.some((v) => v.startsWith('frame-src')), violations.join(', '));
  await tab.close();
});
