/**
 * `ecommpay-elements/core`: the DOM-free helpers the elements are built on: the payment methods'
 * rules, the checkout's configuration and launch parameters, the Payment Page URL, the redirect
 * plan and the error codes. No side effects, no Lit, no DOM: safe to import from a server, a
 * worker or a page that defines no element (`import` or `require`).
 */
export { ERROR_CODES, EcommpayFailure, SIGN_REFUSALS, isSignRefusal } from './core/errors.ts';
export type { ErrorCode, EcommpayErrorDetail, FieldIssue, IssueParams, IssueRule, SignRefusal } from './core/errors.ts';
export { METHODS, METHOD_CODES, cupBank, onlinePhilippinesBanks, methodRules } from './core/methods/index.ts';
export type { MethodCode, MethodRules, AmountRange } from './core/methods/index.ts';
export { parseCheckoutConfig, memoiseCheckout, paramIssues } from './core/launch.ts';
export type { CheckoutConfig, CheckoutInput, LaunchParams } from './core/launch.ts';
export { parseRedirectData, mergeQuery } from './core/redirect.ts';
export type { RedirectData, RedirectField, RedirectMethod, RedirectPlan } from './core/redirect.ts';
export { launchUrl, DEFAULT_PAYMENT_PAGE_URL } from './core/payment-page.ts';
export type { Display } from './core/payment-page.ts';
export { formatAmount, minorDigits } from './core/amount.ts';
export type { SignAnswer, SignFunction } from './core/sign-client.ts';
export type { BankList, BankOption } from './core/banks.ts';
export type { GateBody } from './core/gate.ts';
export type { PaymentStatus } from './core/frame.ts';
