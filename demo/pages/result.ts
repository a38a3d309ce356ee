/** Where ecommpay sends the buyer back: the order's state, as the backend learned it from callbacks. */
import { chrome, el, outcome, waitForFinal } from './shared.ts';

void chrome();
const paymentId = new URLSearchParams(location.search).get('payment_id') ?? '';
const result = document.getElementById('result')!;
const details = document.getElementById('details')!;
try {
  await waitForFinal(paymentId, (order) => {
    result.replaceChildren(outcome(order));
    details.replaceChildren(
      `${order.callbacks.length} callback${order.callbacks.length === 1 ? '' : 's'} received for this order · `,
      el('a', { href: '/demo/pages/callbacks.html' }, 'see the callbacks'),
    );
  });
} catch (error) {
  result.replaceChildren(el('p', { role: 'alert' }, `We could not find order ${paymentId}: ${(error as Error).message}`));
}
