import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatAmount } from '../../core/amount.ts';
import { loadCatalogue } from '../../core/banks.ts';
import type { FieldIssue } from '../../core/errors.ts';
import type { GateBody } from '../../core/gate.ts';
import { INSTAPAY_MAX, isMethodCode, methodRules, type MethodCode } from '../../core/methods/index.ts';
import { PAYOUT_FIELDS, checkPayout, parseMajorAmount, type PanType, type PayoutCheck, type PayoutField } from '../../core/payout.ts';
import { ruleMessages, uiLang, type Lang } from '../../i18n/index.ts';
import { payoutMessages, type PayoutMessages } from '../../i18n/payout.ts';
import { define } from '../../define.ts';
import { EcommpayBankSelect } from '../bank-select/ecommpay-bank-select.ts';
import { EcommpayPayoutSubmitEvent } from './events.ts';
import { payoutFormStyles } from './ecommpay-payout-form.styles.ts';

const AMOUNT = 'payment.amount';
const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

/**
 * @tagname ecommpay-payout-form
 * @summary The account details a payout needs (CUP Banks or Banks of the Philippines), checked
 * with the Gate schema; produces the Gate payout body without `general`. Form-associated: inside
 * your `<form>` it blocks submission while invalid and submits `name=<JSON request>`.
 *
 * @slot - The submit button's label (default "Request payout" / "申请提现").
 *
 * @event ecommpay-payout-submit - `{ method, request }`: valid details were submitted (its own button, Enter, or the outer form's submit).
 *
 * @csspart base - The wrapper.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each label.
 * @csspart input - Each text input and the region `<select>`.
 * @csspart bank - The `<ecommpay-bank-select>`.
 * @csspart hint - Field hints.
 * @csspart field-error - A field's error text.
 * @csspart amount - The fixed amount, when `amount` is set.
 * @csspart button - The submit button.
 * @csspart error - The `role="alert"` summary.
 *
 * @cssproperty --ecommpay-font - Font family.
 * @cssproperty --ecommpay-text - Text colour.
 * @cssproperty --ecommpay-muted - Secondary text colour.
 * @cssproperty --ecommpay-surface - Input background.
 * @cssproperty --ecommpay-border - Border colour.
 * @cssproperty --ecommpay-radius - Corner radius.
 * @cssproperty --ecommpay-accent - Button background.
 * @cssproperty --ecommpay-accent-text - Button text colour.
 * @cssproperty --ecommpay-error - Error colour.
 * @cssproperty --ecommpay-focus - Focus ring colour.
 */
export class EcommpayPayoutForm extends LitElement {
  static override styles = payoutFormStyles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** `cup-bank` or `online-philippines-banks`. Required. */
  @property() method: string | null = null;

  /** Amount in minor units (`100000` = 1,000.00). Without it the form asks for the amount. */
  @property() amount: string | number | null = null;

  /** Payout currency; defaults to (and must be) the method's: CNY or PHP. */
  @property() currency: string | null = null;

  /** `en` or `zh` (default: CUP `zh`, Philippines `en`): labels and error messages. */
  @property() language: string | null = null;

  /** Your backend's bank list for `<ecommpay-bank-select>` (see there). */
  @property({ attribute: 'banks-url' }) banksUrl: string | null = null;

  /** Form field name: the outer form gets `name=<the request as JSON>`. */
  @property({ reflect: true }) name: string | null = null;

  /** `payment.description` (default "Payout"). */
  @property() description: string | null = null;

  /** Test projects: only the method's test banks (Philippines: 486 and 487). */
  @property({ type: Boolean, attribute: 'test-mode' }) testMode = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The field values, by request path (`customer.first_name`, `account.bank_id`, …). */
  get values(): Record<string, string> {
    return { ...this._values };
  }
  set values(values: Record<string, string>) {
    this._values = { ...values };
  }

  /** The request when the details are valid, else `null`. */
  get request(): GateBody | null {
    const check = this._check();
    return check?.ok ? check.request : null;
  }

  /** Every broken rule (fields by request path); empty when valid. */
  get issues(): FieldIssue[] {
    const check = this._check();
    return check ? (check.ok ? [] : check.issues) : [{ field: 'method', message: ruleMessages[this._lang].required('method') }];
  }

