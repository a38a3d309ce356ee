/**
 * The sandbox's Payment Page (`GET /payment?…&signature=…`): checks the signature with the
 * project's secret, applies the method rules (`paramIssues`, the same the element uses), and
 * shows the method the parameters ask for — CUP Banks, or the Philippine banks in each display
 * variant (SPEC §3) — then the emulator's **Success** and **Decline** buttons.
 *
 * With `frame_mode=iframe|popup` (SPEC §10) the session is framed: each of its pages speaks the
 * frame protocol (frame.ts), a result stays in the frame instead of redirecting it, and a payment
 * at a chosen bank goes on at that bank's page, which the frame asks the top window to open.
 */
import * as z from 'zod/mini';
import { formatAmount } from '../../src/core/amount.ts';
import { paramIssues, type LaunchParams } from '../../src/core/launch.ts';
import { webUrl } from '../../src/core/rules.ts';
import { METHOD_CODES, effectiveLimits, isMethodCode, methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { AmbiguousPayloadError, checkSignature, findAmbiguity } from '../../src/server/index.ts';
import { banksFor, type Bank } from '../../src/data/index.ts';
import { randomId } from '../http.ts';
import { errorPage, html, htmlResponse, page, type Html, type SandboxLang } from './html.ts';
import { bankPageUrl } from './gate.ts';
import { frameOf, frameScript, frameScriptResponse, FRAME_SCRIPT_PATH, type Frame, type FrameSays } from './frame.ts';
import { AWAITING, ambiguityIssue, newPayment, prepareSettlement, settle, testOutcome, type SandboxPayment } from './model.ts';
import type { SandboxState } from './state.ts';

/** One opened Payment Page: the verified parameters and what they allow. */
interface Session {
  token: string;
  params: Record<string, string>;
  lang: SandboxLang;
  forced: MethodCode | undefined;
  methods: MethodCode[];
  display: Map<MethodCode, { split: boolean; banksId: number[] | undefined }>;
  /** Shown in the merchant's frame (`frame_mode`): every page of the session is framed. */
  frame: Frame | undefined;
}

/** A payment the buyer asked for, checked and built, not recorded yet. */
interface Prepared {
  payment: SandboxPayment;
  method: MethodCode;
  bank: Bank | undefined;
}

/** The form of the payment screen (`epframe.payment.sent` when it is submitted). */
const PAY_FORM_ID = 'pay-form';

const optionsSchema = z.record(
  z.string(),
  z.looseObject({ split_banks: z.optional(z.boolean()), banks_id: z.optional(z.array(z.number().check(z.int()))) }),
);

const T = {
  en: {
    choose: 'Choose a payment method',
    chooseBank: 'Choose your bank',
    pay: 'Payment',
    merchant: 'Merchant project',
    order: 'Payment ID',
    description: 'Description',
    method: 'Method',
    bank: 'Bank',
    amount: 'Amount',
    notInTest: 'not available in test mode',
    testBanks: (names: string) => `Test project: only ${names} can be used.`,
    testAmounts: (amounts: string) => `Test mode: ${amounts} decline whatever you press; any other amount succeeds with Success.`,
    email: 'E-mail',
    firstName: 'First name',
    lastName: 'Last name',
    account: 'Card or account number',
    missing: 'The merchant did not send these details; please fill them in.',
    back: 'Back',
    done: { success: 'Payment successful', decline: 'Payment declined' },
    returnTo: 'Return to the shop',
    continueTo: (bank: string) => `Continue to ${bank}`,
    toBank: 'Your bank’s page opens in this window. If it does not, use the link.',
  },
  zh: {
    choose: '选择支付方式',
    chooseBank: '选择银行',
    pay: '支付',
    merchant: '商户项目',
    order: '支付编号',
    description: '说明',
    method: '支付方式',
    bank: '银行',
    amount: '金额',
    notInTest: '测试模式下不可用',
    testBanks: (names: string) => `测试项目：仅可使用 ${names}。`,
    testAmounts: (amounts: string) => `测试模式：金额为 ${amounts} 时无论点击哪个按钮都会被拒绝；其他金额点击 Success 即成功。`,
    email: '电子邮件',
    firstName: '名',
    lastName: '姓',
    account: '银行卡号',
    missing: '商户未提供以下信息，请填写。',
    back: '返回',
    done: { success: '支付成功', decline: '支付被拒绝' },
    returnTo: '返回商户',
    continueTo: (bank: string) => `前往 ${bank}`,
    toBank: '银行页面将在此窗口中打开；如未打开，请点击链接。',
  },
} as const;

/** The test card of the sources' CUP decline example. */
const TEST_ACCOUNT = '6217003760136456530';

/** A card or account number the buyer types: digits only (spaces are removed first). */
const ACCOUNT_NUMBER = /^\d{6,34}$/;
const ACCOUNT_NUMBER_RULE = 'must be 6 to 34 digits';

export class PaymentPage {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly state: SandboxState) {}

  async handle(request: Request, url: URL): Promise<Response | null> {
    if (url.pathname === '/payment' && request.method === 'GET') return this.open(request, url);
    if (url.pathname === FRAME_SCRIPT_PATH && request.method === 'GET') return frameScriptResponse();
    const match = /^\/payment\/s\/([a-z0-9]+)(\/result)?$/.exec(url.pathname);
    if (!match) return null;
    const session = this.sessions.get(match[1]!);
    if (!session) return errorPage('This payment session has expired', ['Open the Payment Page again from the shop.'], 404);
    if (match[2] && request.method === 'POST') return this.result(session, new URLSearchParams(await request.text()));
    if (!match[2] && request.method === 'GET') return this.screen(session, url.searchParams.get('method'), url.searchParams.get('bank'));
    return null;
  }

  /**
   * `GET /payment`: signature, project, method rules, then the first screen. Framed from the
   * start: a refusal shows in the frame too (instead of the frame failing to load).
   */
  private async open(request: Request, url: URL): Promise<Response> {
    const params: Record<string, string> = {};
    for (const [key, value] of url.searchParams) params[key] = value;
    const lang: SandboxLang = params.language_code === 'zh' ? 'zh' : 'en';
    const frame = frameOf(request, params.frame_mode, this.state.frameAncestors());
    const refuse = (title: string, problems: readonly string[], status: number) => errorPage(title, problems, status, lang, frameScript(frame));
    if (!params.signature) {
      return refuse('Signature is missing', ['Every Payment Page request must carry a signature computed by the merchant backend.'], 400);
    }
    const check = await checkSignature(params, this.state.secretKey);
    if (!check.valid && check.signed) {
      // Signed, but it signs like other parameters would (SPEC §11); ecommpay forbids ";" in values.
      return refuse('Invalid parameter', [ambiguityIssue(check.path, check.rule).message], 400);
    }
    if (!check.valid) {
      return refuse(
        'Invalid signature',
        ['The signature does not match the parameters. The backend signs every parameter (except signature and frame_mode) with the project’s secret key, and the page must send them unchanged.'],
        403,
      );
    }
    if (Number(params.project_id) !== this.state.projectId) {
      return refuse('Unknown project', [`Project ${params.project_id ?? '(none)'} does not exist in this sandbox (it knows project ${this.state.projectId}).`], 403);
    }
    const existing = this.state.payments.get(String(params.payment_id));
    if (existing && existing.status !== 'processing') {
      return refuse('Payment ID already used', [`Payment ${params.payment_id} already exists (status: ${existing.status}). Each payment needs a new payment_id.`], 409);
    }

    let options: z.infer<typeof optionsSchema> = {};
    if (params.payment_methods_options !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(params.payment_methods_options);
      } catch {
        parsed = undefined;
      }
      const checked = z.safeParse(optionsSchema, parsed);
      if (!checked.success) {
        return refuse('Invalid parameter', ['payment_methods_options must be a JSON string such as {"online_philippines_banks":{"split_banks":true,"banks_id":[486,487]}}.'], 400);
      }
      options = checked.data;
    }

    const forcedCode = params.force_payment_method;
    if (forcedCode !== undefined && !isMethodCode(forcedCode)) {
      return refuse('Unknown payment method', [`force_payment_method "${forcedCode}" is not a method of this project (${METHOD_CODES.join(', ')}).`], 400);
    }
    const display = new Map<MethodCode, { split: boolean; banksId: number[] | undefined }>();
    const problems: string[] = [];
    const methods: MethodCode[] = [];
    for (const code of forcedCode ? [forcedCode] : METHOD_CODES) {
      const rules = methodRules(code);
      const currency = String(params.payment_currency ?? '');
      const issues = paramIssues(rules, params as LaunchParams, effectiveLimits(rules, currency)).map((i) => i.message);
      // A test project takes each method's own currency only (SPEC §9).
      if (currency && currency !== rules.currency) issues.push(`test projects accept ${rules.name.en} in ${rules.currency} only`);
      const own = rules.optionsKey ? options[rules.optionsKey] : undefined;
      const banksId = own?.banks_id;
      if (rules.optionsKey && banksId && !banksFor(code, 'sale').some((b) => banksId.includes(b.id))) {
        issues.push(`none of banks_id ${banksId.join(', ')} is a ${rules.name.en} purchase bank`);
      }
      if (issues.length > 0) {
        problems.push(...issues.map((i) => `${rules.name.en}: ${i}`));
        continue;
      }
      methods.push(code);
      display.set(code, { split: own?.split_banks === true, banksId });
    }
    if (methods.length === 0) return refuse('The parameters break the payment method’s rules', problems, 400);

    const session: Session = { token: randomId('', 12), params, lang, forced: forcedCode as MethodCode | undefined, methods, display, frame };
    this.sessions.set(session.token, session);
    return this.screen(session, null, null);
  }

  /** The banks a method offers in this session, each with whether a test project may use it. */
  private banks(session: Session, method: MethodCode): { bank: Bank; usable: boolean }[] {
    const rules = methodRules(method);
    const ids = session.display.get(method)?.banksId;
    return banksFor(method, 'sale')
      .filter((bank) => !ids || ids.includes(bank.id))
      .map((bank) => ({ bank, usable: !rules.testBankIds || rules.testBankIds.includes(bank.id) }));
  }

  private summary(session: Session, method?: MethodCode, bank?: Bank): Html {
    const t = T[session.lang];
    const p = session.params;
    const amount = formatAmount(Number(p.payment_amount), String(p.payment_currency), session.lang);
    return html`<dl class="summary">
  <dt>${t.merchant}</dt><dd>${p.project_id}</dd>
  <dt>${t.order}</dt><dd data-testid="payment-id">${p.payment_id}</dd>
  ${p.payment_description ? html`<dt>${t.description}</dt><dd>${p.payment_description}</dd>` : ''}
  ${method ? html`<dt>${t.method}</dt><dd data-testid="method">${methodRules(method).name[session.lang]}</dd>` : ''}
  ${bank ? html`<dt>${t.bank}</dt><dd data-testid="bank">${bank.name}</dd>` : ''}
</dl>
<div class="amount" data-testid="amount">${amount}</div>`;
  }

  private link(session: Session, method: MethodCode, bank?: number): string {
    const q = new URLSearchParams({ method });
    if (bank !== undefined) q.set('bank', String(bank));
    return `/payment/s/${session.token}?${q}`;
  }

  private testNote(session: Session, method: MethodCode): Html {
    const t = T[session.lang];
    const rules = methodRules(method);
    const currency = String(session.params.payment_currency);
    const amounts = rules.testDeclineAmounts.map((a) => `${a} (${formatAmount(a, currency, session.lang)})`).join(', ');
    const testBanks = rules.testBankIds
      ? banksFor(method, 'sale').filter((b) => rules.testBankIds!.includes(b.id)).map((b) => `${b.name} (${b.id})`).join(', ')
      : '';
    return html`<p class="note" data-testid="test-note">${t.testAmounts(amounts)}${testBanks ? html`<br>${t.testBanks(testBanks)}` : ''}</p>`;
  }

  /** The method list, the bank list, or the payment screen, depending on what is chosen. */
  private screen(session: Session, methodParam: string | null, bankParam: string | null): Response {
    const t = T[session.lang];
    const method = methodParam && session.methods.includes(methodParam as MethodCode) ? (methodParam as MethodCode) : session.forced;
    if (!method) {
      // Variant 1 (one button per method) or 2/3 (a button per bank).
      const entries: Html[] = [];
      for (const code of session.methods) {
        const rules = methodRules(code);
        if (rules.optionsKey && session.display.get(code)?.split) {
          for (const { bank, usable } of this.banks(session, code)) entries.push(this.choice(bank.name, usable ? this.link(session, code, bank.id) : null, usable ? '' : t.notInTest));
        } else {
          entries.push(this.choice(rules.name[session.lang], this.link(session, code), ''));
        }
      }
      return this.respond(session, t.choose, html`<div class="card"><h1>${t.choose}</h1>${this.summary(session)}<ul class="choices" data-testid="methods">${entries}</ul></div>`);
    }
    const rules = methodRules(method);
    const offered = rules.optionsKey ? this.banks(session, method) : [];
    let bankId = bankParam === null ? undefined : Number(bankParam);
    // Variant 5: one bank preselected opens straight on it.
    if (bankId === undefined && session.forced === method && offered.length === 1) bankId = offered[0]!.bank.id;
    if (rules.optionsKey && bankId === undefined) {
      // Variant 4 (preselected method), or the second step of variant 1.
      const entries = offered.map(({ bank, usable }) => this.choice(bank.name, usable ? this.link(session, method, bank.id) : null, usable ? '' : t.notInTest));
      return this.respond(
        session,
        t.chooseBank,
        html`<div class="card"><h1>${t.chooseBank}</h1>${this.summary(session, method)}${this.testNote(session, method)}<ul class="choices" data-testid="banks">${entries}</ul></div>`,
      );
    }
    const chosen = offered.find((o) => o.bank.id === bankId);
    if (rules.optionsKey && (!chosen || !chosen.usable)) {
      return this.error(session, 'Bank not available', [`Bank ${bankParam} is not offered for this payment${chosen ? ' in test mode' : ''}.`], 400);
    }
    return this.respond(session, t.pay, this.payForm(session, method, chosen?.bank), { paymentId: session.params.payment_id, sentForm: PAY_FORM_ID });
  }

  /** A page of the session: framed when the session is (`says`: what its frame script tells the merchant's page). */
  private respond(session: Session, title: string, body: Html, says: FrameSays = {}): Response {
    return htmlResponse(page(title, body, { lang: session.lang, script: frameScript(session.frame, says) }));
  }

  /** An error page of the session, framed when the session is. */
  private error(session: Session, title: string, problems: readonly string[], status: number): Response {
    return errorPage(title, problems, status, session.lang, frameScript(session.frame));
  }

  /**
   * Whether the payment goes on at its bank's page instead of here. Only in a frame: a bank's page
   * cannot be framed, so a bank chosen in the frame is reached by sending the top window there (as
   * a Gate sale with `account.bank_id` is); unframed, Success and Decline stand in for the bank.
   */
  private atBank(session: Session, bank: Bank | undefined): bank is Bank {
    return session.frame !== undefined && bank !== undefined;
  }

  private choice(label: string, href: string | null, note: string): Html {
    return href
      ? html`<li><a class="choice" href="${href}">${label}<span aria-hidden="true">›</span></a></li>`
      : html`<li><span class="choice" aria-disabled="true">${label}<small>${note}</small></span></li>`;
  }

  /** The emulator screen: missing buyer details, then Success and Decline (or, in a frame, the way to the chosen bank). */
  private payForm(session: Session, method: MethodCode, bank: Bank | undefined): Html {
    const t = T[session.lang];
    const p = session.params;
    const rules = methodRules(method);
    const missing: Html[] = [];
    if (!rules.descriptionRequired) {
      // Banks of the Philippines: the Payment Page asks for the buyer details the merchant did not send (SPEC §2).
      if (!p.customer_email) missing.push(html`<label for="email">${t.email}</label><input id="email" name="customer_email" type="email" required value="buyer@example.com">`);
      if (!p.customer_first_name) missing.push(html`<label for="first">${t.firstName}</label><input id="first" name="customer_first_name" type="text" required value="Juan">`);
      if (!p.customer_last_name) missing.push(html`<label for="last">${t.lastName}</label><input id="last" name="customer_last_name" type="text" required value="Dela Cruz">`);
    }
    const fields = rules.optionsKey
      ? html`${missing.length > 0 ? html`<p class="muted">${t.missing}</p>${missing}` : ''}`
      : html`<label for="account">${t.account}</label><input id="account" name="account_number" type="text" inputmode="numeric" required value="${TEST_ACCOUNT}">`;
    const actions = this.atBank(session, bank)
      ? html`<button class="result continue" type="submit" name="result" value="bank" data-testid="continue-to-bank">${t.continueTo(bank.name)}</button>`
      : html`<button class="result success" type="submit" name="result" value="success">Success</button>
      <button class="result decline" type="submit" name="result" value="decline" formnovalidate>Decline</button>`;
    return html`<div class="card">
  <h1>${t.pay}</h1>
  ${this.summary(session, method, bank)}
  ${this.testNote(session, method)}
  <form id="${PAY_FORM_ID}" method="post" action="/payment/s/${session.token}/result">
    <input type="hidden" name="method" value="${method}">
    ${bank ? html`<input type="hidden" name="bank" value="${bank.id}">` : ''}
    ${fields}
    <div class="actions">
      ${actions}
    </div>
  </form>
  ${session.forced ? '' : html`<p><a href="/payment/s/${session.token}">${t.back}</a></p>`}
</div>`;
  }

  /**
   * The buyer pressed Success or Decline: settle, call the merchant back, send the buyer home (in a
   * frame: show the result there). In a frame with a bank chosen, the button was the way to the
   * bank: the payment waits for it instead (whatever `result` says, as no other button is shown).
   */
  private async result(session: Session, form: URLSearchParams): Promise<Response> {
    const prepared = this.prepare(session, form);
    if (prepared instanceof Response) return prepared;
    if (this.atBank(session, prepared.bank)) return this.toBank(session, prepared.payment, prepared.bank);
    return this.settleHere(session, prepared, form.get('result') === 'decline' ? 'decline' : 'success');
  }

  /** The payment the form asks for, after the checks every result goes through; or the error page. */
  private prepare(session: Session, form: URLSearchParams): Prepared | Response {
    const p = session.params;
    const method = form.get('method') as MethodCode;
    if (!session.methods.includes(method)) return this.error(session, 'Unknown payment method', [String(method)], 400);
    const rules = methodRules(method);
    const offered = rules.optionsKey ? this.banks(session, method) : [];
    const chosen = offered.find((o) => o.bank.id === Number(form.get('bank')));
    if (rules.optionsKey && (!chosen || !chosen.usable)) return this.error(session, 'Bank not available', [String(form.get('bank'))], 400);
    const existing = this.state.payments.get(p.payment_id!);
    if (existing && existing.status !== 'processing') {
      return this.error(session, 'Payment ID already used', [`Payment ${p.payment_id} was already processed (status: ${existing.status}).`], 409);
    }

    // What the buyer typed goes into the signed callback: refuse what cannot be signed (SPEC §11).
    const typed: Record<string, string> = {};
    for (const key of ['customer_email', 'customer_first_name', 'customer_last_name'] as const) {
      const value = form.get(key);
      if (value !== null && p[key] === undefined) typed[key] = value;
    }
    const ambiguity = findAmbiguity(typed);
    if (ambiguity) return this.error(session, 'Invalid details', [ambiguityIssue(ambiguity.path, ambiguity.reason).message], 400);
    const accountNumber = form.get('account_number')?.replace(/\s+/g, '') || undefined;
    if (accountNumber !== undefined && !ACCOUNT_NUMBER.test(accountNumber)) {
      return this.error(session, 'Invalid details', [`account_number: ${ACCOUNT_NUMBER_RULE}`], 400);
    }
    const customer: Record<string, unknown> & { id: string } = { id: p.customer_id! };
    for (const key of ['customer_email', 'customer_first_name', 'customer_last_name'] as const) {
      const value = p[key] ?? typed[key];
      if (value) customer[key.replace('customer_', '')] = value;
    }
    const payment = newPayment({
      projectId: this.state.projectId,
      id: p.payment_id!,
      type: 'purchase',
      method,
      via: 'payment-page',
      amount: Number(p.payment_amount),
      currency: p.payment_currency!,
      description: p.payment_description ?? '',
      customer,
      ...(chosen ? { bank: chosen.bank } : {}),
      ...(accountNumber ? { accountNumber } : {}),
      returnUrls: {
        success: p.redirect_success_url ?? p.merchant_success_url ?? p.merchant_return_url,
        decline: p.redirect_fail_url ?? p.merchant_fail_url ?? p.merchant_return_url,
        return: p.merchant_return_url,
      },
      callbackUrl: p.merchant_callback_url ?? this.state.callbackUrl(),
    });
    return { payment, method, bank: chosen?.bank };
  }

  /** Success or Decline on this page: the result, its callback, then the merchant's return URL (or the result, in a frame). */
  private async settleHere(session: Session, { payment, method, bank }: Prepared, pressed: 'success' | 'decline'): Promise<Response> {
    // All or nothing: the payment is recorded only once its callback is signed.
    let commit: () => Promise<unknown>;
    try {
      commit = await prepareSettlement(this.state.sender, payment, testOutcome(method, 'purchase', payment.amount, pressed));
    } catch (error) {
      if (!(error instanceof AmbiguousPayloadError)) throw error;
      return this.error(session, 'Payment not completed', [`The result callback cannot be signed: ${error.message}`], 500);
    }
    this.state.payments.set(payment.id, payment);
    this.sessions.delete(session.token);
    await commit();

    const back = payment.status === 'success' ? payment.returnUrls.success : payment.returnUrls.decline;
    // A frame stays on the result (its script tells the merchant's page); the buyer leaves by the link.
    if (back && !session.frame) return new Response(null, { status: 303, headers: { Location: back } });
    const t = T[session.lang];
    const done = t.done[payment.status as 'success' | 'decline'];
    const leave = session.frame && back && webUrl(back) ? html`<p><a href="${back}" target="_top" data-testid="return">${t.returnTo}</a></p>` : '';
    return this.respond(
      session,
      done,
      html`<div class="card" data-testid="result"><h1>${done}</h1>${this.summary(session, method, bank)}
<p>${payment.code} ${payment.message}</p>${leave}</div>`,
      { paymentId: payment.id, result: payment },
    );
  }

  /**
   * "Continue to <bank>" in a frame: the payment is recorded awaiting its bank (as a Gate sale at
   * a bank is; no callback yet), and the frame asks the top window to open the bank's page, where
   * Success or Decline settles it (gate.ts). A link does the same if the merchant's page does not.
   */
  private toBank(session: Session, payment: SandboxPayment, bank: Bank): Response {
    const url = bankPageUrl(this.state.origin(), payment.token, bank);
    settle(payment, AWAITING);
    payment.redirectData = { method: 'GET', url, body: [], encrypted: [] };
    this.state.payments.set(payment.id, payment);
    this.sessions.delete(session.token);
    const t = T[session.lang];
    return this.respond(
      session,
      t.continueTo(bank.name),
      html`<div class="card" data-testid="to-bank"><h1>${t.continueTo(bank.name)}</h1>${this.summary(session, payment.method, bank)}
<p class="muted">${t.toBank}</p>
<p><a class="choice" href="${url}" target="_top" data-testid="bank-link">${t.continueTo(bank.name)}<span aria-hidden="true">›</span></a></p></div>`,
      { paymentId: payment.id, redirectUrl: url },
    );
  }
}

