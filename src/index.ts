/**
 * `ecommpay-elements`: defines every element (side effect) and exports their classes and types.
 *
 *   <script type="module" src="https://cdn.jsdelivr.net/npm/ecommpay-elements/dist/cdn/ecommpay-elements.js"></script>
 *   <ecommpay-checkout method="cup-bank" …></ecommpay-checkout>
 *
 * `<ecommpay-checkout>` and `<ecommpay-redirect>` are in the entry. `<ecommpay-bank-select>` and
 * `<ecommpay-payout-form>` (with the bank catalogues and the Gate schemas they need) load from
 * chunks of their own the moment one appears in the document, so a checkout page does not pay
 * for them; `await customElements.whenDefined('ecommpay-payout-form')` tells when one is ready.
 */
import { define } from './define.ts';
import { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';
import { lazyDefine } from './elements/lazy.ts';
import { EcommpayRedirect } from './elements/redirect/ecommpay-redirect.ts';

define('ecommpay-checkout', EcommpayCheckout);
define('ecommpay-redirect', EcommpayRedirect);
// The same module the checkout's `bank-picker` imports: one chunk, shared.
lazyDefine('ecommpay-bank-select', () =>
  import('./elements/bank-select/ecommpay-bank-select.ts').then((m) => define('ecommpay-bank-select', m.EcommpayBankSelect)),
);
lazyDefine('ecommpay-payout-form', () => import('./elements/payout-form/define.ts'));

export { EcommpayCheckout, EcommpayRedirect };
export type { EcommpayBankSelect } from './elements/bank-select/ecommpay-bank-select.ts';
export type { EcommpayPayoutForm } from './elements/payout-form/ecommpay-payout-form.ts';
export { EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from './elements/events.ts';
export type { LaunchDetail, ReadyDetail } from './elements/events.ts';
export { EcommpayRedirectEvent, EcommpayStatusEvent } from './elements/redirect/events.ts';
export type { RedirectDetail, StatusDetail } from './elements/redirect/events.ts';
export type { PayoutSubmitDetail } from './elements/payout-form/events.ts';
export type { BankList, BankOption } from './core/banks.ts';
export type { GateBody } from './core/gate.ts';
export { ERROR_CODES, EcommpayFailure } from './core/errors.ts';
export type { ErrorCode, EcommpayErrorDetail, FieldIssue } from './core/errors.ts';
export { METHODS, cupBank, onlinePhilippinesBanks } from './core/methods/index.ts';
export type { MethodCode, MethodRules, AmountRange } from './core/methods/index.ts';
export { parseCheckoutConfig, paramIssues } from './core/launch.ts';
export type { CheckoutInput, LaunchParams } from './core/launch.ts';
export { parseRedirectData, mergeQuery } from './core/redirect.ts';
export type { RedirectData, RedirectField, RedirectMethod, RedirectPlan } from './core/redirect.ts';
export { launchUrl, DEFAULT_PAYMENT_PAGE_URL } from './core/payment-page.ts';
export type { SignAnswer, SignFunction } from './core/sign-client.ts';
