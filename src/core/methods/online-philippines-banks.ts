import type { MethodRules } from './types.ts';

/**
 * Banks of the Philippines (online banking). Source: seeds/philippines-banks.ru.txt, SPEC §2, §3, §9.
 * PHP; purchases in other currencies are converted by ecommpay (the limits apply to PHP);
 * payouts PHP only, through InstaPay (≤ 50,000.00) or PESONet.
 */
export const onlinePhilippinesBanks: MethodRules = {
  code: 'online-philippines-banks',
  optionsKey: 'online_philippines_banks',
  name: { en: 'Banks of the Philippines', zh: '菲律宾网上银行' },
  currency: 'PHP',
  purchaseLimits: { min: 100, max: 100_000_000 },
  payoutCurrency: 'PHP',
  payoutLimits: { min: 1_000, max: 10_000_000 },
  uiLanguage: 'en',
  descriptionRequired: false,
  bankDisplayOptions: true,
  mobileSupported: true,
  testBankIds: [486, 487],
  testDeclineAmounts: [40_000, 40_400],
  purchaseTimes: { basic: 30, threshold: 24 * 60 },
  gate: {
    sale: '/v2/payment/banks/philippines/sale',
    payout: '/v2/payment/banks/philippines/payout',
    banksListMethod: 'philippines',
    banksListOperations: ['sale', 'payout'],
  },
  callbackMethodName: 'Philippines banks',
};

/** InstaPay's per-payout maximum (minor units); PESONet has none. SPEC §9. */
export const INSTAPAY_MAX = 5_000_000;
