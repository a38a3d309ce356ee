/**
 * Events of `<ecommpay-checkout>`'s frame displays (`display="modal"` / `"iframe"`); the checkout
 * also fires `ecommpay-ready`, `ecommpay-launch` and `ecommpay-error` (`../events.ts`) and, when
 * the Payment Page sends the page to a bank, `ecommpay-redirect` (`../redirect/events.ts`).
 */
import type { PaymentStatus } from '../../core/frame.ts';

export type { PaymentStatus } from '../../core/frame.ts';

/** `detail` of `ecommpay-payment`. */
export interface PaymentDetail {
  /** `sent`, `success`, `fail`, `canceled` or `try-again`, from `epframe.payment.*`. */
  status: PaymentStatus;
  /** The message's `data` as the Payment Page sent it (`{}` when it sent none). */
  data: Record<string, unknown>;
}

/**
 * `ecommpay-payment`: the Payment Page in the frame reported a step of the payment. A hint for the
 * page (show a result, stop a timer), never proof of payment: the signed callback is.
 */
export class EcommpayPaymentEvent extends CustomEvent<PaymentDetail> {
  constructor(detail: PaymentDetail) {
    super('ecommpay-payment', { detail, bubbles: true, composed: true });
  }
}

/** `detail` of `ecommpay-close`: `buyer` (close button, Escape, backdrop) or `payment-page` (`epframe.exit` / `epframe.destroy`). */
export interface CloseDetail {
  reason: 'buyer' | 'payment-page';
}

/** `ecommpay-close`: the frame closed. */
export class EcommpayCloseEvent extends CustomEvent<CloseDetail> {
  constructor(detail: CloseDetail) {
    super('ecommpay-close', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ecommpay-payment': EcommpayPaymentEvent;
    'ecommpay-close': EcommpayCloseEvent;
  }
}
