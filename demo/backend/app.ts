/**
 * The reference merchant backend: what a shop needs on its server to take ecommpay payments with
 * these elements. Fetch-standard (`(Request) => Promise<Response>`), so the same code runs on
 * Node, Deno, Bun or an edge worker; `demo/server.ts` mounts it under `/api` behind `node:http`.
 *
 *   POST /api/orders                    create an order from a product (the price is ours)
 *   POST /api/ecommpay/sign             the signing protocol (createSignHandler)
 *   POST /api/ecommpay/callback         callbacks: signature verified, applied once
 *   GET  /api/orders/{payment_id}       { status, code, message, callbacks, … }
 *   GET  /api/orders/{payment_id}/redirect   { redirect_data } when ready, { status } meanwhile
 *   POST /api/gate/sale                 a Gate purchase for an order
 *   POST /api/gate/payout               a Gate payout
 *   GET  /api/banks/{method}/{operation}   the live bank list (bundled catalogue as fallback)
 *   GET  /api/regions/{method}          regions for payout forms
 *   GET  /api/balance/{method}          what the demo seller may still withdraw (payouts are checked against it)
 *   GET  /api/callbacks                 the callbacks received (the demo's live log)
 *   GET  /api/config, /api/products, /api/orders
 */
// Everything ecommpay-specific comes from the package's server entry, `ecommpay-elements/server`.
import {
  bankListPath,
  banksFor,
  callbackSchema,
  checkGate,
  createSignHandler,
  formatAmount,
  gatePath,
  gateRequestSchema,
  isMethodCode,
  methodRules,
  regionsFor,
  verifySignature,
  type GateOperation,
  type MethodCode,
} from '../../src/server/index.ts';
import type { EcommpayConnection } from '../config.ts';
import { json, randomId } from '../http.ts';
import { callGate } from './gate-client.ts';
import { Orders, type Order } from './orders.ts';
import { PRODUCTS, SELLER_EARNINGS, demoCustomer, productBySku } from './shop.ts';

export interface BackendOptions {
  connection: EcommpayConnection;
  /** The shop's own origin, for return URLs (e.g. `http://localhost:5173`). */
  publicUrl: () => string;
}

