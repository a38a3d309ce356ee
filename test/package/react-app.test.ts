/**
 * A React 19 app using the installed package, in Chromium: bundled with Rolldown from the
 * merchant's project (so `ecommpay-elements` and `react` resolve from its node_modules), served
 * on 127.0.0.1 with the package's own signing endpoint (`createSignHandler` + `toNodeHandler`
 * from `ecommpay-elements/server`, as installed).
 *
 * - `<ecommpay-checkout>` rendered by React: its `onecommpay-launch` handler fires on the pay
 *   button with a signed URL (and cancels the navigation); `extraParams` given as a JSX prop
 *   reaches `launchParams`.
 * - `<ecommpay-payout-form>` imported lazily, its chunk held back by the server until the forms
 *   are in the DOM: `values` set through a ref before the definition arrived is kept; `values`
 *   given as a JSX prop then (React 19 makes it the attribute `values="[object Object]"`) is
 *   reported as `ecommpay-error` `invalid-config` on the field `values`; `values` as a JSX prop
 *   after the definition arrived is set as the property and kept.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'rolldown';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { CUP_VALUES } from '../fixtures/payout.ts';
import type * as ServerEntry from '../../src/server/index.ts';
import { fixture, installedPackage, writeFixture, type Installed } from './helpers.ts';

/** What `require('ecommpay-elements/server')` gives (the installed build of src/server). */
type ServerModule = typeof ServerEntry;
type Json = Record<string, unknown>;

declare global {
  // What fixtures/react/app.tsx keeps on the page.
  interface Window {
    recorded: { type: string; id: string; detail: unknown }[];
    loadError?: string;
  }
}

const SECRET = 'react-app-secret';
const PROJECT_ID = 581;
/** The order the backend signs for: what the checkout shows, so it launches at once. */
const ORDER = { amount: 10000, currency: 'CNY', method: 'cup-bank', customerId: 'customer121', description: 'test payment' } as const;

