/** The Payment Page address, the launch URL and its displays. SPEC §9 "Payment Page rules", §10, DESIGN §1.1. */
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

/** How the checkout shows the Payment Page: the window goes there, a dialog over the page, or inline. */
export type Display = 'redirect' | 'modal' | 'iframe';

export type FrameDisplay = Exclude<Display, 'redirect'>;

export const DISPLAYS: readonly Display[] = ['redirect', 'modal', 'iframe'];

/** Milliseconds a framed Payment Page has to say `epframe.loaded` after the frame's `load` (as ecommpay's `merchant.js`). */
export const DEFAULT_FRAME_TIMEOUT = 5_000;

/** `frame_mode` of each frame display, as ecommpay's `merchant.js` sends it. */
const FRAME_MODE: Record<FrameDisplay, string> = { modal: 'popup', iframe: 'iframe' };

/**
 * A signed launch URL (`launchUrl`'s, which always has a query) with `frame_mode` appended: added
 * after signing, as ecommpay's own script does, so it is never part of what the backend signs.
 */
export const frameUrl = (url: string, display: FrameDisplay): string => `${url}&frame_mode=${FRAME_MODE[display]}`;
