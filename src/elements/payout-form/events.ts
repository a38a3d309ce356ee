/** Events of `<ecommpay-payout-form>`. */
import type { GateBody } from '../../core/gate.ts';
import type { MethodCode } from '../../core/methods/index.ts';

export interface PayoutSubmitDetail {
  /** The method the request is for. */
  method: MethodCode;
  /**
   * The Gate payout body without `general` (SPEC §5): `customer` (CUP only: the Philippine form
   * has no customer fields and sends none), `payment`, `account`, and `card` for CUP. Your backend
   * adds `general` and what only it knows: `customer.id` and `customer.ip_address`.
   */
  request: GateBody;
}

/** `ecommpay-payout-submit`: the payout details are complete and valid; send `detail.request` to your backend. */
export class EcommpayPayoutSubmitEvent extends CustomEvent<PayoutSubmitDetail> {
  constructor(detail: PayoutSubmitDetail) {
    super('ecommpay-payout-submit', { detail, bubbles: true, composed: true });
  }
}

declare global {
  // Every element, `document` and `window` (HTMLElementEventMap, DocumentEventMap and WindowEventMap extend it).
  interface GlobalEventHandlersEventMap {
    'ecommpay-payout-submit': EcommpayPayoutSubmitEvent;
  }
}
