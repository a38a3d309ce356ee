/**
 * Each element's code, loaded and defined on first use (in the CDN build, a chunk per element).
 * A load that fails is not remembered: the next call tries again.
 */
import { define } from '../define.ts';
import type { EcommpayBankSelect } from './bank-select/ecommpay-bank-select.ts';
import type { EcommpayCheckout } from './checkout/ecommpay-checkout.ts';
import { loadOnce } from './lazy.ts';

/**
 * What an element's chunk imports, requested beside it instead of after it, so a page waits for one
 * round trip after the entry, not three: the runtime (lit, zod/mini, the base class and the rules)
 * and, for the checkout and the payout form, the shared core.
 */
const runtime = () => import('./base.ts');
const checkoutCore = () => Promise.all([import('../core/launch.ts'), import('../core/methods/index.ts')]);
import type { EcommpayPayoutForm } from './payout-form/ecommpay-payout-form.ts';
import type { EcommpayRedirect } from './redirect/ecommpay-redirect.ts';

/** Loads and defines `<ecommpay-checkout>`, and gives its class. */
export const loadCheckout = (): Promise<typeof EcommpayCheckout> =>
  loadOnce('ecommpay-checkout', () =>
    Promise.all([import('./checkout/ecommpay-checkout.ts'), runtime(), checkoutCore()]).then(
      ([m]) => (define('ecommpay-checkout', m.EcommpayCheckout), m.EcommpayCheckout),
    ),
  );

/** Loads and defines `<ecommpay-redirect>`, and gives its class. */
export const loadRedirect = (): Promise<typeof EcommpayRedirect> =>
  loadOnce('ecommpay-redirect', () =>
    Promise.all([import('./redirect/ecommpay-redirect.ts'), runtime()]).then(
      ([m]) => (define('ecommpay-redirect', m.EcommpayRedirect), m.EcommpayRedirect),
    ),
  );

/**
 * Loads and defines `<ecommpay-bank-select>`, and gives its class. The entry does this by itself
 * the first time one appears in the document; call it for one that lives in a shadow root of your
 * own (a Lit, Stencil or Angular component), which the document cannot see into.
 */
export const loadBankSelect = (): Promise<typeof EcommpayBankSelect> =>
  loadOnce('ecommpay-bank-select', () =>
    Promise.all([import('./bank-select/ecommpay-bank-select.ts'), runtime(), import('../core/methods/index.ts')]).then(
      ([m]) => (define('ecommpay-bank-select', m.EcommpayBankSelect), m.EcommpayBankSelect),
    ),
  );

/** Loads and defines `<ecommpay-payout-form>` (and the bank choice it uses) now; see {@link loadBankSelect}. */
export const loadPayoutForm = (): Promise<typeof EcommpayPayoutForm> =>
  loadOnce('ecommpay-payout-form', () =>
    Promise.all([import('./payout-form/ecommpay-payout-form.ts'), runtime(), checkoutCore()]).then(
      ([m]) => (define('ecommpay-payout-form', m.EcommpayPayoutForm), m.EcommpayPayoutForm),
    ),
  );
