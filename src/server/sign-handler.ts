/**
 * `createSignHandler`: the merchant backend's side of the signing protocol (DESIGN §1.1) as a
 * Fetch-standard handler `(request) => Promise<Response>` — Node (via any adapter), Deno, Bun,
 * Cloudflare Workers, Next.js route handlers.
 *
 * The browser proposes parameters; the backend decides. Amount, currency and project come from
 * `resolvePayment` (the merchant's order store), never from the request, and only parameters on
 * an allow-list are accepted from the browser at all: anything this handler signs, an attacker
 * holding the signature can pay with.
 */
import { effectiveLimits, paramIssues, type LaunchParams } from '../core/launch.ts';
import { isMethodCode, methodRules, type MethodCode } from '../core/methods/index.ts';
import { signParams } from './signer.ts';

/** What the merchant's order store says about a payment: the authority on money. */
export interface ResolvedPayment {
  /** Minor units (`1000` = 10.00). */
  amount: number;
  /** ISO 4217 alpha-3. */
  currency: string;
  description?: string;
  customerId?: string;
  /** The payment method, when the order knows it: its rules (currency, limits, language) are checked before signing. */
  method?: MethodCode;
  /**
   * Limits (minor units) that replace the method's documented ones, when your ecommpay contract
   * sets others: the server-side twin of the element's `min-amount` / `max-amount`.
   */
  minAmount?: number;
  maxAmount?: number;
  /** Further parameters the backend sets (return URLs, `merchant_callback_url`, …); they win over the browser's. */
  params?: LaunchParams;
}

export interface SignHandlerOptions {
  projectId: number;
  secretKey: string;
  /**
   * Looks the payment up by the browser's `payment_id` (and whatever else it trusts). Answer
   * `null` for an unknown or already paid order: the handler answers 404 and signs nothing.
   */
  resolvePayment: (request: { params: LaunchParams; request: Request }) => Promise<ResolvedPayment | null | undefined>;
  /** Parameters accepted from the browser. Default: {@link DEFAULT_CLIENT_PARAMS}. */
  allowedParams?: readonly string[];
}

/**
 * Parameters a browser may propose: the ones `<ecommpay-checkout>` builds, and display-only ones.
 * Not on it, on purpose: `project_id`, `payment_amount`, `payment_currency` (from `resolvePayment`),
 * `mode` (a browser must never turn a purchase into a payout), callback and redirect URLs.
 */
export const DEFAULT_CLIENT_PARAMS: readonly string[] = [
  'project_id',
  'payment_id',
  'payment_amount',
  'payment_currency',
  'customer_id',
  'payment_description',
  'language_code',
  'force_payment_method',
  'payment_methods_options',
  'customer_email',
  'customer_first_name',
  'customer_last_name',
  'customer_phone',
  'close_on_missclick',
];

/** Replaced from `resolvePayment` and the options whatever the browser sent. */
const SERVER_OWNED = new Set(['project_id', 'payment_amount', 'payment_currency']);

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Builds the handler. See the README, "Your backend". */
export function createSignHandler(options: SignHandlerOptions): (request: Request) => Promise<Response> {
  const { projectId, secretKey, resolvePayment } = options;
  if (!Number.isSafeInteger(projectId) || projectId <= 0) throw new TypeError('createSignHandler: projectId must be a positive integer');
  if (!secretKey) throw new TypeError('createSignHandler: secretKey is required');
  const allowed = new Set(options.allowedParams ?? DEFAULT_CLIENT_PARAMS);

  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'POST only' });
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, { error: 'the body must be JSON: {"params": {...}}' });
    }
    const proposed = (body as { params?: unknown } | null)?.params;
    if (!proposed || typeof proposed !== 'object' || Array.isArray(proposed)) {
      return json(400, { error: 'the body must be {"params": {...}}' });
    }
    const params: LaunchParams = {};
    for (const [key, value] of Object.entries(proposed)) {
      if (!allowed.has(key)) return json(400, { error: `parameter ${key} is not accepted from the browser` });
      if (!isScalar(value)) return json(400, { error: `parameter ${key} must be a string, a number or a boolean` });
      if (!SERVER_OWNED.has(key)) params[key] = value;
    }
    if (typeof params.payment_id !== 'string' || params.payment_id === '') {
      return json(400, { error: 'payment_id is required' });
    }

    let payment: ResolvedPayment | null | undefined;
    try {
      payment = await resolvePayment({ params: { ...params }, request });
    } catch {
      return json(500, { error: 'the payment could not be looked up' });
    }
    if (!payment) return json(404, { error: `unknown payment ${params.payment_id}` });

    const signed: LaunchParams = {
      project_id: projectId,
      ...params,
      payment_amount: payment.amount,
      payment_currency: payment.currency,
      ...(payment.description !== undefined ? { payment_description: payment.description } : {}),
      ...(payment.customerId !== undefined ? { customer_id: payment.customerId } : {}),
      ...payment.params,
    };
    for (const [key, value] of Object.entries(signed)) {
      if (typeof value === 'string' && value.includes(';')) return json(422, { error: `${key} must not contain ";"` });
    }
    const method = payment.method ?? signed.force_payment_method;
    if (isMethodCode(method)) {
      const rules = methodRules(method);
      const limits = effectiveLimits(rules, String(signed.payment_currency), payment.minAmount, payment.maxAmount);
      const issues = paramIssues(rules, signed, limits, 'en');
      if (issues.length > 0) return json(422, { error: issues.map((i) => i.message).join('; '), issues });
    }
    const signature = await signParams(signed, secretKey);
    return json(200, { signature, params: signed });
  };
}