  get form(): HTMLFormElement | null {
    return this._internals.form;
  }
  get validity(): ValidityState {
    return this._internals.validity;
  }
  get validationMessage(): string {
    return this._internals.validationMessage;
  }
  checkValidity(): boolean {
    return this._internals.checkValidity();
  }
  reportValidity(): boolean {
    this._showAll = true;
    return this._internals.reportValidity();
  }

  @state() private _values: Record<string, string> = {};
  @state() private _panType: PanType = 'card';
  @state() private _touched = new Set<string>();
  @state() private _showAll = false;
  @state() private _regions: readonly { id: number; name: string }[] = [];
  @state() private _formDisabled = false;

  private _internals = this.attachInternals();
  private _outerForm: HTMLFormElement | null = null;

  // ── behaviour ────────────────────────────────────────────────────────────

  constructor() {
    super();
    // `values` set before the element was defined (a lazily loaded chunk) sits on the instance,
    // hiding the accessor: move it through the accessor. (Lit does this for reactive properties.)
    if (Object.hasOwn(this, 'values')) {
      const early = (this as { values: Record<string, string> }).values;
      delete (this as { values?: unknown }).values;
      this.values = early;
    }
    // The outer form's interactive validation found us invalid: show every error.
    this.addEventListener('invalid', () => {
      this._showAll = true;
    });
  }

  private get _method(): MethodCode | null {
    return isMethodCode(this.method) ? this.method : null;
  }

  private get _lang(): Lang {
    return uiLang(this.language, this._method ? methodRules(this._method).uiLanguage : 'en');
  }

  private get _t(): PayoutMessages {
    return payoutMessages[this._lang];
  }

  private get _currency(): string {
    return this.currency ?? (this._method ? methodRules(this._method).payoutCurrency : '');
  }

  /** Whether the merchant set the amount (then it is shown, not asked for). */
  private get _fixedAmount(): boolean {
    return this.amount !== null && this.amount !== undefined && String(this.amount).trim() !== '';
  }

  private get _amount(): number | null {
    if (this._fixedAmount) {
      const text = String(this.amount).trim();
      return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
    }
    const text = this._values[AMOUNT] ?? '';
    return text.trim() ? parseMajorAmount(text, this._currency) : null;
  }

