/** The shape of one payment method's rules. One file per method fills it in. */

/** An amount range in minor units, inclusive. */
export interface AmountRange {
  min: number;
  max: number;
}

export type MethodCode = 'cup-bank' | 'online-philippines-banks';

export interface MethodRules {
  /** Payment Page method code, sent as `force_payment_method`. */
  code: MethodCode;
  /** Key inside `payment_methods_options`, when the method has display options. */
  optionsKey?: string;
  /** The method's name as the buyer reads it, per UI language. */
  name: { en: string; zh: string };
  /** The default payment currency. */
  currency: string;
  /** When set, the only currencies purchases may use. */
  purchaseCurrencies?: readonly string[];
  /** The documented purchase limits; they apply to purchases in `currency`. */
  purchaseLimits: AmountRange;
  /** Payout currency (payouts are accepted in this one only) and limits. */
  payoutCurrency: string;
  payoutLimits: AmountRange;
  /** When set, `language_code` must be this value (and defaults to it). */
  languageCode?: string;
  /** UI language the element uses by default. */
  uiLanguage: 'en' | 'zh';
  /** Whether `payment_description` is required. */
  descriptionRequired: boolean;
  /** Whether the method supports the Philippine-style bank display options. */
  bankDisplayOptions: boolean;
  /** `false` when the method does not work on mobile devices. */
  mobileSupported: boolean;
  /** Bank IDs test projects accept, when the method restricts them. */
  testBankIds?: readonly number[];
  /** Amounts (minor units) that decline in test mode; any other amount succeeds. */
  testDeclineAmounts: readonly number[];
  /** Basic and threshold time of a purchase, in minutes, when documented. */
  purchaseTimes: { basic?: number; threshold?: number };
  /** Gate API paths. */
  gate: {
    sale: string;
    payout: string;
    /** The `{method}` segment of `/v2/info/banks/{method}/{operation}/list`. */
    banksListMethod: string;
    /** Operations whose bank list ecommpay publishes. */
    banksListOperations: readonly ('sale' | 'payout')[];
  };
  /** The `payment.method` string ecommpay's callbacks use (varies; never key logic on it). */
  callbackMethodName: string;
}
