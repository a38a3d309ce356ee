/**
 * Error codes of every element, and the shape of what `ecommpay-error` carries.
 * No DOM here: the server helpers, the demo backend and the elements share it.
 */

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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One broken rule: which field (an attribute or parameter name) and what the rule is. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** `detail` of `ecommpay-error`. */
export interface EcommpayErrorDetail {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** A failure with a code, thrown inside the pipeline and turned into an `ecommpay-error` event. */
export class EcommpayFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'EcommpayFailure';
    this.code = code;
    this.issues = issues;
  }

  toDetail(): EcommpayErrorDetail {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}
