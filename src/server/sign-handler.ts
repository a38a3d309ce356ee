/**
 * `createSignHandler`: the merchant backend's side of the signing protocol (DESIGN §1.1) as a
 * Fetch-standard handler `(request) => Promise<Response>` — Node (`toNodeHandler`), Deno, Bun,
 * Cloudflare Workers, Next.js route handlers.
 *
 * The browser proposes parameters; the backend decides. Amount, currency, customer, method and
 * project come from `resolvePayment` (the merchant's order store), never from the request; only
 * parameters on an allow-list are accepted from the browser at all; the method's rules are always
 * checked; and nothing ambiguous is signed (SPEC §11): anything this handler signs, an attacker
 * holding the signature can pay with.
 */
import { SIGN_REFUSALS, isSignRefusal, type SignRefusal } from '../core/errors.ts';
import { ATTRIBUTE_OF_PARAM, bankDisplayOptions, paramIssues, type LaunchParams } from '../core/launch.ts';
import { METHOD_CODES, effectiveLimits, isMethodCode, methodRules, type MethodCode, type MethodRules } from '../core/methods/index.ts';
import { CURRENCY, DESCRIPTION_MAX, charLength, isScalar } from '../core/rules.ts';
import { jsonResponse as json, readBodyText } from './http.ts';
import { AmbiguousPayloadError, signParams } from './signer.ts';

/** What the merchant's order store says about a payment: the authority on money. */
export interface ResolvedPayment {
  /** Minor units (`1000` = 10.00): a positive safe integer. */
  amount: number;
  /** ISO 4217 alpha-3, upper case. */
  currency: string;
  /** The payment method: its rules (currency, limits, language, display options) are checked before signing. */
  method: MethodCode;
  /** The buyer, as your shop knows them. Required unless the handler's `clientCustomerId` option is set. */
  customerId?: string;
  description?: string;
  /**
   * Limits (minor units) that replace the method's documented ones, when your ecommpay contract
   * sets others: the server-side twin of the element's `min-amount` / `max-amount`.
   */
  minAmount?: number;
  maxAmount?: number;
  /** Further parameters the backend sets (return URLs, `merchant_callback_url`, …); they win over the browser's. */
  params?: LaunchParams;
}

/**
 * `resolvePayment`'s answer when the payment must not be signed, for a reason the buyer can act on:
 * the handler answers `{"error", "code"}` with the status below, and the element tells the buyer
 * what to do (not "try again", which cannot help).
 */
export interface RefusedPayment {
  refuse: SignRefusal;
  /** For the developer (the element's `ecommpay-error` message); default: the code's own sentence. */
  message?: string;
}

/** The HTTP status of each refusal. */
export const REFUSAL_STATUS: Readonly<Record<SignRefusal, number>> = {
  'unknown-payment': 404,
  'already-paid': 409,
  'amount-changed': 409,
  expired: 410,
};

const REFUSAL_MESSAGE: Readonly<Record<SignRefusal, string>> = {
  'unknown-payment': 'unknown payment',
  'already-paid': 'the payment is already paid',
  'amount-changed': 'the amount of the payment has changed',
  expired: 'the payment has expired',
};

