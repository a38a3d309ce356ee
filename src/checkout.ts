/**
 * `ecommpay-elements/checkout`: defines `<ecommpay-checkout>` (side effect) and exports its class
 * and events. With `bank-picker` it loads and defines `<ecommpay-bank-select>` when first needed;
 * the frame displays (`display="modal"`, `"iframe"`) load their code once configured.
 */
import { define } from './define.ts';
import { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';

define('ecommpay-checkout', EcommpayCheckout);

export { EcommpayCheckout };
export { EcommpayAmountChangeEvent, EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from './elements/events.ts';
export type { AmountChangeDetail, LaunchDetail, ReadyDetail } from './elements/events.ts';
export { EcommpayCloseEvent, EcommpayPaymentEvent } from './elements/checkout/events.ts';
export type { CloseDetail, PaymentDetail, PaymentStatus } from './elements/checkout/events.ts';
export { EcommpayRedirectEvent } from './elements/redirect/events.ts';
export type { RedirectDetail } from './elements/redirect/events.ts';
