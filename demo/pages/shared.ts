/** What every demo page shares: talking to the shop's backend, money, and small DOM helpers. */
import { formatAmount } from '../../src/core/amount.ts';
import { METHOD_CODES, isMethodCode, methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import type { CallbackRow as CallbackRecord } from '../backend/store.ts';

export interface Config {
  project_id: number;
  payment_page_url: string;
  sandbox: boolean;
  /** A test project: offer only the test banks. */
  test_mode: boolean;
  sandbox_url: string | null;
}

export interface Product {
  sku: string;
  method: string;
  name: string;
  title: string;
  price: number;
  currency: string;
  declines: boolean;
}

/** A callback the backend verified and recorded (`GET /api/callbacks`): the store's own row, no signature. */
export type { CallbackRecord };

export interface Order {
  payment_id: string;
  method: string;
  flow: 'checkout' | 'gate' | 'payout';
  amount: number;
  currency: string;
  description: string;
  customer_id: string;
  sku: string | null;
  status: string;
  code: string | null;
  message: string | null;
  callbacks: CallbackRecord[];
}

/** JSON from the backend; throws with the backend's `error` message. */
export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(path, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: init?.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init?.body === undefined ? null : JSON.stringify(init.body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string; issues?: { message: string }[] };
  if (!response.ok) {
    const issues = data.issues?.map((i) => i.message).join('; ');
    throw new Error(issues || data.error || `HTTP ${response.status}`);
  }
  return data;
}

let config: Promise<Config> | null = null;
export const getConfig = (): Promise<Config> => (config ??= api<Config>('/api/config'));

export const money = (minor: number, currency: string, lang: 'en' | 'zh' = currency === 'CNY' ? 'zh' : 'en'): string =>
  formatAmount(minor, currency, lang);

/** `el('p', { class: 'x' }, 'text', child)`: an element built with DOM APIs (text is never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export const ART: Record<string, string> = {
  'yixing-tea-set': '🫖',
  'silk-scarf': '🧣',
  barong: '👔',
  'benguet-coffee': '☕',
};

/** A product's picture, name and price. */
export function productCard(product: Product): HTMLElement {
  return el(
    'div',
    { class: 'product' },
    el('div', { class: 'art', 'aria-hidden': 'true' }, ART[product.sku] ?? '🛍️'),
    el(
      'div',
      {},
      el('h3', {}, product.title),
      product.name !== product.title ? el('div', { class: 'muted small', lang: 'zh' }, product.name) : null,
      el('div', { class: 'price' }, money(product.price, product.currency)),
      product.declines ? el('span', { class: 'tag test', title: 'The sandbox declines this amount (a test decline amount).' }, 'declines in test mode') : null,
    ),
  );
}

/** Marks the current page in the header and says whether we talk to the sandbox or to ecommpay. */
export async function chrome(): Promise<void> {
  const here = location.pathname + location.search;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
    const target = new URL(link.href);
    if (target.pathname + target.search === here || (target.pathname === location.pathname && !target.search)) link.setAttribute('aria-current', 'page');
  }
  const mode = document.querySelector('.mode');
  if (!mode) return;
  try {
    const c = await getConfig();
    mode.replaceChildren(
      c.sandbox
        ? el('span', {}, el('strong', {}, 'TEST MODE'), ' local ecommpay sandbox · ', el('a', { href: `${c.sandbox_url}/` }, 'sandbox dashboard'))
        : el('span', {}, `ecommpay project ${c.project_id}`),
    );
  } catch {
    mode.textContent = 'backend unreachable';
  }
}

/** Polls an order until it reaches a final status (or `timeoutMs` passes). */
export async function waitForFinal(paymentId: string, onUpdate: (order: Order) => void, timeoutMs = 60_000): Promise<Order> {
  const started = Date.now();
  for (;;) {
    const order = await api<Order>(`/api/orders/${encodeURIComponent(paymentId)}`);
    onUpdate(order);
    if (['success', 'decline', 'error'].includes(order.status) || Date.now() - started > timeoutMs) return order;
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** The outcome of an order as the buyer reads it. */
export function outcome(order: Order): HTMLElement {
  const amount = money(order.amount, order.currency);
  const what = order.flow === 'payout' ? 'Payout' : 'Payment';
  if (order.status === 'success') {
    return el('div', { class: 'status ok', role: 'status', 'data-status': 'success' }, el('strong', {}, `${what} successful`), ` — ${amount}, order ${order.payment_id}.`);
  }
  if (order.status === 'decline' || order.status === 'error') {
    return el(
      'div',
      { class: 'status bad', role: 'status', 'data-status': order.status },
      el('strong', {}, order.status === 'error' ? `${what} not accepted` : `${what} declined`),
      ` — ${amount}, order ${order.payment_id}. `,
      order.code ? `Code ${order.code}: ` : '',
      order.message ?? '',
    );
  }
  return el('div', { class: 'status wait', role: 'status', 'data-status': order.status }, `Waiting for ecommpay’s confirmation (${order.status})…`);
}

/** The method a page is about (`?method=`), and tabs to switch to the others. */
export function methodFromQuery(): MethodCode {
  const value = new URLSearchParams(location.search).get('method');
  return isMethodCode(value) ? value : METHOD_CODES[0]!;
}

export function methodTabs(list: HTMLElement, current: MethodCode): void {
  list.replaceChildren(
    ...METHOD_CODES.map((code) =>
      el('li', {}, el('a', { href: `${location.pathname}?method=${code}`, 'aria-current': code === current ? 'page' : undefined }, methodRules(code).name.en)),
    ),
  );
}

/** Radio buttons for the method's products; calls `onChoose` with the chosen SKU (at once for the first). */
export async function productPicker(host: HTMLElement, method: MethodCode, onChoose: (product: Product) => void): Promise<void> {
  const products = (await api<Product[]>('/api/products')).filter((p) => p.method === method);
  // `?sku=`: the product to start with (the result page's "try again").
  const wanted = new URLSearchParams(location.search).get('sku');
  const first = products.find((p) => p.sku === wanted) ?? products[0];
  host.replaceChildren(
    ...products.map((product) => {
      const input = el('input', { type: 'radio', name: 'product', value: product.sku, checked: product === first });
      input.addEventListener('change', () => input.checked && onChoose(product));
      return el('label', { class: 'option' }, input, el('span', { class: 'grow' }, productCard(product)));
    }),
  );
  if (first) onChoose(first);
}
