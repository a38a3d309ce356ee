/** Where ecommpay sends the buyer back: the order's state, as the backend learned it from callbacks. */
import { chrome, el, outcome, waitForFinal, type Order } from './shared.ts';

void chrome();
const paymentId = new URLSearchParams(location.search).get('payment_id') ?? '';
const result = document.getElementById('result')!;
const details = document.getElementById('details')!;
const retry = document.getElementById('retry')!;

/**
 * After a decline, another try: ecommpay takes each `payment_id` once, so a declined order can't
 * be paid again; trying again is a new order for the same product, on the page the buyer paid from.
 */
function offerRetry(order: Order): void {
  if (order.status !== 'decline' && order.status !== 'error') return;
  if (order.flow === 'payout' || !order.sku) return;
  const page = order.flow === 'gate' ? 'gate' : 'checkout';
  const href = `/demo/pages/${page}.html?${new URLSearchParams({ method: order.method, sku: order.sku })}`;
  retry.replaceChildren(
    el('a', { class: 'cta', href }, 'Try again'),
    el('span', { class: 'muted small' }, ' A declined payment can’t be paid again: trying again starts a new order for the same product.'),
  );
}

try {
  const order = await waitForFinal(paymentId, (order) => {
    result.replaceChildren(outcome(order));
    details.replaceChildren(
      `${order.callbacks.length} callback${order.callbacks.length === 1 ? '' : 's'} received for this order · `,
      el('a', { href: '/demo/pages/callbacks.html' }, 'see the callbacks'),
    );
  });
  offerRetry(order);
} catch (error) {
  result.replaceChildren(el('p', { role: 'alert' }, `We could not find order ${paymentId}: ${(error as Error).message}`));
}
