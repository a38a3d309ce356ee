import { cupBank } from './cup-bank.ts';
import { onlinePhilippinesBanks } from './online-philippines-banks.ts';
import type { AmountRange, MethodCode, MethodRules } from './types.ts';

export type * from './types.ts';
export { cupBank } from './cup-bank.ts';
export { onlinePhilippinesBanks } from './online-philippines-banks.ts';

/** Every supported method, by its Payment Page code. Adding a method = one file + one line here. */
export const METHODS: Readonly<Record<MethodCode, MethodRules>> = {
  'cup-bank': cupBank,
  'online-philippines-banks': onlinePhilippinesBanks,
};

export const METHOD_CODES = Object.keys(METHODS) as MethodCode[];

export const isMethodCode = (value: unknown): value is MethodCode =>
  typeof value === 'string' && Object.hasOwn(METHODS, value);

export const methodRules = (code: MethodCode): MethodRules => METHODS[code];

/** The methods with bank display options (`split-banks`, `banks-id`, `bank-picker`), by name. */
export const bankOptionMethods = (): string =>
  METHOD_CODES.filter((m) => METHODS[m].optionsKey).map((m) => METHODS[m].name.en).join(', ');

/** The limits that apply: the overrides, else the documented ones when the currency is the method's. */
export function effectiveLimits(rules: MethodRules, currency: string, min?: number, max?: number): AmountRange | undefined {
  if (min === undefined && max === undefined && currency !== rules.currency) return undefined;
  return { min: min ?? rules.purchaseLimits.min, max: max ?? rules.purchaseLimits.max };
}
