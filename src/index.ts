/**
 * `ecommpay-elements`: defines every element (side effect) and exports their classes and types.
 *
 *   <script type="module" src="https://cdn.jsdelivr.net/npm/ecommpay-elements/dist/cdn/ecommpay-elements.js"></script>
 *   <ecommpay-checkout method="cup-bank" …></ecommpay-checkout>
 *
 * `<ecommpay-checkout>` and `<ecommpay-redirect>` are in the entry. `<ecommpay-bank-select>` and
 * `<ecommpay-payout-form>` (with the bank catalogues and the Gate schemas they need) load from
 * chunks of their own the moment one appears in the document, so a checkout page does not pay
 * for them; `await customElements.whenDefined('ecommpay-payout-form')` tells when one is ready, and
 * `loadBankSelect()` / `loadPayoutForm()` load them at once (for use inside your own shadow roots).
 */
import { define } from './define.ts';
import { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';
import { lazyDefine } from './elements/lazy.ts';
import { loadBankSelect, loadPayoutForm } from './elements/loaders.ts';
import { EcommpayRedirect } from './elements/redirect/ecommpay-redirect.ts';

define('ecommpay-checkout', EcommpayCheckout);
define('ecommpay-redirect', EcommpayRedirect);
lazyDefine('ecommpay-bank-select', loadBankSelect);
lazyDefine('ecommpay-payout-form', loadPayoutForm);

export { loadBankSelect, loadPayoutForm };
export type { EcommpayBankSelect } from './elements/bank-select/ecommpay-bank-select.ts';
export type { EcommpayPayoutForm } from './elements/payout-form/ecommpay-payout-form.ts';
export { EcommpayCheckout, EcommpayRedirect };
export type { EcommpayBanksEvent } from './elements/bank-select/events.ts';
export type { EcommpayPayoutSubmitEvent } from './elements/payout-form/events.ts';
export { EcommpayAmountChangeEvent, EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from './elements/events.ts';
export type { AmountChangeDetail, LaunchDetail, ReadyDetail } from './elements/events.ts';
export { EcommpayCloseEvent, EcommpayPaymentEvent } from './elements/checkout/events.ts';
export type { CloseDetail, PaymentDetail, PaymentStatus } from './elements/checkout/events.ts';
export type { Display } from './core/payment-page.ts';
export { EcommpayRedirectEvent, EcommpayStatusEvent } from './elements/redirect/events.ts';
export type { RedirectDetail, StatusDetail } from './elements/redirect/events.ts';
export type { PayoutSubmitDetail } from './elements/payout-form/events.ts';
export type { BankList, BankOption } from './core/banks.ts';
export type { GateBody } from './core/gate.ts';
export { ERROR_CODES, EcommpayFailure, SIGN_REFUSALS } from './core/errors.ts';
export type { ErrorCode, EcommpayErrorDetail, FieldIssue, IssueParams, IssueRule, SignRefusal } from './core/errors.ts';
export { METHODS, cupBank, onlinePhilippinesBanks } from './core/methods/index.ts';
export type { MethodCode, MethodRules, AmountRange } from './core/methods/index.ts';
export { parseCheckoutConfig, memoiseCheckout, paramIssues } from './core/launch.ts';
export type { CheckoutConfig, CheckoutInput, LaunchParams } from './core/launch.ts';
export { parseRedirectData, mergeQuery } from './core/redirect.ts';
export type { RedirectData, RedirectField, RedirectMethod, RedirectPlan } from './core/redirect.ts';
export { launchUrl, DEFAULT_PAYMENT_PAGE_URL } from './core/payment-page.ts';
export type { SignAnswer, SignFunction } from './core/sign-client.ts';