const pick = (...names: string[]) => Object.fromEntries(names.map((n) => [n, CUP_VALUES[n]!]));
/** The payout values each form is given (see fixtures/react/app.tsx). */
const PAYOUT = {
  ref: pick('customer.last_name', 'customer.first_name', 'customer.phone'),
  early: pick('customer.email', 'customer.city'),
  late: pick('card.pan', 'account.city', 'account.branch'),
};

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Merchant app</title><link rel="icon" href="data:,">
<script id="fixture" type="application/json">${JSON.stringify(PAYOUT)}</script>
<script type="module" src="/app.js"></script>
</head><body><div id="root"></div></body></html>`;

let project: Installed;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page & { problems: string[] };
/** The payout form's chunk: requested (the lazy import started), and released by the test. */
let payoutChunk: string;
let chunkRequested: Promise<void>;
let releaseChunk: () => void;
const signRequests: Json[] = [];

before(async () => {
  project = await installedPackage();
  const dir = writeFixture(project, 'react-app', { 'app.tsx': fixture('react/app.tsx') });
  const outDir = join(dir, 'dist');
  const bundle = await build({
    input: join(dir, 'app.tsx'),
    cwd: project.dir,
    platform: 'browser',
    transform: { jsx: 'react-jsx', define: { 'process.env.NODE_ENV': '"production"' }, target: 'es2022' },
    logLevel: 'warn',
    output: { dir: outDir, format: 'es', entryFileNames: 'app.js', chunkFileNames: '[name]-[hash].js' },
  });
  const chunks = bundle.output.filter((o) => o.type === 'chunk');
  const lazy = chunks.find((c) => c.isDynamicEntry && /ecommpay-elements[\\/]dist[\\/]payout-form\.js$/.test(c.facadeModuleId ?? ''));
  assert.ok(lazy, `the lazy import of ecommpay-elements/payout-form is a chunk of its own (chunks: ${chunks.map((c) => c.fileName).join(', ')})`);
  payoutChunk = lazy.fileName;

  let requested!: () => void;
  chunkRequested = new Promise((resolve) => (requested = resolve));
  const released = new Promise<void>((resolve) => (releaseChunk = resolve));

  // The installed package's server entry, as the merchant's backend would require it.
  const { createSignHandler, toNodeHandler } = project.require('ecommpay-elements/server') as ServerModule;
  const sign = toNodeHandler(
    createSignHandler({
      projectId: PROJECT_ID,
      secretKey: SECRET,
      resolvePayment: async ({ params }) => {
        signRequests.push(params);
        return params.payment_id === 'react-1' ? { ...ORDER } : null;
      },
    }),
  );

  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/sign') return void sign(req, res);
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(html);
    }
    const file = path.slice(1);
    if (!chunks.some((c) => c.fileName === file)) {
      res.writeHead(404);
      return void res.end();
    }
    const send = () => {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(readFileSync(join(outDir, file)));
    };
    if (file === payoutChunk) {
      requested();
      void released.then(send);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
  page = (await browser.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => void (message.type() === 'error' && page.problems.push(`console error: ${message.text()}`)));
  page.setDefaultTimeout(10_000);
  // The module script runs after parsing; the lazy chunk is held, so wait for no more than the document.
  await page.goto(origin, { waitUntil: 'domcontentloaded' });
});

after(async () => {
  releaseChunk?.();
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** The events the app recorded of a type, from an element. */
const recorded = (type: string, id: string) =>
  page.evaluate(({ type, id }) => window.recorded.filter((r) => r.type === type && r.id === id).map((r) => r.detail), { type, id }) as Promise<Json[]>;

test('the payout forms are in the DOM before their lazily imported definition arrives: React set the ref\'s values as an own property, and the JSX object as an attribute', async () => {
  await chunkRequested;
  await page.waitForFunction(() => document.querySelectorAll('ecommpay-payout-form').length === 2);
  const state = await page.evaluate(() => {
    const ref = document.getElementById('payout-ref')!;
    const early = document.getElementById('payout-early')!;
    return {
      defined: customElements.get('ecommpay-payout-form') !== undefined,
      refOwnValues: Object.hasOwn(ref, 'values'),
      earlyAttribute: early.getAttribute('values'),
    };
  });
  assert.deepEqual(state, { defined: false, refOwnValues: true, earlyAttribute: '[object Object]' });
});

test('<ecommpay-checkout> rendered by React: extraParams set as a JSX prop reaches launchParams', async () => {
  await page.waitForFunction(() => (document.getElementById('checkout') as HTMLElementTagNameMap['ecommpay-checkout'] | null)?.launchParams != null);
  const { params, attributes } = await page.evaluate(() => {
    const checkout = document.getElementById('checkout') as HTMLElementTagNameMap['ecommpay-checkout'];
    return { params: checkout.launchParams, attributes: checkout.getAttributeNames() };
  });
  assert.deepEqual(params, {
    project_id: 581,
    payment_id: 'react-1',
    payment_amount: 10000,
    payment_currency: 'CNY',
    customer_id: 'customer121',
    payment_description: 'test payment',
    language_code: 'zh',
    customer_phone: '8613800138000',
  });
  assert.ok(!attributes.includes('extraparams'), `React set extraParams as a property, not an attribute (${attributes.join(' ')})`);
  assert.deepEqual(await recorded('ecommpay-error', 'checkout'), []);
});

test('<ecommpay-checkout> rendered by React: a click on the pay button fires onecommpay-launch with the signed URL; preventDefault keeps the page', async () => {
  await page.locator('#checkout').getByRole('button').click();
  await page.waitForFunction(() => window.recorded.some((r) => r.type === 'ecommpay-launch'));
  const [launch, ...more] = await recorded('ecommpay-launch', 'checkout');
  assert.equal(more.length, 0, 'one launch');
  const { url, params, signature, display } = launch as { url: string; params: Json; signature: string; display: string };

  assert.equal(display, 'redirect');
  const target = new URL(url);
  assert.equal(`${target.origin}${target.pathname}`, 'https://paymentpage.ecommpay.com/payment');
  assert.equal(target.searchParams.get('signature'), signature);
  assert.equal(target.searchParams.get('customer_phone'), '8613800138000');
  assert.equal(target.searchParams.get('payment_amount'), '10000');

  // Signed by the backend (one request, the browser's proposal), and the signature holds.
  assert.equal(signRequests.length, 1);
  const { verifySignature } = project.require('ecommpay-elements/server') as ServerModule;
  assert.equal(await verifySignature({ ...params, signature }, SECRET), true);
  assert.equal(await verifySignature({ ...params, payment_amount: 1, signature }, SECRET), false);

  assert.equal(page.url(), `${origin}/`, 'the navigation was cancelled');
  assert.deepEqual(await recorded('ecommpay-error', 'checkout'), []);
});

test('the lazy payout form, once defined: values set through a ref before are kept; values as a JSX prop before are reported (invalid-config, field values); values as a JSX prop after are kept', async () => {
  releaseChunk();
  await page.waitForFunction(() => customElements.get('ecommpay-payout-form') !== undefined && document.getElementById('payout-late') !== null);
  const read = (id: string) =>
    page.evaluate(async (id) => {
      const form = document.getElementById(id) as HTMLElementTagNameMap['ecommpay-payout-form'];
      await form.updateComplete;
      const inputs = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name]:not([type=radio])')].filter((i) => i.value !== '');
      return {
        values: form.values,
        ownValues: Object.hasOwn(form, 'values'),
        attribute: form.getAttribute('values'),
        shown: Object.fromEntries(inputs.map((i) => [i.name, i.value])),
      };
    }, id);
  const forms = { ref: await read('payout-ref'), late: await read('payout-late') };
  assert.equal(await page.evaluate(() => window.loadError), undefined);

  // Through a ref, before the definition: the instance's own property was taken back at upgrade.
  assert.deepEqual(forms.ref.values, PAYOUT.ref);
  assert.equal(forms.ref.ownValues, false, 'no own property left shadowing the accessor');
  assert.deepEqual(forms.ref.shown, PAYOUT.ref, 'the fields show them');

  // As a JSX prop, after the definition: React set the property.
  assert.deepEqual(forms.late.values, PAYOUT.late);
  assert.equal(forms.late.attribute, null);
  assert.deepEqual(forms.late.shown, PAYOUT.late);
  assert.deepEqual(await recorded('ecommpay-error', 'payout-late'), []);

  // As a JSX prop, before the definition: the object is lost ("[object Object]"), and said so.
  await page
    .waitForFunction(() => window.recorded.some((r) => r.type === 'ecommpay-error' && r.id === 'payout-early'), undefined, { timeout: 5_000 })
    .catch(() => assert.fail('<ecommpay-payout-form values="[object Object]"> fired no ecommpay-error'));
  const errors = (await recorded('ecommpay-error', 'payout-early')) as { code: string; issues?: { field: string }[] }[];
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0]!.code, 'invalid-config');
  assert.ok(errors[0]!.issues?.some((i) => i.field === 'values'), JSON.stringify(errors[0]));
  assert.deepEqual(await recorded('ecommpay-error', 'payout-ref'), []);
});

test('no page errors and no console errors', () => {
  assert.deepEqual(page.problems, []);
});
