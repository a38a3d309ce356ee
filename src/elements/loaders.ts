/**
 * Each element's code, loaded and defined on first use (in the CDN build, a chunk per element).
 * A load that fails is not remembered: the next call tries again.
 */
import { define } from '../define.ts';
import type { EcommpayBankSelect } from './bank-select/ecommpay-bank-select.ts';
import type { EcommpayCheckout } from './checkout/ecommpay-checkout.ts';
import { loadOnce } from './lazy.ts';
import type { EcommpayPayoutForm } from './payout-form/ecommpay-payout-form.ts';
import type { EcommpayRedirect } from './redirect/ecommpay-redirect.ts';

/**
 * What an element's chunk imports, requested beside it instead of after it, so a page waits for one
 * round trip after the entry, not two: the runtime (lit, zod/mini, the base class and the rules),
 * the payment methods and, for the payout form, the bank choice.
 */
const runtime = () => import('./base.ts');
const methods = () => import('../core/methods/index.ts');

/** A loader that defines `tag` with the class `load` gives, fetching `alongside` at the same time. */
const loader =
  <C extends CustomElementConstructor>(tag: string, load: () => Promise<C>, ...alongside: (() => Promise<unknown>)[]) =>
  (): Promise<C> =>
    loadOnce(tag, () =>
      Promise.all([load(), ...alongside.map((fetch) => fetch())]).then(([element]) => {
        define(tag, element as C);
        return element as C;
      }),
    );

/** Loads and defines `<ecommpay-checkout>`, and gives its class. */
export const loadCheckout: () => Promise<typeof EcommpayCheckout> = /* @__PURE__ */ loader(
  'ecommpay-checkout',
  () => import('./checkout/ecommpay-checkout.ts').then((m) => m.EcommpayCheckout),
  runtime,
  methods,
);

/** Loads and defines `<ecommpay-redirect>`, and gives its class. */
export const loadRedirect: () => Promise<typeof EcommpayRedirect> = /* @__PURE__ */ loader(
  'ecommpay-redirect',
  () => import('./redirect/ecommpay-redirect.ts').then((m) => m.EcommpayRedirect),
  runtime,
);

/**
 * Loads and defines `<ecommpay-bank-select>`, and gives its class. The entry does this by itself
 * the first time one appears in the document; call it for one that lives in a shadow root of your
 * own (a Lit, Stencil or Angular component), which the document cannot see into.
 */
export const loadBankSelect: () => Promise<typeof EcommpayBankSelect> = /* @__PURE__ */ loader(
  'ecommpay-bank-select',
  () => import('./bank-select/ecommpay-bank-select.ts').then((m) => m.EcommpayBankSelect),
  runtime,
  methods,
);

/** Loads and defines `<ecommpay-payout-form>` (and the bank choice it uses) now; see {@link loadBankSelect}. */
export const loadPayoutForm: () => Promise<typeof EcommpayPayoutForm> = /* @__PURE__ */ loader(
  'ecommpay-payout-form',
  () => import('./payout-form/ecommpay-payout-form.ts').then((m) => m.EcommpayPayoutForm),
  runtime,
  methods,
  // The form's bank choice, which its chunk imports.
  () => import('./bank-select/ecommpay-bank-select.ts'),
);
