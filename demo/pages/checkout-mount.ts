/**
 * Puts an `<ecommpay-checkout>` on the page for a product: the backend creates the order (and
 * decides the price), the element shows it and, on click, gets the signature from the backend
 * and opens the Payment Page. In a frame display, the Payment Page's word that the payment ended
 * (`ecommpay-payment`) only sends the buyer to the result page, which shows what the backend
 * learned from ecommpay's signed callback.
 */
import '../../src/index.ts';
import { api, el, getConfig, type Order } from './shared.ts';

/** Buyer details the shop already knows (a logged-in customer). */
const BUYER: Record<string, Record<string, string>> = {
  'online-philippines-banks': {
    'customer-email': 'juan.delacruz@example.ph',
    'customer-first-name': 'Juan',
    'customer-last-name': 'Dela Cruz',
  },
};

export async function mountCheckout(host: HTMLElement, sku: string, attrs: Record<string, string | boolean> = {}): Promise<HTMLElement> {
  host.replaceChildren(el('p', { class: 'muted' }, 'Preparing your order…'));
  const [config, order] = await Promise.all([getConfig(), api<Order>('/api/orders', { body: { sku, flow: 'checkout' } })]);
  const checkout = document.createElement('ecommpay-checkout');
  const all: Record<string, string | boolean> = {
    method: order.method,
    'project-id': String(config.project_id),
    'payment-id': order.payment_id,
    amount: String(order.amount),
    currency: order.currency,
    'customer-id': order.customer_id,
    description: order.description,
    'sign-url': '/api/ecommpay/sign',
    'payment-page-url': config.payment_page_url,
    // Only the bank-picker reads it: a test project offers the test banks only.
    'test-mode': config.test_mode,
    ...BUYER[order.method],
    ...attrs,
  };
  for (const [name, value] of Object.entries(all)) {
    if (value === false) continue;
    checkout.setAttribute(name, value === true ? '' : value);
  }
  checkout.dataset.paymentId = order.payment_id;
  checkout.addEventListener('ecommpay-payment', (event) => {
    if (event.detail.status === 'success' || event.detail.status === 'fail') {
      location.assign(`/demo/pages/result.html?payment_id=${encodeURIComponent(order.payment_id)}`);
    }
  });
  host.replaceChildren(checkout, el('p', { class: 'muted small' }, `Order ${order.payment_id}`));
  return checkout;
}
