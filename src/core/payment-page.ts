/** The Payment Page address and the launch URL. SPEC §9 "Payment Page rules", DESIGN §1.1. */
import type { LaunchParams } from './launch.ts';

export const DEFAULT_PAYMENT_PAGE_URL = 'https://paymentpage.ecommpay.com';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A Payment Page base URL we are willing to send a buyer to: absolute `https:`, or `http:` on
 * this machine only (a local sandbox). Returns the normalised base (no trailing slash) or `null`.
 */
export function paymentPageBase(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!ok || url.username || url.password || url.search || url.hash) return null;
  return url.href.replace(/\/+$/, '');
}

/** A parameter value as it is signed and sent: booleans as `1`/`0` (the signer does the same). */
export const wireValue = (value: string | number | boolean): string =>
  typeof value === 'boolean' ? (value ? '1' : '0') : String(value);

/** `<base>/payment?<params>&signature=<signature>`, every key and value URL-encoded. */
export function launchUrl(base: string, params: LaunchParams, signature: string): string {
  const query = Object.entries(params)
    .filter(([key]) => key !== 'signature')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(wireValue(value))}`);
  query.push(`signature=${encodeURIComponent(signature)}`);
  return `${base}/payment?${query.join('&')}`;
}
