/**
 * Events of `<ecommpay-redirect>` (it also fires `ecommpay-error`, see `../events.ts`): typed
 * `CustomEvent` subclasses, bubbling and composed, registered in `HTMLElementEventMap`.
 */
import type { RedirectPlan } from '../../core/redirect.ts';

/** `detail` of `ecommpay-redirect`: the plan about to be followed. */
export type RedirectDetail = RedirectPlan;

/**
 * `ecommpay-redirect` (cancelable): about to take the buyer to the bank. `detail.url` is where the
 * browser goes (for `GET` the body is already in its query), `detail.fields` the `[name, value]`
 * pairs sent. `preventDefault()` keeps the buyer on the page.
 */
export class EcommpayRedirectEvent extends CustomEvent<RedirectDetail> {
  constructor(detail: RedirectDetail) {
    super('ecommpay-redirect', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** `detail` of `ecommpay-status`: the payment status the `src` endpoint reported. */
export interface StatusDetail {
  /** As the backend sent it, lower case: `awaiting redirect result`, …, `decline`, `success`. */
  status: string;
  /** `true` for `decline` and `success`: polling has stopped. */
  final: boolean;
  code?: string;
  message?: string;
}

/** `ecommpay-status`: the `src` endpoint reported a new payment status (once per distinct status). */
export class EcommpayStatusEvent extends CustomEvent<StatusDetail> {
  constructor(detail: StatusDetail) {
    super('ecommpay-status', { detail, bubbles: true, composed: true });
  }
}

declare global {
  // Every element, `document` and `window` (HTMLElementEventMap, DocumentEventMap and WindowEventMap extend it).
  interface GlobalEventHandlersEventMap {
    'ecommpay-redirect': EcommpayRedirectEvent;
    'ecommpay-status': EcommpayStatusEvent;
  }
}
