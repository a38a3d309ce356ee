import type { MethodRules } from './types.ts';

/**
 * CUP Banks (China UnionPay bank payments). Source: seeds/cup-banks.ru.txt, SPEC §2.
 * CNY only; `language_code` must be `zh`; `payment_description` required; not supported on mobile devices.
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
  bankDisplayOptions: false,
  mobileSupported: false,
  testDeclineAmounts: [40_000, 40_400],
  purchaseTimes: { basic: 5 },
  gate: {
    sale: '/v2/payment/cup/bank/sale',
    payout: '/v2/payment/chinaunionpay/payout',
    banksListMethod: 'chinaunionpay',
    banksListOperations: ['payout'],
  },
  callbackMethodName: 'cup-bank',
};