export interface SignHandlerOptions {
  projectId: number;
  secretKey: string;
  /**
   * Looks the payment up by the browser's `payment_id` (and whatever else it trusts, such as the
   * session in `request`). Answer `null` for an unknown order (404, `unknown-payment`), or
   * `{ refuse: 'already-paid' | 'expired' | 'amount-changed' | 'unknown-payment' }` (statuses in
   * {@link REFUSAL_STATUS}): nothing is signed, and the buyer is told what to do. Throwing answers 500.
   */
  resolvePayment: (request: { params: LaunchParams; request: Request }) => Promise<ResolvedPayment | RefusedPayment | null | undefined>;
  /** Parameters accepted from the browser. Default: {@link DEFAULT_CLIENT_PARAMS}. */
  allowedParams?: readonly string[];
  /**
   * Sign the browser's `customer_id` when `resolvePayment` gives none. Off by default: the
   * customer is whoever your shop says it is, not whoever the page claims.
   */
  clientCustomerId?: boolean;
  /** The largest request body accepted, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

/**
 * Parameters a browser may propose: the ones `<ecommpay-checkout>` builds, and display-only ones.
 * Not on it, on purpose: `mode` (a browser must never turn a purchase into a payout), callback and
 * redirect URLs. `project_id`, `payment_amount` and `payment_currency` are accepted and replaced.
 */
export const DEFAULT_CLIENT_PARAMS: readonly string[] = [
  // Not the signature, and not frame_mode (added to the URL after signing, never signed).
  ...Object.keys(ATTRIBUTE_OF_PARAM).filter((param) => param !== 'signature' && param !== 'frame_mode'),
  'customer_phone',
  'close_on_missclick',
];

/** Replaced from `resolvePayment` and the options whatever the browser sent. */
const SERVER_OWNED = new Set(['project_id', 'payment_amount', 'payment_currency']);

const DEFAULT_MAX_BODY = 64 * 1024;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The first thing wrong with `resolvePayment`'s answer, naming the field: the merchant's bug, not the buyer's. */
function resolvedProblem(payment: ResolvedPayment, clientCustomerId: boolean): string | null {
  if (!isCount(payment.amount) || payment.amount === 0) return `amount must be a positive whole number of minor units (got ${String(payment.amount)})`;
  if (typeof payment.currency !== 'string' || !CURRENCY.test(payment.currency)) return `currency must be an ISO 4217 code such as CNY (got ${String(payment.currency)})`;
  if (!isMethodCode(payment.method)) return `method must be one of ${METHOD_CODES.join(', ')} (got ${String(payment.method)})`;
  if (payment.customerId === undefined ? !clientCustomerId : typeof payment.customerId !== 'string' || payment.customerId.trim() === '') {
    return 'customerId is required (or set the clientCustomerId option to sign the browser\'s)';
  }
  if (payment.description !== undefined && (typeof payment.description !== 'string' || charLength(payment.description) > DESCRIPTION_MAX)) {
    return `description must be text of at most ${DESCRIPTION_MAX} characters`;
  }
  for (const key of ['minAmount', 'maxAmount'] as const) {
    if (payment[key] !== undefined && !isCount(payment[key])) return `${key} must be a whole number of minor units`;
  }
  if (payment.params !== undefined) {
    if (payment.params === null || typeof payment.params !== 'object') return 'params must be an object';
    for (const [key, value] of Object.entries(payment.params)) if (!isScalar(value)) return `params.${key} must be a string, a number or a boolean`;
  }
  return null;
}

/**
 * `payment_methods_options` as the method allows it (the Philippine display variants, SPEC §3), in
 * the canonical form the element builds; `undefined` when it asks for nothing (`{}`,
 * `split_banks: false`); `null` when it is anything else.
 */
function displayOptions(rules: MethodRules, value: unknown): string | undefined | null {
  if (typeof value !== 'string' || !rules.optionsKey) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  const keys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  if (keys.length !== 1 || keys[0] !== rules.optionsKey) return null;
  const options = (parsed as Record<string, unknown>)[rules.optionsKey];
  if (!options || typeof options !== 'object' || Array.isArray(options)) return null;
  const { split_banks: split, banks_id: banks, ...rest } = options as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (split !== undefined && typeof split !== 'boolean')) return null;
  if (banks !== undefined && (!Array.isArray(banks) || !banks.every((id) => Number.isSafeInteger(id) && (id as number) > 0))) return null;
  return bankDisplayOptions(rules, split === true, (banks as number[] | undefined) ?? []);
}

