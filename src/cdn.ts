/**
 * The CDN file, `dist/cdn/ecommpay-elements.js`: defines every element, each loading its code
 * the moment one first appears in the document, from a chunk of its own beside this file
 * (`chunks/`). Lit, zod and what the elements share load once, with the first of them. A page
 * with a checkout downloads the checkout; a page with a redirect, the redirect.
 *
 *   <script type="module" src="…/dist/cdn/ecommpay-elements.js"></script>
 *   <ecommpay-checkout method="cup-bank" …></ecommpay-checkout>
 *
 * `await customElements.whenDefined('ecommpay-checkout')` tells when one is ready. For an element
 * inside a shadow root of your own, which the document cannot see into, call its loader
 * (`loadCheckout()`, `loadRedirect()`, `loadBankSelect()`, `loadPayoutForm()`) first.
 */
import { lazyDefine } from './elements/lazy.ts';
import { loadBankSelect, loadCheckout, loadPayoutForm, loadRedirect } from './elements/loaders.ts';

lazyDefine('ecommpay-checkout', loadCheckout);
lazyDefine('ecommpay-redirect', loadRedirect);
lazyDefine('ecommpay-bank-select', loadBankSelect);
lazyDefine('ecommpay-payout-form', loadPayoutForm);

export { loadBankSelect, loadCheckout, loadPayoutForm, loadRedirect };
