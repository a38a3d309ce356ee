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
import type { EcommpayBankSelect } from './elements/bank-select/ecommpay-bank-select.ts';
import type { EcommpayPayoutForm } from './elements/payout-form/ecommpay-payout-form.ts';
import { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';
import { lazyDefine } from './elements/lazy.ts';
import { EcommpayRedirect } from './elements/redirect/ecommpay-redirect.ts';

define('ecommpay-checkout', EcommpayCheckout);
define('ecommpay-redirect', EcommpayRedirect);

/**
 * Loads and defines `<ecommpay-bank-select>` now, and gives its class. The entry does this by
 * itself the first time one appears in the document; call it for one that lives in a shadow root
 * of your own (a Lit, Stencil or Angular component), which the document cannot see into.
 */
export const loadBankSelect = (): Promise<typeof EcommpayBankSelect> =>
  // The same module the checkout's `bank-picker` imports: one chunk, shared.
  import('./elements/bank-select/ecommpay-bank-select.ts').then((m) => {
    define('ecommpay-bank-select', m.EcommpayBankSelect);
    return m.EcommpayBankSelect;
  });

/** Loads and defines `<ecommpay-payout-form>` (and the bank choice it uses) now; see {@link loadBankSelect}. */
export const loadPayoutForm = (): Promise<typeof EcommpayPayoutForm> =>
  import('./elements/payout-form/define.ts').then((m) => m.EcommpayPayoutForm);

lazyDefine('ecommpay-bank-select', loadBankSelect);
lazyDefine('ecommpay-payout-form', loadPayoutForm);

export { EcommpayCheckout, EcommpayRedirect };
export type { EcommpayBankSelect, EcommpayPayoutForm };
export type { EcommpayBanksEvent } from './elements/bank-select/events.ts';
export type { EcommpayPayoutSubmitEvent } from './elements/payout-form/events.ts';
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
