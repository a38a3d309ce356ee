import type { MethodRules } from './types.ts';

/**
 * CUP Banks (China UnionPay bank payments). Source: seeds/cup-banks.ru.txt, SPEC §2, §5, §9.
 * CNY only; `language_code` must be `zh`; `payment_description` required; not supported on
 * mobile devices. Gate: names in Chinese, phone without "+"; payouts to a card (or, with some
 * providers, an account number in `card.pan`), address in Chinese, country always CN.
 */
export const cupBank: MethodRules = {
  code: 'cup-bank',
  name: { en: 'CUP Banks (China UnionPay)', zh: '银联银行卡支付' },
  currency: 'CNY',
  purchaseCurrencies: ['CNY'],
  purchaseLimits: { min: 10_000, max: 10_000_000 },
  payoutCurrency: 'CNY',
  payoutLimits: { min: 10_000, max: 4_999_900 },
  languageCode: 'zh',
  uiLanguage: 'zh',
  descriptionRequired: true,
  mobileSupported: false,
  testDeclineAmounts: [40_000, 40_400],
  purchaseTimes: { basic: 5 },
  gate: {
    sale: '/v2/payment/cup/bank/sale',
    payout: '/v2/payment/chinaunionpay/payout',
    banksListMethod: 'chinaunionpay',
    banksListOperations: ['payout'],
    bodies: {
      sale: {
        customer: {
          id: 'id',
          ip_address: 'ip',
          first_name: 'chinese-name',
          last_name: 'chinese-name',
          street: 'text',
          city: 'text',
          zip: 'text',
          country: 'country',
          phone: 'phone',
          email: 'email',
        },
        payment: 'payment',
        return_url: 'return-url',
      },
      payout: {
        customer: {
          id: 'id',
          ip_address: 'ip',
          email: 'email',
          phone: 'phone',
          state: 'chinese-text',
          city: 'chinese-text',
          street: 'chinese-text',
          country: '=CN',
          zip: 'text',
          first_name: 'chinese-name',
          last_name: 'chinese-name',
          'identify?': { 'doc_number?': 'text' },
        },
        payment: 'payment',
        card: { pan: 'pan' },
        account: { bank_id: 'positive-integer', region_id: 'positive-integer', city: 'text', branch: 'text' },
      },
    },
  },
  payoutForm: {
    fields: [
      { name: 'customer.last_name', kind: 'text', chinese: true, autocomplete: 'family-name' },
      { name: 'customer.first_name', kind: 'text', chinese: true, autocomplete: 'given-name' },
      { name: 'customer.identify.doc_number', kind: 'text', optional: true },
      { name: 'customer.phone', kind: 'tel', autocomplete: 'tel' },
      { name: 'customer.email', kind: 'email', autocomplete: 'email' },
      { name: 'customer.state', kind: 'text', chinese: true, autocomplete: 'address-level1' },
      { name: 'customer.city', kind: 'text', chinese: true, autocomplete: 'address-level2' },
      { name: 'customer.street', kind: 'text', chinese: true, autocomplete: 'street-address' },
      { name: 'customer.zip', kind: 'digits', autocomplete: 'postal-code' },
      { name: 'card.pan', kind: 'pan', autocomplete: 'off' },
      { name: 'account.bank_id', kind: 'bank' },
      { name: 'account.region_id', kind: 'region' },
      { name: 'account.city', kind: 'text' },
      { name: 'account.branch', kind: 'text' },
    ],
    fixed: { 'customer.country': 'CN' },
  },
  callbackMethodName: 'cup-bank',
};
