/**
 * The demo shop's catalogue. Prices live here, on the server: the browser only says which
 * product it wants, never how much it costs. One product of each method is priced at the
 * method's first test decline amount, so the sandbox declines it.
 */
import { methodRules, type MethodCode } from '../../src/server/index.ts';

export interface Product {
  sku: string;
  method: MethodCode;
  /** Name as the buyer reads it (CUP buyers: Chinese). */
  name: string;
  /** English name for the shop page. */
  title: string;
  /** Minor units. */
  price: number;
  currency: string;
  /** `true` when the sandbox declines this price (a test decline amount). */
  declines: boolean;
}

const product = (sku: string, method: MethodCode, name: string, title: string, price: number): Product => {
  const rules = methodRules(method);
  return { sku, method, name, title, price, currency: rules.currency, declines: rules.testDeclineAmounts.includes(price) };
};

const cupDecline = methodRules('cup-bank').testDeclineAmounts[0]!;
const phDecline = methodRules('online-philippines-banks').testDeclineAmounts[0]!;

export const PRODUCTS: readonly Product[] = [
  product('yixing-tea-set', 'cup-bank', '宜兴紫砂茶具', 'Yixing clay tea set', 38_800),
  product('silk-scarf', 'cup-bank', '杭州真丝围巾', 'Hangzhou silk scarf', cupDecline),
  product('barong', 'online-philippines-banks', 'Piña barong tagalog', 'Piña barong tagalog', 245_000),
  product('benguet-coffee', 'online-philippines-banks', 'Benguet coffee, 1 kg', 'Benguet coffee, 1 kg', phDecline),
];

export const productBySku = (sku: unknown): Product | undefined => PRODUCTS.find((p) => p.sku === sku);

/** The demo buyer of a method (a real shop has its logged-in customer here). */
export const demoCustomer = (method: MethodCode): string => `buyer-${method}-0001`;

/**
 * What the shop owes its demo seller, per method (minor units): payouts are withdrawals from it.
 * The browser chooses how much to withdraw; the backend checks it against this, never trusting
 * the form's amount (a real shop reads the seller's ledger here).
 */
export const SELLER_EARNINGS: Readonly<Record<MethodCode, number>> = {
  'cup-bank': 2_000_000,
  'online-philippines-banks': 20_000_000,
};

/**
 * The demo's one seller. A demo account, shown on the payout page: a real shop has its sellers'
 * own accounts here, with passwords they chose.
 */
export const DEMO_SELLER = {
  id: 'seller-0001',
  email: 'seller@lotus-palm.test',
  name: 'Demo seller',
  password: 'lotus-and-palm-demo',
  balances: (Object.keys(SELLER_EARNINGS) as MethodCode[]).map((method) => ({
    method,
    currency: methodRules(method).payoutCurrency,
    earnings: SELLER_EARNINGS[method],
  })),
};
