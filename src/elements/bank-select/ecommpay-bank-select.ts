import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { loadBanks, type BankList, type BankOption } from '../../core/banks.ts';
import { isMethodCode, methodRules } from '../../core/methods/index.ts';
import { bankSelectMessages, type BankSelectMessages } from '../../i18n/bank-select.ts';
import type { Lang } from '../../i18n/index.ts';
import { EcommpayElement, text } from '../base.ts';
import { Job } from '../job.ts';
import { loadFailure } from '../lazy.ts';
import { bankSelectStyles } from './ecommpay-bank-select.styles.ts';
import { EcommpayBanksEvent } from './events.ts';

/**
 * @tagname ecommpay-bank-select
 * @summary A searchable bank choice (ARIA combobox + listbox) for CUP Banks and Banks of the
 * Philippines: the live list from your backend, or the bundled catalogue when that fails
 * (with a visible note). Form-associated: submits `name=<bank_id>`.
 *
 * @event {Event} change - The buyer chose a bank; read `value` (or `bankId`, `selectedBank`).
 * @event {EcommpayBanksEvent} ecommpay-banks - `{ banks, source, failure? }`: a list loaded (`source` `live` or `catalogue`).
 * @event {EcommpayErrorEvent} ecommpay-error - `{ code: 'load-failed', message }`: neither the live list nor the bundled catalogue could be loaded (tried again on the next change or reconnection).
 *
 * @csspart base - The wrapper.
 * @csspart label - The visible label.
 * @csspart input - The search box (`role="combobox"`).
 * @csspart listbox - The list of banks.
 * @csspart option - One bank.
 * @csspart code - A bank's letter code.
 * @csspart status - Loading and result count (a live region).
 * @csspart notice - The "bundled list" fallback note and the test-mode note.
 * @csspart error - The validation message.
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
export class EcommpayBankSelect extends EcommpayElement {
  static override styles = bankSelectStyles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...EcommpayElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    method: {},
    operation: {},
    banksUrl: { attribute: 'banks-url' },
    testMode: { type: Boolean, attribute: 'test-mode' },
    label: {},
    value: {},
    // Reflected as text: a script's symbol or object is not an attribute value (and must not throw).
    name: { reflect: true, converter: { toAttribute: text } },
    required: { type: Boolean },
    disabled: { type: Boolean },
    error: { attribute: false },
    _list: { state: true },
    _loading: { state: true },
    _query: { state: true },
    _open: { state: true },
    _active: { state: true },
    _formDisabled: { state: true },
  };

  /** `cup-bank` or `online-philippines-banks`. */
  declare method: string | null;
  /** `sale` (purchase, the default) or `payout`: only banks supporting it are offered. */
  declare operation: string | null;
  /**
   * Your backend's bank list (GET). Answers ecommpay's list (`[{ id, name, abbr? }]`) or
   * `{ banks: [{ id, name, code? }] }`; `{method}` and `{operation}` in the URL are filled in.
   * Without it, or when it fails, the bundled catalogue is used.
   */
  declare banksUrl: string | null;
  /** Test projects: only the method's test banks (Philippines: 486 and 487). */
  declare testMode: boolean;
  /** The visible label (default "Bank" / "银行"). */
  declare label: string | null;
  /** The chosen `bank_id` as a string (`''` when none), like a native control's value. Not reflected. */
  declare value: string;
  /** Form field name (the form gets `name=<bank_id>`). */
  declare name: string | null;
  /** The form may not be submitted without a bank. */
  declare required: boolean;
  declare disabled: boolean;
  /** A validation message to show (sets `aria-invalid`); `null` for none. */
  declare error: string | null;

  /** `value` as text: what a script set that no attribute can hold (an object) chooses no bank. */
  private get _value(): string {
    return text(this.value) ?? '';
  }

  /** The chosen `bank_id` as a number, or `null`. */
  get bankId(): number | null {
    return /^\d+$/.test(this._value) ? Number(this._value) : null;
  }

  /** The chosen bank, when it is in the list. */
  get selectedBank(): BankOption | null {
    return this.banks.find((b) => String(b.id) === this._value) ?? null;
  }

  /** The banks offered (after the operation and test-mode filters); empty while loading. */
  get banks(): readonly BankOption[] {
    return this._list?.banks ?? [];
  }

  /** Where the list came from (`live` or `catalogue`), `null` while loading. */
  get source(): BankList['source'] | null {
    return this._loading ? null : (this._list?.source ?? null);
  }

  /** Resolves when the current list has loaded. */
  get loaded(): Promise<void> {
    return this._loadPromise;
  }

  declare private _list: BankList | null;
  declare private _loading: boolean;
  declare private _query: string | null;
  declare private _open: boolean;
  declare private _active: number;
  declare private _formDisabled: boolean;

  private _internals = this.attachInternals();
  private _loader = new Job(this);
  private _loadPromise: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.method = this.operation = this.banksUrl = this.label = this.name = this.error = null;
    this.value = '';
    this.testMode = this.required = this.disabled = false;
    this._list = this._query = null;
    this._loading = this._open = this._formDisabled = false;
    this._active = -1;
  }

  // ── behaviour ────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    // Disconnected mid-load (the load was dropped), or a load that failed: load again.
    if (this.hasUpdated && !this._loader.running && (!this._list || this._loading)) this._load();
  }

  protected override get _defaultLang(): Lang {
    return isMethodCode(this.method) ? methodRules(this.method).uiLanguage : 'en';
  }

  private get _t(): BankSelectMessages {
    return bankSelectMessages[this._lang];
  }

  private get _operation(): 'sale' | 'payout' {
    return this.operation === 'payout' ? 'payout' : 'sale';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('method') || changed.has('operation') || changed.has('banksUrl') || changed.has('testMode')) this._load();
    if (changed.has('value') || changed.has('required')) this._syncForm();
  }

  /** Fetches the list; a newer request makes an older answer irrelevant (it is aborted and dropped). */
  private _load(): void {
    const method = this.method;
    if (!isMethodCode(method)) {
      this._loader.abort();
      this._list = null;
      this._loading = false;
      this._loadPromise = Promise.resolve();
      return;
    }
    this._loading = true;
    this._loadPromise = this._loader.run(
      (signal) => loadBanks({ method, operation: this._operation, url: text(this.banksUrl), testMode: !!this.testMode, signal }),
      (list) => {
        this._error = null;
        this._list = list;
        this._loading = false;
        this._active = -1;
        this.dispatchEvent(new EcommpayBanksEvent(list));
      },
      // Neither the live list nor the catalogue's chunk: say so; the next change or reconnection tries again.
      (error) => {
        this._list = null;
        this._loading = false;
        this._fail(loadFailure('the bank catalogue', error));
      },
    );
  }

  private _syncForm(): void {
    this._internals.setFormValue(this._value || null);
    if (this.required && !this._value) {
      this._internals.setValidity({ valueMissing: true }, this._t.choose, this._input ?? undefined);
    } else {
      this._internals.setValidity({});
    }
  }

  formResetCallback(): void {
    this.value = '';
    this._query = null;
    this._open = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  private get _input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }

  private get _filtered(): readonly BankOption[] {
    const q = this._query?.trim().toLowerCase();
    if (!q) return this.banks;
    return this.banks.filter((b) => b.name.toLowerCase().includes(q) || b.code?.toLowerCase().includes(q) || String(b.id).startsWith(q));
  }

  private _choose(bank: BankOption): void {
    const value = String(bank.id);
    this._query = null;
    this._open = false;
    this._active = -1;
    if (value === this._value) return;
    this.value = value;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private _openAt(index: number): void {
    const count = this._filtered.length;
    if (count === 0) return;
    this._open = true;
    this._active = Math.max(0, Math.min(count - 1, index));
  }

  private _onInput = (event: Event) => {
    this._query = (event.target as HTMLInputElement).value;
    this._open = this._filtered.length > 0;
    this._active = this._open ? 0 : -1;
  };

  private _onKeyDown = (event: KeyboardEvent) => {
    const list = this._filtered;
    const selected = list.findIndex((b) => String(b.id) === this._value);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (event.altKey || !this._open) this._openAt(selected >= 0 ? selected : 0);
        else this._openAt(this._active + 1);
        break;
      case 'ArrowUp':
        if (!this._open) this._openAt(selected >= 0 ? selected : list.length - 1);
        else this._openAt(this._active - 1);
        break;
      case 'Home':
      case 'End':
      case 'PageUp':
      case 'PageDown':
        if (!this._open) handled = false;
        else if (event.key === 'Home') this._openAt(0);
        else if (event.key === 'End') this._openAt(list.length - 1);
        else this._openAt(this._active + (event.key === 'PageUp' ? -10 : 10));
        break;
      case 'Enter':
        if (this._open && list[this._active]) this._choose(list[this._active]!);
        else handled = false;
        break;
      case 'Escape':
        if (this._open || this._query !== null) {
          this._open = false;
          this._query = null;
        } else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  private _onClick = () => {
    if (this._open) this._open = false;
    else this._openAt(Math.max(0, this._filtered.findIndex((b) => String(b.id) === this._value)));
  };

  private _onBlur = () => {
    this._open = false;
    this._query = null;
  };

  protected override updated(): void {
    if (!this._open) return;
    const active = this.renderRoot.querySelector('.active');
    active?.scrollIntoView?.({ block: 'nearest' });
  }

  // ── rendering ────────────────────────────────────────────────────────────

  override render() {
    const t = this._t;
    const list = this._filtered;
    const open = this._open && list.length > 0;
    const active = open ? list[this._active] : undefined;
    const label = text(this.label) ?? t.label;
    const disabled = !!this.disabled || this._formDisabled;
    const display = this._query ?? this.selectedBank?.name ?? '';
    const fallback = !this._loading && this._list?.failure !== undefined;
    // Test mode narrows the list only for a method with test banks (the Philippines); say so only then.
    const method = text(this.method);
    const narrowed = !!this.testMode && isMethodCode(method) && !!methodRules(method).testBankIds;
    let status = '';
    if (this._loading) status = t.loading;
    else if (this._error) status = t.unavailable;
    else if (this._list && this.banks.length === 0) status = t.noBanks;
    else if (this._query?.trim()) status = list.length === 0 ? t.noMatches : t.count(list.length);

    return html`
      <div part="base" class="base" lang=${this._langTag}>
        <label part="label" class="label" for="input">${label}</label>
        <div class="box">
          <input
            part="input"
            id="input"
            class="input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${active ? `bank-${active.id}` : nothing}
            aria-invalid=${this.error ? 'true' : nothing}
            aria-required=${this.required ? 'true' : nothing}
            aria-busy=${this._loading ? 'true' : nothing}
            aria-describedby="status notice error"
            placeholder=${t.placeholder}
            .value=${live(display)}
            ?disabled=${disabled}
            @input=${this._onInput}
            @keydown=${this._onKeyDown}
            @click=${this._onClick}
            @blur=${this._onBlur}
          />
          <ul part="listbox" id="listbox" class="listbox" role="listbox" aria-label=${label} ?hidden=${!open}>
            ${open
              ? list.map(
                  (bank, i) => html`<li
                    part="option"
                    id="bank-${bank.id}"
                    class=${i === this._active ? 'option active' : 'option'}
                    role="option"
                    aria-selected=${i === this._active ? 'true' : 'false'}
                    data-chosen=${String(bank.id) === this._value ? 'true' : nothing}
                    @mousedown=${(e: Event) => e.preventDefault()}
                    @click=${() => this._choose(bank)}
                  >
                    <span class="name">${bank.name}</span>${bank.code ? html` <span part="code" class="code">${bank.code}</span>` : nothing}
                  </li>`,
                )
              : nothing}
          </ul>
        </div>
        <p part="status" id="status" class="status" role="status">${status}</p>
        <p part="notice" id="notice" class="notice" ?hidden=${!fallback && !narrowed}>
          ${fallback ? t.fallback : nothing} ${narrowed ? t.testMode : nothing}
        </p>
        <p part="error" id="error" class="error">${text(this.error) ?? nothing}</p>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ecommpay-bank-select': EcommpayBankSelect;
  }
}
