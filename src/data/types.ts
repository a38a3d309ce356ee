/**
 * Types of the bundled bank and region catalogues.
 *
 * The catalogues are copies of the tables in ecommpay's documentation (see SPEC §2 and §9).
 * They are a fallback and a starting point: the live lists (`/v2/info/banks/...`) are
 * authoritative. Oddities of the source tables are kept as written and made visible through
 * the flags below; they are never fixed silently.
 *
 * Pure types: no runtime code, no DOM or lit imports.
 */

/** The payment methods that have a catalogue (their Payment Page method codes). */
export type CatalogueMethod = 'cup-bank' | 'online-philippines-banks';

/** The operation a bank list is for: a purchase (`sale`) or a payout. */
export type BankOperation = 'sale' | 'payout';

/** One bank of a method's bank table. */
export interface Bank {
  /** The bank ID ecommpay uses (`account.bank_id`, `banks_id`). */
  readonly id: number;
  /** The bank's name, exactly as written in the source table. */
  readonly name: string;
  /**
   * The bank's letter code (Philippines only; CUP's table has none). Payout callbacks name the
   * bank by this code in `operation.provider.endpoint_id`.
   */
  readonly code?: string;
  /** Whether the bank can be used for purchases. */
  readonly sale: boolean;
  /** Whether the bank can be used for payouts. */
  readonly payout: boolean;
  /**
   * `true` when `sale`/`payout` are inferred rather than documented (SPEC §9: four Philippine
   * banks are absent from the English lists; their support is inferred from name and ID range).
   */
  readonly inferred?: boolean;
  /** `true` when another row of the same table has the same name (CUP: `Luzhou Bank`, IDs 340 and 391). */
  readonly duplicateName?: boolean;
  /**
   * `true` when the row's name is a province name rather than a bank (CUP: `Jiangxi Sheng 18`,
   * `Jilin Sheng 16`, `Taiwan Sheng 30`, `Tianjin Shi 29`, the same IDs as those provinces in
   * the region table).
   */
  readonly isRegionName?: boolean;
  /** A human-readable remark on a flagged row. */
  readonly note?: string;
}

/** One region (`region_id` of a payout request). */
export interface Region {
  /** The region ID ecommpay uses (`account.region_id`). */
  readonly id: number;
  /** The region's name, exactly as written in the source table. */
  readonly name: string;
  /** Its name in Chinese characters (CUP's provinces: 浙江省), shown in a Chinese UI. */
  readonly zh?: string;
}
