/**
 * A purchase through Gate: the buyer chooses an item and gives their details (and bank), the
 * backend sends the Gate request, ecommpay answers with a callback carrying `redirect_data`, and
 * `<ecommpay-redirect>` (polling the backend) takes the buyer to the bank's page. The bank sends
 * them back to the result page.
 */
import '../../src/index.ts';
import { saleForm } from './sale-form.ts';
import { api, chrome, el, methodFromQuery, methodTabs, money, productPicker, type Order, type Product } from './shared.ts';

void chrome();
const method = methodFromQuery();
methodTabs(document.getElementById('methods')!, method);
const progress = document.getElementById('progress')!;
let product: Product | null = null;

await productPicker(document.getElementById('products')!, method, (p) => {
  product = p;
  const button = document.querySelector<HTMLButtonElement>('#form button[type="submit"]');
  if (button) button.textContent = `Pay ${money(p.price, p.currency)} at my bank`;
});

await saleForm(
  document.getElementById('form')!,
  method,
  () => (product ? `Pay ${money(product.price, product.currency)} at my bank` : 'Pay at my bank'),
  async (body) => {
    if (!product) throw new Error('Choose an item first.');
    const order = await api<Order>('/api/orders', { body: { sku: product.sku, flow: 'gate' } });
    const started = await api<{ payment_id: string; redirect: string }>('/api/gate/sale', { body: { payment_id: order.payment_id, ...body } });
    const redirect = document.createElement('ecommpay-redirect');
    redirect.setAttribute('src', started.redirect);
    // The element shows its own progress and errors; the page could also listen to
    // `ecommpay-status` / `ecommpay-error` (e.g. to offer another payment method).
    progress.replaceChildren(
      el('p', { class: 'status wait', 'data-order': order.payment_id }, `Order ${order.payment_id}: connecting you to your bank…`),
      redirect,
    );
  },
);
