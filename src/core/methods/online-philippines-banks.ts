import type { MethodRules } from './types.ts';

/**
 * Banks of the Philippines (online banking). Source: seeds/philippines-banks.ru.txt, SPEC §2, §3, §5, §9.
 * PHP; purchases in other currencies are converted by ecommpay (the limits apply to PHP); the
 * Payment Page's bank display options (`payment_methods_options`); payouts PHP only, through
 * InstaPay (≤ 50,000.00, at once) or PESONet (batches).
 */
export const onlinePhilippinesBanks: MethodRules = {
  code: 'online-philippines-banks',
  optionsKey: 'online_philippines_banks',
  name: { en: 'Banks of the Philippines', zh: '菲律宾网上银行' },
  currency: 'PHP',
  purchaseLimits: { min: 100, max: 100_000_000 },
  payoutCurrency: 'PHP',
  payoutLimits: { min: 1_000, max: 10_000_000 },
  instantPayoutMax: 5_000_000,
  uiLanguage: 'en',
  descriptionRequired: false,
  mobileSupported: true,
  testBankIds: [486, 487],
  testDeclineAmounts: [40_000, 40_400],
  purchaseTimes: { basic: 30, threshold: 24 * 60 },
  gate: {
    sale: '/v2/payment/banks/philippines/sale',
    payout: '/v2/payment/banks/philippines/payout',
    banksListMethod: 'philippines',
    banksListOperations: ['sale', 'payout'],
    bodies: {
      // The bank chosen up front; names may be required by the bank.
      sale: {
        customer: { id: 'id', email: 'email', ip_address: 'ip', 'first_name?': 'text', 'last_name?': 'text' },
        payment: 'payment',
        account: { bank_id: 'positive-integer' },
        return_url: 'return-url',
      },
      payout: {
        customer: { id: 'id', ip_address: 'ip' },
        payment: 'payment',
        account: {
          bank_id: 'positive-integer',
          customer_name: 'text',
          number: 'account-number',
          branch: 'text',
          city: 'text',
          region_id: 'positive-integer',
        },
      },
    },
  },
  payoutForm: {
    fields: [
      { name: 'account.customer_name', kind: 'text', autocomplete: 'name' },
      { name: 'account.number', kind: 'digits', autocomplete: 'off' },
      { name: 'account.bank_id', kind: 'bank' },
      { name: 'account.region_id', kind: 'region' },
      { name: 'account.city', kind: 'text' },
      { name: 'account.branch', kind: 'text' },
    ],
  },
  callbackMethodName: 'Philippines banks',
};