/** Builds the handler. See the README, "Your backend". */
export function createSignHandler(options: SignHandlerOptions): (request: Request) => Promise<Response> {
  const { projectId, secretKey, resolvePayment } = options;
  if (!Number.isSafeInteger(projectId) || projectId <= 0) throw new TypeError('createSignHandler: projectId must be a positive integer');
  if (!secretKey) throw new TypeError('createSignHandler: secretKey is required');
  if (typeof resolvePayment !== 'function') throw new TypeError('createSignHandler: resolvePayment must be a function');
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new TypeError('createSignHandler: maxBodyBytes must be a positive integer');
  const allowed = new Set(options.allowedParams ?? DEFAULT_CLIENT_PARAMS);
  const clientCustomerId = options.clientCustomerId === true;

  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'POST only' }, { Allow: 'POST' });
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return json(415, { error: 'Content-Type must be application/json' });
    const read = await readBodyText(request, maxBytes);
    if (!read.ok) return json(read.status, { error: read.error });
    let body: unknown;
    try {
      body = JSON.parse(read.text);
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
    if (clientCustomerId && (typeof params.customer_id !== 'string' || params.customer_id.trim() === '')) {
      return json(400, { error: 'customer_id is required' });
    }

    let answer: ResolvedPayment | RefusedPayment | null | undefined;
    try {
      answer = await resolvePayment({ params: { ...params }, request });
    } catch {
      return json(500, { error: 'the payment could not be looked up' });
    }
    if (!answer) answer = { refuse: 'unknown-payment' };
    if ('refuse' in answer) {
      const { refuse: code, message } = answer;
      if (!isSignRefusal(code)) return json(500, { error: `resolvePayment answered wrongly: refuse must be one of ${SIGN_REFUSALS.join(', ')} (got ${String(code)})` });
      const error = typeof message === 'string' && message !== '' ? message : `${REFUSAL_MESSAGE[code]}: ${params.payment_id}`;
      return json(REFUSAL_STATUS[code], { error, code });
    }
    const payment = answer;
    const problem = resolvedProblem(payment, clientCustomerId);
    if (problem) return json(500, { error: `resolvePayment answered wrongly: ${problem}` });

    const rules = methodRules(payment.method);
    if (params.force_payment_method !== undefined && params.force_payment_method !== rules.code) {
      return json(422, { error: `force_payment_method must be ${rules.code} for this payment`, issues: [{ field: 'force_payment_method', rule: 'only-value', message: `force_payment_method must be ${rules.code}` }] });
    }
    if (params.payment_methods_options !== undefined) {
      const canonical = displayOptions(rules, params.payment_methods_options);
      if (canonical === null) {
        const message = rules.optionsKey
          ? `payment_methods_options must be {"${rules.optionsKey}":{"split_banks":true,"banks_id":[…]}} as a JSON string`
          : `payment_methods_options is not accepted for ${rules.name.en}`;
        return json(422, { error: message, issues: [{ field: 'payment_methods_options', message }] });
      }
      if (canonical === undefined) delete params.payment_methods_options;
      else params.payment_methods_options = canonical;
    }
    if (!clientCustomerId || payment.customerId !== undefined) delete params.customer_id;

    const signed: LaunchParams = {
      project_id: projectId,
      ...params,
      payment_amount: payment.amount,
      payment_currency: payment.currency,
      ...(payment.description !== undefined ? { payment_description: payment.description } : {}),
      ...(payment.customerId !== undefined ? { customer_id: payment.customerId } : {}),
      ...payment.params,
    };
    const limits = effectiveLimits(rules, payment.currency, payment.minAmount, payment.maxAmount);
    const issues = paramIssues(rules, signed, limits);
    if (issues.length > 0) return json(422, { error: issues.map((i) => i.message).join('; '), issues });
    try {
      return json(200, { signature: await signParams(signed, secretKey), params: signed });
    } catch (error) {
      if (!(error instanceof AmbiguousPayloadError)) throw error;
      return json(422, { error: error.message, issues: [{ field: error.path, rule: 'no-semicolon', message: error.message }] });
    }
  };
}
