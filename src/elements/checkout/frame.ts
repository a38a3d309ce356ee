/**
 * The Payment Page in a frame on the merchant's page (`display="modal"` or `"iframe"`, SPEC §10):
 * a controller `<ecommpay-checkout>` loads the first time a frame display is configured, so a page
 * that never uses one does not pay for this code.
 *
 * Only messages whose `origin` is the Payment Page's and whose `source` is this frame's window are
 * read; what they ask for is checked by `readFrameMessage` (`core/frame.ts`), and a bank page they
 * send the buyer to goes through the same redirect plan as `<ecommpay-redirect>`. Messages we send
 * name the Payment Page's origin.
 */
import { adoptStyles, html, nothing, supportsAdoptingStyleSheets, type ReactiveController, type ReactiveElement } from 'lit';
import { describeIssues, type EcommpayErrorDetail } from '../../core/errors.ts';
import { readFrameMessage, type FrameAction } from '../../core/frame.ts';
import type { CheckoutConfig } from '../../core/launch.ts';
import type { FrameDisplay } from '../../core/payment-page.ts';
import { MAX_TIMER } from '../../core/rules.ts';
import { frameMessages } from '../../i18n/frame.ts';
import type { Lang } from '../../i18n/index.ts';
import { warnOnce } from '../base.ts';
import { EcommpayErrorEvent } from '../events.ts';
// Through <ecommpay-redirect>'s module: in the CDN build, its chunk (see there).
import { EcommpayRedirectEvent, followPlan, parseHosts } from '../redirect/ecommpay-redirect.ts';
import { EcommpayCloseEvent, EcommpayPaymentEvent, type CloseDetail } from './events.ts';
import { frameStyles } from './frame.styles.ts';

/** A launch signed for a frame display. */
export interface FrameLaunch {
  display: FrameDisplay;
  /** The signed launch URL with `frame_mode`. */
  url: string;
  /** The same launch without `frame_mode`: the link that opens it in this window instead. */
  pageUrl: string;
  /** The configuration it was signed with (the Payment Page's base URL, `frame-timeout`). */
  config: CheckoutConfig;
}

/** What the frame reads from `<ecommpay-checkout>` while it is open. */
export interface FrameHost extends ReactiveElement {
  /** Space-separated host names the Payment Page may send the whole page to (none: any `https:`/`http:` host). */
  allowedHosts: string | null;
  closeOnBackdrop: boolean;
}

type State = 'loading' | 'shown' | 'failed';

/** Before the first `load`, the page may take this much longer than `timeout` to answer at all (a slow network). */
const FIRST_LOAD_GRACE = 20_000;

const styled = new WeakSet<ShadowRoot>();

/** The frame's styles, added beside the element's own the first time a frame opens in it. */
function addStyles(root: HTMLElement | DocumentFragment): void {
  if (!(root instanceof ShadowRoot) || styled.has(root)) return;
  styled.add(root);
  if (supportsAdoptingStyleSheets && frameStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, frameStyles.styleSheet];
  else adoptStyles(root, [frameStyles]);
}

export class PaymentFrame implements ReactiveController {
  private _state: State = 'loading';
  /** The height `epframe.resize` asked for, in px (0: none yet). */
  private _height = 0;
  /** The Payment Page asked to go somewhere that breaks a rule. */
  private _refused = false;
  private _closed = false;
  /** Set until the first render has put the dialog on screen or focus in the inline frame, and after a retry. */
  private _focusPending = true;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** The form of a POST to a bank, removed when the frame closes (a blocked or cancelled navigation leaves it behind). */
  private _form: HTMLFormElement | null = null;
  /** `overflow` of the page before the modal locked its scrolling, or `null` while not locked. */
  private _overflow: string | null = null;
  /** Sent with `link`, as ecommpay's script does; messages are matched by origin and window, not by it. */
  private readonly _guid = Math.random().toString(36).slice(2);
  /** The Payment Page's origin: the only one whose messages are read, and the one ours name. */
  private readonly _origin: string;
  /** Milliseconds the page has to say `epframe.loaded` after the frame's `load`. */
  private readonly _timeout: number;

