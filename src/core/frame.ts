/**
 * The Payment Page in a frame (SPEC §10): what each message of the framed page asks the element to
 * do (the URL with `frame_mode` is built in `payment-page.ts`).
 *
 *   message data ─► readFrameMessage (JSON text or object) ─► loaded | resize | payment | close | navigate
 *
 * Pure and DOM-free. Who sent a message (its origin and its window) is checked by the element
 * before anything here runs; what the message says is still checked here, as any input is:
 * malformed or unknown messages are `null`, and the pages it would take the buyer to go through
 * the same redirect plan as Gate's `redirect_data` (absolute `https:`/`http:`, `allowed-hosts`).
 */
import { parseRedirectData, type RedirectOptions, type RedirectPlan } from './redirect.ts';
import { isPlainObject, type Checked } from './rules.ts';

/** The frame's height follows `epframe.resize` within these bounds (px). */
export const FRAME_HEIGHT = { min: 120, max: 5_000 } as const;

/** `status` of `ecommpay-payment`, from `epframe.payment.<name>`. */
export type PaymentStatus = 'sent' | 'success' | 'fail' | 'canceled' | 'try-again';

const PAYMENT_STATUS: Readonly<Record<string, PaymentStatus>> = {
  sent: 'sent',
  success: 'success',
  fail: 'fail',
  canceled: 'canceled',
  try_again: 'try-again',
};

/** What a message from the Payment Page asks for. */
export type FrameAction =
  | { kind: 'loaded' }
  | { kind: 'resize'; height: number }
  | { kind: 'payment'; status: PaymentStatus; data: Record<string, unknown> }
  | { kind: 'close' }
  /** `epframe.redirect` and `epframe.acs_parent_page_redirect_run`: the whole page goes to a bank. */
  | { kind: 'navigate'; message: string; plan: Checked<RedirectPlan> };

/**
 * A message's data (`{"message": "epframe.…", "data": {…}}`, as JSON text or an object) → what it
 * asks for, or `null` when it is malformed, unknown, or one the element has no use for (styling
 * messages, `epframe.enter_key_pressed`, …).
 */
export function readFrameMessage(raw: unknown, options: RedirectOptions = {}): FrameAction | null {
  let message = raw;
  if (typeof raw === 'string') {
    try {
      message = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!isPlainObject(message) || typeof message.message !== 'string') return null;
  const name = message.message;
  const data = isPlainObject(message.data) ? message.data : {};
  if (name === 'epframe.loaded') return { kind: 'loaded' };
  if (name === 'epframe.exit' || name === 'epframe.destroy') return { kind: 'close' };
  if (name === 'epframe.resize') {
    const height = typeof data.height === 'string' && data.height.trim() !== '' ? Number(data.height) : data.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0) return null;
    return { kind: 'resize', height: Math.round(Math.min(Math.max(height, FRAME_HEIGHT.min), FRAME_HEIGHT.max)) };
  }
  const payment = /^epframe\.payment\.(\w+)$/.exec(name)?.[1];
  if (payment !== undefined) {
    const status = Object.hasOwn(PAYMENT_STATUS, payment) ? PAYMENT_STATUS[payment] : undefined;
    return status ? { kind: 'payment', status, data } : null;
  }
  if (name === 'epframe.redirect') {
    return { kind: 'navigate', message: name, plan: parseRedirectData({ method: 'GET', url: data.url, body: [] }, options) };
  }
  if (name === 'epframe.acs_parent_page_redirect_run') return { kind: 'navigate', message: name, plan: parseRedirectData(data, options) };
  return null;
}
