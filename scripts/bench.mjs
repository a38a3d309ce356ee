// Speed benchmarks: `npm run bench` (builds first). Figures, not pass/fail: timings depend on the
// machine, so nothing here is part of `npm test`; the README quotes a run with the machine named.
//
//   node:     signParams / verifySignature of `ecommpay-elements/server` (and the official SDK's
//             signer, for scale) on a Payment Page parameter set and a callback body.
//   Chromium: the CDN files from dist/cdn served over loopback; each page measures itself with
//             performance.now() and reports medians.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { signParams, verifySignature } = await import(join(root, 'dist/server.js'));
const sdkSign = createRequire(import.meta.url)('ecommpay/src/signer.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
const rows = [];
const row = (what, ms, note = '') => {
  rows.push({ what, ms, note });
  console.log(`${what.padEnd(72)} ${fmt(ms).padStart(10)}  ${note}`);
};

// ── node: signing ────────────────────────────────────────────────────────────

const SECRET = 'bench-secret';
const pageParams = {
  project_id: 581,
  payment_id: 'ORDER-2026-000123',
  payment_amount: 25000,
  payment_currency: 'CNY',
  customer_id: 'customer-42',
  payment_description: '订单 2026-000123：茶叶礼盒',
  language_code: 'zh',
  force_payment_method: 'cup-bank',
  customer_email: 'buyer@example.com',
  customer_first_name: '张',
  customer_last_name: '伟',
  merchant_success_url: 'https://shop.example/return',
};
const callback = {
  project_id: 581,
  payment: { id: 'ORDER-2026-000123', type: 'purchase', status: 'success', date: '2026-11-23T10:00:00+0000', method: 'cup-bank', sum: { amount: 25000, currency: 'CNY' }, description: '订单' },
  account: { number: '621483******1234' },
  customer: { id: 'customer-42' },
  operation: {
    id: 28000000000001, type: 'sale', status: 'success', date: '2026-11-23T10:00:00+0000', created_date: '2026-11-23T09:59:00+0000',
    request_id: 'a1b2c3d4e5f6-00001', sum_initial: { amount: 25000, currency: 'CNY' }, sum_converted: { amount: 25000, currency: 'CNY' },
    code: '0', message: 'Success', provider: { id: 1000, payment_id: 'P-1', auth_code: '', endpoint_id: 'CUP', date: '2026-11-23T10:00:00+0000' },
  },
};
callback.signature = await signParams(callback, SECRET);

async function perCall(fn, n) {
  for (let i = 0; i < Math.min(200, n); i++) await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t0) / n;
}

console.log(`\nnode ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}\n`);
row('signParams, Payment Page parameters (12 keys)', await perCall(() => signParams(pageParams, SECRET), 5000), 'mean of 5000');
row('official SDK signer, same parameters (for scale)', await perCall(() => sdkSign(pageParams, SECRET), 5000), 'mean of 5000');
row('verifySignature, a callback (nested, 40 values)', await perCall(() => verifySignature(callback, SECRET), 5000), 'mean of 5000');

// ── Chromium: the CDN files ──────────────────────────────────────────────────

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };

// In-page: adds an element and resolves, with the detail of `readyEvent` if given, once it is
// defined, ready and rendered. Shared by the cold first-appearance page and the warm page.
const MOUNT = `
  const mount = async (tag, attrs, readyEvent) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    const ready = readyEvent && new Promise((resolve) => el.addEventListener(readyEvent, (e) => resolve(e.detail), { once: true }));
    document.body.append(el);
    await customElements.whenDefined(tag);
    const detail = await ready;
    await el.updateComplete;
    return { el, detail };
  };`;
const CUP_PAYOUT_BANKS = { method: 'cup-bank', operation: 'payout' };