  /**
   * Opens `launch` in `host` (its shadow root gets the frame's styles). `lang` is the UI language;
   * `onClose` runs once, when the frame has closed or the element left the page; focus then goes
   * back to the host's pay button (`.button`).
   */
  constructor(
    private readonly _host: FrameHost,
    readonly launch: FrameLaunch,
    private readonly _lang: Lang,
    private readonly _onClose: () => void,
  ) {
    this._origin = new URL(launch.config.base).origin;
    this._timeout = launch.config.frameTimeout;
    _host.addController(this);
    addStyles(_host.renderRoot);
    window.addEventListener('message', this._onMessage);
    this._wait(this._timeout + FIRST_LOAD_GRACE);
  }

  private get _dialog(): HTMLDialogElement | null {
    return this._host.renderRoot.querySelector('dialog');
  }

  private get _frame(): HTMLIFrameElement | null {
    return this._host.renderRoot.querySelector('iframe');
  }

  hostUpdated(): void {
    if (this._focusPending && !this._closed) {
      this._focusPending = false;
      const dialog = this._dialog;
      if (dialog && this._overflow === null) {
        // Once: the dialog may be closing (Escape) before its close event arrives.
        dialog.showModal();
        // The page behind the dialog does not scroll.
        const root = document.documentElement.style;
        this._overflow = root.overflow;
        root.overflow = 'hidden';
      } else {
        // Inline, or after a retry: the button that had focus is gone; the frame's heading takes it.
        this._host.renderRoot.querySelector<HTMLElement>('.frame-title')?.focus();
      }
    }
    // A custom property, not the height itself: on small screens the dialog fills the viewport whatever the page asks.
    if (this._height) this._frame?.style.setProperty('--ecommpay-frame-height', `${this._height}px`);
  }

  hostDisconnected(): void {
    this._finish();
  }

  /** Closes the frame and fires `ecommpay-close`; does nothing once closed. */
  close(reason: CloseDetail['reason']): void {
    if (this._closed) return;
    this._finish();
    this._host.dispatchEvent(new EcommpayCloseEvent({ reason }));
  }

