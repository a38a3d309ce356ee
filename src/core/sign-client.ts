/**
 * Getting the signature from the merchant's backend (DESIGN §1.1, "Signing protocol").
 *
 *   POST <sign-url>  {"params": {...}}  →  200 {"signature": "...", "params"?: {...}}
 *
 * Every failure becomes an EcommpayFailure with its code; an abort by the caller stays an AbortError.
 */
import * as z from 'zod/mini';
import { EcommpayFailure, describeIssues, isSignRefusal } from './errors.ts';
import type { LaunchParams } from './launch.ts';
import { BASE64, MAX_TIMER, isPlainObject, isScalar, matching, report, validate } from './rules.ts';

/** What a backend (or a custom `sign` function) answers. */
export interface SignAnswer {
  signature: string;
  /** The parameters actually signed; when present they replace what was sent. */
  params?: LaunchParams;
}

/** A custom signer replacing the HTTP call: `(params, { signal }) => Promise<SignAnswer>`. */
export type SignFunction = (params: LaunchParams, options: { signal: AbortSignal }) => Promise<SignAnswer>;

let answerSchema: z.ZodMiniType<SignAnswer> | undefined;

/** The answer's schema: a Base64 signature, and optionally flat scalar parameters. */
const buildAnswerSchema = () =>
  z.object({
    signature: matching((v) => BASE64.test(v), 'pattern', { example: 'Base64 text' }),
    params: z.optional(
      z.unknown().check(
        z.superRefine((params, ctx) => {
          if (!isPlainObject(params)) return void report(ctx, [], 'type', { expected: 'an object of parameters' });
          for (const [key, value] of Object.entries(params)) if (!isScalar(value)) report(ctx, [key], 'scalar');
        }),
      ),
    ),
  }) as z.ZodMiniType<SignAnswer>;

/** Validates an answer; throws `sign-invalid-response` naming what is wrong. */
export function checkSignAnswer(answer: unknown): SignAnswer {
  const checked = validate((answerSchema ??= buildAnswerSchema()), answer, 'answer');
  if (checked.ok) return checked.value;
  throw new EcommpayFailure(
    'sign-invalid-response',
    describeIssues('The signing endpoint\'s answer is not {"signature": "<base64>", "params"?: {...}}', checked.issues),
    checked.issues,
  );
}

/** `AbortSignal.any([a, b])`, which Safari before 17.4 and Firefox before 124 lack. */
export function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  const forward = (from: AbortSignal) => () => both.abort(from.reason);
  if (a.aborted) both.abort(a.reason);
  else if (b.aborted) both.abort(b.reason);
  else {
    a.addEventListener('abort', forward(a), { once: true, signal: both.signal });
    b.addEventListener('abort', forward(b), { once: true, signal: both.signal });
  }
  return both.signal;
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/**
 * Runs `work` with a time limit and the caller's signal. The caller's abort rejects with an
 * AbortError; the time limit with `sign-timeout`.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  signal: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timer = new AbortController();
  const combined = anySignal(signal, timer.signal);
  let id: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    id = setTimeout(() => {
      timer.abort();
      reject(new EcommpayFailure('sign-timeout', `No signature within ${timeoutMs} ms`));
    }, Math.min(timeoutMs, MAX_TIMER));
  });
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new DOMException('Signing aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(combined), timedOut, aborted]);
  } finally {
    clearTimeout(id);
  }
}

/**
 * Any failure of signing as a failure with a code: a custom `sign` function may reject with an
 * error whose `code` is a refusal (`already-paid`, …); anything else it throws is
 * `sign-invalid-response`.
 */
export function signFailure(error: unknown): EcommpayFailure {
  if (error instanceof EcommpayFailure) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return isSignRefusal(code) ? new EcommpayFailure(code, `The sign function refused the payment (${code}): ${message}`) : new EcommpayFailure('sign-invalid-response', message);
}

/** POSTs the parameters to the merchant's signing endpoint and validates the answer. */
export async function signOverHttp(url: string, params: LaunchParams, signal: AbortSignal): Promise<SignAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ params }),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (isAbort(e) || signal.aborted) throw e;
    throw new EcommpayFailure('sign-network', `The signing endpoint ${url} could not be reached`);
  }
  if (!response.ok) {
    let body: { error?: unknown; code?: unknown } = {};
    try {
      body = Object(await response.json());
    } catch {
      // any body is tolerated
    }
    const reason = typeof body.error === 'string' ? `: ${body.error}` : '';
    const refusal = isSignRefusal(body.code) ? body.code : null;
    throw new EcommpayFailure(
      refusal ?? 'sign-http',
      `The signing endpoint answered HTTP ${response.status}${refusal ? ` (${refusal})` : ''}${reason}`,
      undefined,
      response.status,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (e) {
    if (isAbort(e) || signal.aborted) throw e;
    throw new EcommpayFailure('sign-invalid-response', 'The signing endpoint did not answer with JSON');
  }
  return checkSignAnswer(body);
}