const pages = {
  // The entry alone, as a checkout page loads it.
  '/checkout.html': `<!doctype html><meta charset="utf-8"><body>
<ecommpay-checkout method="cup-bank" project-id="581" payment-id="ORDER-1" amount="25000"
  customer-id="c1" description="订单" sign-url="/sign"></ecommpay-checkout>
<script type="module">
  await customElements.whenDefined('ecommpay-checkout');
  const defined = performance.now();
  await document.querySelector('ecommpay-checkout').updateComplete;
  window.result = { defined, rendered: performance.now() };
</script>
<script type="module" src="/cdn/ecommpay-elements.js"></script>`,
  // The same page without our script: what any page costs here, for comparison.
  '/baseline.html': `<!doctype html><meta charset="utf-8"><body>
<script type="module">window.result = { defined: performance.now() };</script>`,
  // A lazily loaded element appearing on a page that already has the entry: chunk + catalogue + render.
  '/first.html': `<!doctype html><meta charset="utf-8"><body>
<script type="module">
  import '/cdn/ecommpay-elements.js';${MOUNT}
  window.run = async (tag, attrs, readyEvent) => {
    const t0 = performance.now();
    const { el, detail } = await mount(tag, attrs, readyEvent);
    return { first: performance.now() - t0, banks: detail?.banks?.length, fields: el.renderRoot.querySelectorAll('input, ecommpay-bank-select, select').length };
  };
</script>`,
  // Repeated operations on a warm page.
  '/warm.html': `<!doctype html><meta charset="utf-8"><body>
<script type="module">
  import '/cdn/ecommpay-elements.js';${MOUNT}
  const checkout = () => {
    const el = document.createElement('ecommpay-checkout');
    for (const [k, v] of Object.entries({ method: 'online-philippines-banks', 'project-id': '581', 'payment-id': 'O-1',
      amount: '150000', currency: 'PHP', 'customer-id': 'c1', 'split-banks': '', 'banks-id': '486,487', 'sign-url': '/sign' })) el.setAttribute(k, v);
    return el;
  };
  window.benches = {
    async render() {
      const n = 500;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const el = checkout();
        document.body.append(el);
        await el.updateComplete;
        el.remove();
      }
      return (performance.now() - t0) / n;
    },
    async launchParams() {
      const el = checkout();
      document.body.append(el);
      await el.updateComplete;
      const n = 2000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        el.setAttribute('amount', String(100 + i));
        if (el.launchParams?.payment_amount !== 100 + i) throw new Error('launchParams did not follow: ' + JSON.stringify(el.launchParams));
      }
      const ms = (performance.now() - t0) / n;
      el.remove();
      return ms;
    },
    async click() {
      const el = checkout();
      el.sign = async (params) => ({ signature: 'x'.repeat(88), params });
      el.addEventListener('ecommpay-launch', (e) => e.preventDefault());
      document.body.append(el);
      await el.updateComplete;
      const button = el.renderRoot.querySelector('button');
      const n = 500;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const launched = new Promise((resolve) => el.addEventListener('ecommpay-launch', resolve, { once: true }));
        button.click();
        await launched;
        await el.updateComplete;
      }
      el.remove();
      return (performance.now() - t0) / n;
    },
    async redirect() {
      const el = document.createElement('ecommpay-redirect');
      el.addEventListener('ecommpay-redirect', (e) => e.preventDefault());
      document.body.append(el);
      const body = Object.fromEntries(Array.from({ length: 20 }, (_, i) => ['field_' + i, '值 ' + i]));
      const n = 500;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const fired = new Promise((resolve) => el.addEventListener('ecommpay-redirect', resolve, { once: true }));
        el.redirectData = { method: 'POST', url: 'https://bank.example/pay?i=' + i, body };
        await fired;
        await el.updateComplete;
      }
      el.remove();
      return (performance.now() - t0) / n;
    },
    async filter() {
      const { el } = await mount('ecommpay-bank-select', ${JSON.stringify(CUP_PAYOUT_BANKS)}, 'ecommpay-banks');
      const input = el.renderRoot.querySelector('input');
      const words = ['银', '中国', 'Bank', 'ICBC', '', '农村', 'zzz', ''];
      const n = 400;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        input.value = words[i % words.length];
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      }
      el.remove();
      return (performance.now() - t0) / n;
    },
  };
  window.ready = true;
</script>`,
};

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (pages[path]) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
  if (path.startsWith('/cdn/')) {
    const file = normalize(join(root, 'dist', path));
    if (file.startsWith(join(root, 'dist/cdn/'))) {
      try {
        const body = await readFile(file);
        return res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
      } catch {
        // 404 below
      }
    }
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });

try {
  console.log(`\nChromium ${browser.version()}, headless\n`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));

  // Cold loads (no HTTP cache: `no-store`), from navigation start.
  const baseline = [];
  for (let i = 0; i < 25; i++) {
    await page.goto(`${base}/baseline.html`);
    baseline.push(await page.waitForFunction(() => window.result).then((h) => h.jsonValue()).then((r) => r.defined));
  }
  row('baseline: the same page without our script, module run', median(baseline), 'median of 25');
  const defined = [];
  const rendered = [];
  for (let i = 0; i < 25; i++) {
    await page.goto(`${base}/checkout.html`);
    const r = await page.waitForFunction(() => window.result).then((h) => h.jsonValue());
    defined.push(r.defined);
    rendered.push(r.rendered);
  }
  row('checkout page: entry loaded, elements defined (from navigation)', median(defined), 'median of 25, loopback, no cache');
  row('checkout page: first <ecommpay-checkout> rendered (from navigation)', median(rendered), 'median of 25, loopback, no cache');

  for (const [what, args, counted] of [
    ['first <ecommpay-bank-select> (chunk + catalogue + list)', ['ecommpay-bank-select', CUP_PAYOUT_BANKS, 'ecommpay-banks'], 'banks'],
    ['first <ecommpay-payout-form> (chunk + catalogue + form)', ['ecommpay-payout-form', { method: 'cup-bank', amount: '150000' }], 'fields'],
  ]) {
    const xs = [];
    let info;
    for (let i = 0; i < 15; i++) {
      await page.goto(`${base}/first.html`);
      await page.waitForFunction(() => window.run);
      info = await page.evaluate((a) => window.run(...a), args);
      xs.push(info.first);
    }
    row(what, median(xs), `median of 15, ${info[counted]} ${counted}`);
  }

  await page.goto(`${base}/warm.html`);
  await page.waitForFunction(() => window.ready);
  const warm = (name) => page.evaluate((n) => window.benches[n](), name);
  // performance.now() is coarse (100 µs) on a page that is not cross-origin isolated: these are
  // means over hundreds of runs, not medians.
  row('create, configure and render a checkout (Philippines, variant 3)', await warm('render'), 'mean of 500');
  row('attribute change → launchParams revalidated (zod)', await warm('launchParams'), 'mean of 2000');
  row('click → ecommpay-launch (signer resolving at once)', await warm('click'), 'mean of 500');
  row('redirectData set → ecommpay-redirect (20-field POST, validated)', await warm('redirect'), 'mean of 500');
  row('bank search keystroke → list re-rendered (169 CUP banks)', await warm('filter'), 'mean of 400');
  if (errors.length) throw errors[0];
} finally {
  await browser.close();
  server.close();
}
