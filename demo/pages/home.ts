/** The shop's home page: one CUP and one Philippine checkout, signed by the demo backend. */
import { mountCheckout } from './checkout-mount.ts';
import { api, chrome, productCard, type Product } from './shared.ts';

void chrome();

const products = await api<Product[]>('/api/products');
for (const host of document.querySelectorAll<HTMLElement>('[data-checkout]')) {
  const product = products.find((p) => p.sku === host.dataset.checkout);
  if (!product) continue;
  host.parentElement?.querySelector('[data-product]')?.replaceChildren(productCard(product));
  const attrs: Record<string, string | boolean> = host.dataset.preselect === 'true' ? { preselect: true } : {};
  await mountCheckout(host, product.sku, attrs);
}
