/**
 * The CDN files under a strict Content-Security-Policy with Trusted Types: the elements render,
 * style themselves, validate, sign and launch with zero policy violations.
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

// Collects violations from the very start, and keeps launches on the page.
const WATCH = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__launches = [];
document.addEventListener('ecommpay-launch', (e) => { e.preventDefault(); window.__launches.push(e.detail.url); });`;

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
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': POLICY });
      res.end(body);
    };
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
