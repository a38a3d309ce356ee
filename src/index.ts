/**
 * `ecommpay-elements`: defines every element (side effect) and exports their classes and types.
 *
 *   <script type="module" src="https://cdn.jsdelivr.net/npm/ecommpay-elements/dist/cdn/ecommpay-elements.js"></script>
 *   <ecommpay-checkout method="cup-bank" …></ecommpay-checkout>
 */
import { define } from './define.ts';
import { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';

define('ecommpay-checkout', EcommpayCheckout);

export { EcommpayCheckout };
export { EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from './elements/events.ts';
export type { LaunchDetail, ReadyDetail } from './elements/events.ts';
export { ERROR_CODES, EcommpayFailure } from './core/errors.ts';
export type { ErrorCode, EcommpayErrorDetail, FieldIssue } from './core/errors.ts';
export { METHODS, cupBank, onlinePhilippinesBanks } from './core/methods/index.ts';
export type { MethodCode, MethodRules, AmountRange } from './core/methods/index.ts';
export { parseCheckoutConfig, paramIssues } from './core/launch.ts';
export type { CheckoutInput, LaunchParams } from './core/launch.ts';
export { launchUrl, DEFAULT_PAYMENT_PAGE_URL } from './core/payment-page.ts';
export type { SignAnswer, SignFunction } from './core/sign-client.ts';
