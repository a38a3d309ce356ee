/**
 * `ecommpay-elements/server`: what the merchant's backend needs: signing and verification, the
 * signing endpoint, the callback endpoint, a `node:http` adapter, and the Gate helpers. No DOM;
 * Web Crypto only. Runs on Node ≥ 20, Deno, Bun and edge workers. The secret key lives here and
 * nowhere else.
 */
export {
  signParams,
  verifySignature,
  checkSignature,
  findAmbiguity,
  signatureString,
  withoutSignature,
  AmbiguousPayloadError,
  SIGNATURE_LIMITS,
} from './signer.ts';
export type { SignatureCheck, UnsignableReason } from './signer.ts';
export { createSignHandler, DEFAULT_CLIENT_PARAMS, REFUSAL_STATUS } from './sign-handler.ts';
export type { ResolvedPayment, RefusedPayment, SignHandlerOptions } from './sign-handler.ts';
export { SIGN_REFUSALS, isSignRefusal, type SignRefusal } from '../core/errors.ts';
export { createCallbackHandler, callbackKey } from './callback-handler.ts';
export type {
  CallbackAction,
  CallbackAnswer,
  CallbackEvent,
  CallbackHandlerOptions,
  CallbackReason,
  ExpectedPayment,
  RecordResult,
} from './callback-handler.ts';
export { toNodeHandler, readBodyText, jsonResponse } from './http.ts';
export type { FetchHandler, NodeHandlerOptions, NodeRequest, NodeResponse, HandlerInfo } from './http.ts';
export type { LaunchParams } from '../core/launch.ts';
export { formatAmount, minorDigits } from '../core/amount.ts';
export * from './gate.ts';
