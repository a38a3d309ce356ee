/** The shape of one payment method: its rules, its Gate requests and its payout form. One file per method fills it in. */

/** An amount range in minor units, inclusive. */
export interface AmountRange {
  min: number;
  max: number;
}

export type MethodCode = 'cup-bank' | 'online-philippines-banks';

/**
 * How a Gate field is checked (see `core/gate.ts`): `text` (non-empty, no `;`), `id`, `ip`,
 * `email`, `phone` (4–24 digits), `country` (ISO 3166 alpha-2), `chinese-name`, `chinese-text`,
 * `positive-integer`, `url`, `pan` (12–30 digits), `account-number` (6–30 digits), or `=VALUE`
 * for a fixed value.
 */
export type FieldRule =
  | 'text'
  | 'id'
  | 'ip'
  | 'email'
  | 'phone'
  | 'country'
  | 'chinese-name'
  | 'chinese-text'
  | 'positive-integer'
  | 'url'
  | 'pan'
  | 'account-number'
  | `=${string}`;

/** An object of a Gate body: field → rule, or a nested object. A key ending in `?` is optional. */
export interface BodyShape {
  [field: string]: FieldRule | BodyShape;
}

/**
 * A Gate request body without `general`: its objects. `payment` and `return_url` are the same for
 * every method (amount within the method's limits, currency it accepts; the result URLs).
 */
export interface BodySpec {
  customer: BodyShape;
  account?: BodyShape;
  card?: BodyShape;
  payment: 'payment';
  return_url?: 'return-url';
}

/** What kind of control a payout field needs. `pan`: a card number or (the buyer's choice) a bank account number. */
export type PayoutFieldKind = 'text' | 'email' | 'tel' | 'digits' | 'pan' | 'bank' | 'region';

/** One field of a payout form: its dotted path in the Gate request. */
export interface PayoutField {
  name: string;
  kind: PayoutFieldKind;
  /** Written in Chinese (CUP names and address). */
  chinese?: boolean;
  optional?: boolean;
  autocomplete?: string;
}

export interface MethodRules {
  /** Payment Page method code, sent as `force_payment_method`. */
  code: MethodCode;
  /** Key inside `payment_methods_options`, when the method has the Philippine-style bank display options. */
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
  /** The most a payout may be to arrive at once (Philippines: InstaPay); larger ones go in batches. */
  instantPayoutMax?: number;
  /** When set, `language_code` must be this value (and defaults to it). */
  languageCode?: string;
  /** UI language the element uses by default. */
  uiLanguage: 'en' | 'zh';
  /** Whether `payment_description` is required. */
  descriptionRequired: boolean;
  /** `false` when the method does not work on mobile devices. */
  mobileSupported: boolean;
  /** Bank IDs test projects accept, when the method restricts them. */
  testBankIds?: readonly number[];
  /** Amounts (minor units) that decline in test mode; any other amount succeeds. */
  testDeclineAmounts: readonly number[];
  /** Basic and threshold time of a purchase, in minutes, when documented. */
  purchaseTimes: { basic?: number; threshold?: number };
  /** Gate API: paths and request bodies. */
  gate: {
    sale: string;
    payout: string;
    /** The `{method}` segment of `/v2/info/banks/{method}/{operation}/list`. */
    banksListMethod: string;
    /** Operations whose bank list ecommpay publishes. */
    banksListOperations: readonly ('sale' | 'payout')[];
    bodies: { sale: BodySpec; payout: BodySpec };
  };
  /** The payout form: its fields in the order shown, and values it always sends. */
  payoutForm: { fields: readonly PayoutField[]; fixed?: Readonly<Record<string, string>> };
  /** The `payment.method` string ecommpay's callbacks use (varies; never key logic on it). */
  callbackMethodName: string;
}
