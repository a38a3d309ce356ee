/**
 * The reference merchant backend: what a shop needs on its server to take ecommpay payments with
 * these elements. Fetch-standard (`(Request) => Promise<Response>`), so the same code runs on
 * Node, Deno, Bun or an edge worker; `demo/server.ts` mounts it under `/api` with `toNodeHandler`.
 * Orders, callbacks, balances and sessions live in PostgreSQL (`./store.ts`; PGlite by default).
 *
 * The routes are the table at the bottom. Every state-changing route but ecommpay's callback takes
 * only `Content-Type: application/json` from this very origin (`Origin`), so no other site can
 * drive it from a buyer's or seller's browser; payouts need a signed-in seller.
 */
// Everything ecommpay-specific comes from the package's server entry, `ecommpay-elements/server`.
import {
  bankListPath,
  banksFor,
  checkGate,
  createCallbackHandler,
  createSignHandler,
  findAmbiguity,
  formatAmount,
  gatePath,
  gateRequestSchema,
  isMethodCode,
  jsonResponse as json,
  methodRules,
  normaliseBankList,
  readBodyText,
  regionsFor,
  type GateOperation,
  type MethodCode,
  type HandlerInfo,
} from '../../src/server/index.ts';
import type { EcommpayConnection } from '../config.ts';
import { randomId } from '../http.ts';
import { callGate } from './gate-client.ts';
import { DEMO_SELLER, PRODUCTS, demoCustomer, productBySku } from './shop.ts';
import type { Order, Store } from './store.ts';


export interface BackendOptions {
  connection: EcommpayConnection;
  store: Store;
}

export interface Backend {
  handle(request: Request, info?: HandlerInfo): Promise<Response>;
  store: Store;
}

type Json = Record<string, unknown>;

