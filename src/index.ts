/**
 * `ecommpay-elements`: defines every element (side effect) and exports their classes, their
 * events, and the DOM-free helpers of `ecommpay-elements/core`.
 *
 *   import 'ecommpay-elements';            // all four elements
 *   import 'ecommpay-elements/checkout';   // one element: a bundle without the others
 *
 * Each element is defined the moment this module runs, so a framework that renders one right
 * after (React 19 sets a property only when the element already has it) sets its properties,
 * not attributes. The CDN file (`dist/cdn/ecommpay-elements.js`) loads each element on first use
 * instead; see `./cdn.ts`.
 */
import { define } from './define.ts';
import { EcommpayBankSelect } from './elements/bank-select/ecommpay-bank-select.ts';
import { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';
import { loadBankSelect, loadPayoutForm } from './elements/loaders.ts';
import { EcommpayPayoutForm } from './elements/payout-form/ecommpay-payout-form.ts';
import { EcommpayRedirect } from './elements/redirect/ecommpay-redirect.ts';

// Here rather than by importing './checkout.ts' and the others: an entry another entry imports
// becomes a shared chunk, and its side effect would leave the files `sideEffects` names.
define('ecommpay-checkout', EcommpayCheckout);
define('ecommpay-redirect', EcommpayRedirect);
define('ecommpay-bank-select', EcommpayBankSelect);
define('ecommpay-payout-form', EcommpayPayoutForm);

export { EcommpayCheckout, EcommpayRedirect, EcommpayBankSelect, EcommpayPayoutForm };
export { EcommpayAmountChangeEvent, EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from './elements/events.ts';
export type { AmountChangeDetail, LaunchDetail, ReadyDetail } from './elements/events.ts';
export { EcommpayCloseEvent, EcommpayPaymentEvent } from './elements/checkout/events.ts';
export type { CloseDetail, PaymentDetail } from './elements/checkout/events.ts';
export { EcommpayRedirectEvent, EcommpayStatusEvent } from './elements/redirect/events.ts';
export type { RedirectDetail, StatusDetail } from './elements/redirect/events.ts';
export { EcommpayBanksEvent } from './elements/bank-select/events.ts';
export { EcommpayPayoutSubmitEvent } from './elements/payout-form/events.ts';
export type { PayoutSubmitDetail } from './elements/payout-form/events.ts';
export * from './core.ts';
/** Kept for code written for the lazy layout: the elements are already defined, so these resolve at once. */
export { loadBankSelect, loadPayoutForm };
