import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatAmount } from '../../core/amount.ts';
import { loadCatalogue } from '../../core/banks.ts';
import { describeIssues, type FieldIssue } from '../../core/errors.ts';
import type { GateBody } from '../../core/gate.ts';
import { METHOD_CODES, isMethodCode, methodRules, type MethodCode } from '../../core/methods/index.ts';
import { checkPayout, parseMajorAmount, payoutFields, type PanType, type PayoutCheck, type PayoutField } from '../../core/payout.ts';
import { CURRENCY, issue } from '../../core/rules.ts';
import type { Region } from '../../data/types.ts';
import type { Lang } from '../../i18n/index.ts';
import { payoutMessages, type PayoutMessages } from '../../i18n/payout.ts';
import { define } from '../../define.ts';
import { EcommpayBankSelect } from '../bank-select/ecommpay-bank-select.ts';
import { EcommpayElement, refusable, text, warnOnce } from '../base.ts';
import { Job } from '../job.ts';
import { loadFailure } from '../lazy.ts';
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
 * @event {EcommpayPayoutSubmitEvent} ecommpay-payout-submit - `{ method, request }`: valid details were submitted (its own button, Enter, or the outer form's submit).
 * @event {EcommpayErrorEvent} ecommpay-error - `{ code: 'load-failed', message }`: the region list could not be loaded (tried again when `method` changes or the form reconnects).
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
 */
export class EcommpayPayoutForm extends EcommpayElement {
  static override styles = payoutFormStyles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...EcommpayElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    method: {},
    amount: {},
    currency: {},
    banksUrl: { attribute: 'banks-url' },
    name: { reflect: true, converter: { toAttribute: text } },
    description: {},
    testMode: { type: Boolean, attribute: 'test-mode' },
    disabled: { type: Boolean, reflect: true },
    _values: { state: true },
    _panType: { state: true },
    _touched: { state: true },
    _showAll: { state: true },
    _regions: { state: true },
    _formDisabled: { state: true },
  };

  /** `cup-bank` or `online-philippines-banks`. Required. */
  declare method: string | null;
  /** Amount in minor units (`100000` = 1,000.00). Without it the form asks for the amount. */
  declare amount: string | number | null;
  /** Payout currency; defaults to (and must be) the method's: CNY or PHP. */
  declare currency: string | null;
  /** Your backend's bank list for `<ecommpay-bank-select>` (see there). */
  declare banksUrl: string | null;
  /** Form field name: the outer form gets `name=<the request as JSON>`. */
  declare name: string | null;
  /** `payment.description` (default "Payout"). */
  declare description: string | null;
  /** Test projects: only the method's test banks (Philippines: 486 and 487). */
  declare testMode: boolean;
  declare disabled: boolean;

  /** The field values, by request path (`customer.first_name`, `account.bank_id`, …). */
  get values(): Record<string, string> {
    return { ...this._values };
  }
  set values(values: Record<string, string>) {
    // Only what a field can hold: text (numbers as text); other entries, or no object at all, are dropped.
    const kept: Record<string, string> = {};
    try {
      for (const [name, value] of Object.entries(values ?? {})) {
        const held = text(value);
        if (held !== null) kept[name] = held;
      }
    } catch {
      // Unreadable (a revoked Proxy, a throwing getter): what was read so far.
    }
    this._values = kept;
  }

  /** The request when the details are valid, else `null`. */
  get request(): GateBody | null {
    const check = this._check();
    return check?.ok ? check.request : null;
  }

  /** Every broken rule (fields by request path); empty when valid. */
  get issues(): FieldIssue[] {
    return this._issuesOf(this._check());
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

  declare private _values: Record<string, string>;
  declare private _panType: PanType;
  declare private _touched: Set<string>;
  declare private _showAll: boolean;
  declare private _regions: readonly Region[];
  declare private _formDisabled: boolean;

  private _internals = this.attachInternals();
  private _outerForm: HTMLFormElement | null = null;
  private _regionLoader = new Job(this);

  // ── behaviour ────────────────────────────────────────────────────────────

  constructor() {
    super();
    this.method = this.amount = this.currency = this.banksUrl = this.name = this.description = null;
    this.testMode = this.disabled = false;
    this._values = {};
    this._panType = 'card';
    this._touched = new Set();
    this._showAll = this._formDisabled = false;
    this._regions = [];
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

  protected override get _defaultLang(): Lang {
    return this._method ? methodRules(this._method).uiLanguage : 'en';
  }

  private get _t(): PayoutMessages {
    return payoutMessages[this._lang];
  }

  /** The field that takes a card number or a bank account number (CUP's `card.pan`), if the method has one. */
  private get _panField(): string | undefined {
    return this._method ? payoutFields(this._method).find((f) => f.kind === 'pan')?.name : undefined;
  }

  /** `currency`, or the method's when unset; what is no text (an object) stays refusable, never the default. */
  private get _currency(): string {
    return refusable(this.currency) ?? this._methodCurrency;
  }

  private get _methodCurrency(): string {
    return this._method ? methodRules(this._method).payoutCurrency : '';
  }

  /** The currency labels and amounts are shown in: `currency` when it is a code, else the method's (the request, with the bad one, is refused). */
  private get _shownCurrency(): string {
    return CURRENCY.test(this._currency) ? this._currency : this._methodCurrency;
  }

  /** Whether the merchant set the amount (then it is shown, not asked for). */
  private get _fixedAmount(): boolean {
    return this.amount !== null && this.amount !== undefined && text(this.amount)?.trim() !== '';
  }

  private get _amount(): number | null {
    if (this._fixedAmount) {
      // Not text (an object): no amount, so nothing can be sent.
      const fixed = (text(this.amount) ?? '').trim();
      return /^\d+$/.test(fixed) && Number.isSafeInteger(Number(fixed)) ? Number(fixed) : null;
    }
    const typed = this._values[AMOUNT] ?? '';
    return typed.trim() ? parseMajorAmount(typed, this._shownCurrency) : null;
  }

  private _check(): PayoutCheck | null {
    const method = this._method;
    if (!method) return null;
    const options = { amount: this._amount, currency: this._currency, description: text(this.description) ?? 'Payout', panType: this._panType };
    const check = checkPayout(method, this._values, options);
    // Only banks of the list shown (payout-capable; test banks in test mode), once it has loaded.
    const bank = this._values['account.bank_id'];
    const select = this.renderRoot?.querySelector('ecommpay-bank-select');
    if (bank && select?.source && !select.banks.some((b) => String(b.id) === bank.trim())) {
      const notListed = issue('account.bank_id', 'not-in-list');
      return { ok: false, request: check.request, issues: [notListed, ...(check.ok ? [] : check.issues.filter((i) => i.field !== notListed.field))] };
    }
    // A typed amount that is not a number: say so rather than "required".
    if (!check.ok && !this._fixedAmount && (this._values[AMOUNT] ?? '').trim() && this._amount === null) {
      check.issues = check.issues.map((i) => (i.field === AMOUNT ? issue(AMOUNT, 'pattern', { example: '1000.00' }) : i));
    }
    return check;
  }

  private _issuesOf(check: PayoutCheck | null): FieldIssue[] {
    return check ? (check.ok ? [] : check.issues) : [issue('method', 'one-of', { values: METHOD_CODES.join(', ') })];
  }

  /** The fields the buyer fills in (the amount too, unless the merchant set it). */
  private get _fields(): Set<string> {
    const fields = new Set(this._method ? payoutFields(this._method).map((f) => f.name) : []);
    if (!this._fixedAmount) fields.add(AMOUNT);
    return fields;
  }

  /** The check this update renders and reports to the outer form, made once per update. */
  private _checked: PayoutCheck | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('method')) this._loadRegions();
    this._checked = this._check();
  }

  /** The method's regions from the catalogue's chunk; a stale answer (the method changed) is dropped. */
  private _loadRegions(): void {
    const method = this._method;
    this._regions = [];
    if (!method) return this._regionLoader.abort();
    void this._regionLoader.run(
      () => loadCatalogue().then(({ regionsFor }) => regionsFor(method)),
      (regions) => {
        if (this._error?.code === 'load-failed') this._error = null;
        this._regions = regions;
      },
      (error) => this._fail(loadFailure('the region list', error)),
    );
  }

  /** Keeps the form value and validity in step with the fields, after each render (the anchor exists then). */
  protected override updated(): void {
    const check = this._checked;
    const issues = this._issuesOf(check);
    // Rules of the merchant's own attributes: the buyer reads that the form is set up wrongly; the developer, which rule.
    const fields = this._fields;
    const setup = issues.filter((i) => !fields.has(i.field));
    if (setup.length > 0) warnOnce({ code: 'invalid-config', message: describeIssues('Invalid payout form configuration', setup), issues: setup });
    this._internals.setFormValue(check?.ok ? JSON.stringify(check.request) : null);
    if (issues.length === 0) {
      this._internals.setValidity({});
    } else {
      const first = this._firstOnScreen(issues);
      const anchor = first?.control ?? this.renderRoot.querySelector('button') ?? undefined;
      this._internals.setValidity({ customError: true }, this._message(first?.issue ?? issues[0]!), anchor);
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
    if (this.hasUpdated && this._regions.length === 0) this._loadRegions();
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
    this._firstOnScreen(this.issues)?.control.focus();
  }

  /** The invalid field the buyer meets first on screen (the issues come in the schema's order). */
  private _firstOnScreen(issues: readonly FieldIssue[]): { issue: FieldIssue; control: HTMLElement } | null {
    let first: { issue: FieldIssue; control: HTMLElement } | null = null;
    for (const issue of issues) {
      const control = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(issue.field)}`);
      if (control && (!first || first.control.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING)) first = { issue, control };
    }
    return first;
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
    if (field === this._panField && this._panType === 'account') return t.accountNumber;
    if (field === AMOUNT && !this._fixedAmount) return t.amount(this._shownCurrency);
    return t.labels[field] ?? field;
  }

  /** The buyer's sentence for a broken rule, naming the field by its label (amounts as money). */
  private _message(found: FieldIssue): string {
    const params = { ...found.params };
    if (typeof params.limit === 'number' && typeof params.currency === 'string') params.limit = formatAmount(params.limit, params.currency, this._lang);
    return this._t.issue(found.rule, this._label(found.field), params);
  }

  private _hint(field: string): string | null {
    const t = this._t;
    const method = this._method!;
    if (field === AMOUNT) {
      const { payoutLimits: { min, max }, instantPayoutMax } = methodRules(method);
      const money = (v: number) => formatAmount(v, this._shownCurrency, this._lang);
      const limits = t.limits(money(min), money(max));
      return instantPayoutMax ? `${limits} ${t.instapay(money(instantPayoutMax))}` : limits;
    }
    if (field === this._panField && this._panType === 'account') return t.hints['account.number'] ?? null;
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
        banks-url=${text(this.banksUrl) ?? nothing}
        ?test-mode=${!!this.testMode}
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
        ${this._regions.map((r) => html`<option value=${String(r.id)} ?selected=${value === String(r.id)}>${(this._lang === 'zh' && r.zh) || r.name}</option>`)}
      </select>`;
    } else {
      control = html`<input
        part="input"
        id=${id}
        name=${field.name}
        class="input"
        type=${field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'text'}
        inputmode=${field.kind === 'digits' || field.kind === 'pan' || field.kind === 'tel' ? 'numeric' : nothing}
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
    if (!method) return this._renderAlert(t.invalidSetup);
    const disabled = !!this.disabled || this._formDisabled;
    const issues = this._issuesOf(this._checked);
    const fields = this._fields;
    const errors = new Map<string, string>();
    for (const issue of issues) {
      if (fields.has(issue.field) && (this._showAll || this._touched.has(issue.field))) errors.set(issue.field, this._message(issue));
    }
    // Rules no field can fix: the merchant's attributes (amount, currency, description).
    const setup = issues.filter((i) => !fields.has(i.field));
    const amount = this._amount;
    const amountField: PayoutField = { name: AMOUNT, kind: 'digits', autocomplete: 'off' };

    return html`
      <form part="base" class="base" lang=${this._langTag} novalidate @submit=${this._onInnerSubmit}>
        ${this._fixedAmount
          ? html`<p class="summary">
              <span>${t.amountFixed}</span>
              <strong part="amount" class="amount">${amount === null ? text(this.amount) : formatAmount(amount, this._shownCurrency, lang)}</strong>
            </p>`
          : this._field(amountField, errors, disabled)}
        ${payoutFields(method).map((field) => html`${field.kind === 'pan' ? this._panTypeChoice(disabled) : nothing}${this._field(field, errors, disabled)}`)}
        ${this._renderAlert(
          this._error ? t.loadFailed : setup.length > 0 ? t.invalidSetup : this._showAll && errors.size > 0 ? t.fixErrors : nothing,
        )}
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
