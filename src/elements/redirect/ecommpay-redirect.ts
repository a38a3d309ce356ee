import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { describeIssues, type FieldIssue } from '../../core/errors.ts';
import {
  REDIRECT_TIMERS,
  parseHosts,
  parseRedirectData,
  parseRedirectTimers,
  readPollAnswer,
  type PollAnswer,
  type RedirectPlan,
} from '../../core/redirect.ts';
import { issue } from '../../core/rules.ts';
import { redirectMessages, type RedirectMessages } from '../../i18n/redirect.ts';
import { EcommpayElement, refusable, text, warnOnce } from '../base.ts';
import { EcommpayErrorEvent } from '../events.ts';
import { Job } from '../job.ts';
import { followPlan } from '../navigate.ts';
import { EcommpayRedirectEvent, EcommpayStatusEvent, type StatusDetail } from './events.ts';
import { redirectStyles } from './ecommpay-redirect.styles.ts';

// The checkout's frame displays send the buyer to a bank with the same plan and navigation, taken
// from here so that in the CDN build they share this chunk rather than one of their own.
export { parseHosts } from '../../core/redirect.ts';
export { followPlan } from '../navigate.ts';
export { EcommpayRedirectEvent } from './events.ts';

/** What the element is doing. */
type Phase = 'idle' | 'waiting' | 'ready' | 'redirecting' | 'blocked' | 'error' | 'decline' | 'success';

const MAX_FAILURES = 5;


/** The origin of `url` read against the page, or `null` when it is no URL (then `fetch` says so). */
const originOf = (url: string): string | null => {
  try {
    return new URL(url, document.baseURI).origin;
  } catch {
    return null;
  }
};

/** Resolves after `ms`, or at once when `signal` aborts. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** What `src` must answer. */
const SRC_ANSWER = '{"redirect_data": {…}} or {"status": "…"}';

/** How polling `src` ended. */
type PollEnd = { kind: 'ready'; data: unknown } | { kind: 'final'; status: string } | { kind: 'unavailable'; issue: FieldIssue };

/** `true` when this window is a sandboxed frame whose parent we can read and that may not navigate the top. */
function topRefused(): boolean {
  try {
    const frame = window.frameElement as HTMLIFrameElement | null;
    if (frame?.localName === 'iframe' && frame.hasAttribute('sandbox')) {
      const flags = frame.sandbox;
      return !(
        flags.contains('allow-top-navigation') ||
        (flags.contains('allow-top-navigation-by-user-activation') && navigator.userActivation?.isActive)
      );
    }
  } catch {
    // A cross-origin parent: we cannot tell before trying.
  }
  return false;
}

