import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatAmount } from '../../core/amount.ts';
import { EcommpayFailure, describeIssues, type EcommpayErrorDetail, type FieldIssue } from '../../core/errors.ts';
import { memoiseCheckout, signedParamIssues, type CheckoutConfig, type CheckoutInput, type LaunchParams } from '../../core/launch.ts';
import { isMethodCode, methodRules } from '../../core/methods/index.ts';
import { frameUrl, launchUrl, type Display } from '../../core/payment-page.ts';
import { CURRENCY, isBlank, isPlainObject, type Checked } from '../../core/rules.ts';
import { checkSignAnswer, signFailure, signOverHttp, withTimeout, type SignAnswer, type SignFunction } from '../../core/sign-client.ts';
import { checkoutMessages, type CheckoutFailure, type CheckoutMessages } from '../../i18n/checkout.ts';
import type { Lang } from '../../i18n/index.ts';
import { EcommpayElement, text } from '../base.ts';
import { isMobileDevice } from '../device.ts';
import { EcommpayAmountChangeEvent, EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from '../events.ts';
import { Job } from '../job.ts';
import { loadFailure, loadOnce } from '../lazy.ts';
import { loadBankSelect } from '../loaders.ts';
import { checkoutStyles } from './ecommpay-checkout.styles.ts';
import type { FrameLaunch, PaymentFrame } from './frame.ts';

/** What the backend signed, ready to open. */
interface Signed {
  config: CheckoutConfig;
  params: LaunchParams;
  signature: string;
}

/** The amount and currency of parameters, formatted for the buyer. */
const money = ({ payment_amount: amount, payment_currency: currency }: LaunchParams, lang: Lang) => formatAmount(Number(amount), String(currency), lang);

/** The developer's side of `mobile-unsupported`. */
const MOBILE_UNSUPPORTED: EcommpayErrorDetail = {
  code: 'mobile-unsupported',
  message: 'CUP Banks does not support mobile devices (set allow-mobile to allow them)',
};

/**
 * The frame displays' code (a chunk of its own in the CDN build), loaded once a frame display is
 * configured, with `<ecommpay-redirect>`'s chunk beside it: the frame takes the buyer to a bank
 * with the redirect's plan and navigation, which live there.
 */
let frameRequested = false;
const loadFrame = () =>
  loadOnce('ecommpay-checkout/frame', () => Promise.all([import('./frame.ts'), import('../redirect/ecommpay-redirect.ts')]).then(([frame]) => frame));

/** `extraParams` copied once (a later change in place is a new input), or text the rules refuse when it cannot be read. */
const snapshot = (value: unknown): unknown => {
  try {
    return isPlainObject(value) ? { ...value } : value;
  } catch {
    return 'unreadable';
  }
};

/**
 * A property as an attribute's text: numbers and booleans as text, anything else as it is, so the
 * rules refuse what is no text (an object, a symbol) instead of reading it.
 */
const str = (value: unknown): string | null =>
  (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : value) as string | null;

/**
 * @tagname ecommpay-checkout
 * @summary Opens ecommpay's Payment Page for CUP Banks or Banks of the Philippines, with
 * parameters checked against the method's rules and signed by the merchant's backend.
 *
 * @slot - The pay button's label (default: "Pay ¥100.00" / "支付 ¥100.00").
 *
 * @event {EcommpayReadyEvent} ecommpay-ready - `{ params }`: the configuration became valid.
 * @event {EcommpayLaunchEvent} ecommpay-launch - `{ url, params, signature, display }`, cancelable: about to open the Payment Page.
 * @event {EcommpayAmountChangeEvent} ecommpay-amount-change - `{ amount, currency, previousAmount, previousCurrency }`: the backend signed another
 * amount than the one shown; the element shows it and opens nothing until the buyer confirms it.
 * @event {EcommpayErrorEvent} ecommpay-error - `{ code, message, issues?, status? }`: invalid configuration, mobile device (CUP), a signing failure
 * (`sign-http`, `sign-network`, `sign-timeout`, `sign-invalid-response`, or the backend's refusal: `unknown-payment`,
 * `already-paid`, `amount-changed`, `expired`),
 * `load-failed` when the bank choice of `bank-picker` or the frame code could not be loaded (tried again on the next
 * click), `frame-load-failed` when a framed Payment Page did not load, `invalid-redirect` when it asked to send the page
 * somewhere that breaks a rule.
 * @event {EcommpayPaymentEvent} ecommpay-payment - `{ status, data }` (frame displays): the Payment Page reported `sent`, `success`, `fail`,
 * `canceled` or `try-again`. A hint for the page, never proof of payment: the callback is.
 * @event {EcommpayCloseEvent} ecommpay-close - `{ reason }` (frame displays): the frame closed, by the `buyer` or by the `payment-page`.
 * @event {EcommpayRedirectEvent} ecommpay-redirect - `{ method, url, fields }`, cancelable (frame displays): the Payment Page is sending the
 * whole page to a bank.
 *
 * @csspart base - The card around everything.
 * @csspart summary - The method and amount list.
 * @csspart method - The method's name.
 * @csspart amount - The formatted amount.
 * @csspart notice - The "not supported on mobile devices" note, and the "the amount changed" note.
 * @csspart button - The pay button.
 * @csspart error - The `role="alert"` region.
 * @csspart bank - The `<ecommpay-bank-select>` of `bank-picker`.
 * @csspart dialog - `display="modal"`: the `<dialog>` around the Payment Page.
 * @csspart frame - `display="iframe"`: the section around the Payment Page.
 * @csspart iframe - The Payment Page's `<iframe>`.
 * @csspart close - The frame's close button.
 * @csspart retry - The "try again" button shown when the Payment Page did not load.
 * @csspart open - The link that opens the Payment Page in this window instead.
 *
 * @cssproperty --ecommpay-font - Font family.
 * @cssproperty --ecommpay-text - Text colour (light #1c2230, dark #e6e9ef).
 * @cssproperty --ecommpay-muted - Secondary text colour (#5b6475, dark #a9b1c1).
 * @cssproperty --ecommpay-surface - Background the element paints (#fff, dark #161b26).
 * @cssproperty --ecommpay-border - Field borders (#8a93a6, dark #6b7488); the card's border is a lighter mix of it unless set.
 * @cssproperty --ecommpay-radius - Corner radius.
 * @cssproperty --ecommpay-accent - Buttons, links and the chosen option (#1a56db, dark #8ab4ff).
 * @cssproperty --ecommpay-accent-text - Text on the accent (#fff, dark #0d1117).
 * @cssproperty --ecommpay-error - Error text and borders (#b42318, dark #ff8a80).
 * @cssproperty --ecommpay-error-surface - Behind errors (default: 8% of the error colour over the surface).
 * @cssproperty --ecommpay-notice - The tint of notes (#f5b800).
 * @cssproperty --ecommpay-notice-surface - Behind notes (default: 16% of the notice tint over the surface).
 * @cssproperty --ecommpay-focus - Focus ring (default: the accent; keep it at 3:1 or more against the surface).
 * @cssproperty --ecommpay-padding - Card padding.
 * @cssproperty --ecommpay-backdrop - `display="modal"`: the backdrop (rgb(15 23 42 / 0.55)).
 * @cssproperty --ecommpay-frame-height - Frame displays: the Payment Page frame's height (36rem).
 */
export class EcommpayCheckout extends EcommpayElement {
  static override styles = checkoutStyles;

  static override properties: PropertyDeclarations = {
    method: {},
    projectId: { attribute: 'project-id' },
    paymentId: { attribute: 'payment-id' },
    amount: {},
    currency: {},
    customerId: { attribute: 'customer-id' },
    description: {},
    customerEmail: { attribute: 'customer-email' },
    customerFirstName: { attribute: 'customer-first-name' },
    customerLastName: { attribute: 'customer-last-name' },
    preselect: { type: Boolean },
    splitBanks: { type: Boolean, attribute: 'split-banks' },
    banksId: { attribute: 'banks-id' },
    minAmount: { attribute: 'min-amount' },
    maxAmount: { attribute: 'max-amount' },
    signUrl: { attribute: 'sign-url' },
    signTimeout: { attribute: 'sign-timeout' },
    paymentPageUrl: { attribute: 'payment-page-url' },
    allowMobile: { type: Boolean, attribute: 'allow-mobile' },
    bankPicker: { type: Boolean, attribute: 'bank-picker' },
    banksUrl: { attribute: 'banks-url' },
    testMode: { type: Boolean, attribute: 'test-mode' },
    display: {},
    frameOnMobile: { type: Boolean, attribute: 'frame-on-mobile' },
    closeOnBackdrop: { type: Boolean, attribute: 'close-on-backdrop' },
    frameTimeout: { attribute: 'frame-timeout' },
    allowedHosts: { attribute: 'allowed-hosts' },
    extraParams: { attribute: false },
    sign: { attribute: false },
    _busy: { state: true },
    _bank: { state: true },
    _bankError: { state: true },
    _frame: { state: true },
    _signed: { state: true },
  };

  /** `cup-bank` or `online-philippines-banks`. Required. */
  declare method: string | null;
  /** Your ecommpay project ID (`project_id`). Required. */
  declare projectId: string | number | null;
  /** Your payment ID (`payment_id`), unique within the project. Required. */
  declare paymentId: string | null;
  /** Amount in minor units (`payment_amount`; `10000` = 100.00). Required. */
  declare amount: string | number | null;
  /** ISO 4217 currency (`payment_currency`); defaults to the method's (CUP: CNY only). */
  declare currency: string | null;
  /** Your customer's ID (`customer_id`). Required. */
  declare customerId: string | null;
  /** `payment_description`, at most 255 characters; required for CUP. */
  declare description: string | null;
  /** `customer_email`. */
  declare customerEmail: string | null;
  /** `customer_first_name`. */
  declare customerFirstName: string | null;
  /** `customer_last_name`. */
  declare customerLastName: string | null;
  /** Open the Payment Page on this method directly (`force_payment_method`). */
  declare preselect: boolean;
  /** Philippines: each bank as its own button (`split_banks`). */
  declare splitBanks: boolean;
  /** Philippines: only these banks, e.g. `"2421,2371"` (`banks_id`). */
  declare banksId: string | null;
  /** Override the method's documented purchase limits (minor units). */
  declare minAmount: string | number | null;
  /** Override the method's documented purchase limits (minor units). */
  declare maxAmount: string | number | null;
  /** Your backend's signing endpoint. Required unless `sign` is set. */
  declare signUrl: string | null;
  /** Milliseconds to wait for the signature (default 15000). */
  declare signTimeout: string | number | null;
  /** Payment Page host (default `https://paymentpage.ecommpay.com`). */
  declare paymentPageUrl: string | null;
  /** CUP: do not block mobile devices. */
  declare allowMobile: boolean;
  /**
   * Philippines: the buyer picks the bank here first; the launch preselects it (variant 5:
   * `force_payment_method` + `banks_id: [chosen]`, in place of `preselect`/`split-banks`/`banks-id`).
   */
  declare bankPicker: boolean;
  /** `bank-picker`: your backend's bank list (see `<ecommpay-bank-select>`); the bundled catalogue otherwise. */
  declare banksUrl: string | null;
  /** `bank-picker` in a test project: only the test banks (486 and 487). */
  declare testMode: boolean;
  /**
   * How the Payment Page opens: `redirect` (default: this window goes there), `modal` (a dialog over
   * the page, `frame_mode=popup`) or `iframe` (inline in this element, `frame_mode=iframe`).
   */
  declare display: string | null;
  /** Frame displays on mobile devices too (by default they open as `redirect` there). */
  declare frameOnMobile: boolean;
  /** `display="modal"`: a click on the backdrop closes the dialog. */
  declare closeOnBackdrop: boolean;
  /** Milliseconds a framed Payment Page has to say it loaded (default 5000), after which `frame-load-failed`. */
  declare frameTimeout: string | number | null;
  /** Space-separated host names a framed Payment Page may send the whole page to (a bank); any other is refused. */
  declare allowedHosts: string | null;
  /** Further Payment Page parameters, passed through as they are. */
  declare extraParams: Record<string, unknown> | null;
  /** A custom signer replacing the HTTP call to `sign-url`. */
  declare sign: SignFunction | null;

  /** The exact unsigned parameters the next click sends, or `null` while the configuration is invalid. */
  get launchParams(): LaunchParams | null {
    const parsed = this._parse();
    return parsed.ok ? { ...parsed.value.params } : null;
  }

  declare private _busy: boolean;
  /** `bank-picker`: the chosen bank, and the "choose your bank" message after a click without one. */
  declare private _bank: number | null;
  declare private _bankError: string | null;
  /** The Payment Page in a frame, while one is open. */
  declare private _frame: PaymentFrame | null;
  /** Signed with another amount than the one shown: waits for the buyer to confirm it. */
  declare private _signed: Signed | null;

  private _signing = new Job(this);
  private _parseInput = memoiseCheckout();
  private _announced = '';

  constructor() {
    super();
    this.method = this.projectId = this.paymentId = this.amount = this.currency = this.customerId = null;
    this.description = this.customerEmail = this.customerFirstName = this.customerLastName = null;
    this.banksId = this.minAmount = this.maxAmount = this.signUrl = this.signTimeout = this.paymentPageUrl = null;
    this.banksUrl = this.extraParams = this.sign = this.display = this.frameTimeout = this.allowedHosts = null;
    this.preselect = this.splitBanks = this.allowMobile = this.bankPicker = this.testMode = this.frameOnMobile = this.closeOnBackdrop = false;
    this._busy = false;
    this._bank = null;
    this._bankError = null;
    this._frame = this._signed = null;
  }

  // ── behaviour ────────────────────────────────────────────────────────────

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._busy = false;
  }

  /**
   * Coming back with the back button: the page may be restored mid-launch, or with the Payment Page
   * still framed on it after it sent the buyer to their bank; make it usable again.
   */
  protected override _restored(): void {
    this._busy = false;
    this._signed = null;
    this._frame?.close('buyer');
  }

  private get _rules() {
    return isMethodCode(this.method) ? methodRules(this.method) : null;
  }

  protected override get _defaultLang(): Lang {
    return this._rules?.uiLanguage ?? 'en';
  }

  private get _t(): CheckoutMessages {
    return checkoutMessages[this._lang];
  }

  /** Attributes and properties → the configuration, parsed once per change of any of them. */
  private _parse(): Checked<CheckoutConfig> {
    const input: CheckoutInput = {
      method: str(this.method),
      'project-id': str(this.projectId),
      'payment-id': str(this.paymentId),
      amount: str(this.amount),
      currency: str(this.currency),
      'customer-id': str(this.customerId),
      description: str(this.description),
      language: str(this.language),
      'customer-email': str(this.customerEmail),
      'customer-first-name': str(this.customerFirstName),
      'customer-last-name': str(this.customerLastName),
      preselect: this.preselect,
      'split-banks': this.splitBanks,
      'banks-id': str(this.banksId),
      'min-amount': str(this.minAmount),
      'max-amount': str(this.maxAmount),
      extraParams: snapshot(this.extraParams) as CheckoutInput['extraParams'],
      'sign-url': str(this.signUrl),
      sign: typeof this.sign === 'function',
      'sign-timeout': str(this.signTimeout),
      'payment-page-url': str(this.paymentPageUrl),
      'bank-picker': this.bankPicker,
      bank: this._bank,
      display: str(this.display),
      'frame-timeout': str(this.frameTimeout),
    };
    return this._parseInput(input);
  }

  /** Whether the bank-picker applies (the method has the Philippine display options). */
  private get _picker(): boolean {
    return this.bankPicker && !!this._rules?.optionsKey;
  }

  /** Only the bank is missing: the buyer has yet to choose, nothing is misconfigured. */
  private _awaitingBank(parsed: Checked<CheckoutConfig>): boolean {
    return !parsed.ok && parsed.issues.every((i) => i.field === 'bank');
  }

  private _onBankChange = (event: Event) => {
    const id = (event.target as HTMLElementTagNameMap['ecommpay-bank-select']).bankId;
    this._bank = id;
    if (id !== null) this._bankError = null;
  };

  /** The display a launch uses: a frame display opens as `redirect` on a mobile device unless `frame-on-mobile`. */
  private _display(config: CheckoutConfig): Display {
    return config.display !== 'redirect' && !this.frameOnMobile && isMobileDevice() ? 'redirect' : config.display;
  }

  private get _mobileBlocked(): boolean {
    return !!this._rules && !this._rules.mobileSupported && !this.allowMobile && isMobileDevice();
  }

  private _invalid(issues: FieldIssue[]): EcommpayErrorDetail {
    return { code: 'invalid-config', message: describeIssues('Invalid configuration', issues), issues };
  }

  /** The bank choice, when `bank-picker` needs it and it is not defined yet; a failure is reported and tried again on the next click. */
  private _loadBankSelect(): void {
    if (!this._picker || customElements.get('ecommpay-bank-select')) return;
    loadBankSelect().then(
      () => this._error?.code === 'load-failed' && (this._error = null),
      (error: unknown) => this._fail(loadFailure('<ecommpay-bank-select>', error)),
    );
  }

  /** Tells listeners when the configuration turns valid or invalid (once per distinct state). */
  protected override willUpdate(): void {
    this._loadBankSelect();
    // While signing, or while the Payment Page is framed, what was signed stands; changes count after.
    if (this._busy || this._frame) return;
    const parsed = this._parse();
    // The frame code, fetched once before the click that needs it (a failure is reported, and retried, then).
    if (!frameRequested && parsed.ok && this._display(parsed.value) !== 'redirect') {
      frameRequested = true;
      loadFrame().catch(() => {});
    }
    const key = JSON.stringify(parsed.ok ? parsed.value.params : parsed.issues);
    if (key === this._announced) return;
    this._announced = key;
    // A new configuration: what was signed for the old one is no longer what the buyer would confirm.
    this._signed = null;
    if (this._error?.code === 'invalid-config') this._error = null;
    if (this._awaitingBank(parsed)) return;
    if (!parsed.ok) return this._fail(this._invalid(parsed.issues));
    this.dispatchEvent(new EcommpayReadyEvent({ params: { ...parsed.value.params } }));
    if (this._mobileBlocked) this._fail(MOBILE_UNSUPPORTED);
  }

  /**
   * Signs and opens the Payment Page: what the pay button does. While a launch is under way,
   * further calls do nothing (one click, one signing request, one navigation).
   */
  async pay(): Promise<void> {
    if (this._busy || this._frame || this._signed) return;
    const parsed = this._parse();
    if (this._awaitingBank(parsed)) {
      this._loadBankSelect();
      this._bankError = this._t.chooseBank;
      this.dispatchEvent(new EcommpayErrorEvent(this._invalid(parsed.ok ? [] : parsed.issues)));
      this.renderRoot.querySelector<HTMLElement>('ecommpay-bank-select')?.focus();
      return;
    }
    if (!parsed.ok) return this._fail(this._invalid(parsed.issues));
    if (this._mobileBlocked) return this._fail(MOBILE_UNSUPPORTED);

    const config = parsed.value;
    this._busy = true;
    this._error = null;
    let signed = null as Signed | null;
    await this._signing.run(
      (signal) => withTimeout(config.timeout, signal, (s) => this._requestSignature(config, s)),
      (answer) => void (signed = { config, params: this._signedParams(config, answer), signature: answer.signature }),
      (error) => {
        // Usable again by the time listeners hear of the failure.
        this._busy = false;
        this._fail(signFailure(error).toDetail());
      },
    );
    if (signed && this.isConnected) {
      const { params } = signed as Signed;
      const shown = config.params;
      if (Number(params.payment_amount) !== Number(shown.payment_amount) || String(params.payment_currency) !== String(shown.payment_currency)) {
        // The backend's amount stands, but the buyer pays nothing they were not shown: they confirm it first.
        this._signed = signed;
        this.dispatchEvent(
          new EcommpayAmountChangeEvent({
            amount: Number(params.payment_amount),
            currency: String(params.payment_currency),
            previousAmount: Number(shown.payment_amount),
            previousCurrency: String(shown.payment_currency),
          }),
        );
      } else if (await this._launch(signed)) return;
    }
    this._busy = false;
  }

  /**
   * Opens what was signed: fires `ecommpay-launch`, then takes the window to the Payment Page or
   * frames it. True when the window is leaving: the element then stays busy, so nothing is sent twice.
   */
  private async _launch({ config, params, signature }: Signed): Promise<boolean> {
    const pageUrl = launchUrl(config.base, params, signature);
    const display = this._display(config);
    const url = display === 'redirect' ? pageUrl : frameUrl(pageUrl, display);
    const proceed = this.dispatchEvent(new EcommpayLaunchEvent({ url, params: { ...params }, signature, display }));
    if (!proceed || !this.isConnected) return false;
    if (display === 'redirect') {
      window.location.assign(url);
      return true;
    }
    await this._openFrame({ display, url, pageUrl, config });
    return false;
  }

  /** The buyer confirmed the amount the backend signed. */
  private async _confirm(signed: Signed): Promise<void> {
    this._signed = null;
    this._busy = true;
    if (!(await this._launch(signed))) this._busy = false;
  }

  /** Shows the signed Payment Page in a frame (its code loads first if it has not yet). */
  private async _openFrame(launch: FrameLaunch): Promise<void> {
    try {
      const { PaymentFrame } = await loadFrame();
      if (this.isConnected) this._frame = new PaymentFrame(this, launch, this._lang, this._frameClosed);
    } catch (error) {
      this._fail(loadFailure('the Payment Page frame', error));
    }
  }

  private _frameClosed = () => {
    this._frame = null;
  };

  private async _requestSignature(config: CheckoutConfig, signal: AbortSignal): Promise<SignAnswer> {
    const params = { ...config.params };
    if (typeof this.sign === 'function') return checkSignAnswer(await this.sign(params, { signal }));
    return signOverHttp(config.signUrl!, params, signal);
  }

  /** The backend is the authority: its `params`, when present, replace ours after the same checks. */
  private _signedParams(config: CheckoutConfig, answer: SignAnswer): LaunchParams {
    if (!answer.params) return config.params;
    const issues = signedParamIssues(config, answer.params);
    if (issues.length > 0) {
      throw new EcommpayFailure('sign-invalid-response', describeIssues("The parameters the backend signed break the method's rules", issues), issues);
    }
    return answer.params;
  }

  private _onClick = () => {
    void (this._signed ? this._confirm(this._signed) : this.pay());
  };

  // ── rendering ────────────────────────────────────────────────────────────

  /** What the buyer reads about a failure: a plain sentence in the UI language (the detail is for developers). */
  private _errorText({ code, status }: EcommpayErrorDetail): string | typeof nothing {
    const t = this._t;
    // The notice already says it, once.
    if (code === 'mobile-unsupported') return nothing;
    // A refusal without a reason the buyer can act on (a timeout or a rate limit aside): trying again won't help.
    if (code === 'sign-http' && status && status < 500 && status !== 408 && status !== 429) return t.refused;
    return t.failures[code as CheckoutFailure] ?? t.failures['sign-invalid-response'];
  }

  override render() {
    const t = this._t;
    const lang = this._lang;
    const parsed = this._parse();
    const rules = this._rules;
    const signed = this._signed;
    // Only an amount that would be charged: none while the configuration is invalid (the bank
    // choice aside), the backend's once it signed another.
    const amountText = text(this.amount);
    const currency = text(this.currency) ?? rules?.currency ?? '';
    const formatted = signed
      ? money(signed.params, lang)
      : parsed.ok
        ? money(parsed.value.params, lang)
        : this._awaitingBank(parsed) && !isBlank(amountText) && CURRENCY.test(currency)
          ? formatAmount(Number(amountText), currency, lang)
          : null;
    const busy = this._busy;
    const frame = this._frame;
    const mobile = this._mobileBlocked;

    return html`
      <div part="base" class="base" lang=${this._langTag} aria-busy=${busy ? 'true' : 'false'}>
        <dl part="summary" class="summary">
          ${rules
            ? html`<div>
                <dt>${t.methodLabel}</dt>
                <dd part="method" class="method">${rules.name[lang]}</dd>
              </div>`
            : nothing}
          ${formatted
            ? html`<div>
                <dt>${t.amountLabel}</dt>
                <dd part="amount" class="amount">${formatted}</dd>
              </div>`
            : nothing}
        </dl>
        ${mobile
          ? html`<p part="notice" id="notice" class="notice">${t.failures['mobile-unsupported']}</p>`
          : signed
            ? html`<p part="notice" id="notice" class="notice" role="alert">${t.amountChanged(money(signed.config.params, lang), formatted!)}</p>`
            : nothing}
        ${this._picker
          ? html`<ecommpay-bank-select
              part="bank"
              method=${text(this.method)!}
              operation="sale"
              banks-url=${text(this.banksUrl) ?? nothing}
              ?test-mode=${!!this.testMode}
              language=${lang}
              .error=${this._bankError}
              ?disabled=${busy}
              @change=${this._onBankChange}
            ></ecommpay-bank-select>`
          : nothing}
        ${frame?.launch.display === 'iframe'
          ? nothing
          : html`<button
              part="button"
              class="button"
              type="button"
              ?disabled=${busy || mobile}
              aria-disabled=${parsed.ok ? 'false' : 'true'}
              aria-describedby=${mobile || signed ? 'notice error' : 'error'}
              @click=${this._onClick}
            >
              ${busy
                ? html`<span class="spinner" aria-hidden="true"></span><span>${t.busy}</span>`
                : signed
                  ? t.confirm(formatted!)
                  : html`<slot>${formatted ? t.pay(formatted) : t.payNoAmount}</slot>`}
            </button>`}
        ${frame ? frame.render() : nothing}
        ${this._renderAlert(this._error ? this._errorText(this._error) : nothing)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ecommpay-checkout': EcommpayCheckout;
  }
}
