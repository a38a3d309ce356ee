/**
 * The sandbox's Gate: sale and payout requests of each method, bank lists and payment status,
 * and the bank pages a sale's `redirect_data` points at.
 *
 *   request ─► signature (project secret) ─► schema (src/core/gate.ts) ─► test-mode rules
 *           ─► synchronous answer ─► callbacks: sale → redirect_data, then the result; payout → the result
 *
 * Paths come from the method rules (`routeOfGatePath`), banks and regions from the catalogues.
 */
import { formatAmount } from '../../src/core/amount.ts';
import {
  STATUS_PATH,
  bankListRequestSchema,
  checkGate,
  gateRequestSchema,
  routeOfGatePath,
  statusRequestSchema,
  type GateOperation,
  type GateRequest,
} from '../../src/core/gate.ts';
import { methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { banksFor, regionsFor, type Bank } from '../../src/data/index.ts';
import type { FieldIssue } from '../../src/core/errors.ts';
import { AmbiguousPayloadError, checkSignature, findAmbiguity, signParams } from '../../src/server/index.ts';
import { json } from '../http.ts';
import { errorPage, html, htmlResponse, page } from './html.ts';
import { AWAITING, ambiguityIssue, callbackOf, newPayment, settleAndNotify, testOutcome, type RedirectData, type SandboxPayment } from './model.ts';
import type { SandboxState } from './state.ts';

/** The key the emulated provider signs its own redirect fields with (never leaves the sandbox). */
const PROVIDER_KEY = 'sandbox-provider-key';

/** Delays that make the asynchronous parts visible but keep tests fast. */
const REDIRECT_CALLBACK_DELAY = 60;
const PAYOUT_CALLBACK_DELAY = 150;

/**
 * The page of the payment's bank, where the buyer presses Success or Decline: for a Gate sale with
 * `account.bank_id`, and for a Payment Page purchase at a bank chosen in a frame (banks cannot be
 * framed, so the frame sends the top window there).
 */
export function bankPageUrl(origin: string, token: string, bank: Bank): string {
  const url = new URL('/bank/Pay.aspx', origin);
  url.searchParams.set('tokenid', token);
  url.searchParams.set('procid', bankProcId(bank));
  return url.href;
}

/** How a bank page names its bank: the letter code, else the ID. */
const bankProcId = (bank: Bank): string => bank.code ?? String(bank.id);

export class Gate {
  constructor(private readonly state: SandboxState) {}

  async handle(request: Request, url: URL): Promise<Response | null> {
    if (url.pathname === '/bank/gateway' && request.method === 'GET') return this.gatewayPage(url);
    if (url.pathname === '/bank/Pay.aspx' && request.method === 'GET') return this.bankPage(url);
    if (url.pathname === '/bank/result' && request.method === 'POST') return this.bankResult(new URLSearchParams(await request.text()));
    const route = url.pathname === STATUS_PATH ? 'status' : routeOfGatePath(url.pathname);
    if (!route) return null;
    if (request.method !== 'POST') return json(405, { status: 'error', code: '405', message: 'POST only' });

    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, { status: 'error', code: '400', message: 'The body must be JSON' });
    }
    const general = (body as { general?: { project_id?: unknown; payment_id?: unknown } } | null)?.general;
    const ids = { project_id: general?.project_id ?? null, payment_id: general?.payment_id ?? null };
    // The signature first, then ambiguity (SPEC §11): a request that signs like another object is
    // refused before anything is done with it, naming the field.
    const check = await checkSignature(body, this.state.secretKey);
    if (!check.valid) {
      if (check.signed) return this.invalid(ids, [ambiguityIssue(check.path, check.rule)]);
      if (check.reason === 'not-an-object') return json(400, { ...ids, status: 'error', code: '400', message: 'The body must be a JSON object' });
      if (check.reason === 'too-deep' || check.reason === 'too-large') {
        return json(400, { ...ids, status: 'error', code: '400', message: `The body is ${check.reason === 'too-deep' ? 'nested too deeply' : 'too large'} to be checked` });
      }
      return json(403, { ...ids, status: 'error', code: '403', message: 'Invalid signature' });
    }
    if (general?.project_id !== this.state.projectId) {
      return json(403, { ...ids, status: 'error', code: '403', message: `Unknown project ${String(general?.project_id)}` });
    }
    if (route === 'status') return this.status(body);
    if (route.kind === 'bank-list') return this.bankList(body, route.method, route.operation);
    return this.payment(body, route.method, route.operation);
  }

  private invalid(ids: object, issues: FieldIssue[], status = 400): Response {
    return json(status, { ...ids, status: 'error', code: String(status), message: issues.map((i) => i.message).join('; '), errors: issues });
  }

  /** `POST /v2/payment/status`: the payment's state in the callback format. */
  private async status(body: unknown): Promise<Response> {
    const checked = checkGate(statusRequestSchema(), body);
    if (!checked.ok) return this.invalid({}, checked.issues);
    const { project_id, payment_id } = checked.value.general;
    const payment = this.state.payments.get(payment_id);
    if (!payment) return json(404, { project_id, payment_id, status: 'error', code: '404', message: 'Payment not found' });
    const answer = callbackOf(payment);
    let signature: string;
    try {
      signature = await signParams(answer, this.state.secretKey);
    } catch (error) {
      // Requests are refused up front, so this should not happen; never answer unsigned.
      if (!(error instanceof AmbiguousPayloadError)) throw error;
      return json(500, { project_id, payment_id, status: 'error', code: '500', message: `The status cannot be signed: ${error.message}` });
    }
    return json(200, { ...answer, signature });
  }

  /** `POST /v2/info/banks/{method}/{operation}/list`: the catalogue, narrowed to test banks for a test project. */
  private bankList(body: unknown, method: MethodCode, operation: GateOperation): Response {
    const checked = checkGate(bankListRequestSchema(), body);
    if (!checked.ok) return this.invalid({}, checked.issues);
    const rules = methodRules(method);
    const currency = operation === 'payout' ? rules.payoutCurrency : rules.currency;
    const limit = operation === 'payout' ? rules.payoutLimits : rules.purchaseLimits;
    const banks = banksFor(method, operation).filter((b) => !rules.testBankIds || rules.testBankIds.includes(b.id));
    return json(
      200,
      banks.map((b) => ({ id: b.id, name: b.name, ...(b.code ? { abbr: b.code } : {}), currencies: [currency], limit })),
    );
  }

  /** A sale or payout request. */
  private async payment(body: unknown, method: MethodCode, operation: GateOperation): Promise<Response> {
    const checked = checkGate(gateRequestSchema(method, operation), body);
    const rawGeneral = (body as { general?: object }).general ?? {};
    const ids = { project_id: (rawGeneral as { project_id?: unknown }).project_id, payment_id: (rawGeneral as { payment_id?: unknown }).payment_id };
    if (!checked.ok) return this.invalid(ids, checked.issues);
    const req = checked.value;
    const rules = methodRules(method);

    // What a test project accepts beyond the schema (SPEC §7, §9).
    const issues: FieldIssue[] = [];
    if (req.payment.currency !== rules.currency) {
      issues.push({ field: 'payment.currency', rule: 'currency', message: `payment.currency: test projects accept ${rules.currency} only` });
    }
    let bank: Bank | undefined;
    const bankId = req.account?.bank_id as number | undefined;
    if (bankId !== undefined) {
      const known = banksFor(method, operation);
      bank = known.find((b) => b.id === bankId);
      if (!bank) issues.push({ field: 'account.bank_id', rule: 'not-in-list', message: `account.bank_id: ${bankId} is not a ${rules.name.en} ${operation} bank` });
      else if (rules.testBankIds && !rules.testBankIds.includes(bankId)) {
        issues.push({ field: 'account.bank_id', rule: 'not-in-list', message: `account.bank_id: test projects accept banks ${rules.testBankIds.join(', ')} only` });
      }
    }
    const regionId = req.account?.region_id as number | undefined;
    if (regionId !== undefined && !regionsFor(method).some((r) => r.id === regionId)) {
      issues.push({ field: 'account.region_id', rule: 'not-in-list', message: `account.region_id: ${regionId} is not a ${rules.name.en} region` });
    }
    if (issues.length > 0) return this.invalid(ids, issues, 422);
    if (this.state.payments.has(req.general.payment_id)) {
      return json(409, { ...ids, status: 'error', code: '409', message: `Payment ${req.general.payment_id} already exists` });
    }

    const accountNumber = (req.card?.pan ?? req.account?.number) as string | undefined;
    const payment = newPayment({
      projectId: this.state.projectId,
      id: req.general.payment_id,
      type: operation === 'payout' ? 'payout' : 'purchase',
      method,
      via: 'gate',
      amount: req.payment.amount,
      currency: req.payment.currency,
      description: req.payment.description ?? '',
      customer: req.customer,
      ...(bank ? { bank } : {}),
      ...(accountNumber ? { accountNumber } : {}),
      returnUrls: { success: req.return_url?.success, decline: req.return_url?.decline, return: req.return_url?.return },
      callbackUrl: typeof req.general.merchant_callback_url === 'string' ? req.general.merchant_callback_url : this.state.callbackUrl(),
    });
    this.state.payments.set(payment.id, payment);

    // All or nothing: a callback that cannot be signed leaves the payment unchanged (`settleAndNotify`),
    // and `later` logs the error.
    if (operation === 'sale') {
      this.state.later(REDIRECT_CALLBACK_DELAY, async () => {
        const redirectData = await this.redirectData(payment, req);
        await settleAndNotify(this.state.sender, payment, AWAITING, { redirectData });
      });
    } else {
      this.state.later(PAYOUT_CALLBACK_DELAY, async () => {
        await settleAndNotify(this.state.sender, payment, testOutcome(method, 'payout', payment.amount, 'success'));
      });
    }
    return json(200, { project_id: payment.projectId, payment_id: payment.id, request_id: payment.requestId, status: 'success', code: '0', message: 'Request accepted' });
  }

  /**
   * Where the buyer goes next. A bank chosen up front (`account.bank_id`) opens that bank's page
   * with `GET` and an empty body (`[]`, as ecommpay sends it); otherwise the provider's gateway,
   * with `GET` and a body of signed fields (the shape of the CUP example, SPEC §5).
   */
  private async redirectData(payment: SandboxPayment, req: GateRequest): Promise<RedirectData> {
    const origin = this.state.origin();
    if (payment.bank) return { method: 'GET', url: bankPageUrl(origin, payment.token, payment.bank), body: [], encrypted: [] };
    const fields: Record<string, string> = {
      merchantId: String(this.state.projectId).padStart(4, '0'),
      version: 'v1',
      inputCharset: 'UTF-8',
      merchantTradeId: payment.token,
      currency: payment.currency,
      payType: 'EC',
      amountFee: String(payment.amount),
      deviceType: 'WEB',
      goodsTitle: req.payment.description ?? payment.id,
      returnUrl: `${origin}/bank/gateway/return`,
      notifyUrl: `${origin}/bank/gateway/notify`,
      signType: 'HMAC-SHA512',
    };
    try {
      fields.sign = await signParams(fields, PROVIDER_KEY);
    } catch (error) {
      if (!(error instanceof AmbiguousPayloadError)) throw error;
      payment.problem = `Redirect not prepared: ${error.message}`;
      throw error;
    }
    return { method: 'GET', url: `${origin}/bank/gateway`, body: fields, encrypted: [] };
  }

  private awaiting(token: string | null): SandboxPayment | undefined {
    if (!token) return undefined;
    return [...this.state.payments.values()].find((p) => p.token === token);
  }

  /** The provider's gateway (the buyer arrives with the redirect fields in the query). */
  private async gatewayPage(url: URL): Promise<Response> {
    const fields: Record<string, string> = {};
    for (const [key, value] of url.searchParams) fields[key] = value;
    const sign = fields.sign;
    delete fields.sign;
    // The buyer's browser brings these: nothing ambiguous is signed, even to compare (SPEC §11).
    const ambiguity = findAmbiguity(fields);
    if (ambiguity) {
      return errorPage('Invalid request', [ambiguityIssue(ambiguity.path, ambiguity.reason).message], 400);
    }
    if (!sign || sign !== (await signParams(fields, PROVIDER_KEY))) {
      return errorPage('Invalid request', ['The gateway refused the redirect: its fields are missing or were altered (sign does not match).'], 403);
    }
    const payment = this.awaiting(fields.merchantTradeId ?? null);
    if (!payment) return errorPage('Unknown payment', ['The gateway does not know this payment.'], 404);
    return this.bankScreen(payment, 'UnionPay online banking', 'zh');
  }

  /** A bank's page (the buyer arrives with `tokenid` and `procid`). */
  private bankPage(url: URL): Response {
    const payment = this.awaiting(url.searchParams.get('tokenid'));
    if (!payment || !payment.bank) return errorPage('Unknown payment', ['The bank does not know this payment.'], 404);
    if (bankProcId(payment.bank) !== url.searchParams.get('procid')) {
      return errorPage('Invalid request', ['procid does not match the payment’s bank.'], 400);
    }
    return this.bankScreen(payment, payment.bank.name, 'en');
  }

  private bankScreen(payment: SandboxPayment, title: string, lang: 'en' | 'zh'): Response {
    if (payment.status !== AWAITING.status) {
      return errorPage('Payment already completed', [`Payment ${payment.id} is ${payment.status}.`], 409, lang);
    }
    const rules = methodRules(payment.method);
    const amounts = rules.testDeclineAmounts.map((a) => formatAmount(a, payment.currency, lang)).join(', ');
    return htmlResponse(
      page(
        title,
        html`<div class="card" data-testid="bank-page">
  <p class="muted">${rules.name[lang]} · bank emulator</p>
  <h1>${title}</h1>
  <dl class="summary">
    <dt>Merchant</dt><dd>${payment.projectId}</dd>
    <dt>Payment ID</dt><dd data-testid="payment-id">${payment.id}</dd>
    ${payment.description ? html`<dt>Description</dt><dd>${payment.description}</dd>` : ''}
  </dl>
  <div class="amount" data-testid="amount">${formatAmount(payment.amount, payment.currency, lang)}</div>
  <p class="note">Test mode: ${amounts} decline whatever you press; any other amount succeeds with Success.</p>
  <form method="post" action="/bank/result">
    <input type="hidden" name="token" value="${payment.token}">
    <div class="actions">
      <button class="result success" type="submit" name="result" value="success">Success</button>
      <button class="result decline" type="submit" name="result" value="decline">Decline</button>
    </div>
  </form>
</div>`,
        { lang },
      ),
    );
  }

  /**
   * Success or Decline on a bank page: the final callback, then back to the merchant. The payment
   * is a Gate sale, or a Payment Page purchase sent here from a frame: either way it awaits its
   * bank, and its return URLs are those its request named.
   */
  private async bankResult(form: URLSearchParams): Promise<Response> {
    const payment = this.awaiting(form.get('token'));
    if (!payment || payment.status !== AWAITING.status) return errorPage('Payment already completed', ['Nothing to do.'], 409);
    const pressed = form.get('result') === 'decline' ? 'decline' : 'success';
    try {
      await settleAndNotify(this.state.sender, payment, testOutcome(payment.method, 'purchase', payment.amount, pressed));
    } catch (error) {
      if (!(error instanceof AmbiguousPayloadError)) throw error;
      return errorPage('Payment not completed', [`The result callback cannot be signed: ${error.message}`], 500);
    }
    const back = payment.status === 'success' ? payment.returnUrls.success : declineUrl(payment);
    if (back) return new Response(null, { status: 303, headers: { Location: back } });
    return htmlResponse(page('Done', html`<div class="card" data-testid="result"><h1>${payment.status}</h1><p>${payment.code} ${payment.message}</p></div>`));
  }
}

/**
 * Where a declined buyer goes. A Gate sale falls back to its other URLs; a Payment Page purchase
 * names its own (`merchant_fail_url`, else `merchant_return_url`) and never sends a declined buyer
 * to its success URL, as the Payment Page itself does not.
 */
function declineUrl(payment: SandboxPayment): string | undefined {
  const urls = payment.returnUrls;
  return payment.via === 'payment-page' ? urls.decline : (urls.decline ?? urls.return ?? urls.success);
}
