import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatAmount } from '../../core/amount.ts';
import { define } from '../../define.ts';
import { EcommpayFailure, type EcommpayErrorDetail, type FieldIssue } from '../../core/errors.ts';
import {
  effectiveLimits,
  paramIssues,
  parseCheckoutConfig,
  withPickedBank,
  type CheckoutConfig,
  type LaunchParams,
  type Parsed,
} from '../../core/launch.ts';
import { methodRules, isMethodCode } from '../../core/methods/index.ts';
import { DEFAULT_PAYMENT_PAGE_URL, launchUrl, paymentPageBase } from '../../core/payment-page.ts';
import {
  DEFAULT_SIGN_TIMEOUT,
  checkSignAnswer,
  signOverHttp,
  withTimeout,
  type SignAnswer,
  type SignFunction,
} from '../../core/sign-client.ts';
import { bankSelectMessages } from '../../i18n/bank-select.ts';
import { checkoutMessages, type CheckoutMessages } from '../../i18n/checkout.ts';
import { ruleMessages, uiLang, type Lang } from '../../i18n/index.ts';
import { isMobileDevice } from '../device.ts';
import type { EcommpayBankSelect } from '../bank-select/ecommpay-bank-select.ts';
import { EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from '../events.ts';
import { checkoutStyles } from './ecommpay-checkout.styles.ts';

/** A valid checkout, ready to sign: the parsed configuration plus how to sign and where to go. */
interface Launchable extends CheckoutConfig {
  base: string;
  timeout: number;
}

/**
 * @tagname ecommpay-checkout
 * @summary Opens ecommpay's Payment Page for CUP Banks or Banks of the Philippines, with
 * parameters checked against the method's rules and signed by the merchant's backend.
 *
 * @slot - The pay button's label (default: "Pay ¥100.00" / "支付 ¥100.00").
 *
 * @event ecommpay-ready - `{ params }`: the configuration became valid.
 * @event ecommpay-launch - `{ url, params, signature }`, cancelable: about to open the Payment Page.
 * @event ecommpay-error - `{ code, message, issues? }`: invalid configuration, mobile device (CUP), or a signing failure.
 *
 * @csspart base - The card around everything.
 * @csspart summary - The method and amount list.
 * @csspart method - The method's name.
 * @csspart amount - The formatted amount.
 * @csspart notice - The "not supported on mobile devices" note.
 * @csspart button - The pay button.
 * @csspart error - The `role="alert"` region.
 * @csspart bank - The `<ecommpay-bank-select>` of `bank-picker`.
 *
 * @cssproperty --ecommpay-font - Font family.
 * @cssproperty --ecommpay-text - Text colour.
 * @cssproperty --ecommpay-muted - Secondary text colour.
 * @cssproperty --ecommpay-surface - Card background.
 * @cssproperty --ecommpay-border - Card border colour.
 * @cssproperty --ecommpay-radius - Corner radius.
 * @cssproperty --ecommpay-padding - Card padding.
 * @cssproperty --ecommpay-accent - Button background.
 * @cssproperty --ecommpay-accent-text - Button text colour.
 * @cssproperty --ecommpay-error - Error colour.
 * @cssproperty --ecommpay-focus - Focus ring colour.
 */
export class EcommpayCheckout extends LitElement {
  static override styles = checkoutStyles;

  /** `cup-bank` or `online-philippines-banks`. Required. */
  @property() method: string | null = null;

  /** Your ecommpay project ID (`project_id`). Required. */
  @property({ attribute: 'project-id' }) projectId: string | number | null = null;

  /** Your payment ID (`payment_id`), unique within the project. Required. */
  @property({ attribute: 'payment-id' }) paymentId: string | null = null;

  /** Amount in minor units (`payment_amount`; `10000` = 100.00). Required. */
  @property() amount: string | number | null = null;

  /** ISO 4217 currency (`payment_currency`); defaults to the method's (CUP: CNY only). */
  @property() currency: string | null = null;

  /** Your customer's ID (`customer_id`). Required. */
  @property({ attribute: 'customer-id' }) customerId: string | null = null;

  /** `payment_description`, at most 255 characters; required for CUP. */
  @property() description: string | null = null;

  /** `language_code` and the UI language. CUP: always `zh` (the default). */
  @property() language: string | null = null;

  @property({ attribute: 'customer-email' }) customerEmail: string | null = null;
  @property({ attribute: 'customer-first-name' }) customerFirstName: string | null = null;
  @property({ attribute: 'customer-last-name' }) customerLastName: string | null = null;

  /** Open the Payment Page on this method directly (`force_payment_method`). */
  @property({ type: Boolean }) preselect = false;

  /** Philippines: each bank as its own button (`split_banks`). */
  @property({ type: Boolean, attribute: 'split-banks' }) splitBanks = false;

  /** Philippines: only these banks, e.g. `"2421,2371"` (`banks_id`). */
  @property({ attribute: 'banks-id' }) banksId: string | null = null;

  /** Override the method's documented purchase limits (minor units). */
  @property({ attribute: 'min-amount' }) minAmount: string | number | null = null;
  @property({ attribute: 'max-amount' }) maxAmount: string | number | null = null;

  /** Your backend's signing endpoint. Required unless `sign` is set. */
  @property({ attribute: 'sign-url' }) signUrl: string | null = null;

  /** Milliseconds to wait for the signature (default 15000). */
  @property({ attribute: 'sign-timeout' }) signTimeout: string | number | null = null;

  /** Payment Page host (default `https://paymentpage.ecommpay.com`). */
  @property({ attribute: 'payment-page-url' }) paymentPageUrl: string | null = null;

  /** CUP: do not block mobile devices. */
  @property({ type: Boolean, attribute: 'allow-mobile' }) allowMobile = false;

  /**
   * Philippines: the buyer picks the bank here first; the launch preselects it (variant 5:
   * `force_payment_method` + `banks_id: [chosen]`, in place of `preselect`/`split-banks`/`banks-id`).
   */
  @property({ type: Boolean, attribute: 'bank-picker' }) bankPicker = false;

  /** `bank-picker`: your backend's bank list (see `<ecommpay-bank-select>`); the bundled catalogue otherwise. */
  @property({ attribute: 'banks-url' }) banksUrl: string | null = null;

  /** `bank-picker` in a test project: only the test banks (486 and 487). */
  @property({ type: Boolean, attribute: 'test-mode' }) testMode = false;

  /** Further Payment Page parameters, passed through as they are. */
  @property({ attribute: false }) extraParams: Record<string, unknown> | null = null;

  /** A custom signer replacing the HTTP call to `sign-url`. */
  @property({ attribute: false }) sign: SignFunction | null = null;

  /** The exact unsigned parameters the next click sends, or `null` while the configuration is invalid. */
  get launchParams(): LaunchParams | null {
    const parsed = this._parse();
    return parsed.ok ? { ...parsed.value.params } : null;
  }

  @state() private _busy = false;
  @state() private _error: EcommpayErrorDetail | null = null;
  /** `bank-picker`: the chosen bank, and the "choose your bank" message after a click without one. */
  @state() private _bank: number | null = null;
  @state() private _bankError: string | null = null;

  private _signing: AbortController | null = null;
  private _announced = '';

  // ── behaviour ────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this._onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this._onPageShow);
    this._signing?.abort();
    this._signing = null;
    this._busy = false;
  }

  /** Coming back with the back button: the page may be restored mid-launch; make it usable again. */
  private _onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this._busy = false;
  };

  private get _lang(): Lang {
    const fallback = isMethodCode(this.method) ? methodRules(this.method).uiLanguage : 'en';
    return uiLang(this.language, fallback);
  }

  private get _t(): CheckoutMessages {
    return checkoutMessages[this._lang];
  }

  private _str(value: string | number | null): string | null {
    return value === null || value === undefined ? null : String(value);
  }

  /** Attributes and properties → a launchable configuration, or every broken rule. */
  private _parse(): Parsed<Launchable> {
    const lang = this._lang;
    const t = ruleMessages[lang];
    const input = {
      method: this.method,
      'project-id': this._str(this.projectId),
      'payment-id': this.paymentId,
      amount: this._str(this.amount),
      currency: this.currency,
      'customer-id': this.customerId,
      description: this.description,
      language: this.language,
      'customer-email': this.customerEmail,
      'customer-first-name': this.customerFirstName,
      'customer-last-name': this.customerLastName,
      preselect: this.preselect,
      'split-banks': this.splitBanks,
      'banks-id': this.banksId,
      'min-amount': this._str(this.minAmount),
      'max-amount': this._str(this.maxAmount),
      extraParams: this.extraParams,
    };
    const picker = this._picker;
    const parsed = parseCheckoutConfig(picker && this._bank !== null ? withPickedBank(input, this._bank) : input, lang);
    const issues: FieldIssue[] = parsed.ok ? [] : [...parsed.issues];
    const add = (field: string, message: string) => issues.push({ field, message });
    if (this.bankPicker && !picker) add('bank-picker', t.onlyForMethod('bank-picker', methodRules('online-philippines-banks').name[lang]));
    if (picker && this._bank === null) add('bank', bankSelectMessages[lang].choose);

    if (!this.sign && !this.signUrl?.trim()) add('sign-url', t.required('sign-url'));
    const timeoutText = this._str(this.signTimeout);
    let timeout = DEFAULT_SIGN_TIMEOUT;
    if (timeoutText !== null) {
      timeout = Number(timeoutText);
      if (!/^[1-9]\d*$/.test(timeoutText.trim())) add('sign-timeout', t.positiveInteger('sign-timeout'));
    }
    const base = paymentPageBase(this.paymentPageUrl ?? DEFAULT_PAYMENT_PAGE_URL);
    if (!base) add('payment-page-url', t.url('payment-page-url'));

    if (!parsed.ok || issues.length > 0 || !base) return { ok: false, issues };
    return { ok: true, value: { ...parsed.value, base, timeout } };
  }

  /** Whether the bank-picker applies (the method has the Philippine display options). */
  private get _picker(): boolean {
    return this.bankPicker && isMethodCode(this.method) && methodRules(this.method).bankDisplayOptions;
  }

  /** Only the bank is missing: the buyer has yet to choose, nothing is misconfigured. */
  private _awaitingBank(parsed: Parsed<Launchable>): boolean {
    return !parsed.ok && parsed.issues.every((i) => i.field === 'bank');
  }

  private _onBankChange = (event: Event) => {
    const id = (event.target as EcommpayBankSelect).bankId;
    this._bank = id;
    if (id !== null) this._bankError = null;
  };

  private get _mobileBlocked(): boolean {
    return isMethodCode(this.method) && !methodRules(this.method).mobileSupported && !this.allowMobile && isMobileDevice();
  }

  private _fail(detail: EcommpayErrorDetail): void {
    this._error = detail;
    this.dispatchEvent(new EcommpayErrorEvent(detail));
  }

  private _invalid(issues: FieldIssue[]): EcommpayErrorDetail {
    return {
      code: 'invalid-config',
      message: `Invalid configuration: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    };
  }

  /** Tells listeners when the configuration turns valid or invalid (once per distinct state). */
  protected override willUpdate(_changed: PropertyValues): void {
    // The bank choice is defined on first use, so pages without it never load it. (Defined here
    // from the class, not by a define module's side effect, which a bundler may drop.)
    if (this._picker && !customElements.get('ecommpay-bank-select')) {
      void import('../bank-select/ecommpay-bank-select.ts').then((m) => define('ecommpay-bank-select', m.EcommpayBankSelect));
    }
    if (this._busy) return;
    const parsed = this._parse();
    const key = JSON.stringify(parsed.ok ? parsed.value.params : parsed.issues);
    if (key === this._announced) return;
    this._announced = key;
    if (this._awaitingBank(parsed)) {
      if (this._error?.code === 'invalid-config') this._error = null;
    } else if (parsed.ok) {
      if (this._error?.code === 'invalid-config') this._error = null;
      this.dispatchEvent(new EcommpayReadyEvent({ params: { ...parsed.value.params } }));
      if (this._mobileBlocked) this._fail({ code: 'mobile-unsupported', message: this._t.mobileUnsupported });
    } else {
      this._fail(this._invalid(parsed.issues));
    }
  }

  /**
   * Signs and opens the Payment Page: what the pay button does. While a launch is under way,
   * further calls do nothing (one click, one signing request, one navigation).
   */
  async pay(): Promise<void> {
    if (this._busy) return;
    const parsed = this._parse();
    if (this._awaitingBank(parsed)) {
      this._bankError = bankSelectMessages[this._lang].choose;
      this.dispatchEvent(new EcommpayErrorEvent(this._invalid(parsed.ok ? [] : parsed.issues)));
      this.renderRoot.querySelector<HTMLElement>('ecommpay-bank-select')?.focus();
      return;
    }
    if (!parsed.ok) return this._fail(this._invalid(parsed.issues));
    if (this._mobileBlocked) return this._fail({ code: 'mobile-unsupported', message: this._t.mobileUnsupported });

    const config = parsed.value;
    const controller = new AbortController();
    this._signing = controller;
    this._busy = true;
    this._error = null;
    let navigating = false;
    try {
      const answer = await withTimeout(config.timeout, controller.signal, (signal) => this._requestSignature(config, signal));
      if (controller.signal.aborted) return;
      const params = this._signedParams(config, answer);
      const url = launchUrl(config.base, params, answer.signature);
      const proceed = this.dispatchEvent(new EcommpayLaunchEvent({ url, params: { ...params }, signature: answer.signature }));
      if (proceed && this.isConnected) {
        navigating = true;
        window.location.assign(url);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this._fail(
        error instanceof EcommpayFailure
          ? error.toDetail()
          : { code: 'sign-invalid-response', message: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      if (this._signing === controller) this._signing = null;
      // After a navigation starts the page is leaving: stay busy so nothing is sent twice.
      if (!navigating) this._busy = false;
    }
  }

  private async _requestSignature(config: Launchable, signal: AbortSignal): Promise<SignAnswer> {
    const params = { ...config.params };
    if (this.sign) return checkSignAnswer(await this.sign(params, { signal }));
    return signOverHttp(this.signUrl!, params, signal);
  }

  /** The backend is the authority: its `params`, when present, replace ours after the same checks. */
  private _signedParams(config: Launchable, answer: SignAnswer): LaunchParams {
    if (!answer.params) return config.params;
    const currency = String(answer.params.payment_currency ?? '');
    const min = this._str(this.minAmount);
    const max = this._str(this.maxAmount);
    const limits = effectiveLimits(config.rules, currency, min === null ? undefined : Number(min), max === null ? undefined : Number(max));
    const issues = paramIssues(config.rules, answer.params, limits, this._lang);
    if (issues.length > 0) {
      throw new EcommpayFailure(
        'sign-invalid-response',
        `The parameters the backend signed break the method's rules: ${issues.map((i) => i.message).join('; ')}`,
        issues,
      );
    }
    return answer.params;
  }

  private _onClick = () => {
    void this.pay();
  };

  // ── rendering ────────────────────────────────────────────────────────────

  private _errorText(error: EcommpayErrorDetail): string {
    const t = this._t;
    switch (error.code) {
      case 'invalid-config':
        return t.invalidConfig;
      case 'mobile-unsupported':
        return t.mobileUnsupported;
      case 'sign-http':
        return t.signHttp;
      case 'sign-network':
        return t.signNetwork;
      case 'sign-timeout':
        return t.signTimeout;
      default:
        return t.signInvalid;
    }
  }

  override render() {
    const t = this._t;
    const lang = this._lang;
    const parsed = this._parse();
    const rules = isMethodCode(this.method) ? methodRules(this.method) : null;
    const amount = Number(this._str(this.amount));
    const currency = this.currency ?? rules?.currency ?? '';
    const formatted =
      this.amount !== null && Number.isSafeInteger(amount) && /^[A-Z]{3}$/.test(currency) ? formatAmount(amount, currency, lang) : null;
    const error = this._error;
    const invalid = !parsed.ok;

    return html`
      <div part="base" class="base" lang=${lang === 'zh' ? 'zh-CN' : 'en'} aria-busy=${this._busy ? 'true' : 'false'}>
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
        ${this._mobileBlocked ? html`<p part="notice" class="notice">${t.mobileUnsupported}</p>` : nothing}
        ${this._picker
          ? html`<ecommpay-bank-select
              part="bank"
              method=${this.method!}
              operation="sale"
              banks-url=${this.banksUrl ?? nothing}
              ?test-mode=${this.testMode}
              language=${lang}
              .error=${this._bankError}
              ?disabled=${this._busy}
              @change=${this._onBankChange}
            ></ecommpay-bank-select>`
          : nothing}
        <button
          part="button"
          class="button"
          type="button"
          ?disabled=${this._busy}
          aria-disabled=${invalid ? 'true' : 'false'}
          aria-describedby="error"
          @click=${this._onClick}
        >
          ${this._busy
            ? html`<span class="spinner" aria-hidden="true"></span><span>${t.busy}</span>`
            : html`<slot>${formatted ? t.pay(formatted) : t.payNoAmount}</slot>`}
        </button>
        <div part="error" id="error" class="alert" role="alert">${error ? this._renderError(error) : nothing}</div>
      </div>
    `;
  }

  private _renderError(error: EcommpayErrorDetail) {
    return html`<span>${this._errorText(error)}</span>${error.issues?.length
        ? html`<ul>
            ${error.issues.map((issue) => html`<li>${issue.message}</li>`)}
          </ul>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ecommpay-checkout': EcommpayCheckout;
  }
}
