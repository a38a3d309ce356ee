/**
 * End-to-end helpers: the real demo (shop + backend + sandbox) in-process on free ports, and
 * Debian's Chromium driven by playwright-core.
 */
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startDemo, type Demo } from '../../demo/server.ts';
import { ecommpayRetrySchedule } from '../../demo/sandbox/callbacks.ts';
import { DEMO_SELLER } from '../../demo/backend/shop.ts';
import { methodRules } from '../../src/core/methods/index.ts';
import { banksFor, type Bank } from '../../src/data/index.ts';

/** The two banks a test project may use for Philippine purchases (SPEC §7), as the catalogue has them. */
export const PH_TEST_BANKS = methodRules('online-philippines-banks').testBankIds!.map(
  (id) => banksFor('online-philippines-banks', 'sale').find((b) => b.id === id)!,
) as [Bank, Bank];

/** Parsed JSON the tests dig into (callback bodies, Gate answers): checked by assertions, not by types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface World {
  demo: Demo;
  browser: Browser;
}

export async function startWorld(): Promise<World> {
  // ecommpay's retry schedule at 1/100 of its pace (first retries after 100 ms); PGlite in memory.
  const demo = await startDemo({
    port: 0,
    sandboxPort: 0,
    watch: false,
    logLevel: 'error',
    callbackRetryIntervals: ecommpayRetrySchedule(0.01),
    dataDir: null,
    databaseUrl: null,
  });
  try {
    // Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
    return { demo, browser };
  } catch (error) {
    await demo.close();
    throw error;
  }
}

export async function stopWorld(world: World | undefined): Promise<void> {
  await world?.browser.close();
  await world?.demo.close();
}

/** A new tab that fails the test on any page error. */
export async function newTab(world: World): Promise<Page & { errors: string[] }> {
  const page = (await world.browser.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.setDefaultTimeout(15_000);
  return page;
}

/** A recorded callback, as `GET /api/orders/{id}` and `GET /api/callbacks` show it (no signature). */
export interface CallbackRow {
  n: number;
  action: 'apply' | 'hold' | 'ignore';
  applied: boolean;
  deliveries: number;
  reason: string | null;
  detail: string | null;
  payment_id: string | null;
  status: string | null;
  code: string | null;
  message: string | null;
  fields: Json;
}

export interface OrderView {
  payment_id: string;
  method: string;
  flow: string;
  amount: number;
  currency: string;
  customer_id: string;
  sku: string | null;
  status: string;
  code: string | null;
  message: string | null;
  callbacks: CallbackRow[];
}

/** `GET /api/orders/{payment_id}`, as the outside world reads it. */
export async function readOrder(world: World, paymentId: string): Promise<OrderView> {
  const response = await fetch(`${world.demo.url}/api/orders/${encodeURIComponent(paymentId)}`);
  assert.equal(response.status, 200, `order ${paymentId} not found`);
  return (await response.json()) as OrderView;
}

/** Waits until the order reaches `status` (callbacks are asynchronous). */
export async function waitForStatus(world: World, paymentId: string, status: string, timeoutMs = 10_000): Promise<OrderView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const order = await readOrder(world, paymentId);
    if (order.status === status) return order;
    if (Date.now() > until) assert.fail(`order ${paymentId} is ${order.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The callbacks the backend recorded for a payment, oldest first. */
export async function callbacksOf(world: World, paymentId: string): Promise<CallbackRow[]> {
  const response = await fetch(`${world.demo.url}/api/callbacks`);
  const all = (await response.json()) as CallbackRow[];
  return all.filter((r) => r.payment_id === paymentId);
}

/**
 * POST JSON to the shop's backend as its own pages do: same `Origin`, JSON body, and the seller's
 * session cookie when given.
 */
export async function post(world: World, path: string, body: unknown, options: { cookie?: string; origin?: string; contentType?: string } = {}): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json', Origin: options.origin ?? world.demo.url };
  if (options.cookie) headers.Cookie = options.cookie;
  const response = await fetch(`${world.demo.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Signs the demo seller in through `POST /api/session`; the session cookie (`name=value`). */
export async function signInSeller(world: World): Promise<string> {
  const response = await fetch(`${world.demo.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: world.demo.url },
    body: JSON.stringify({ email: DEMO_SELLER.email, password: DEMO_SELLER.password }),
  });
  assert.equal(response.status, 200, 'the demo seller signs in');
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lp_session='));
  assert.ok(cookie, 'a session cookie is set');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  return cookie.split(';')[0]!;
}