  private _check(): PayoutCheck | null {
    const method = this._method;
    if (!method) return null;
    const options = { amount: this._amount, currency: this._currency, description: this.description ?? 'Payout', panType: this._panType };
    const check = checkPayout(method, this._values, options, this._lang);
    // Only banks of the list shown (payout-capable; test banks in test mode), once it has loaded.
    const bank = this._values['account.bank_id'];
    const select = this.renderRoot?.querySelector('ecommpay-bank-select');
    if (bank && select?.source && !select.banks.some((b) => String(b.id) === bank.trim())) {
      const issue = { field: 'account.bank_id', message: ruleMessages[this._lang].notInList('account.bank_id') };
      return { ok: false, request: check.request, issues: [issue, ...(check.ok ? [] : check.issues.filter((i) => i.field !== issue.field))] };
    }
    // A typed amount that is not a number: say so rather than "required".
    if (!check.ok && !this._fixedAmount && (this._values[AMOUNT] ?? '').trim() && this._amount === null) {
      const t = ruleMessages[this._lang];
      check.issues = check.issues.map((i) => (i.field === AMOUNT ? { field: AMOUNT, message: t.format(AMOUNT, '1000.00') } : i));
    }
    return check;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('method')) this._loadRegions();
  }

  private async _loadRegions(): Promise<void> {
    const method = this._method;
    this._regions = [];
    if (!method) return;
    const { regionsFor } = await loadCatalogue();
    if (this._method === method) this._regions = regionsFor(method);
  }

  /** Keeps the form value and validity in step with the fields, after each render (the anchor exists then). */
  protected override updated(): void {
    const check = this._check();
    const issues = check ? (check.ok ? [] : check.issues) : this.issues;
    this._internals.setFormValue(check?.ok ? JSON.stringify(check.request) : null);
    if (issues.length === 0) {
      this._internals.setValidity({});
    } else {
      const first = issues[0]!;
      const anchor = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first.field)}`) ?? this.renderRoot.querySelector('button') ?? undefined;
      this._internals.setValidity({ customError: true }, this._message(first), anchor);
    }
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    this._outerForm?.removeEventListener('submit', this._onOuterSubmit, true);
    this._outerForm = form;
    form?.addEventListener('submit', this._onOuterSubmit, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._outerForm?.removeEventListener('submit', this._onOuterSubmit, true);
    this._outerForm = null;
  }

  override connectedCallback(): void {
    // The bank choice it renders (defined here rather than by a module side effect a bundler may drop).
    define('ecommpay-bank-select', EcommpayBankSelect);
    super.connectedCallback();
    if (this._internals.form && this._internals.form !== this._outerForm) this.formAssociatedCallback(this._internals.form);
  }

  formResetCallback(): void {
    this._values = {};
    this._panType = 'card';
    this._touched = new Set();
    this._showAll = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  /**
   * Submits: shows every error while invalid; when valid, fires `ecommpay-payout-submit` (inside
   * an outer form, through that form's `requestSubmit()`, so its own submit handlers run too).
   */
  submit(): void {
    const form = this._internals.form;
    if (form) {
      this._showAll = true;
      form.requestSubmit();
      return;
    }
    this._submitOwn();
  }

  private _submitOwn(): boolean {
    const check = this._check();
    if (!check?.ok) {
      this._showAll = true;
      void this.updateComplete.then(() => this._focusFirstInvalid());
      return false;
    }
    this.dispatchEvent(new EcommpayPayoutSubmitEvent({ method: this._method!, request: check.request }));
    return true;
  }

  private _focusFirstInvalid(): void {
    const first = this.issues[0];
    const control = first && this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first.field)}`);
    control?.focus();
  }

  /** The outer form is submitting (it passed validation, or it has `novalidate`). */
  private _onOuterSubmit = (event: SubmitEvent) => {
    if (!this._submitOwn()) event.preventDefault();
  };

  private _onInnerSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submit();
  };

  private _onInput = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    this._values = { ...this._values, [target.name]: target.value };
  };

  private _onBlur = (event: FocusEvent) => {
    const name = (event.target as HTMLInputElement).name;
    if (name && !this._touched.has(name)) this._touched = new Set(this._touched).add(name);
  };

  private _onBankChange = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    this._values = { ...this._values, 'account.bank_id': value };
    this._touched = new Set(this._touched).add('account.bank_id');
  };

  private _onPanType = (event: Event) => {
    this._panType = (event.target as HTMLInputElement).value === 'account' ? 'account' : 'card';
  };

  // ── rendering ────────────────────────────────────────────────────────────

  private _label(field: string): string {
    const t = this._t;
    if (field === 'card.pan' && this._panType === 'account') return t.accountNumber;
    if (field === AMOUNT && !this._fixedAmount) return t.amount(this._currency);
    return t.labels[field] ?? field;
  }

  /** A rule message with the field's label in place of its request path. */
  private _message(issue: FieldIssue): string {
    const label = this._label(issue.field);
    return issue.message.includes(issue.field) ? issue.message.split(issue.field).join(label) : `${label}: ${issue.message}`;
  }

  private _hint(field: string): string | null {
    const t = this._t;
    const method = this._method!;
    if (field === AMOUNT) {
      const { min, max } = methodRules(method).payoutLimits;
      const currency = this._currency;
      const limits = t.limits(formatAmount(min, currency, this._lang), formatAmount(max, currency, this._lang));
      return method === 'online-philippines-banks' ? `${limits} ${t.instapay(formatAmount(INSTAPAY_MAX, currency, this._lang))}` : limits;
    }
    if (field === 'card.pan' && this._panType === 'account') return t.hints['account.number'] ?? null;
    return t.hints[field] ?? null;
  }

  private _field(field: PayoutField, errors: Map<string, string>, disabled: boolean) {
    const t = this._t;
    const id = fieldId(field.name);
    const error = errors.get(field.name);
    const hint = this._hint(field.name);
    const value = this._values[field.name] ?? '';
    const label = this._label(field.name);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    let control;
    if (field.kind === 'bank') {
      control = html`<ecommpay-bank-select
        part="bank"
        id=${id}
        name=${field.name}
        method=${this._method!}
        operation="payout"
        banks-url=${this.banksUrl ?? nothing}
        ?test-mode=${this.testMode}
        language=${this._lang}
        label=${label}
        .value=${value}
        .error=${error ?? null}
        ?disabled=${disabled}
        @change=${this._onBankChange}
        @ecommpay-banks=${() => this.requestUpdate()}
      ></ecommpay-bank-select>`;
    } else if (field.kind === 'region') {
      control = html`<select
        part="input"
        id=${id}
        name=${field.name}
        class="input"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
        .value=${live(value)}
        ?disabled=${disabled}
        @change=${this._onInput}
        @blur=${this._onBlur}
      >
        <option value="" ?selected=${value === ''}>${t.regionPlaceholder}</option>
        ${this._regions.map((r) => html`<option value=${String(r.id)} ?selected=${value === String(r.id)}>${r.name}</option>`)}
      </select>`;
    } else {
      control = html`<input
        part="input"
        id=${id}
        name=${field.name}
        class="input"
        type=${field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'text'}
        inputmode=${field.kind === 'digits' || field.kind === 'tel' ? 'numeric' : nothing}
        autocomplete=${field.autocomplete ?? nothing}
        lang=${field.chinese ? 'zh-CN' : nothing}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
        aria-required=${field.optional ? nothing : 'true'}
        .value=${live(value)}
        ?disabled=${disabled}
        @input=${this._onInput}
        @blur=${this._onBlur}
      />`;
    }
    return html`<div part="field" class="field">
      ${field.kind === 'bank'
        ? nothing
        : html`<label part="label" for=${id}>${label}${field.optional ? html` <span class="optional">${t.optional}</span>` : nothing}</label>`}
      ${control}
      ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error && field.kind !== 'bank' ? html`<p part="field-error" class="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private _panTypeChoice(disabled: boolean) {
    const t = this._t;
    const radio = (value: PanType, label: string) =>
      html`<label class="radio"
        ><input type="radio" name="pan-type" value=${value} .checked=${live(this._panType === value)} ?disabled=${disabled} @change=${this._onPanType} />
        ${label}</label
      >`;
    return html`<fieldset part="field" class="field choice">
      <legend part="label">${t.panType}</legend>
      ${radio('card', t.panCard)} ${radio('account', t.panAccount)}
    </fieldset>`;
  }

  override render() {
    const t = this._t;
    const method = this._method;
    const lang = this._lang;
    if (!method) {
      return html`<div part="error" class="alert" role="alert">${ruleMessages[lang].oneOf('method', ['cup-bank', 'online-philippines-banks'])}</div>`;
    }
    const disabled = this.disabled || this._formDisabled;
    const issues = this.issues;
    const fields = new Set(PAYOUT_FIELDS[method].map((f) => f.name));
    if (!this._fixedAmount) fields.add(AMOUNT);
    const errors = new Map<string, string>();
    for (const issue of issues) {
      if (fields.has(issue.field) && (this._showAll || this._touched.has(issue.field))) errors.set(issue.field, this._message(issue));
    }
    // Rules no field can fix: the merchant's attributes (amount, currency, description).
    const setup = issues.filter((i) => !fields.has(i.field));
    const amount = this._amount;
    const amountField: PayoutField = { name: AMOUNT, kind: 'digits', autocomplete: 'off' };

    return html`
      <form part="base" class="base" lang=${lang === 'zh' ? 'zh-CN' : 'en'} novalidate @submit=${this._onInnerSubmit}>
        ${this._fixedAmount
          ? html`<p class="summary">
              <span>${t.amountFixed}</span>
              <strong part="amount" class="amount">${amount === null ? String(this.amount) : formatAmount(amount, this._currency, lang)}</strong>
            </p>`
          : this._field(amountField, errors, disabled)}
        ${PAYOUT_FIELDS[method].map((field) => html`${field.name === 'card.pan' ? this._panTypeChoice(disabled) : nothing}${this._field(field, errors, disabled)}`)}
        <div part="error" class="alert" role="alert">${setup.length > 0
            ? html`<span>${t.invalidSetup}</span>
                <ul>
                  ${setup.map((i) => html`<li>${this._message(i)}</li>`)}
                </ul>`
            : this._showAll && errors.size > 0
              ? t.fixErrors
              : nothing}</div>
        <button part="button" class="button" type="submit" ?disabled=${disabled}><slot>${t.submit}</slot></button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ecommpay-payout-form': EcommpayPayoutForm;
  }
}
