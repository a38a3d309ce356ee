/**
 * End-to-end helpers: the real demo (shop + backend + sandbox) in-process on free ports, and
 * Debian's Chromium driven by playwright-core.
 */
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startDemo, type Demo } from '../../demo/server.ts';

/** Parsed JSON the tests dig into (callback bodies, Gate answers): checked by assertions, not by types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface World {
  demo: Demo;
  browser: Browser;
}

export async function startWorld(): Promise<World> {
  const demo = await startDemo({ port: 0, sandboxPort: 0, watch: false, logLevel: 'error', callbackRetryIntervals: [100, 200, 400, 800] });
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

export interface OrderView {
  payment_id: string;
  method: string;
  flow: string;
  amount: number;
  currency: string;
  status: string;
  code: string | null;
  message: string | null;
  callbacks: { verified: boolean; applied: boolean; duplicate: boolean; status: string | null; code: string | null; n: number }[];
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

/** The callbacks the backend logged for a payment (with their bodies). */
export async function callbacksOf(world: World, paymentId: string): Promise<{ body: Json; verified: boolean; applied: boolean; duplicate: boolean }[]> {
  const response = await fetch(`${world.demo.url}/api/callbacks`);
  const all = (await response.json()) as { payment_id: string; body: Json; verified: boolean; applied: boolean; duplicate: boolean }[];
  return all.filter((r) => r.payment_id === paymentId);
}

/** POST JSON to the shop's backend. */
export async function post(world: World, path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${world.demo.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}
