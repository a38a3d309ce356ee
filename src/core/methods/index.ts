import { cupBank } from './cup-bank.ts';
import { onlinePhilippinesBanks } from './online-philippines-banks.ts';
import type { MethodCode, MethodRules } from './types.ts';

export type { AmountRange, MethodCode, MethodRules } from './types.ts';
export { cupBank } from './cup-bank.ts';
export { onlinePhilippinesBanks, INSTAPAY_MAX } from './online-philippines-banks.ts';

/** Every supported method, by its Payment Page code. Adding a method = one file + one line here. */
export const METHODS: Readonly<Record<MethodCode, MethodRules>> = {
  'cup-bank': cupBank,
  'online-philippines-banks': onlinePhilippinesBanks,
};

export const METHOD_CODES = Object.keys(METHODS) as MethodCode[];

export const isMethodCode = (value: unknown): value is MethodCode =>
  typeof value === 'string' && Object.hasOwn(METHODS, value);

export const methodRules = (code: MethodCode): MethodRules => METHODS[code];
