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
    redirect.addEventListener('ecommpay-error', (event) => {
      const detail = (event as CustomEvent<{ message: string }>).detail;
      progress.append(el('p', { role: 'alert' }, `We could not take you to your bank: ${detail.message}`));
    });
    progress.replaceChildren(
      el('div', { class: 'status wait', role: 'status' }, `Order ${order.payment_id}: connecting you to your bank…`),
      redirect,
    );
    if (!customElements.get('ecommpay-redirect')) {
      progress.append(el('p', { role: 'alert' }, 'The <ecommpay-redirect> element is not available in this build.'));
    }
  },
);
