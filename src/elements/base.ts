/**
 * What every element shares: the UI language, the failure event and its alert region, and the
 * reset after the back button restores a page from the bfcache.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { EcommpayErrorDetail } from '../core/errors.ts';
import { uiLang, type Lang } from '../i18n/index.ts';
import { EcommpayErrorEvent } from './events.ts';

const warned = new Set<string>();

/**
 * A property's value read as an attribute's text: a string as it is, a number or a boolean as
 * text, `null` for nothing, and `null` for anything else (an object, a symbol, a Proxy), which
 * a script may set but no attribute can hold: never thrown on, never rendered.
 */
export const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : null;

/** Like `text`, for a value a rule then checks: what is no text stays set, as text no rule accepts. */
export const refusable = (value: unknown): string | null => (value === null || value === undefined ? null : (text(value) ?? 'not text'));

/** The developer's detail of a failure, in the console once per distinct problem. */
export function warnOnce(detail: EcommpayErrorDetail): void {
  const text = `ecommpay-elements: ${detail.code}: ${detail.message}`;
  if (warned.has(text)) return;
  warned.add(text);
  console.warn(text);
}

export abstract class EcommpayElement extends LitElement {
  static override properties: PropertyDeclarations = {
    language: {},
    _error: { state: true },
  };

  /** UI language: `en` or `zh` (`zh-CN`, `en-PH`… count as their language). */
  declare language: string | null;

  /** The last failure, shown to the buyer in the alert region until cleared. */
  declare protected _error: EcommpayErrorDetail | null;

  constructor() {
    super();
    this.language = null;
    this._error = null;
  }

  /** The UI language when `language` names none we have. */
  protected get _defaultLang(): Lang {
    return 'en';
  }

  protected get _lang(): Lang {
    return uiLang(this.language, this._defaultLang);
  }

  /** The `lang` attribute of the element's content. */
  protected get _langTag(): string {
    return this._lang === 'zh' ? 'zh-CN' : 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this._onPageShow);
    // Once: an element moved or reconnected has said it already.
    if (!this.hasUpdated) this._reportStringifiedObjects();
  }

  /**
   * An object a framework set as an attribute because this element was not defined yet (see
   * ./stringified.ts): reported once the element has rendered, so listeners added with it hear it.
   */
  private _reportStringifiedObjects(): void {
    for (const { name, value } of this.attributes) {
      if (!value.startsWith('[object ')) continue;
      void Promise.all([import('./stringified.ts'), this.updateComplete]).then(([{ stringifiedObject }]) => {
        const detail = stringifiedObject(this, name, value);
        if (!detail) return;
        warnOnce(detail);
        this.dispatchEvent(new EcommpayErrorEvent(detail));
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this._onPageShow);
  }

  private _onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this._restored();
  };

  /** The back button brought this page back from the bfcache, maybe mid-navigation: make it usable again. */
  protected _restored(): void {}

  /** Shows a failure to the buyer and fires `ecommpay-error` (the developer's detail also goes to the console, once). */
  protected _fail(detail: EcommpayErrorDetail): void {
    this._error = detail;
    warnOnce(detail);
    this.dispatchEvent(new EcommpayErrorEvent(detail));
  }

  /** The `role="alert"` region: the buyer's sentence for the current failure, if any. */
  protected _renderAlert(text: string | TemplateResult | typeof nothing = nothing) {
    return html`<div part="error" id="error" class="alert" role="alert">${text}</div>`;
  }
}
