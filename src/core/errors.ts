/**
 * Error codes of every element, and the shape of what `ecommpay-error` carries.
 * No DOM here: the server helpers, the demo backend and the elements share it.
 */

/**
 * Why a merchant's backend refused to sign (its error answer's `code`, DESIGN §1.1): each tells the
 * buyer something to do other than trying again.
 */
export const SIGN_REFUSALS = ['unknown-payment', 'already-paid', 'amount-changed', 'expired'] as const;

export type SignRefusal = (typeof SIGN_REFUSALS)[number];

export const isSignRefusal = (value: unknown): value is SignRefusal => (SIGN_REFUSALS as readonly unknown[]).includes(value);

/** Every code an `ecommpay-error` event can carry. */
export const ERROR_CODES = [
  'invalid-config',
  'mobile-unsupported',
  'sign-http',
  'sign-network',
  'sign-timeout',
  'sign-invalid-response',
  'invalid-redirect',
  'redirect-blocked',
  'redirect-unavailable',
  'load-failed',
  'frame-load-failed',
  ...SIGN_REFUSALS,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The rule an issue breaks: a stable code a UI can translate for buyers (the `message` is for
 * developers and always English).
 */
export type IssueRule =
  | 'required'
  | 'type'
  | 'integer'
  | 'positive-integer'
  | 'min'
  | 'max'
  | 'one-of'
  | 'max-length'
  | 'no-semicolon'
  | 'currency'
  | 'only-value'
  | 'only-for-method'
  | 'email'
  | 'url'
  | 'digits'
  | 'pattern'
  | 'chinese'
  | 'luhn'
  | 'integer-list'
  | 'reserved'
  | 'scalar'
  | 'not-in-list'
  | 'host'
  | 'unreachable'
  | 'answer'
  | 'url-length';

/** Values a rule names: limits (minor units, with `currency`), lengths, allowed values. */
export type IssueParams = Readonly<Record<string, string | number>>;

/** One broken rule: which field (an attribute or parameter name), which rule, and a developer's message. */
export interface FieldIssue {
  field: string;
  rule: IssueRule;
  /** English, for the merchant's developer: names the field and the rule. */
  message: string;
  params?: IssueParams;
}

/** `detail` of `ecommpay-error`. */
export interface EcommpayErrorDetail {
  code: ErrorCode;
  /** English, for the merchant's developer. */
  message: string;
  issues?: FieldIssue[];
  /** The signing endpoint's HTTP status (`sign-http`, and a backend's refusal over HTTP). */
  status?: number;
}

/** `"<what>: <message>; <message>"`: the issues in one line. */
export const describeIssues = (what: string, issues: readonly FieldIssue[]): string =>
  `${what}: ${issues.map((i) => i.message).join('; ')}`;

/** A failure with a code, thrown inside the pipeline and turned into an `ecommpay-error` event. */
export class EcommpayFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly status: number | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[], status?: number) {
    super(message);
    this.name = 'EcommpayFailure';
    this.code = code;
    this.issues = issues;
    this.status = status;
  }

  toDetail(): EcommpayErrorDetail {
    const detail: EcommpayErrorDetail = { code: this.code, message: this.message };
    if (this.issues) detail.issues = this.issues;
    if (this.status !== undefined) detail.status = this.status;
    return detail;
  }
}
