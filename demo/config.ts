/**
 * The demo's configuration. Without the four ECOMMPAY_* variables everything runs locally against
 * the sandbox with a **demo key** (project 4242): never use that key anywhere else.
 */

/** The demo project: a made-up test project known only to the local sandbox. */
export const DEMO_PROJECT_ID = 4242;
/** DEMO KEY — not a real ecommpay secret; the local sandbox and the demo backend share it. */
export const DEMO_SECRET_KEY = 'demo-only-secret-key-4242-not-for-production';

export interface EcommpayConnection {
  projectId: number;
  secretKey: string;
  /** Payment Page base URL (no trailing slash). */
  paymentPageUrl: string;
  /** Gate base URL (no trailing slash). */
  gateUrl: string;
  /** `true` when talking to the local sandbox. */
  sandbox: boolean;
  /** A test project: the elements offer only the methods' test banks (Philippines: 486, 487). */
  testMode: boolean;
}

/**
 * The real ecommpay connection from the environment, or `null` when it is not (fully) configured.
 * Throws when only some of the variables are set: half a configuration is a mistake worth saying.
 */
export function connectionFromEnv(env: NodeJS.ProcessEnv = process.env): EcommpayConnection | null {
  const names = ['ECOMMPAY_PROJECT_ID', 'ECOMMPAY_SECRET_KEY', 'ECOMMPAY_PAYMENT_PAGE_URL', 'ECOMMPAY_GATE_URL'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return null;
  if (set.length < names.length) {
    throw new Error(`Set all of ${names.join(', ')} to use ecommpay (missing: ${names.filter((n) => !env[n]).join(', ')})`);
  }
  const projectId = Number(env.ECOMMPAY_PROJECT_ID);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) throw new Error('ECOMMPAY_PROJECT_ID must be a positive integer');
  return {
    projectId,
    secretKey: env.ECOMMPAY_SECRET_KEY!,
    paymentPageUrl: env.ECOMMPAY_PAYMENT_PAGE_URL!.replace(/\/+$/, ''),
    gateUrl: env.ECOMMPAY_GATE_URL!.replace(/\/+$/, ''),
    sandbox: false,
    testMode: env.ECOMMPAY_TEST_PROJECT === '1',
  };
}

/** The connection to a local sandbox at `sandboxUrl`. */
export const sandboxConnection = (sandboxUrl: string): EcommpayConnection => ({
  projectId: DEMO_PROJECT_ID,
  secretKey: DEMO_SECRET_KEY,
  paymentPageUrl: sandboxUrl,
  gateUrl: sandboxUrl,
  sandbox: true,
  testMode: true,
});
