/** Valid base configurations of `<ecommpay-checkout>` for each method, and a mount helper. */
// The checkout's own entry, as a merchant imports it: the bank choice and the frame come through its loaders.
import '../../../src/checkout.ts';
import { oneEvent } from '@open-wc/testing';
import type { EcommpayCheckout, EcommpayErrorDetail } from '../../../src/index.ts';
import { mount } from '../helpers.ts';

export const CHECKOUT_EVENTS = ['ecommpay-ready', 'ecommpay-launch', 'ecommpay-error'];

/** The shared valid configurations (test/fixtures/checkout.ts), as attributes. */
export { CUP_CHECKOUT as cupAttributes, PH_CHECKOUT as phAttributes } from '../../fixtures/checkout.ts';

export type Attributes = Record<string, string | boolean | null | undefined>;

export function mountCheckout(attributes: Attributes, properties: Record<string, unknown> = {}) {
  return mount<EcommpayCheckout>('ecommpay-checkout', attributes, properties, CHECKOUT_EVENTS);
}

/** The pay button inside the shadow root. */
export const payButton = (el: EcommpayCheckout) => el.shadowRoot!.querySelector('button')!;

/** The `role="alert"` region's text. */
export const alertText = (el: EcommpayCheckout) => (el.shadowRoot!.querySelector('[role="alert"]')!.textContent ?? '').trim();

/** Cancels navigation for every launch, as a merchant opening the URL itself would. */
export function stayOnPage(el: EcommpayCheckout): void {
  el.addEventListener('ecommpay-launch', (e) => e.preventDefault());
}

/** Clicks the pay button and answers the `ecommpay-error` detail that follows. */
export async function failureOf(el: EcommpayCheckout): Promise<EcommpayErrorDetail> {
  const event = oneEvent(el, 'ecommpay-error');
  payButton(el).click();
  return (await event).detail as EcommpayErrorDetail;
}