/**
 * @tagname ecommpay-redirect
 * @summary Takes the buyer to the bank from Gate's `redirect_data`: a hidden form `POST`, or a `GET`
 * with the body merged into the URL's query. The data can be given directly or polled from the
 * merchant's backend (`src`). Only absolute `https:`/`http:` URLs with a flat body are followed.
 *
 * @event {EcommpayRedirectEvent} ecommpay-redirect - `{ method, url, fields }`, cancelable: about to navigate. For `GET`,
 * `url` already carries the fields; `fields` are `[name, value]` string pairs.
 * @event {EcommpayStatusEvent} ecommpay-status - `{ status, final, code?, message? }`: `src` reported a new payment status;
 * `final` for `decline` (shown to the buyer) and `success`, after which polling stops.
 * @event {EcommpayErrorEvent} ecommpay-error - `{ code, message, issues? }`: `invalid-redirect` for data breaking a rule
 * (`issues` name the field: `method`, `url`, `body`, `body.<key>`, `redirect-data`);
 * `redirect-unavailable` when `src` fails (HTTP errors or no network several times in a row, or no
 * `redirect_data` within `poll-timeout`; field `src`); `redirect-blocked` when
 * the browser refused the navigation (`_top` from a sandboxed frame, a CSP `form-action`).
 *
 * @csspart base - The box around everything.
 * @csspart status - The `role="status"` line: waiting, redirecting, declined, complete.
 * @csspart spinner - The busy indicator.
 * @csspart button - The "continue to your bank" button (`manual`, or after coming back).
 * @csspart fallback - The link (GET) or button (POST) shown when the automatic redirect may have been blocked.
 * @csspart error - The `role="alert"` region.
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
export class EcommpayRedirect extends EcommpayElement {
  static override styles = redirectStyles;

  static override properties: PropertyDeclarations = {
    redirectData: { attribute: 'redirect-data' },
    src: {},
    target: {},
    manual: { type: Boolean },
    allowedHosts: { attribute: 'allowed-hosts' },
    pollInterval: { attribute: 'poll-interval' },
    pollTimeout: { attribute: 'poll-timeout' },
    fallbackDelay: { attribute: 'fallback-delay' },
    _phase: { state: true },
    _plan: { state: true },
    _status: { state: true },
    _fallback: { state: true },
  };

  /** `redirect_data` as ecommpay sends it (`{ method, url, body?, encrypted? }`), or its JSON text (`redirect-data`). */
  declare redirectData: unknown;
  /** Your backend's URL answering `{ "redirect_data": {...} }` when ready, `{ "status": "..." }` while not. Polled with backoff. */
  declare src: string | null;
  /** `_self` (default) or `_top` (a checkout inside an iframe; `TARGETS`); anything else is `_self`. */
  declare target: string | null;
  /** Show a "continue to your bank" button instead of redirecting at once. */
  declare manual: boolean;
  /** Space-separated host names the URL may point to; any other host is refused. */
  declare allowedHosts: string | null;
  /** Milliseconds before the first re-poll of `src` (default 1000; grows 1.5× up to 10 s). */
  declare pollInterval: string | number | null;
  /** Milliseconds `src` may take in total to give `redirect_data` (default 300000). */
  declare pollTimeout: string | number | null;
  /** Milliseconds after which the fallback link or button appears while redirecting (default 3000). */
  declare fallbackDelay: string | number | null;

  /** The navigation the element will perform, or `null` until valid `redirect_data` is known. */
  get plan(): RedirectPlan | null {
    return this._plan && { ...this._plan, fields: this._plan.fields.map(([k, v]) => [k, v]) };
  }

  declare private _phase: Phase;
  declare private _plan: RedirectPlan | null;
  declare private _status: StatusDetail | null;
  declare private _fallback: boolean;

  private _polling = new Job(this);
  private _timers = REDIRECT_TIMERS;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** A refusal not yet reported: a CSP violation that follows names its directive instead. */
  private _refused: ReturnType<typeof setTimeout> | undefined;
  private _form: HTMLFormElement | null = null;
  private _top = false;
  private _go = false;
  private _pollNext = false;

  constructor() {
    super();
    this.redirectData = this.src = this.target = this.allowedHosts = null;
    this.pollInterval = this.pollTimeout = this.fallbackDelay = null;
    this.manual = false;
    this._phase = 'idle';
    this._plan = this._status = null;
    this._fallback = false;
  }

  // ── behaviour ────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('securitypolicyviolation', this._onViolation);
    if (this.hasUpdated && this._phase === 'waiting') void this._poll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('securitypolicyviolation', this._onViolation);
    this._stop();
  }

  private get _t(): RedirectMessages {
    return redirectMessages[this._lang];
  }

  private _stop(): void {
    this._polling.abort();
    clearTimeout(this._timer);
    clearTimeout(this._refused);
    this._refused = undefined;
    this._form?.remove();
    this._form = null;
  }

  /** Back from the bank through the bfcache: no stale spinner, no second submit; the button is there. */
  protected override _restored(): void {
    if (!['redirecting', 'blocked'].includes(this._phase)) return;
    this._stop();
    this._fallback = false;
    this._error = null;
    this._phase = 'ready';
  }

  /** A CSP `form-action` (or `navigate-to`) refused our navigation: say so instead of spinning. */
  private _onViolation = (event: SecurityPolicyViolationEvent) => {
    const directive = event.effectiveDirective || event.violatedDirective;
    if ((this._phase === 'redirecting' || this._refused) && /^(form-action|navigate-to)/.test(directive)) {
      clearTimeout(this._refused);
      this._refused = undefined;
      this._blocked(`${directive} refused ${event.blockedURI || 'the redirect'}`);
      this._phase = 'blocked';
      this._fallback = true;
    }
  };

  private _invalid(issues: FieldIssue[]): void {
    this._phase = 'error';
    this._fail({ code: 'invalid-redirect', message: describeIssues('Invalid redirect_data', issues), issues });
  }

  /** `src` did not deliver: HTTP errors or no network several times in a row, or `poll-timeout`. */
  private _unavailable(found: FieldIssue): void {
    this._phase = 'error';
    this._fail({ code: 'redirect-unavailable', message: found.message, issues: [found] });
  }

  /** The browser refused a navigation: said to the developer; the buyer sees the fallback. */
  private _blocked(message: string): void {
    const detail = { code: 'redirect-blocked', message } as const;
    warnOnce(detail);
    this.dispatchEvent(new EcommpayErrorEvent(detail));
  }

  /**
   * New input: forget everything, then validate the data or start polling. New timings alone
   * apply from the next wait: a redirect under way is not started again (no second submit),
   * unless they were what stopped the element.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const input = (['redirectData', 'src', 'allowedHosts'] as const).some((k) => changed.has(k));
    if (!input && !(['pollInterval', 'pollTimeout', 'fallbackDelay'] as const).some((k) => changed.has(k))) return;
    const timers = parseRedirectTimers({
      'poll-interval': refusable(this.pollInterval),
      'poll-timeout': refusable(this.pollTimeout),
      'fallback-delay': refusable(this.fallbackDelay),
    });
    this._timers = timers.ok ? timers.value : REDIRECT_TIMERS;
    // Refused timings (the element's only invalid-config) stopped it: fixed ones start it again.
    if (timers.ok && !input && this._error?.code !== 'invalid-config') return;
    this._stop();
    this._plan = this._error = this._status = null;
    this._fallback = this._go = false;
    this._phase = 'idle';
    if (!timers.ok) {
      this._phase = 'error';
      this._fail({ code: 'invalid-config', message: describeIssues('Invalid configuration', timers.issues), issues: timers.issues });
    } else if (this.redirectData !== null && this.redirectData !== undefined && this.redirectData !== '') this._accept(this.redirectData);
    else if (text(this.src)) this._phase = 'waiting';
    this._pollNext = this._phase === 'waiting';
  }

  protected override updated(): void {
    if (this._go) {
      this._go = false;
      this._follow();
    } else if (this._pollNext) {
      this._pollNext = false;
      void this._poll();
    }
  }

  private _accept(input: unknown): void {
    let data = input;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        // Reported below as "must be a JSON object".
      }
    }
    let parsed: ReturnType<typeof parseRedirectData>;
    try {
      const wrapped = readPollAnswer(data);
      parsed = parseRedirectData(wrapped.kind === 'ready' ? wrapped.data : data, { allowedHosts: parseHosts(this.allowedHosts) });
    } catch {
      // A script's object that cannot be read (a revoked Proxy, a throwing getter): no data.
      parsed = { ok: false, issues: [issue('redirect-data', 'type', { expected: 'a JSON object' })] };
    }
    if (!parsed.ok) return this._invalid(parsed.issues);
    this._plan = parsed.value;
    this._go = !this.manual;
    this._phase = this._go ? 'redirecting' : 'ready';
  }

  /** Polls `src` until it gives `redirect_data` or a final status, with backoff, within `poll-timeout`. */
  private _poll(): Promise<void> {
    const src = text(this.src);
    if (!src) return Promise.resolve();
    return this._polling.run(
      (signal) => this._pollUntilDone(src, signal),
      (end) => {
        if (end.kind === 'ready') this._accept(end.data);
        else if (end.kind === 'final') this._phase = end.status === 'decline' ? 'decline' : 'success';
        else this._unavailable(end.issue);
      },
      (error) => this._unavailable(issue('src', 'answer', { expected: `${SRC_ANSWER} (${String(error)})` })),
    );
  }

  private async _pollUntilDone(src: string, signal: AbortSignal): Promise<PollEnd> {
    const { pollInterval, pollTimeout: limit } = this._timers;
    // Answers come from where `src` points: a redirect to another origin is not its answer.
    const origin = originOf(src);
    const timeout: PollEnd = { kind: 'unavailable', issue: issue('src', 'unreachable', { seconds: Math.ceil(limit / 1000) }) };
    // Aborts with the job, or at the deadline (which also ends a request that hangs).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limit);
    signal.addEventListener('abort', () => deadline.abort(), { once: true });
    let delay = pollInterval;
    let failures = 0;
    try {
      while (!deadline.signal.aborted) {
        let answer: PollAnswer = { kind: 'unknown' };
        let problem = issue('src', 'answer', { expected: SRC_ANSWER });
        try {
          const response = await fetch(src, { signal: deadline.signal, cache: 'no-store', headers: { accept: 'application/json' } });
          const from = originOf(response.url || src);
          if (origin && from !== origin) return { kind: 'unavailable', issue: issue('src', 'answer', { expected: `from its own origin, not redirect to ${from}` }) };
          if (response.ok) answer = readPollAnswer(await response.json().catch(() => null));
          else problem = issue('src', 'unreachable', { status: response.status });
        } catch {
          problem = issue('src', 'unreachable');
        }
        if (deadline.signal.aborted) break;
        if (answer.kind === 'ready') return answer;
        if (answer.kind === 'status') {
          failures = 0;
          const { kind: _kind, ...detail } = answer;
          if (detail.status !== this._status?.status) this.dispatchEvent(new EcommpayStatusEvent(detail));
          this._status = detail;
          if (detail.final) return { kind: 'final', status: detail.status };
        } else if (++failures >= MAX_FAILURES) {
          return { kind: 'unavailable', issue: problem };
        }
        await pause(delay, deadline.signal);
        delay = Math.min(delay * 1.5, Math.max(10_000, pollInterval));
      }
      return timeout;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Takes the buyer to the bank now (what the `manual` button does): fires `ecommpay-redirect`,
   * then submits or navigates unless it was cancelled. Does nothing without a valid plan.
   */
  redirect(): void {
    if (!this._plan || !this.isConnected) return;
    this._phase = 'redirecting';
    this._error = null;
    this._fallback = false;
    this._follow();
  }

  private _follow(): void {
    const plan = this._plan!;
    if (!this.dispatchEvent(new EcommpayRedirectEvent(this.plan!))) {
      this._phase = 'ready';
      return;
    }
    this._top = this.target === '_top' && window.top !== window;
    if (this._top && topRefused()) this._refuseTop();
    clearTimeout(this._timer);
    this._timer = setTimeout(() => (this._fallback = true), this._timers.fallbackDelay);
    try {
      this._navigate(plan);
    } catch {
      if (this._top) {
        this._refuseTop();
        try {
          return this._navigate(plan);
        } catch {
          // Refused here too: say so below.
        }
      }
      // Said a task later: Firefox throws on a CSP form-action refusal, then reports the violation.
      clearTimeout(this._refused);
      this._refused = setTimeout(() => {
        this._refused = undefined;
        this._blocked('The browser refused the redirect');
      });
      this._phase = 'blocked';
      this._fallback = true;
    }
  }

  private _refuseTop(): void {
    this._top = false;
    this._blocked('The browser refused target="_top" (a sandbox without allow-top-navigation, or another origin before a click: use manual); redirecting this frame instead');
  }

  private _navigate(plan: RedirectPlan): void {
    this._form?.remove();
    this._form = followPlan(plan, this._top);
  }

  private _onFallback = () => {
    if (!this._plan) return;
    try {
      this._navigate(this._plan);
    } catch {
      // Refused again (Firefox throws on a CSP form-action refusal): said, never thrown at the page.
      this._blocked('The browser refused the redirect');
    }
  };

  // ── rendering ────────────────────────────────────────────────────────────

  private _statusText(): string {
    const t = this._t;
    switch (this._phase) {
      case 'waiting':
        return t.waiting;
      case 'redirecting':
        return t.redirecting;
      case 'blocked':
        return t.blocked;
      case 'decline':
        return t.decline;
      case 'success':
        return t.success;
      default:
        return '';
    }
  }

  override render() {
    const t = this._t;
    const phase = this._phase;
    const plan = this._plan;
    const busy = phase === 'waiting' || phase === 'redirecting';
    const reason = phase === 'decline' ? this._status?.message ?? this._status?.code : undefined;
    const error = this._error;
    return html`
      <div part="base" class="base" lang=${this._langTag}>
        <div part="status" class="status ${phase}" role="status" aria-live="polite">${busy
            ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>`
            : nothing}${this._statusText()}${reason ? html` <span class="reason">${t.declineReason(reason)}</span>` : nothing}</div>
        ${phase === 'ready' && plan
          ? html`<button part="button" class="button" type="button" @click=${this.redirect}>${t.continue}</button>`
          : nothing}
        ${this._fallback && plan ? this._renderFallback(plan) : nothing}
        ${this._renderAlert(error ? (error.code === 'redirect-unavailable' ? t.unavailable : t.invalid) : nothing)}
      </div>
    `;
  }

  private _renderFallback(plan: RedirectPlan) {
    const text = this._t.fallback;
    return plan.method === 'GET'
      ? html`<a part="fallback" class="fallback" href=${plan.url} target=${this._top ? '_top' : '_self'}>${text}</a>`
      : html`<button part="fallback" class="button fallback" type="button" @click=${this._onFallback}>${text}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ecommpay-redirect': EcommpayRedirect;
  }
}
