/**
 * Gate (API) helpers for the merchant's backend: the paths, the request and callback schemas and
 * the bank and region catalogues, the same ones the elements and the local sandbox use. A payout
 * form's `detail.request` checked here on the server is checked by the very rules the browser
 * applied, so the two can never disagree.
 *
 *   const checked = checkGate(gateRequestSchema('cup-bank', 'payout'), { ...request, general });
 *   if (!checked.ok) return Response.json({ issues: checked.issues }, { status: 422 });
 *   await fetch(`https://api.ecommpay.com${gatePath('cup-bank', 'payout')}`, …);
 */
export {
  GATE_OPERATIONS,
  STATUS_PATH,
  FINAL_STATUSES,
  isFinalStatus,
  gatePath,
  bankListPath,
  gateBodySchema,
  gateRequestSchema,
  checkGate,
  gateIssues,
} from '../core/gate.ts';
export type { GateBody, GateGeneral, GateOperation, GateRequest } from '../core/gate.ts';
export { callbackSchema, callbackRedirectDataSchema } from './callback-schema.ts';
export type { Callback } from './callback-schema.ts';
export { METHODS, METHOD_CODES, isMethodCode, methodRules } from '../core/methods/index.ts';
export type { AmountRange, MethodCode, MethodRules } from '../core/methods/index.ts';
export { banksFor, regionsFor } from '../data/index.ts';
export { normaliseBankList } from '../core/banks.ts';
export type { BankOption } from '../core/banks.ts';
export type { Bank, BankOperation, Region } from '../data/index.ts';
export type { FieldIssue } from '../core/errors.ts';