export interface Backend {
  handle(request: Request): Promise<Response>;
  orders: Orders;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An order as the browser may see it. */
const view = (order: Order) => ({
  payment_id: order.payment_id,
  method: order.method,
  flow: order.flow,
  amount: order.amount,
  currency: order.currency,
  description: order.description,
  customer_id: order.customer_id,
  sku: order.sku ?? null,
  status: order.status,
  code: order.code,
  message: order.message,
  created_at: order.created_at,
  callbacks: order.callbacks.map(({ body: _body, ...rest }) => rest),
});

export function createBackend({ connection, publicUrl }: BackendOptions): Backend {
  const orders = new Orders();
  const resultUrl = (paymentId: string) => `${publicUrl()}/demo/pages/result.html?payment_id=${encodeURIComponent(paymentId)}`;

  // ── the signing endpoint: amounts from our orders, never from the browser ──
  const sign = createSignHandler({
    projectId: connection.projectId,
    secretKey: connection.secretKey,
    async resolvePayment({ params }) {
      const order = orders.get(String(params.payment_id));
      if (!order || order.flow !== 'checkout' || order.status !== 'created') return null;
      return {
        amount: order.amount,
        currency: order.currency,
        description: order.description,
        customerId: order.customer_id,
        method: order.method,
        params: { merchant_success_url: resultUrl(order.payment_id), merchant_fail_url: resultUrl(order.payment_id) },
      };
    },
  });

  // ── callbacks ──
  async function callback(request: Request): Promise<Response> {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, { error: 'the body must be JSON' });
    }
    const verified = await verifySignature(body, connection.secretKey);
    const parsed = verified ? checkGate(callbackSchema, body) : null;
    const record = orders.receive(body, verified, parsed?.ok ? parsed.value : null);
    // A bad signature is refused (it did not come from ecommpay); anything else is acknowledged so
    // ecommpay stops retrying, whether it changed the order or not.
    if (!verified) return json(403, { error: 'invalid signature' });
    return json(200, { received: true, applied: record.applied, duplicate: record.duplicate });
  }

  // ── Gate ──
  const clientIp = (request: Request) => request.headers.get('x-demo-client-ip') ?? '127.0.0.1';

  async function sendToGate(method: MethodCode, operation: GateOperation, request: Json, order: Order): Promise<Response> {
    const checked = checkGate(gateRequestSchema(method, operation), request);
    if (!checked.ok) {
      order.status = 'error';
      order.message = checked.issues.map((i) => i.message).join('; ');
      return json(422, { error: order.message, issues: checked.issues, payment_id: order.payment_id });
    }
    const answer = await callGate(connection, gatePath(method, operation), checked.value);
    if (!answer.ok) {
      order.status = 'error';
      order.message = String(answer.body.message ?? `Gate answered HTTP ${answer.status}`);
      return json(answer.status >= 500 ? 502 : 422, { error: order.message, issues: answer.body.errors ?? [], payment_id: order.payment_id });
    }
    if (order.status === 'created') order.status = 'processing';
    return json(202, { payment_id: order.payment_id, status: order.status, redirect: `/api/orders/${encodeURIComponent(order.payment_id)}/redirect` });
  }

  /** A purchase through Gate: the browser sends the buyer's details and bank, we add the money. */
  async function gateSale(request: Request): Promise<Response> {
    const input = await request.json().catch(() => null);
    if (!isObject(input)) return json(400, { error: 'the body must be a JSON object' });
    const order = orders.get(String(input.payment_id));
    if (!order || order.flow !== 'gate') return json(404, { error: `unknown order ${String(input.payment_id)}` });
    if (order.status !== 'created') return json(409, { error: `order ${order.payment_id} is already ${order.status}` });
    const customer = isObject(input.customer) ? input.customer : {};
    const gateRequest: Json = {
      general: { project_id: connection.projectId, payment_id: order.payment_id },
      customer: { ...customer, id: order.customer_id, ip_address: clientIp(request) },
      payment: { amount: order.amount, currency: order.currency, description: order.description },
      return_url: { success: resultUrl(order.payment_id), decline: resultUrl(order.payment_id) },
    };
    if (isObject(input.account)) gateRequest.account = input.account;
    return sendToGate(order.method, 'sale', gateRequest, order);
  }

  /**
   * What the demo seller may still withdraw: the earnings minus every payout not declined or
   * refused. A payout counts from the moment it is requested (its order exists before Gate is
   * called), so two requests racing each other cannot both spend the same money.
   */
  function balance(method: MethodCode) {
    const spent = orders
      .list()
      .filter((o) => o.flow === 'payout' && o.method === method && o.status !== 'decline' && o.status !== 'error')
      .reduce((sum, o) => sum + o.amount, 0);
    return { method, currency: methodRules(method).payoutCurrency, earnings: SELLER_EARNINGS[method], available: SELLER_EARNINGS[method] - spent };
  }

  /**
   * A payout: the browser sends the payout form's request (DESIGN §1.3: `customer`, `payment`,
   * `account`, and `card` for CUP). The amount is the seller's choice, so it is checked against
   * what the shop owes them before anything is signed; the rest against the method's schema.
   */
  async function gatePayout(request: Request): Promise<Response> {
    const input = await request.json().catch(() => null);
    if (!isObject(input) || !isMethodCode(input.method) || !isObject(input.request)) {
      return json(400, { error: 'the body must be {"method": "...", "request": {customer, payment, account, card?}}' });
    }
    const method = input.method;
    const body = input.request;
    const payment = isObject(body.payment) ? body.payment : {};
    const { available, currency } = balance(method);
    if (typeof payment.amount === 'number' && payment.amount > available) {
      const [asked, owed] = [payment.amount, available].map((minor) => formatAmount(minor, currency, 'en'));
      const message = `payment.amount: ${asked} is more than the ${owed} the shop owes this seller`;
      return json(422, { error: message, issues: [{ field: 'payment.amount', message }] });
    }
    const order = orders.create({
      payment_id: randomId('PO-', 6).toUpperCase(),
      method,
      flow: 'payout',
      amount: Number(payment.amount),
      currency: String(payment.currency ?? methodRules(method).payoutCurrency),
      description: String(payment.description ?? ''),
      customer_id: demoCustomer(method),
    });
    const gateRequest: Json = {
      ...body,
      general: { project_id: connection.projectId, payment_id: order.payment_id },
      customer: { ...(isObject(body.customer) ? body.customer : {}), id: order.customer_id, ip_address: clientIp(request) },
    };
    return sendToGate(method, 'payout', gateRequest, order);
  }

  // ── bank lists: live from Gate, the bundled catalogue when Gate cannot answer ──
  const bankCache = new Map<string, { at: number; banks: { id: number; name: string; code?: string }[] }>();

  async function banks(method: MethodCode, operation: GateOperation): Promise<Response> {
    const path = bankListPath(method, operation);
    const key = `${method}/${operation}`;
    const cached = bankCache.get(key);
    if (cached && Date.now() - cached.at < 60_000) return json(200, { source: 'live', banks: cached.banks });
    if (path) {
      const rules = methodRules(method);
      const limits = operation === 'payout' ? rules.payoutLimits : rules.purchaseLimits;
      const answer = await callGate(connection, path, {
        general: { project_id: connection.projectId, payment_id: randomId('banks-', 6) },
        payment: { amount: limits.min, currency: operation === 'payout' ? rules.payoutCurrency : rules.currency },
      });
      const list = (answer.ok ? answer.body : null) as unknown;
      const items = Array.isArray(list) ? list : Array.isArray((list as Json | null)?.banks) ? ((list as Json).banks as unknown[]) : null;
      if (items) {
        const live = items.filter(isObject).map((b) => ({ id: Number(b.id), name: String(b.name), ...(b.abbr ? { code: String(b.abbr) } : {}) }));
        bankCache.set(key, { at: Date.now(), banks: live });
        return json(200, { source: 'live', banks: live });
      }
    }
    const fallback = banksFor(method, operation).map((b) => ({ id: b.id, name: b.name, ...(b.code ? { code: b.code } : {}) }));
    return json(200, { source: 'catalogue', banks: fallback });
  }

  // ── router ──
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method;
    try {
      if (path === '/api/ecommpay/sign') return await sign(request);
      if (path === '/api/ecommpay/callback' && method === 'POST') return await callback(request);
      if (path === '/api/config' && method === 'GET') {
        return json(200, { project_id: connection.projectId, payment_page_url: connection.paymentPageUrl, sandbox: connection.sandbox, test_mode: connection.testMode, sandbox_url: connection.sandbox ? connection.gateUrl : null });
      }
      if (path === '/api/products' && method === 'GET') return json(200, PRODUCTS);
      const balanceMatch = /^\/api\/balance\/([^/]+)$/.exec(path);
      if (balanceMatch && method === 'GET') {
        if (!isMethodCode(balanceMatch[1])) return json(404, { error: 'unknown method' });
        return json(200, balance(balanceMatch[1]));
      }
      if (path === '/api/orders' && method === 'GET') return json(200, orders.list().map(view));
      if (path === '/api/orders' && method === 'POST') {
        const input = await request.json().catch(() => null);
        const product = productBySku(isObject(input) ? input.sku : undefined);
        const flow = isObject(input) && input.flow === 'gate' ? 'gate' : 'checkout';
        if (!product) return json(400, { error: 'unknown product' });
        const paymentId = randomId('ORD-', 6).toUpperCase();
        const order = orders.create({
          payment_id: paymentId,
          method: product.method,
          flow,
          amount: product.price,
          currency: product.currency,
          description: `${product.name} · ${paymentId}`,
          customer_id: demoCustomer(product.method),
          sku: product.sku,
        });
        return json(201, view(order));
      }
      const orderMatch = /^\/api\/orders\/([^/]+)(\/redirect)?$/.exec(path);
      if (orderMatch && method === 'GET') {
        const order = orders.get(decodeURIComponent(orderMatch[1]!));
        if (!order) return json(404, { error: 'unknown order' });
        if (!orderMatch[2]) return json(200, view(order));
        return order.redirect_data && order.status === 'awaiting redirect result'
          ? json(200, { redirect_data: order.redirect_data })
          : json(200, { status: order.status });
      }
      if (path === '/api/gate/sale' && method === 'POST') return await gateSale(request);
      if (path === '/api/gate/payout' && method === 'POST') return await gatePayout(request);
      const bankMatch = /^\/api\/banks\/([^/]+)\/(sale|payout)$/.exec(path);
      if (bankMatch && method === 'GET') {
        if (!isMethodCode(bankMatch[1])) return json(404, { error: 'unknown method' });
        return await banks(bankMatch[1], bankMatch[2] as GateOperation);
      }
      const regionMatch = /^\/api\/regions\/([^/]+)$/.exec(path);
      if (regionMatch && method === 'GET') {
        if (!isMethodCode(regionMatch[1])) return json(404, { error: 'unknown method' });
        return json(200, { regions: regionsFor(regionMatch[1]) });
      }
      if (path === '/api/callbacks' && method === 'GET') {
        const after = Number(url.searchParams.get('after') ?? 0);
        return json(200, orders.log.filter((r) => r.n > after));
      }
      return json(404, { error: `no such route: ${method} ${path}` });
    } catch (error) {
      console.error('[backend]', error);
      return json(500, { error: 'internal error' });
    }
  }

  return { handle, orders };
}
