/**
 * `ecommpay-elements/server`: signing helpers for the merchant's backend. No DOM; Web Crypto only.
 * Runs on Node ≥ 20, Deno, Bun and edge workers. The secret key lives here and nowhere else.
 */
export { signParams, verifySignature, signatureString, withoutSignature } from './signer.ts';
export { createSignHandler, DEFAULT_CLIENT_PARAMS } from './sign-handler.ts';
export type { ResolvedPayment, SignHandlerOptions } from './sign-handler.ts';
export type { LaunchParams } from '../core/launch.ts';
export { formatAmount, minorDigits } from '../core/amount.ts';
export * from './gate.ts';