interface Context {
  request: Request;
  url: URL;
  /** The route's path parameters, decoded. */
  params: Record<string, string>;
  info: HandlerInfo;
  /** The signed-in seller, on routes that need one. */
  seller: { id: string; email: string; name: string } | null;
}

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/api/orders/:id`: each `:name` matches one path segment. */
  path: string;
  run(ctx: Context): Promise<Response> | Response;
  /** A signed-in seller is required (401 otherwise). */
  seller?: boolean;
  /** Exempt from the same-origin JSON rule: ecommpay's server calls it, protected by its signature. */
  crossOrigin?: boolean;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The body limit of the shop's own JSON routes (the sign and callback handlers have their own). */
const MAX_JSON_BODY = 64 * 1024;

const SESSION_COOKIE = 'lp_session';
const SESSION_HOURS = 8;

/** An order as the browser may see it. */
const view = (order: Order, callbacks: unknown[] = []) => ({
  payment_id: order.payment_id,
  method: order.method,
  flow: order.flow,
  amount: order.amount,
  currency: order.currency,
  description: order.description,
  customer_id: order.customer_id,
  sku: order.sku,
  status: order.status,
  code: order.code,
  message: order.message,
  created_at: order.created_at,
  callbacks,
});

/** The session token from the `Cookie` header. */
function sessionToken(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

const cookie = (request: Request, value: string, maxAge: number) =>
  `${SESSION_COOKIE}=${value}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${new URL(request.url).protocol === 'https:' ? '; Secure' : ''}`;

/** A JSON body of at most {@link MAX_JSON_BODY} bytes, or the error `Response`. */
async function readJson(request: Request): Promise<{ value: unknown } | { response: Response }> {
  const read = await readBodyText(request, MAX_JSON_BODY);
  if (!read.ok) return { response: json(read.status, { error: read.error }) };
  try {
    return { value: JSON.parse(read.text) };
  } catch {
    return { response: json(400, { error: 'the body must be JSON' }) };
  }
}

export function createBackend({ connection, store }: BackendOptions): Backend {
  const resultUrl = (request: Request, paymentId: string) =>
    `${new URL(request.url).origin}/demo/pages/result.html?payment_id=${encodeURIComponent(paymentId)}`;

  // ── the signing endpoint: amounts from our orders, never from the browser ──
  const sign = createSignHandler({
    projectId: connection.projectId,
    secretKey: connection.secretKey,
    async resolvePayment({ params, request }) {
      const order = await store.getOrder(String(params.payment_id));
      if (!order || order.flow !== 'checkout') return null;
      // Nothing signed twice: a paid order says so, and an ended one needs a new order (a payment_id is used once).
      if (order.status === 'success') return { refuse: 'already-paid' };
      if (order.status !== 'created') return { refuse: 'expired', message: `order ${order.payment_id} is ${order.status}: start a new order` };
      const back = resultUrl(request, order.payment_id);
      return {
        amount: order.amount,
        currency: order.currency,
        method: order.method,
        description: order.description,
        customerId: order.customer_id,
        params: { merchant_success_url: back, merchant_fail_url: back },
      };
    },
  });

  // ── callbacks: verified, cross-checked with our order, recorded once in the database ──
  const callback = createCallbackHandler({
    projectId: connection.projectId,
    secretKey: connection.secretKey,
    async findPayment(paymentId) {
      const order = await store.getOrder(paymentId);
      return order && { type: order.type, amount: order.amount, currency: order.currency, status: order.status };
    },
    record: (event) => store.recordCallback(event),
  });

  // ── Gate ──
  /**
   * Signs and sends a Gate request for `order`, after checking it with the method's schema. The
   * order is claimed first (`created` → `processing`), so two requests racing for one order send
   * it once. Gate's refusal ends the order and gives a payout's money back; when Gate can't be
   * reached, the outcome is unknown: the order stays `processing` until a callback says.
   */
  async function sendToGate(method: MethodCode, operation: GateOperation, request: Json, order: Order): Promise<Response> {
    // A purchase refused before it was sent stays open, so the buyer can correct their details; a
    // payout order exists for this one request only, and ends (its money given back).
    const refuse = async (status: number, message: string, issues: unknown, sent = false) => {
      if (sent || order.type === 'payout') await store.markRefused(order.payment_id, message);
      return json(status, { error: message, issues, payment_id: order.payment_id });
    };
    // Nothing ambiguous is signed (SPEC §11): `;` in a buyer's text could re-shape ecommpay's callback.
    const ambiguity = findAmbiguity(request);
    if (ambiguity) {
      const message = `${ambiguity.path} must not contain ";"`;
      return refuse(422, message, [{ field: ambiguity.path, message }]);
    }
    const checked = checkGate(gateRequestSchema(method, operation), request);
    if (!checked.ok) return refuse(422, checked.issues.map((i) => i.message).join('; '), checked.issues);
    if (!(await store.markSent(order.payment_id))) return json(409, { error: `order ${order.payment_id} was already sent` });
    const answer = await callGate(connection, gatePath(method, operation), checked.value);
    if (!answer.ok && answer.status >= 400 && answer.status < 500) {
      return refuse(422, String(answer.body.message ?? `Gate answered HTTP ${answer.status}`), answer.body.errors ?? [], true);
    }
    const accepted = { payment_id: order.payment_id, status: 'processing', redirect: `/api/orders/${encodeURIComponent(order.payment_id)}/redirect` };
    if (!answer.ok) {
      // Gate may or may not have taken it: the callback (or a status request) will tell.
      return json(502, { ...accepted, error: `Gate did not answer clearly (${String(answer.body.message ?? answer.status)}); the result will come by callback` });
    }
    return json(202, accepted);
  }

  /** A purchase through Gate: the browser sends the buyer's details and bank, we add the money. */
  async function gateSale({ request, info }: Context): Promise<Response> {
    const body = await readJson(request);
    if ('response' in body) return body.response;
    const input = body.value;
    if (!isObject(input) || typeof input.payment_id !== 'string') return json(400, { error: 'the body must be {"payment_id": "...", "customer": {...}, "account": {...}}' });
    const order = await store.getOrder(input.payment_id);
    if (!order || order.flow !== 'gate') return json(404, { error: `unknown order ${input.payment_id}` });
    if (order.status !== 'created') return json(409, { error: `order ${order.payment_id} is already ${order.status}` });
    const back = resultUrl(request, order.payment_id);
    const gateRequest: Json = {
      general: { project_id: connection.projectId, payment_id: order.payment_id },
      customer: { ...(isObject(input.customer) ? input.customer : {}), id: order.customer_id, ip_address: info.remoteAddress ?? '127.0.0.1' },
      payment: { amount: order.amount, currency: order.currency, description: order.description },
      return_url: { success: back, decline: back },
    };
    if (isObject(input.account)) gateRequest.account = input.account;
    return sendToGate(order.method, 'sale', gateRequest, order);
  }

  /**
   * A payout: the signed-in seller sends the payout form's request (DESIGN §1.3: `customer` for
   * CUP only, `payment`, `account`, and `card` for CUP); we add `customer.id` and
   * `customer.ip_address` (and so `customer` itself for the Philippines, whose form has none). The
   * amount is theirs to choose, so the database reserves it from what the shop owes them,
   * atomically, before anything is signed.
   */
  async function gatePayout({ request, info, seller }: Context): Promise<Response> {
    const body = await readJson(request);
    if ('response' in body) return body.response;
    const input = body.value;
    if (!isObject(input) || !isMethodCode(input.method) || !isObject(input.request)) {
      return json(400, { error: 'the body must be {"method": "...", "request": {customer?, payment, account, card?}}' });
    }
    const method = input.method;
    const payout = input.request;
    const payment = isObject(payout.payment) ? payout.payment : {};
    const amount = payment.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      const message = 'payment.amount must be a positive whole number of minor units';
      return json(422, { error: message, issues: [{ field: 'payment.amount', message }] });
    }
    const currency = methodRules(method).payoutCurrency;
    const reserved = await store.reservePayout(seller!.id, method, {
      payment_id: randomId('PO-', 6).toUpperCase(),
      method,
      amount,
      description: typeof payment.description === 'string' ? payment.description : '',
      customer_id: seller!.id,
    });
    if (!reserved.ok) {
      const [asked, owed] = [amount, reserved.available].map((minor) => formatAmount(minor, currency, 'en'));
      const message = `payment.amount: ${asked} is more than the ${owed} the shop owes this seller`;
      return json(422, { error: message, issues: [{ field: 'payment.amount', message }] });
    }
    const order = reserved.order;
    // `customer` first whether or not the form sent one (Gate's order: customer, payment, account, card).
    const { customer, ...rest } = payout;
    const gateRequest: Json = {
      customer: { ...(isObject(customer) ? customer : {}), id: order.customer_id, ip_address: info.remoteAddress ?? '127.0.0.1' },
      ...rest,
      general: { project_id: connection.projectId, payment_id: order.payment_id },
    };
    return sendToGate(method, 'payout', gateRequest, order);
  }

  // ── bank lists: live from Gate, the bundled catalogue when Gate cannot answer ──
  const bankCache = new Map<string, { at: number; banks: { id: number; name: string; code?: string }[] }>();

  async function banks(method: MethodCode, operation: GateOperation): Promise<Response> {
    const key = `${method}/${operation}`;
    const cached = bankCache.get(key);
    if (cached && Date.now() - cached.at < 60_000) return json(200, { source: 'live', banks: cached.banks });
    const path = bankListPath(method, operation);
    if (path) {
      const rules = methodRules(method);
      const limits = operation === 'payout' ? rules.payoutLimits : rules.purchaseLimits;
      const answer = await callGate(connection, path, {
        general: { project_id: connection.projectId, payment_id: randomId('banks-', 6) },
        payment: { amount: limits.min, currency: operation === 'payout' ? rules.payoutCurrency : rules.currency },
      });
      const live = answer.ok ? normaliseBankList(answer.body.value ?? answer.body, operation) : null;
      if (live && live.length > 0) {
        bankCache.set(key, { at: Date.now(), banks: live });
        return json(200, { source: 'live', banks: live });
      }
    }
    const fallback = banksFor(method, operation).map((b) => ({ id: b.id, name: b.name, ...(b.code ? { code: b.code } : {}) }));
    return json(200, { source: 'catalogue', banks: fallback });
  }

  // ── orders ──
  async function createOrder({ request }: Context): Promise<Response> {
    const body = await readJson(request);
    if ('response' in body) return body.response;
    const input = body.value;
    const product = productBySku(isObject(input) ? input.sku : undefined);
    if (!product) return json(400, { error: 'unknown product' });
    const flow = isObject(input) && input.flow === 'gate' ? 'gate' : 'checkout';
    const paymentId = randomId('ORD-', 6).toUpperCase();
    const order = await store.createOrder({
      payment_id: paymentId,
      method: product.method,
      flow,
      type: 'purchase',
      amount: product.price,
      currency: product.currency,
      description: `${product.name} · ${paymentId}`,
      customer_id: demoCustomer(product.method),
      sku: product.sku,
    });
    return json(201, view(order));
  }

  async function readOrder({ params }: Context): Promise<Response> {
    const order = await store.getOrder(params.id!);
    if (!order) return json(404, { error: 'unknown order' });
    return json(200, view(order, await store.callbacksOf(order.payment_id)));
  }

  /** The `src` of `<ecommpay-redirect>`: the bank's address only while the bank waits for the buyer. */
  async function orderRedirect({ params }: Context): Promise<Response> {
    const order = await store.getOrder(params.id!);
    if (!order) return json(404, { error: 'unknown order' });
    return order.redirect_data && order.status === 'awaiting redirect result'
      ? json(200, { redirect_data: order.redirect_data })
      : json(200, { status: order.status });
  }

  // ── the seller's session ──
  async function signIn({ request }: Context): Promise<Response> {
    const body = await readJson(request);
    if ('response' in body) return body.response;
    const input = body.value;
    if (!isObject(input) || typeof input.email !== 'string' || typeof input.password !== 'string') {
      return json(400, { error: 'the body must be {"email": "...", "password": "..."}' });
    }
    const session = await store.signIn(input.email, input.password);
    if (!session) return json(401, { error: 'wrong e-mail or password' });
    return json(200, { seller: session.seller }, { 'Set-Cookie': cookie(request, session.token, SESSION_HOURS * 3600) });
  }

  async function signOut({ request }: Context): Promise<Response> {
    const token = sessionToken(request);
    if (token) await store.signOut(token);
    return json(200, { seller: null }, { 'Set-Cookie': cookie(request, '', 0) });
  }

  const methodParam = (ctx: Context): MethodCode | null => (isMethodCode(ctx.params.method) ? ctx.params.method : null);

  const routes: Route[] = [
    { method: 'POST', path: '/api/ecommpay/sign', run: ({ request }) => sign(request) },
    { method: 'POST', path: '/api/ecommpay/callback', crossOrigin: true, run: ({ request }) => callback(request) },
    { method: 'GET', path: '/api/config', run: () => json(200, { project_id: connection.projectId, payment_page_url: connection.paymentPageUrl, sandbox: connection.sandbox, test_mode: connection.testMode, sandbox_url: connection.sandbox ? connection.gateUrl : null }) },
    { method: 'GET', path: '/api/products', run: () => json(200, PRODUCTS) },
    { method: 'GET', path: '/api/orders', run: async () => json(200, (await store.listOrders()).map((o) => view(o))) },
    { method: 'POST', path: '/api/orders', run: createOrder },
    { method: 'GET', path: '/api/orders/:id', run: readOrder },
    { method: 'GET', path: '/api/orders/:id/redirect', run: orderRedirect },
    { method: 'POST', path: '/api/gate/sale', run: gateSale },
    { method: 'POST', path: '/api/gate/payout', seller: true, run: gatePayout },
    {
      method: 'GET',
      path: '/api/banks/:method/:operation',
      run: (ctx) => {
        const method = methodParam(ctx);
        const operation = ctx.params.operation;
        if (!method || (operation !== 'sale' && operation !== 'payout')) return json(404, { error: 'unknown method or operation' });
        return banks(method, operation);
      },
    },
    {
      method: 'GET',
      path: '/api/regions/:method',
      run: (ctx) => {
        const method = methodParam(ctx);
        return method ? json(200, { regions: regionsFor(method) }) : json(404, { error: 'unknown method' });
      },
    },
    {
      method: 'GET',
      path: '/api/balance/:method',
      seller: true,
      run: async (ctx) => {
        const method = methodParam(ctx);
        const balance = method && (await store.balance(ctx.seller!.id, method));
        return balance ? json(200, balance) : json(404, { error: 'unknown method' });
      },
    },
    { method: 'GET', path: '/api/session', seller: true, run: ({ seller }) => json(200, { seller }) },
    { method: 'POST', path: '/api/session', run: signIn },
    { method: 'DELETE', path: '/api/session', run: signOut },
    {
      method: 'GET',
      path: '/api/callbacks',
      run: async ({ url }) => {
        const after = Number(url.searchParams.get('after') ?? 0);
        return json(200, await store.callbackLog({ after: Number.isSafeInteger(after) && after > 0 ? after : 0 }));
      },
    },
  ];

  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, names, pattern: new RegExp(`^${source}$`) };
  });

  async function handle(request: Request, info: HandlerInfo = {}): Promise<Response> {
    const url = new URL(request.url);
    const matches = compiled.filter((c) => c.pattern.test(url.pathname));
    if (matches.length === 0) return json(404, { error: `no such route: ${url.pathname}` });
    const found = matches.find((c) => c.route.method === request.method);
    if (!found) return json(405, { error: `${request.method} is not allowed here` }, { Allow: matches.map((c) => c.route.method).join(', ') });
    const { route, names, pattern } = found;

    const params: Record<string, string> = {};
    const values = pattern.exec(url.pathname)!.slice(1);
    try {
      names.forEach((name, i) => (params[name] = decodeURIComponent(values[i]!)));
    } catch {
      return json(400, { error: 'malformed path' });
    }
    if (request.method !== 'GET' && !route.crossOrigin) {
      // No other site may drive these from a visitor's browser: a cross-site form can send neither
      // this Content-Type nor this Origin.
      if (request.headers.get('origin') !== url.origin) return json(403, { error: 'cross-origin request refused' });
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (request.method === 'POST' && type !== 'application/json') return json(415, { error: 'Content-Type must be application/json' });
    }
    try {
      let seller: Context['seller'] = null;
      if (route.seller) {
        const token = sessionToken(request);
        seller = token ? await store.sessionSeller(token) : null;
        if (!seller) return json(401, { error: 'sign in as a seller first' });
      }
      return await route.run({ request, url, params, info, seller });
    } catch (error) {
      console.error('[backend]', error);
      return json(500, { error: 'internal error' });
    }
  }

  return { handle, store };
}

/** Seeds the demo seller (idempotent): what the shop owes them is what they can withdraw. */
export const seedDemo = (store: Store) => store.ensureSeller(DEMO_SELLER);