  private _finish(): void {
    if (this._closed) return;
    this._closed = true;
    clearTimeout(this._timer);
    window.removeEventListener('message', this._onMessage);
    if (this._dialog?.open) this._dialog.close();
    this._form?.remove();
    if (this._overflow !== null) document.documentElement.style.overflow = this._overflow;
    const host = this._host;
    host.removeController(this);
    // Focus goes back to the pay button from a dialog, or from an inline frame that had it.
    const refocus = this.launch.display === 'modal' || (host.renderRoot as ShadowRoot).activeElement !== null;
    this._onClose();
    if (refocus) void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('.button')?.focus());
  }

  /** `frame-load-failed` unless `epframe.loaded` arrives within `ms`. */
  private _wait(ms: number): void {
    clearTimeout(this._timer);
    this._timer = setTimeout(this._timedOut, Math.min(ms, MAX_TIMER));
  }

  private _timedOut = () => {
    this._state = 'failed';
    this._host.requestUpdate();
    this._report({
      code: 'frame-load-failed',
      message: `The Payment Page (${this._origin}) did not send epframe.loaded within ${this._timeout} ms of loading in the frame: check frame-src in your Content-Security-Policy and the network`,
    });
  };

  private _report(detail: EcommpayErrorDetail): void {
    warnOnce(detail);
    this._host.dispatchEvent(new EcommpayErrorEvent(detail));
  }

  /** Each page the frame loads is told who we are; until the Payment Page says it is loaded, the clock runs. */
  private _onLoad = () => {
    this._frame?.contentWindow?.postMessage(JSON.stringify({ message: 'link', guid: this._guid }), this._origin);
    if (this._state === 'loading') this._wait(this._timeout);
  };

  /**
   * Each page the Payment Page shows starts at its top: an inline frame that opened below the fold,
   * or whose top the buyer scrolled past on the step before, is brought into view.
   */
  private _reveal = () => {
    const section = this.launch.display === 'iframe' ? this._host.renderRoot.querySelector('section') : null;
    const top = section?.getBoundingClientRect().top ?? 0;
    if (top < 0 || top > innerHeight / 2) section!.scrollIntoView({ block: 'start' });
  };

  private _retry = () => {
    this._focusPending = true;
    this._state = 'loading';
    this._refused = false;
    this._wait(this._timeout + FIRST_LOAD_GRACE);
    const frame = this._frame;
    if (frame) frame.src = this.launch.url;
    this._host.requestUpdate();
  };

  private _onMessage = (event: MessageEvent) => {
    const frame = this._frame;
    if (this._closed || !frame || event.origin !== this._origin || event.source !== frame.contentWindow) return;
    const action = readFrameMessage(event.data, { allowedHosts: parseHosts(this._host.allowedHosts) });
    if (!action) return;
    if (action.kind === 'payment') {
      this._host.dispatchEvent(new EcommpayPaymentEvent({ status: action.status, data: action.data }));
    } else if (action.kind === 'close') {
      this.close('payment-page');
    } else if (action.kind === 'navigate') {
      this._navigate(action);
    } else {
      if (action.kind === 'loaded') {
        clearTimeout(this._timer);
        this._state = 'shown';
        void this._host.updateComplete.then(this._reveal);
      } else this._height = action.height;
      this._host.requestUpdate();
    }
  };

  /** The Payment Page sends the whole page to a bank: the same checks and the same navigation as `<ecommpay-redirect>`. */
  private _navigate(action: Extract<FrameAction, { kind: 'navigate' }>): void {
    const checked = action.plan;
    if (!checked.ok) {
      this._refused = true;
      this._host.requestUpdate();
      return this._report({ code: 'invalid-redirect', message: describeIssues(`Refused ${action.message} from the Payment Page`, checked.issues), issues: checked.issues });
    }
    const plan = checked.value;
    const proceed = this._host.dispatchEvent(new EcommpayRedirectEvent({ ...plan, fields: plan.fields.map(([k, v]) => [k, v]) }));
    // A listener may have cancelled it, closed the frame or removed the element.
    if (!proceed || this._closed) return;
    try {
      this._form?.remove();
      this._form = followPlan(plan);
    } catch {
      this._refused = true;
      this._host.requestUpdate();
      this._report({ code: 'redirect-blocked', message: `The browser refused the redirect ${action.message} asked for` });
    }
  }

  private _onDialogClick = (event: MouseEvent) => {
    // The dialog's content fills it: a click on the dialog itself is a click on its backdrop.
    if (this._host.closeOnBackdrop && event.target === event.currentTarget) this.close('buyer');
  };

  /** The close button, or Escape (anything that closed the dialog): the buyer's doing. */
  private _onBuyerClose = () => this.close('buyer');

  render() {
    const t = frameMessages[this._lang];
    const state = this._state;
    const content = html`
      <div class="frame-head">
        <h2 id="frame-title" class="frame-title" tabindex="-1">${t.title}</h2>
        <button part="close" class="close" type="button" aria-label=${t.close} @click=${this._onBuyerClose}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <p class="frame-status" role="status">${state === 'loading' ? html`<span class="spinner" aria-hidden="true"></span>${t.loading}` : nothing}</p>
      <div class="alert" role="alert">${state === 'failed' ? t.failed : this._refused ? t.redirectRefused : nothing}</div>
      ${state === 'failed'
        ? html`<div class="frame-actions">
            <button part="retry" class="button" type="button" @click=${this._retry}>${t.retry}</button>
            <a part="open" class="open" href=${this.launch.pageUrl}>${t.openHere}</a>
          </div>`
        : nothing}
      <iframe part="iframe" class="frame ${state}" title=${t.frameTitle} src=${this.launch.url} @load=${this._onLoad}></iframe>
    `;
    return this.launch.display === 'modal'
      ? html`<dialog
          part="dialog"
          class="dialog"
          aria-labelledby="frame-title"
          @click=${this._onDialogClick}
          @close=${this._onBuyerClose}
        ><div class="sheet">${content}</div></dialog>`
      : html`<section part="frame" class="inline" aria-labelledby="frame-title">${content}</section>`;
  }
}
